import Foundation
import Testing

/// Usage errors exit with 2 and process nothing: no output file, nothing on stdout.
@Suite struct UsageErrorTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var options: [String]
        /// A word the error message must show, so the user sees what was wrong.
        var mentions: String

        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "unknown format", options: ["--format", "xml"], mentions: "xml"),
        Case(name: "unknown format among others", options: ["--format", "json,yaml"], mentions: "yaml"),
        Case(name: "unknown option", options: ["--frobnicate"], mentions: "--frobnicate"),
        Case(name: "--jobs 0", options: ["--jobs", "0"], mentions: "--jobs"),
        Case(name: "--jobs not a number", options: ["--jobs", "many"], mentions: "many"),
        Case(name: "unknown engine", options: ["--engine", "nosuchforum"], mentions: "nosuchforum"),
        Case(name: "bad time zone", options: ["--timezone", "Mars/Olympus_Mons"], mentions: "Mars/Olympus_Mons"),
        Case(name: "unknown merge mode", options: ["--merge", "sideways"], mentions: "sideways"),
    ]

    @Test(arguments: cases)
    func exitsWithTwoAndWritesNothing(_ usage: Case) async throws {
        let scratch = try ScratchDirectory()
        try scratch.directory("out")
        let out = scratch.url("out/report.json")
        let run = try await ForumLensCommand.run(
            ["split", Corpus.path("en/mybb-side-projects.html")] + usage.options + ["--out", out])
        #expect(run.exitCode == 2, "\(run.stderrText)")
        #expect(run.stdout.isEmpty)
        #expect(run.stderrText.contains(usage.mentions), "\(run.stderrText)")
        #expect(try scratch.names(in: "out").isEmpty, "a usage error must not write anything")
    }

    @Test func noPathIsAUsageError() async throws {
        let run = try await ForumLensCommand.run(["split", "--format", "json", "--out", "-"])
        #expect(run.exitCode == 2, "\(run.stderrText)")
        #expect(run.stdout.isEmpty)
    }

    /// Whether found while parsing or once the command runs, a usage error shows the usage of
    /// the command typed, not the root's.
    @Test(arguments: [
        (["analyze", "corpora", "--analyzers", "nosuch"], "forumlens analyze"),
        (["eval", "nosuch", "x.tsv"], "forumlens eval"),
        (["merge"], "forumlens merge"),
        (["analyzers", "new", "not-camel"], "forumlens analyzers new"),
        (["split", "corpora", "--jobs", "0"], "forumlens split"),
    ])
    func usageIsTheCommandsOwn(_ arguments: [String], _ command: String) async throws {
        let run = try await ForumLensCommand.run(arguments)
        #expect(run.exitCode == 2, "\(run.stderrText)")
        #expect(run.stderrText.contains("Usage: \(command) ") && run.stderrText.contains("See '\(command) --help'"), "\(run.stderrText)")
    }

    /// The same options with valid values run: the errors above come from the values.
    @Test func validValuesOfTheSameOptionsRun() async throws {
        let scratch = try ScratchDirectory()
        let run = try await ForumLensCommand.run([
            "split", Corpus.path("en/mybb-side-projects.html"), "--format", "json,jsonl", "--jobs", "1",
            "--engine", "generic", "--timezone", "Europe/Paris", "--merge", "none", "--out", scratch.url("out"),
        ])
        #expect(run.exitCode == 0, "\(run.stderrText)")
        #expect(try scratch.names(in: "out") == ["report.json", "report.jsonl"])
    }
}
