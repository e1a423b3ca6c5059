import Foundation
import Testing
@testable import ForumLensIngest

/// The built-in engines (Sources/ForumLensIngest/Engines): each recognised on the pages of its
/// engine and on no other, and exact on the corpus pages written to its templates.
@Suite struct EngineTests {
    /// The markup each engine was checked against: corpus pages (`corpora/`) and real pages
    /// (`../shared/data/forums-dev/`, when present).
    static let checkedAgainst: [String: (corpus: [String], dev: [String])] = [
        "phpbb3": (["fr/phpbb3-reseaux-p1.html", "fr/phpbb3-reseaux-p2.html"], []),
        "forumactif": (["fr/forumactif-emploi.html"], []),
        "fluxbb": (["fr/fluxbb-benevolat.html"], []),
        "smf": (["fr/smf-teletravail.html"], []),
        "vbulletin3": (["fr/vbulletin-reconversion.html"], []),
        "vbulletin4": (["en/vbulletin4-freelance.html"], []),
        "xenforo2": (["en/xenforo2-networking.html"], ["xenforo-de-1.html"]),
        "mybb": (["en/mybb-side-projects.html"], []),
        "invision": (["en/invision-career-change.html"], ["ipb-en-1.html"]),
        "discourse": (["en/discourse-crawler-remote-work.html"], []),
        "stackexchange": (["en/stackexchange-workplace.html"], ["stackexchange-en-1.html"]),
        "oldreddit": (["en/oldreddit-burnout.html"], []),
        "reddit": ([], ["reddit-en-1.html"]),
        "wordpress": (["fr/wordpress-article-commentaires.html"], []),
        "hfr": ([], ["hfr-fr-1.html", "hfr-fr-2.html"]),
        "talkyard": ([], ["talkyard-en-1.html"]),
        "homeland": ([], ["homeland-zh-1.html"]),
        "asgaros": ([], ["asgaros-de-1.html"]),
        "answer": ([], ["answer-en-1.html"]),
        "bbpress": ([], ["bbpress-en-1.html"]),
        "hackernews": (["en/hackernews-remote-hiring.html"], []),
        "vanilla": (["en/vanilla-freelance-rates.html"], []),
        "phpbb2": (["fr/phpbb2-subsilver-cv.html"], []),
        "vbulletin5": (["en/vbulletin5-side-hustle.html"], []),
        "xenforo1": (["en/xenforo1-portfolio.html"], []),
    ]

    static func extractor(of page: URL) -> String? {
        let read = InputReader.read(InputItem(path: page.path, kind: .page), options: IngestOptions())
        return read.discussions.first?.extraction.first?.extractor
    }

    @Test func everyEngineIsListedWithTheMarkupItWasCheckedAgainst() {
        #expect(Set(Engine.all.map(\.name)).count == Engine.all.count)
        #expect(Set(Engine.all.map(\.name)) == Set(Self.checkedAgainst.keys))
        #expect(Engine.named("StackExchange")?.name == "stackexchange")
    }

    /// Every corpus page and every real page is read by its own engine, or by the generic
    /// extractor when no engine is written for it.
    @Test func enginesRecogniseTheirPagesAndNoOthers() throws {
        var owner: [String: String] = [:]
        for (engine, pages) in Self.checkedAgainst {
            for page in pages.corpus { owner["corpora/" + page] = engine }
            for page in pages.dev { owner["dev/" + page] = engine }
        }
        // A Discourse topic saved from the JavaScript app keeps the crawler view in <noscript>,
        // which the engine reads (its reply-to tabs are in the app's markup only: two replies
        // come out wrong, as with the generic extractor).
        owner["corpora/fr/discourse-app-teletravail.html"] = "discourse"
        let corpus = CorpusTests.root.appendingPathComponent("corpora")
        var pages = try FileManager.default.subpathsOfDirectory(atPath: corpus.path)
            .filter { $0.hasSuffix(".html") && !$0.hasPrefix("profiles/") }
            .map { ("corpora/" + $0, corpus.appendingPathComponent($0)) }
        if DevSetTests.available {
            pages += try FileManager.default.contentsOfDirectory(atPath: DevSetTests.folder.path).filter { $0.hasSuffix(".html") }
                .map { ("dev/" + $0, DevSetTests.folder.appendingPathComponent($0)) }
        }
        for (name, url) in pages {
            #expect(Self.extractor(of: url) == owner[name] ?? "generic", "\(name)")
        }
    }

    /// On the corpus pages written to its templates, an engine gets every field right.
    @Test func enginesReadTheirCorpusPagesExactly() throws {
        let pages = Set(Self.checkedAgainst.values.flatMap(\.corpus))
        let tally = try CorpusTests.tally(extractor: ExtractorChoice()) { name in pages.contains(String(name.dropLast(".expected.json".count)) + ".html") }
        #expect(tally.expected > 0)
        for count in [tally.predicted, tally.matched, tally.author, tally.text, tally.published, tally.quotes, tally.role, tally.replyTo] {
            #expect(count == tally.expected, "\(tally)")
        }
    }

    /// The engine that read a page is the discussion's engine when no generator tag names one
    /// (`--merge title` joins same-title pages of one engine).
    @Test func theEngineThatReadAPageIsItsDiscussionsEngine() {
        let page = CorpusTests.root.appendingPathComponent("corpora/fr/smf-teletravail.html")
        let read = InputReader.read(InputItem(path: page.path, kind: .page), options: IngestOptions())
        #expect(read.discussions.first?.engine == "smf")
    }
}
