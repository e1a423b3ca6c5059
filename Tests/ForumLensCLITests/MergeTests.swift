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
}
