import Foundation
import ForumLensTestSupport
import Testing
@testable import ForumLensIngest

@Suite struct ProfileSiteProfileTests {
    static let valid = """
        # a comment
        name: Le Bulletin du Lac
        match:
          url: [https://lac.example.org/sujet/*, "https://www.lac.example.org/sujet/*"]
          page: div.bl-msg
        post: div.bl-msg[data-num]
        author: .bl-qui
        next_page: a.suivante
        """

    @Test func readsAProfileAndTheAttributesItTests() throws {
        let profile = try SiteProfile.parse(Self.valid, path: "lac.yml")
        #expect(profile.name == "Le Bulletin du Lac")
        #expect(profile.urlPatterns.count == 2)
        #expect(profile.post.description == "div.bl-msg[data-num]")
        #expect(profile.date == nil && profile.body == nil)
        #expect(profile.attributeNames == ["class", "data-num", "href"])
        // JSON is YAML too.
        let json = #"{"name": "Lac", "match": {"page": "div.bl-msg"}, "post": "div.bl-msg"}"#
        #expect(try SiteProfile.parse(json, path: "lac.json").pageSelector?.description == "div.bl-msg")
    }

    @Test(arguments: [
        ("name: x\nmatch: {url: 'a*'}\npost: div\nautor: .who\n", 4, "unknown key 'autor'; did you mean 'author'?"),
        ("name: x\nmatch: {url: 'a*'}\n", 1, "'post' is missing"),
        ("name: x\npost: div\n", 1, "'match' is missing"),
        ("name: x\nmatch: {}\npost: div\n", 2, "'match' needs 'url'"),
        ("name: x\nmatch:\n  adresse: 'a*'\npost: div\n", 3, "unknown key 'adresse' under 'match'"),
        ("name: x\nmatch: {url: 'a*'}\npost: div..x\n", 3, "post: 'div..x' is not a selector ForumLens reads: at character 5"),
        ("name: x\nmatch: {url: 'a*'}\npost: div\ndate: [a, b]\n", 4, "'date' must be a non-empty text"),
        // libyaml points at the first of the two keys, and at where the flow mapping broke.
        ("name: x\nmatch: {url: 'a*'}\npost: div\npost: p\n", 3, "post given twice"),
        ("name: x\nmatch: {url: 'a*'\npost: div\n", 3, "not valid YAML or JSON"),
        ("- name: x\n", 1, "a profile is a mapping of keys"),
    ])
    func saysWhatIsWrongAndOnWhichLine(_ text: String, _ line: Int, _ message: String) {
        do {
            _ = try SiteProfile.parse(text, path: "p.yml")
            Issue.record("no error for \(text)")
        } catch {
            #expect(error.line == line, "\(error)")
            #expect(error.message.contains(message), "\(error)")
            #expect(error.description.hasPrefix("p.yml:\(line): "), "\(error)")
        }
    }

    @Test func appliesByAddressOrByWhatThePageHolds() throws {
        let profile = try SiteProfile.parse(Self.valid, path: "lac.yml")
        let other = HTMLParsing.parse(Array("<div class=post>x</div>".utf8), encoding: "UTF-8")
        let lac = HTMLParsing.parse(Array("<div class=bl-msg>x</div>".utf8), encoding: "UTF-8")
        #expect(profile.applies(url: "https://lac.example.org/sujet/218?page=2", tree: other))
        #expect(profile.applies(url: "https://www.lac.example.org/sujet/9", tree: other))
        #expect(!profile.applies(url: "https://lac.example.org/forum/218", tree: other))
        #expect(profile.applies(url: nil, tree: lac))
        #expect(!profile.applies(url: nil, tree: other))
        #expect(SiteProfile.glob("a*b*c", matches: "a-b-b-c") && !SiteProfile.glob("a*b*c", matches: "a-c"))
        #expect(SiteProfile.glob("exact", matches: "exact") && !SiteProfile.glob("exact", matches: "exactly"))
    }

    @Test func loadsAFolderAndReportsEachBrokenFile() throws {
        let scratch = try ScratchDirectory()
        try scratch.file("profiles/a.yml", Self.valid)
        try scratch.file("profiles/b.json", #"{"name": "B", "match": {"page": "p"}, "post": "p"}"#)
        try scratch.file("profiles/c.yaml", "name: C\n")
        try scratch.file("profiles/notes.txt", "not a profile")
        let loaded = SiteProfile.load([scratch.url("profiles"), scratch.url("missing.yml")])
        #expect(loaded.profiles.map(\.name) == ["Le Bulletin du Lac", "B"])
        #expect(loaded.errors.map { ($0.path as NSString).lastPathComponent } == ["c.yaml", "missing.yml"])
    }
}

/// A profile's `next_page` tells the assembler where a thread goes on: pages linked from the
/// first to one without a next link are the whole thread, written as soon as all are read.
@Suite struct ProfileNextPageTests {
    static let profile = """
        name: Carnet
        match: {url: "https://carnet.example.net/fil/*"}
        post: li.note
        author: .qui
        next_page: nav a.apres
        """

    static func page(_ number: Int, of count: Int) -> String {
        let url = "https://carnet.example.net/fil/7" + (number > 1 ? "?page=\(number)" : "")
        let next = number < count ? #"<nav><a class="apres" href="/fil/7?page=\#(number + 1)">suite</a></nav>"# : "<nav></nav>"
        return """
            <!-- saved from url=(0040)\(url) -->
            <html><head><meta charset="utf-8"><title>Fil 7</title></head><body><ul>
            <li class="note" id="n\(number)1"><b class="qui">Ana</b><p>Note \(number)1 : assez de mots pour un message.</p></li>
            <li class="note" id="n\(number)2"><b class="qui">Léo</b><p>Note \(number)2 : une réponse tout aussi longue.</p></li>
            </ul>\(next)</body></html>
            """
    }

    @Test func aThreadLinkedToItsLastPageIsWrittenWhenItsPagesAreRead() throws {
        let scratch = try ScratchDirectory()
        var options = IngestOptions()
        let profile = try SiteProfile.parse(Self.profile, path: "carnet.yml")
        options.extractor = ExtractorChoice(profiles: [profile])
        func read(_ number: Int) throws -> ReadInput {
            let path = try scratch.file("p\(number).html", Self.page(number, of: 3))
            return InputReader.read(InputItem(path: path, kind: .page), options: options)
        }
        let pages = try [1, 3, 2].map(read)
        #expect(pages.map(\.followingPage) == [
            .at("https://carnet.example.net/fil/7?page=2"), FollowingPage.none, .at("https://carnet.example.net/fil/7?page=3"),
        ])
        var assembler = DiscussionAssembler(mode: .url)
        #expect(assembler.add(pages[0], order: 0).isEmpty)
        #expect(assembler.add(pages[1], order: 1).isEmpty, "page 2 is missing")
        let written = assembler.add(pages[2], order: 2)
        #expect(written.first?.messages.map(\.id) == ["n11", "n12", "n21", "n22", "n31", "n32"])

        // Without page 1, the chain does not start: the thread waits for the end of the run.
        var partial = DiscussionAssembler(mode: .url)
        #expect(partial.add(pages[2], order: 0).isEmpty && partial.add(pages[1], order: 1).isEmpty)
        #expect(partial.finish().first?.messages.count == 4)
    }
}

/// A profile's `header`: fields written in an element right before each post (bbPress).
@Suite struct ProfileHeaderTests {
    @Test func fieldsAreLookedForInThePostThenInItsHeader() throws {
        let html = """
            <ul><li class="body"><div class="head" id="h1"><span class="when">January 4, 2020 at 4:00 am</span><a class="link" href="#post-7">#7</a></div>
            <div class="reply"><span class="who">helson</span><div class="text">Hello together, a question about selectors.</div></div>
            <div class="head"><span class="when">January 8, 2020 at 9:21 am</span><a class="link" href="#post-9">#9</a></div>
            <div class="reply"><span class="who">Mattia</span><div class="text">Try the last-child selector.</div></div></li></ul>
            """
        let profile = try SiteProfile.parse(
            "name: H\nmatch: {page: div.head}\npost: div.reply\nheader: div.head\nauthor: .who\ndate: .when\nbody: .text\npermalink: a.link\n",
            path: "h.yml")
        let tree = HTMLParsing.parse(Array(html.utf8), encoding: "UTF-8")
        let page = ParsedPage(
            path: "h.html", tree: tree, metadata: PageMetadata(tree: tree), dateContext: DateContext(reference: nil, timeZone: nil))
        let messages = ProfileExtractor(profile: profile).extract(page).messages
        #expect(messages.map(\.id) == ["post-7", "post-9"])
        #expect(messages.map(\.author) == ["helson", "Mattia"])
        #expect(messages.map(\.published) == ["2020-01-04T04:00:00", "2020-01-08T09:21:00"])
    }
}
