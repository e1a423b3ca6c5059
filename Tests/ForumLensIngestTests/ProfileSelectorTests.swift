import Testing
@testable import ForumLensIngest

@Suite struct ProfileSelectorTests {
    static let html = """
        <div id="page"><div class="post first" data-num="1"><p class="who">Ann</p><div class="body"><blockquote>q</blockquote>un</div></div>
        <div class="post" data-num="2"><p class="who">Bob</p><div class="body">deux</div></div>
        <section class="post-list"><div class="postx">pas un post</div><a href="/t/5#p9" rel="bookmark nofollow" lang="fr-CA">#</a></section></div>
        """
    static let tree = HTMLParsing.parse(Array(html.utf8), encoding: "UTF-8", keeping: ["data-num"])

    private func matched(_ selector: String) throws -> [String] {
        try Selector(selector).matches(in: Self.tree).map { node in
            let tree = Self.tree
            let classes = tree.attributeNames.firstIndex(of: "class").flatMap { tree.attribute(UInt16($0), of: node) }
            return tree.tagName(node) + (classes.map { "." + $0.replacingOccurrences(of: " ", with: ".") } ?? "")
        }
    }

    @Test func matchesTypesClassesIdsAndAttributes() throws {
        #expect(try matched("div.post") == ["div.post.first", "div.post"])
        #expect(try matched(".post.first") == ["div.post.first"])
        #expect(try matched("#page > .post") == ["div.post.first", "div.post"])
        #expect(try matched("div[data-num]") == ["div.post.first", "div.post"])
        #expect(try matched("[data-num='2']") == ["div.post"])
        #expect(try matched("[class^=post]") == ["div.post.first", "div.post", "section.post-list", "div.postx"])
        #expect(try matched("[class$=list]") == ["section.post-list"])
        #expect(try matched("[class*=stx]") == ["div.postx"])
        #expect(try matched("[class~=first]") == ["div.post.first"])
        #expect(try matched("[lang|=fr]") == ["a"])
        #expect(try matched("a[rel~=bookmark]") == ["a"])
        #expect(try matched("div.post p, section a") == ["p.who", "p.who", "a"])
        #expect(try matched("#page > p") == [])
        #expect(try matched(".post > :first-child") == ["p.who", "p.who"])
        #expect(try matched("section > :last-child") == ["a"])
        #expect(try matched("DIV.body > blockquote") == ["blockquote"])
        #expect(try matched("*.who") == ["p.who", "p.who"])
    }

    @Test func findsTheFirstMatchInsideARecord() throws {
        let posts = try Selector("div.post").matches(in: Self.tree)
        let who = try Selector(".who")
        #expect(posts.map { who.first(in: Self.tree, under: $0).map(Self.tree.tagName) } == ["p", "p"])
        #expect(try Selector("a").first(in: Self.tree, under: posts[0]) == nil, "not past the record")
    }

    @Test func translatesToXPath() throws {
        #expect(try Selector("div.post > p.who").xpath
            == "//div[contains(concat(' ', normalize-space(@class), ' '), ' post ')]/p[contains(concat(' ', normalize-space(@class), ' '), ' who ')]")
        #expect(try Selector("#m1 a[href^='#'], li:first-child").xpath
            == "//*[@id = 'm1']//a[starts-with(@href, '#')] | //li[not(preceding-sibling::*)]")
        #expect(try Selector("[title=\"l'an\"]").xpath == "//*[@title = \"l'an\"]")
        #expect(try Selector("[data-x$=ab]").xpath == "//*[substring(@data-x, string-length(@data-x) - 1) = 'ab']")
    }

    @Test(arguments: [
        ("div..post", 5, "a class name must follow '.'"),
        ("div > ", 7, "a selector is missing"),
        ("a + b", 3, "not supported"),
        ("p:hover", 2, "':hover' is not supported"),
        ("[href", 6, "']' is missing"),
        ("[href=\"x]", 10, "not closed"),
        ("[href!=x]", 6, "one of = ~= ^= $= *= |="),
        ("div $", 5, "unexpected '$'"),
    ])
    func saysWhereASelectorIsWrong(_ text: String, _ column: Int, _ reason: String) {
        #expect(throws: Selector.ParseError.self) { try Selector(text) }
        do {
            _ = try Selector(text)
        } catch {
            #expect(error.column == column, "\(error)")
            #expect(error.reason.contains(reason), "\(error)")
        }
    }
}
