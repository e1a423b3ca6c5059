import Foundation
import Testing
@testable import ForumLensIngest

/// Cutting what is never read before the parse must leave libxml2's tree as it was, but for
/// the unread attributes: checked on markup that trips tokenizers, on every saved page at
/// hand, and on random tag soup.
@Suite struct HTMLUnreadMarkupTests {
    /// Every node, read attribute and text of a tree, in order.
    private func dump(_ tree: HTMLTree) -> [String] {
        (0 ..< Int32(tree.count)).map { id in
            let node = tree[id]
            switch node.kind {
            case .element:
                let attributes = (Int(node.start) ..< Int(node.start + node.count)).compactMap { index -> String? in
                    let attribute = tree.attributes[index]
                    let name = tree.attributeNames[Int(attribute.name)]
                    return UnreadMarkup.keeps(attribute: name) ? name + "=" + tree.string(attribute.start, attribute.end) : nil
                }
                return "<\(tree.tagName(id)) \(attributes) parent \(node.parent) end \(node.end) depth \(node.depth)>"
            case .text: return "text \(node.parent): \(tree.text(id))"
            case .comment: return "comment \(node.parent): \(tree.text(id))"
            }
        }
    }

    private func cut(_ html: [UInt8], moveAttributes: Bool = false) -> [UInt8]? {
        html.withUnsafeBufferPointer { UnreadMarkup.cut($0, moveAttributes: moveAttributes)?.page }
    }

    /// Whether the tree is the same with and without the cut (read attributes only).
    private func sameTree(_ html: [UInt8], encoding: String = "UTF-8") -> Bool {
        html.withUnsafeBytes { bytes in
            dump(LibXML2.parseHTML(bytes, encoding: encoding, depthCap: 10_000))
                == dump(LibXML2.parseHTML(bytes, encoding: encoding, depthCap: 10_000, whole: true))
        }
    }

    @Test func cutsScriptAndStyleContents() {
        let html = "<head><style>p { color: red }</style><SCRIPT id=\"x\">if (a < b && c > d) document.write('<div class=post>fake</div>')</SCRIPT ></head><p>réel</p>"
        let cut = cut(Array(html.utf8)).map { String(decoding: $0, as: UTF8.self) }
        #expect(cut == "<head><style></style><SCRIPT id=\"x\"></SCRIPT ></head><p>réel</p>")
        #expect(sameTree(Array(html.utf8)))
    }

    @Test(arguments: [
        // What is not a script tag.
        "<p title=\"<script>\">a<script>x<b>y</b></script>b</p>",
        "<p title='a>b<style>'>c</p><style>d</style>",
        "<div a=b\"c <script>x<b</script>\">t</div>",
        "<div \"bogus <script>x</script>\">t</div><script>y</script>",
        "<!-- <script> --><p>x</p><script>y</script>",
        "<!-- a --!> <script>a<b</script> --><p>y</p>",
        "<!--> <script>a<b</script> --><p>y</p>",
        "<!---> <script>a<b</script> --><p>y</p>",
        "<![CDATA[ <script>x</script> ]]><p>z</p>",
        "<?php echo '<script>'; ?><p>x</p><script>y</script>",
        "</div title=\"<script>\">x</script><p>y</p>",
        "</ <script>x<i>y</i></script>",
        "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0//EN\" \"http://www.w3.org/TR/x.dtd\"><script>a</script><p>b</p>",
        "<!DOCTYPE html x\"y><script>z\" ><p>a</p>",
        // Where raw text ends, or does not start.
        "<script/>q<b>z</b></script>",
        "<script src=x/>q<b>z</b></script><p>after</p>",
        "<SCRIPT>a</scripty>b<i>c</i><style>x</script><p>y</p></style>",
        "<script></div>x</script><p>y</p>",
        "<div><script><body>x</script><p>y</p></div>",
        "<noscript><script>a</script><p>b</p></noscript>",
        "<textarea><script>var a = \"<b>\";</script></textarea><p>x</p>",
        "<style>a</style<p>b</p>",
        "<script>unclosed <p>x</p>",
        "<p>a<script",
        "<div class=\"unclosed><script>x</script><p>y</p>",
        "<script type=text/template><div class=\"post\"><span class=\"author\">x</span></div></script><p>y</p>",
        "<script>\n<div>x</div></script><p>y</p>",
    ])
    func followsLibxml2WhereItIsTricky(_ html: String) {
        #expect(sameTree(Array(html.utf8)), "\(html)")
    }

    @Test func dropsTheAttributesNoExtractorReads() {
        let html = #"<a href="/u/7" onclick="track('<b>')" data-author="Eogez" aria-label=profile CLASS=name>Eogez</a>"#
        #expect(cut(Array(html.utf8)).map { String(decoding: $0, as: UTF8.self) }
            == #"<a href="/u/7"  data-author="Eogez"  CLASS=name>Eogez</a>"#)
        let tree = HTMLParsing.parse(Array(html.utf8), encoding: "UTF-8")
        let link = (0 ..< Int32(tree.count)).first { tree.tagName($0) == "a" }!
        #expect(tree.attribute("href", of: link) == "/u/7")
        #expect(tree.attribute("data-author", of: link) == "Eogez")
        #expect(tree.attribute("class", of: link) == "name")
        #expect(!tree.attributeNames.contains("onclick") && !tree.attributeNames.contains("aria-label"))
        #expect(UnreadMarkup.keeps(attribute: "DATA-Author") && !UnreadMarkup.keeps(attribute: "d"))
    }

    @Test func movesTheReadAttributesOutOfUTF8Tags() {
        let html = #"<a href="/u/7?a=1&amp;b=2" onclick="x()" TITLE='caf&eacute; &#x263A;&#10;' title=second class>Eogez</a><br/><p id=x/>"#
        #expect(cut(Array(html.utf8), moveAttributes: true).map { String(decoding: $0, as: UTF8.self) }
            == #"<a _0>Eogez</a><br/><p _1>"#)
        let tree = HTMLParsing.parse(Array(html.utf8), encoding: "UTF-8")
        let link = (0 ..< Int32(tree.count)).first { tree.tagName($0) == "a" }!
        #expect(tree.attribute("href", of: link) == "/u/7?a=1&b=2")
        // The first of two attributes of one name, entities and character references decoded.
        #expect(tree.attribute("title", of: link) == "café ☺\n")
        #expect(tree.attribute("class", of: link) == "")
        let paragraph = (0 ..< Int32(tree.count)).first { tree.tagName($0) == "p" }!
        #expect(tree.attribute("id", of: paragraph) == "x/")
        #expect(sameTree(Array(html.utf8)))
    }

    @Test(arguments: [
        // What libxml2 does with references it cannot use, and with names it does not know.
        #"<p title="a&#0;b" class="c&#1;d" id="&#xD800;e" alt="&#;f" rel="&#x;g">x</p>"#,
        #"<p title="&amp &amp;x &AMP; &nbsp;&nbsp &foo; &a.b; &1; & ;&#38;amp;" id='&#x110000;z' alt="&#4294967361;&#x100000041;">x</p>"#,
        #"<p title=&lt;&gt; class=a&#9;b id=&#65&#x42>x</p>"#,
        "<p title=\"a\r\nb\rc\" class='é&eacute;\u{1F600}'>x</p>",
        #"<div _0 class="page">x</div><p class=a _1>y</p><p _1>z</p>"#,
    ])
    func decodesValuesAsLibxml2Does(_ html: String) {
        #expect(sameTree(Array(html.utf8)), "\(html)")
    }

    @Test func leavesPagesWithNULBytesAlone() {
        let html = Array("<script>a".utf8) + [0] + Array("b</script><p>c</p>".utf8)
        #expect(cut(html) == nil)
    }

    @Test func onlyCutsWhereASCIIBytesMeanThemselves() {
        #expect(UnreadMarkup.asciiCompatible("UTF-8"))
        #expect(UnreadMarkup.asciiCompatible("windows-1252"))
        #expect(UnreadMarkup.asciiCompatible("ISO-8859-15"))
        #expect(!UnreadMarkup.asciiCompatible("UTF-16LE"))
        #expect(!UnreadMarkup.asciiCompatible("ISO-2022-JP"))
    }

    @Test func savedPagesParseTheSameWithoutTheirScripts() throws {
        let folders = [CorpusTests.root.appendingPathComponent("corpora"), DevSetTests.folder]
        var pages = 0
        var cutPages = 0
        for folder in folders where FileManager.default.fileExists(atPath: folder.path) {
            for name in try FileManager.default.subpathsOfDirectory(atPath: folder.path) where name.hasSuffix(".html") {
                let bytes = try [UInt8](Data(contentsOf: folder.appendingPathComponent(name)))
                let charset = Charset.decide(bytes)
                let page = Array(bytes[charset.skip...])
                pages += 1
                if UnreadMarkup.asciiCompatible(charset.encoding), let cut = cut(page), cut.count < page.count { cutPages += 1 }
                #expect(sameTree(page, encoding: charset.encoding), "\(name)")
            }
        }
        #expect(pages >= 12)
        #expect(cutPages * 2 >= pages, "most saved pages have scripts or styles to cut")
    }

    /// Random soup of the pieces tokenizers trip on, with a fixed seed.
    @Test func randomTagSoupParsesTheSame() {
        let pieces = [
            "<script>", "</script>", "<style>", "</style>", "<SCRIPT type=\"a\">", "</scripty>", "<script/>",
            "<!--", "-->", "--!>", "<!DOCTYPE html>", "<?x y?>", "<div", "<p class=\"", "<a href='", "\"", "'", "=",
            ">", "/>", "<", "</", "</div>", "</p>", "<b>", "text", " ", "\n", "&amp;", "<![CDATA[", "]]>", "<body>",
            "<noscript>", "<title>", "<br/>", "x=y", "<i", "é",
            // Read attributes and what their values may hold.
            " class=", " ID=\"", " title='", " href=", " _1", " _0=x", "&#", "&#x", "41;", "0;", "&nbsp", ";", "&", "\r\n", "\r",
        ]
        var generator = SplitMix(seed: 0x5EED)
        var differing: [String] = []
        var cutSoups = 0
        for _ in 0 ..< 6000 {
            let count = Int(generator.next() % 24) + 1
            let html = (0 ..< count).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
            if cut(Array(html.utf8)) != nil { cutSoups += 1 }
            if !sameTree(Array(html.utf8)) { differing.append(html) }
        }
        #expect(differing.isEmpty, "\(differing.prefix(5))")
        #expect(cutSoups >= 100, "the soup exercises the cut")
    }
}
