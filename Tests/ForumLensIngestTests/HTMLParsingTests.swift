import Foundation
import Testing
@testable import ForumLensIngest

@Suite struct HTMLParsingTests {
    private func parse(_ html: String, encoding: String = "UTF-8", depthCap: Int = 10_000) -> HTMLTree {
        HTMLParsing.parse(Array(html.utf8), encoding: encoding, depthCap: depthCap)
    }

    @Test func buildsATreeInDocumentOrder() {
        let tree = parse("""
            <!-- saved from url=(0028)http://forum.example.com/t/1 -->
            <html><head><title>Réseaux &amp; temps</title><script>var post = "<div>fake</div>";</script></head>
            <body><div class="post" id="p1"><b>Eogez</b> a écrit<br>bonjour</div><p>fin</body></html>
            """)
        #expect(tree.text(1).contains("saved from url=(0028)http://forum.example.com/t/1"))
        let post = (0 ..< Int32(tree.count)).first { tree.attribute("id", of: $0) == "p1" }!
        #expect(tree.tagName(post) == "div")
        #expect(tree.attribute("class", of: post) == "post")
        let children = Array(tree.children(of: post)).map { tree[$0].kind == .text ? tree.text($0) : tree.tagName($0) }
        #expect(children == ["b", " a écrit", "br", "bonjour"])
        let texts = (0 ..< Int32(tree.count)).filter { tree[$0].kind == .text }.map { tree.text($0) }
        #expect(texts.contains("Réseaux & temps"))
        #expect(!texts.joined().contains("fake"), "script contents are never stored")
        #expect(tree.isAncestor(post, of: post + 1))
    }

    @Test func decodesTheGivenEncodingAndIgnoresTheMetaTag() {
        let latin1: [UInt8] = Array("<meta charset=utf-8><p>caf".utf8) + [0xE9] + Array("</p>".utf8)
        let tree = HTMLParsing.parse(latin1, encoding: "windows-1252")
        let texts = (0 ..< Int32(tree.count)).filter { tree[$0].kind == .text }.map { tree.text($0) }
        #expect(texts == ["café"])
    }

    @Test func deepNestingIsFlattenedAtTheCapWithoutLosingText() {
        let depth = 100_000
        let html = String(repeating: "<div>", count: depth) + "au fond" + String(repeating: "</div>", count: depth) + "<p>après</p>"
        let tree = parse(html, depthCap: 500)
        #expect(tree.depthCapped)
        let texts = (0 ..< Int32(tree.count)).filter { tree[$0].kind == .text }.map { tree.text($0) }
        #expect(texts == ["au fond", "après"])
        #expect(tree.nodes.map(\.depth).max()! <= 502)
    }
}
