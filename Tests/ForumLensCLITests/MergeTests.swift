import Foundation
import Testing

/// `--merge`: the two pages of the founding French thread (same `t=`, the second with
/// `&start=10`) are one discussion by default, two with `--merge none`.
@Suite struct MergeTests {
    static let pages = ["fr/phpbb3-reseaux-p1.html", "fr/phpbb3-reseaux-p2.html"]

    /// Given in reverse order, so that page order must come from the pages themselves.
    @Test func byDefaultTheTwoPagesOfAThreadAreOneDiscussionInPageOrder() async throws {
        let run = try await ForumLensCommand.run(
            ["split", Corpus.path(Self.pages[1]), Corpus.path(Self.pages[0]), "--format", "json", "--out", "-"])
        #expect(run.exitCode == 0, "\(run.stderrText)")
        let report = try Report.decode(run.stdout)
        try #require(report.discussions.count == 1, "\(report.discussions.map(\.sources))")
        let discussion = report.discussions[0]
        #expect(discussion.sources == Self.pages.map(Corpus.path))

        let first = try await CorpusReference.messages(Self.pages[0])
        let second = try await CorpusReference.messages(Self.pages[1])
        #expect(discussion.messages.map(\.id) == (first + second).map(\.id))
        #expect(discussion.messages.map(\.text) == (first + second).map(\.text))
        #expect(discussion.messages.map(\.position) == Array(1 ... first.count + second.count))

        // Replies resolve across the pages: page 2 answers (quotes) page 1.
        let ids = Set(discussion.messages.map(\.id))
        #expect(discussion.messages.allSatisfy { $0.replyTo.map(ids.contains) ?? true })
        let firstIDs = Set(first.map(\.id))
        #expect(
            discussion.messages.dropFirst(first.count).contains { $0.replyTo.map(firstIDs.contains) == true },
            "no message of page 2 replies to one of page 1")
    }

    @Test func mergeNoneKeepsEachPageApart() async throws {
        let run = try await ForumLensCommand.run(
            ["split"] + Self.pages.map(Corpus.path) + ["--merge", "none", "--format", "json", "--out", "-"])
        #expect(run.exitCode == 0, "\(run.stderrText)")
        let report = try Report.decode(run.stdout)
        #expect(report.discussions.map(\.sources) == Self.pages.map { [Corpus.path($0)] })
        for (discussion, page) in zip(report.discussions, Self.pages) {
            let expected = try await CorpusReference.messages(page)
            #expect(discussion.messages.map(\.content) == expected.map(\.content))
            #expect(discussion.messages.map(\.position) == Array(1 ... expected.count))
        }
    }

    /// Page `number` of a three-page phpBB 3 (prosilver) thread, four posts a page; pages 2
    /// and 3 open with the last post of the page before under its own id, as forums that show
    /// "Reprise du message précédent" do.
    static func threadPage(_ number: Int) -> String {
        let start = (number - 1) * 4
        let posts = (number > 1 ? [start] : []) + Array(start + 1 ... start + 4)
        let url = "https://forum.exemple.fr/viewtopic.php?f=3&t=77" + (number > 1 ? "&start=\(start)" : "")
        let body = posts.map { post in
            let author = ["Camille", "Dominique", "Sacha", "Alix"][post % 4]
            let repeated = post == start && number > 1 ? "<p><strong>Reprise du message précédent :</strong></p>" : ""
            return """
                <div id="p\(post)" class="post bg\(post % 2 + 1)"><div class="inner"><div class="postbody">
                <h3><a href="#p\(post)">Re: Trois pages</a></h3>
                <p class="author"><a href="./viewtopic.php?p=\(post)#p\(post)">Message</a> par <strong><a href="./memberlist.php?mode=viewprofile&amp;u=\(post % 4 + 2)" class="username">\(author)</a></strong> » Lun 12 Mar 2012, 1\(post % 10):0\(post % 6)</p>
                <div class="content">\(repeated)Message numéro \(post) de la discussion, écrit par \(author) pour la tester.</div>
                </div><dl class="postprofile" id="profile\(post)"><dt><a href="./memberlist.php?mode=viewprofile&amp;u=\(post % 4 + 2)" class="username">\(author)</a></dt><dd><strong>Messages :</strong> \(post * 3)</dd></dl>
                <div class="back2top"><a href="#top" class="top" title="Haut">Haut</a></div></div></div>
                <hr class="divider" />
                """
        }.joined(separator: "\n")
        return """
            <!DOCTYPE html>
            <!-- saved from url=(0062)\(url) -->
            <html lang="fr"><head><meta charset="utf-8"><title>Trois pages - Page \(number) sur 3 - Forum exemple</title>
            <link rel="canonical" href="\(url)"></head>
            <body id="phpbb" class="section-viewtopic"><div id="wrap"><div id="page-body">
            <h2 class="topic-title"><a href="./viewtopic.php?f=3&amp;t=77">Trois pages</a></h2>
            <div class="pagination">12 messages • Page <strong>\(number)</strong> sur <strong>3</strong></div>
            \(body)
            </div></div></body></html>
            """
    }

    @Test func threePagesMergeInOrderWithoutTheRepeatedPosts() async throws {
        let scratch = try ScratchDirectory()
        let paths = try [3, 1, 2].map { try scratch.file("page-\($0).html", Self.threadPage($0)) }
        let run = try await ForumLensCommand.run(["split"] + paths + ["--format", "json", "--out", "-"])
        #expect(run.exitCode == 0, "\(run.stderrText)")
        let report = try Report.decode(run.stdout)
        try #require(report.discussions.count == 1, "\(report.discussions.map(\.sources))")
        let messages = report.discussions[0].messages
        #expect(messages.map(\.id) == (1 ... 12).map { "p\($0)" })
        #expect(messages.map(\.position) == Array(1 ... 12))
        #expect(messages.allSatisfy { !$0.text.contains("Reprise") }, "\(messages.map(\.text))")

        // Alone, page 2 keeps the post it repeats from page 1.
        let alone = try Report.decode(try await ForumLensCommand.run(["split", paths[2], "--format", "json", "--out", "-"]).stdout)
        #expect(alone.discussions.first?.messages.map(\.id) == ["p4", "p5", "p6", "p7", "p8"])
    }
}
