import Foundation
import ForumLensTestSupport
import Testing

/// `--profile`: a forum no extractor knows, read by a site profile file (corpora/profiles/).
@Suite struct ProfileOptionTests {
    static let page = Corpus.path("profiles/bulletin-du-lac.html")
    static let profile = Corpus.path("profiles/bulletin-du-lac.yml")

    @Test func aProfileReadsThePagesItMatches() async throws {
        let run = try await ForumLensCommand.run(["split", Self.page, "--profile", Self.profile, "--format", "json", "--out", "-"])
        #expect(run.exitCode == 0, "\(run.stderrText)")
        let messages = try Report.decode(run.stdout).messages
        #expect(messages.map(\.id) == ["m1001", "m1002", "m1003", "m1004", "m1005"])
        #expect(messages.map(\.author) == ["Bernard", "Odile M.", "Karim", "Bernard", "gaelle_74"])
        #expect(messages[1].quotes == [ReportQuote(author: "Bernard", text: "Je passe mes matinées à mettre à jour tout ça", messageID: "m1001")])
        #expect(messages[1].replyTo == "m1001")
        #expect(!messages[0].text.contains("ancien comptable"), "the signature is left out")
        // The summary names the profile as the extractor; a folder of profiles works the same.
        let scratch = try ScratchDirectory()
        try scratch.file("profiles/lac.yml", Array(try Data(contentsOf: URL(fileURLWithPath: Self.profile))))
        let summary = try await ForumLensCommand.run(["split", Self.page, "--profile", scratch.url("profiles")])
        #expect(summary.stdoutText.contains("profile:Le Bulletin du Lac extractor"), "\(summary.stdoutText)")
        // --engine generic forces the generic extractor: the quotes stay in the text.
        let generic = try await ForumLensCommand.run(
            ["split", Self.page, "--profile", Self.profile, "--engine", "generic", "--format", "json", "--out", "-"])
        #expect(try Report.decode(generic.stdout).messages.allSatisfy(\.quotes.isEmpty))
    }

    @Test func aWrongProfileIsAUsageErrorNamingFileAndLine() async throws {
        let scratch = try ScratchDirectory()
        let broken = try scratch.file("lac.yml", "name: Lac\nmatch: {page: div.bl-msg}\npost: div.bl-msg\nauteur: .bl-qui\n")
        let out = scratch.url("out.json")
        let run = try await ForumLensCommand.run(["split", Self.page, "--profile", broken, "--format", "json", "--out", out])
        #expect(run.exitCode == 2)
        #expect(run.stderrText.contains("\(broken):4: unknown key 'auteur'; did you mean 'author'?"), "\(run.stderrText)")
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func aProfileThatFindsNoPostLeavesThePageToTheGenericExtractor() async throws {
        let scratch = try ScratchDirectory()
        let stale = try scratch.file("lac.yml", "name: Lac\nmatch:\n  url: https://bulletin-du-lac.example.org/*\npost: div.ancien-message\n")
        let run = try await ForumLensCommand.run(["split", Self.page, "--profile", stale, "--format", "json", "--out", "-"])
        #expect(run.exitCode == 0, "\(run.stderrText)")
        let report = try Report.decode(run.stdout)
        #expect(report.messages.count == 5)
        #expect(report.problems(about: Self.page).contains { $0.severity == "warning" && $0.message.contains("found no message") },
                "\(report.problems)")
    }
}
