import Foundation
import Testing

/// `--resume`: a run killed midway and resumed writes what an uninterrupted run writes, and a
/// corpus where one file of twenty changed is read again for that file only.
@Suite struct ResumeTests {
    /// `count` pages of `corpora/` copied under names of their own into `folder`.
    static func pages(_ count: Int, in scratch: ScratchDirectory, folder: String = "pages") throws -> String {
        let all = FileManager.default.enumerator(atPath: Corpus.root)!.compactMap { $0 as? String }.filter { $0.hasSuffix(".html") }.sorted()
        for index in 0 ..< count {
            let page = all[index % all.count]
            _ = try scratch.file("\(folder)/\(index / all.count)-" + page.replacingOccurrences(of: "/", with: "_"), try Corpus.bytes(page))
        }
        return scratch.url(folder)
    }

    static let outputs = ["report.json", "messages.csv", "findings.csv", "authors.csv"]

    @Test func changingOneFileOfTwentyReadsThatOneAgain() async throws {
        let scratch = try ScratchDirectory()
        let pages = try Self.pages(20, in: scratch)
        let arguments = ["analyze", pages, "--format", "json,csv", "--out", scratch.url("out"), "--resume"]
        let first = try await ForumLensCommand.run(arguments)
        #expect(first.exitCode == 0 && first.stderrText.contains("resumed: 0 files reused, 20 read"), "\(first.stderrText)")

        let changed = try #require(try scratch.names(in: "pages").sorted().dropFirst(3).first)
        let text = String(decoding: try scratch.read("pages/" + changed), as: UTF8.self)
        _ = try scratch.file("pages/" + changed, text.replacingOccurrences(of: "</body>", with: "<p>saved again</p></body>"))
        let second = try await ForumLensCommand.run(arguments)
        #expect(second.exitCode == 0 && second.stderrText.contains("resumed: 19 files reused, 1 read"), "\(second.stderrText)")

        // What it wrote is what a run without the cache writes.
        let plain = try await ForumLensCommand.run(["analyze", pages, "--format", "json,csv", "--out", scratch.url("plain")])
        #expect(plain.exitCode == 0)
        for name in Self.outputs { #expect(try scratch.read("out/" + name) == scratch.read("plain/" + name), "\(name)") }
    }

    @Test func aRunKilledMidwayAndResumedWritesWhatAnUninterruptedRunWrites() async throws {
        let scratch = try ScratchDirectory()
        let pages = try Self.pages(60, in: scratch)
        let plain = try await ForumLensCommand.run(["analyze", pages, "--format", "json,csv", "--out", scratch.url("plain")], timeout: 120)
        try #require(plain.exitCode == 0, "\(plain.stderrText)")

        let arguments = ["analyze", pages, "--format", "json,csv", "--out", scratch.url("out"), "--resume", "--jobs", "1", "--quiet"]
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(ForumLensCommand.executable))
        process.arguments = arguments
        try process.run()
        // Killed once a few pages are in the cache, before the run ends.
        let cache = scratch.url("out/.forumlens-cache.jsonl")
        let deadline = Date().addingTimeInterval(60)
        while process.isRunning, Date() < deadline {
            // Files' lines written to their end: a long line still being written when the kill
            // comes is rightly dropped on resuming.
            let lines = FileManager.default.contents(atPath: cache).map { data in
                String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).dropLast()
                    .filter { $0.hasPrefix("{\"file\"") }.count
            } ?? 0
            if lines >= 5 { break }
            try await Task.sleep(nanoseconds: 5_000_000)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        try #require(process.terminationReason == .uncaughtSignal, "the run ended before it could be killed")
        // Nothing half-written: the report is only put in place at the end.
        #expect(!FileManager.default.fileExists(atPath: scratch.url("out/report.json")))

        let resumed = try await ForumLensCommand.run(Array(arguments.dropLast()), timeout: 120)
        #expect(resumed.exitCode == 0, "\(resumed.stderrText)")
        let reused = resumed.stderrText.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
        #expect(reused >= 5 && reused < 60, "\(resumed.stderrText)")
        for name in Self.outputs { #expect(try scratch.read("out/" + name) == scratch.read("plain/" + name), "\(name)") }
    }
}
