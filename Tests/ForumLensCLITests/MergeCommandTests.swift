import Foundation
import Testing

/// `forumlens merge`: partial reports of runs that each read part of the pages (as Spark's
/// `pipe` shares them out) add up to the report of one run over all of them.
@Suite struct MergeCommandTests {
    /// Every page of `corpora/`, by path; the founding thread's two pages fall in different halves.
    static func pages() throws -> [String] {
        let files = FileManager.default.enumerator(atPath: Corpus.root)!.compactMap { $0 as? String }
        return files.filter { $0.hasSuffix(".html") }.sorted().map(Corpus.path)
    }

    @Test func partsMergeIntoWhatOneRunOverAllThePagesGives() async throws {
        let scratch = try ScratchDirectory()
        let pages = try Self.pages()
        let halves = [pages.enumerated().filter { $0.offset % 2 == 0 }.map(\.element), pages.enumerated().filter { $0.offset % 2 == 1 }.map(\.element)]
        try #require(halves.map { $0.contains { $0.hasSuffix("phpbb3-reseaux-p1.html") } } != halves.map { $0.contains { $0.hasSuffix("phpbb3-reseaux-p2.html") } })
        for (index, half) in halves.enumerated() {
            let run = try await ForumLensCommand.run(
                ["analyze", "-", "--format", "jsonl", "--out", scratch.url("part-\(index).jsonl")], stdin: Array(half.joined(separator: "\n").utf8))
            try #require(run.exitCode == 0, "\(run.stderrText)")
        }
        let whole = try await ForumLensCommand.run(["analyze"] + pages + ["--format", "json", "--out", scratch.url("whole.json")])
        try #require(whole.exitCode == 0, "\(whole.stderrText)")

        let merged = try await ForumLensCommand.run(["merge", scratch.url("part-1.jsonl"), scratch.url("part-0.jsonl"), "--format", "json", "--out", scratch.url("merged.json")])
        #expect(merged.exitCode == 0 && merged.stderr.isEmpty, "\(merged.stderrText)")
        let again = try await ForumLensCommand.run(["merge", scratch.url("whole.json"), "--format", "json", "--out", scratch.url("whole-merged.json")])
        #expect(again.exitCode == 0, "\(again.stderrText)")
        // Merging the parts or the whole gives the same file, byte for byte; so do the parts
        // one after the other on stdin.
        #expect(try scratch.read("merged.json") == scratch.read("whole-merged.json"))
        let piped = try await ForumLensCommand.run(
            ["merge", "-", "--format", "json", "--out", "-"], stdin: try scratch.read("part-0.jsonl") + scratch.read("part-1.jsonl"))
        #expect(try piped.exitCode == 0 && piped.stdout == scratch.read("merged.json"), "\(piped.stderrText)")

        // And every discussion (messages, results, summaries) is the one run's, the thread
        // split between the parts included.
        let direct = try RawJSON.object(scratch.read("whole.json"))
        let combined = try RawJSON.object(scratch.read("merged.json"))
        let directDiscussions = try #require(direct["discussions"] as? [[String: Any]])
        let combinedDiscussions = try #require(combined["discussions"] as? [[String: Any]])
        #expect(directDiscussions.count == combinedDiscussions.count)
        let byID = Dictionary(uniqueKeysWithValues: combinedDiscussions.map { ($0["id"] as! String, $0) })
        for discussion in directDiscussions {
            let id = discussion["id"] as! String
            #expect(byID[id].map { NSDictionary(dictionary: $0).isEqual(to: discussion) } == true, "discussion \(id) differs")
        }
        let thread = try #require(combinedDiscussions.first { ($0["sources"] as? [String])?.count == 2 })
        #expect((thread["messages"] as? [Any])?.count == 17)
        let summary = try #require(combined["summary"] as? [String: Any]), directSummary = try #require(direct["summary"] as? [String: Any])
        for key in ["discussions", "messages", "authors"] { #expect(summary[key] as? Int == directSummary[key] as? Int, "\(key)") }
        let timeCost = try #require(summary["time-cost"] as? [String: Any]), directTimeCost = try #require(directSummary["time-cost"] as? [String: Any])
        #expect(timeCost["complaints"] as? Int == directTimeCost["complaints"] as? Int)
    }

    @Test func aReportThatCannotBeReadIsNamedAndTheOthersMerged() async throws {
        let scratch = try ScratchDirectory()
        let page = Corpus.path("fr/phpbb3-reseaux-p1.html")
        let good = try await ForumLensCommand.run(["analyze", page, "--format", "jsonl", "--out", scratch.url("good.jsonl")])
        try #require(good.exitCode == 0, "\(good.stderrText)")
        let bytes = try scratch.read("good.jsonl")
        let cut = try scratch.file("cut.jsonl", Array(bytes.prefix(bytes.count - 40)))
        let split = try await ForumLensCommand.run(["split", page, "--format", "jsonl", "--out", scratch.url("split.jsonl")])
        try #require(split.exitCode == 0)
        let run = try await ForumLensCommand.run(
            ["merge", scratch.url("good.jsonl"), cut, scratch.url("split.jsonl"), scratch.url("none.json"), "--format", "json", "--out", scratch.url("m.json")])
        #expect(run.exitCode == 1)
        for (path, reason) in [(cut, "line"), (scratch.url("split.jsonl"), "no results"), (scratch.url("none.json"), "no such file")] {
            #expect(run.stderrText.contains("error: \(path): not merged:") && run.stderrText.contains(reason), "\(run.stderrText)")
        }
        let report = try RawJSON.object(scratch.read("m.json"))
        #expect((report["discussions"] as? [Any])?.count == 1)
        #expect((report["problems"] as? [Any])?.count == 3)
    }

    @Test func reportsOfOtherAnalyzersAreAUsageErrorAndNothingIsWritten() async throws {
        let scratch = try ScratchDirectory()
        let page = Corpus.path("en/mybb-side-projects.html")
        let run = try await ForumLensCommand.run(["analyze", page, "--format", "jsonl", "--out", scratch.url("a.jsonl")])
        try #require(run.exitCode == 0, "\(run.stderrText)")
        let text = String(decoding: try scratch.read("a.jsonl"), as: UTF8.self)
        let older = try scratch.file("old.jsonl", text.replacingOccurrences(of: #""id":"sentiment","version":""#, with: #""id":"sentiment","version":"0."#))
        for reports in [[older], [scratch.url("a.jsonl"), older]] {
            let merged = try await ForumLensCommand.run(["merge"] + reports + ["--out", scratch.url("m.json")])
            #expect(merged.exitCode == 2 && merged.stderrText.contains("sentiment 0.1"), "\(merged.stderrText)")
            #expect(!FileManager.default.fileExists(atPath: scratch.url("m.json")))
        }
    }
}
