import Foundation
import ForumLensTestSupport
import Testing

/// `forumlens analyze` with the example rule plugin on the founding thread: results per
/// message, summaries per discussion, per author and per corpus, in JSON, JSONL and CSV.
@Suite struct AnalyzeTests {
    static let pages = ["fr/phpbb3-reseaux-p1.html", "fr/phpbb3-reseaux-p2.html"].map(Corpus.path)
    static let plugin = URL(fileURLWithPath: Corpus.root).deletingLastPathComponent().appendingPathComponent("Plugins/Examples/networks.yml").path

    /// Without --out: the run's summary, then each analyzer's corpus tallies, largest first.
    @Test func theTerminalSummaryGivesEachAnalyzersTallies() async throws {
        let run = try await ForumLensCommand.run(["analyze"] + Self.pages + ["--analyzers", Self.plugin])
        #expect(run.exitCode == 0, "\(run.stderrText)")
        let line = try #require(run.stdoutText.split(separator: "\n").first { $0.hasPrefix("networks: ") }, "\(run.stdoutText)")
        #expect(line.hasPrefix("networks: messages 17, mentions "), "\(line)")
        let counts = line.split(separator: ", ").dropFirst(3).compactMap { Int($0.split(separator: " ").last ?? "") }
        #expect(!counts.isEmpty && counts == counts.sorted(by: >), "\(line)")
    }

    @Test func writesEachMessagesResultsAndTheSummaries() async throws {
        let run = try await ForumLensCommand.run(["analyze"] + Self.pages + ["--analyzers", Self.plugin, "--format", "json", "--out", "-"])
        #expect(run.exitCode == 0, "\(run.stderrText)")
        let report = try RawJSON.object(run.stdout)
        #expect((report["analyzers"] as? [[String: Any]])?.first?["id"] as? String == "networks")
        let discussion = try #require((report["discussions"] as? [[String: Any]])?.first)
        let messages = try #require(discussion["messages"] as? [[String: Any]])
        #expect(messages.count == 17)
        let first = try #require((messages[0]["results"] as? [String: Any])?["networks"] as? [String: Any])
        #expect(first["categories"] as? [String] == ["viadeo", "linkedin", "facebook", "twitter"])
        // Mentions point into the message's own text.
        let text = try #require(messages[0]["text"] as? String)
        for mention in try #require(first["mentions"] as? [[String: Any]]) {
            let scalars = Array(text.unicodeScalars)
            let start = try #require(mention["start"] as? Int), end = try #require(mention["end"] as? Int)
            #expect(String(String.UnicodeScalarView(scalars[start ..< end])) == mention["text"] as? String)
        }
        // Summaries add up: the discussion's mentions are the messages' sum, the authors' too.
        let summary = try #require((discussion["summary"] as? [String: Any])?["networks"] as? [String: Double])
        let perMessage = messages.compactMap { (($0["results"] as? [String: Any])?["networks"] as? [String: Any])?["count"] as? Double }
        #expect(summary["mentions"] == perMessage.reduce(0, +))
        #expect(summary["messages"] == 17)
        let authors = try #require(discussion["authors"] as? [[String: Any]])
        let byAuthor = authors.compactMap { (($0["summary"] as? [String: Any])?["networks"] as? [String: Double])?["mentions"] }
        #expect(byAuthor.reduce(0, +) == summary["mentions"])
        #expect(((report["summary"] as? [String: Any])?["networks"] as? [String: Double])?["mentions"] == summary["mentions"])
    }

    @Test func jsonlAndCSVCarryTheResultsToo() async throws {
        let scratch = try ScratchDirectory()
        let out = scratch.url("out")
        let run = try await ForumLensCommand.run(["analyze"] + Self.pages + ["--analyzers", Self.plugin, "--format", "jsonl,csv", "--out", out, "--quiet"])
        #expect(run.exitCode == 0, "\(run.stderrText)")
        let lines = try String(contentsOfFile: out + "/report.jsonl", encoding: .utf8).split(separator: "\n").map { try RawJSON.object(Array($0.utf8)) }
        #expect(lines.filter { $0["type"] as? String == "message" }.allSatisfy { ($0["results"] as? [String: Any])?["networks"] != nil })
        #expect((lines.last?["analyzers"] as? [[String: Any]])?.first?["id"] as? String == "networks")
        let table = try RFC4180.table(Array(try Data(contentsOf: URL(fileURLWithPath: out + "/messages.csv"))))
        #expect(table.header.suffix(3) == ["networks.count", "networks.score", "networks.categories"])
        #expect(table.rows.first?["networks.count"] == "4")
        #expect(table.rows.first?["networks.categories"] == "viadeo; linkedin; facebook; twitter")
        // findings.csv: one row per mention, its text at its offsets in the message's text.
        let findings = try RFC4180.table(Array(try Data(contentsOf: URL(fileURLWithPath: out + "/findings.csv"))))
        #expect(findings.header == ["discussion_id", "message_id", "author", "analyzer", "kind", "label", "text", "start", "end"])
        let mentions = lines.filter { $0["type"] as? String == "message" }.flatMap { line in
            (((line["results"] as? [String: Any])?["networks"] as? [String: Any])?["mentions"] as? [[String: Any]] ?? []).map { (line, $0) }
        }
        #expect(findings.rows.count == mentions.count && mentions.count > 10)
        // (A cell starting with @ gets an apostrophe against formula injection.)
        func cell(_ text: String) -> String { text.hasPrefix("@") ? "'" + text : text }
        for (row, (message, mention)) in zip(findings.rows, mentions) {
            #expect(row["message_id"] == message["id"] as? String && row["analyzer"] == "networks" && row["kind"] == "mentions")
            #expect(row["label"] == mention["category"] as? String && row["text"] == cell(mention["text"] as? String ?? ""))
            let text = Array((message["text"] as? String ?? "").unicodeScalars)
            let start = try #require(Int(row["start"] ?? "")), end = try #require(Int(row["end"] ?? ""))
            #expect(cell(String(String.UnicodeScalarView(text[start ..< end]))) == row["text"])
        }
    }

    @Test func aWrongRuleFileOrAnUnknownAnalyzerIsAUsageError() async throws {
        let scratch = try ScratchDirectory()
        let broken = try scratch.file("broken.yml", "id: x\npatterns:\n  slow: \"(a+)+$\"\n")
        let run = try await ForumLensCommand.run(["analyze", Self.pages[0], "--analyzers", broken, "--format", "json", "--out", "-"])
        #expect(run.exitCode == 2)
        #expect(run.stderrText.contains("\(broken):3: the pattern 'slow' repeats a group that repeats itself"), "\(run.stderrText)")
        #expect(run.stdout.isEmpty)
        let unknown = try await ForumLensCommand.run(["analyze", Self.pages[0], "--analyzers", "sentimant"])
        #expect(unknown.exitCode == 2)
        #expect(unknown.stderrText.contains("unknown analyzer 'sentimant'"), "\(unknown.stderrText)")
    }
}

/// `forumlens analyzers test`: the plugins' own examples, failing ones named, exit 1.
@Suite struct AnalyzersCommandTests {
    @Test func testRunsThePluginsExamples() async throws {
        let passing = try await ForumLensCommand.run(["analyzers", "test", AnalyzeTests.plugin])
        #expect(passing.exitCode == 0, "\(passing.stderrText)")
        #expect(passing.stdoutText.contains("4 of 4 examples pass (networks)"), "\(passing.stdoutText)")

        let scratch = try ScratchDirectory()
        let wrong = try scratch.file("wrong.yml", "id: wrong\nterms:\n  linkedin: [linkedin]\nexamples:\n  - {language: fr, text: \"Sur LinkedIn\", expect: {count: 2}}\n")
        let failing = try await ForumLensCommand.run(["analyzers", "test", wrong])
        #expect(failing.exitCode == 1)
        #expect(failing.stdoutText.contains(#"FAIL wrong [fr] "Sur LinkedIn": expected {"count":2}"#), "\(failing.stdoutText)")
        #expect(failing.stdoutText.contains("0 of 1 examples pass"))

        let listed = try await ForumLensCommand.run(["analyzers", "list", AnalyzeTests.plugin])
        // The installed analyzers first, then the files named, one line each.
        let lines = listed.stdoutText.split(separator: "\n")
        #expect(lines.last?.hasPrefix("networks  1.0.0  [en,fr]") == true, "\(listed.stdoutText)")
        #expect(lines.contains { $0.hasPrefix("links  ") && $0.hasSuffix("(example: opt-in with --analyzers +links)") }, "\(listed.stdoutText)")
    }
}

/// A process plugin that crashes: an `error` problem naming it, exit 1, every other result written.
@Suite struct AnalyzeProcessPluginTests {
    @Test func aCrashingPluginIsAnErrorAndTheRestIsWritten() async throws {
        let scratch = try ScratchDirectory()
        try scratch.file("crash/plugin.py", "import json, sys\nfor n, line in enumerate(sys.stdin, 1):\n    if n == 11:\n        sys.exit(1)\n    print(json.dumps({'n': n}), flush=True)\n")
        let manifest = try scratch.file("crash/crash.yml", "id: crash\ncommand: [python3, plugin.py]\ntimeout: 5\n")
        let run = try await ForumLensCommand.run(
            ["analyze"] + AnalyzeTests.pages + ["--analyzers", "\(AnalyzeTests.plugin),\(manifest)", "--format", "json", "--out", "-", "--quiet"])
        #expect(run.exitCode == 1, "\(run.stderrText)")
        #expect(run.stderrText.contains("plugin 'crash' exited (status 1) after 10 messages"), "\(run.stderrText)")
        let report = try RawJSON.object(run.stdout)
        let problems = try #require(report["problems"] as? [[String: Any]])
        #expect(problems.contains { $0["severity"] as? String == "error" && ($0["message"] as? String)?.contains("plugin 'crash'") == true })
        let messages = try #require(((report["discussions"] as? [[String: Any]])?.first)?["messages"] as? [[String: Any]])
        #expect(messages.count == 17)
        #expect(messages.allSatisfy { (($0["results"] as? [String: Any])?["networks"] as? [String: Any])?["count"] != nil })
    }
}

/// `--text` analyzes a string on the spot; `--since`, `--until`, `--author`, `--language` keep some messages.
@Suite struct AnalyzeOptionsTests {
    @Test func textIsAnalyzedOnTheSpot() async throws {
        let run = try await ForumLensCommand.run(["analyze", "--text", "Je garde LinkedIn et Viadeo.", "--analyzers", AnalyzeTests.plugin])
        #expect(run.exitCode == 0, "\(run.stderrText)")
        let result = try RawJSON.object(run.stdout)
        let networks = try #require((result["results"] as? [String: Any])?["networks"] as? [String: Any])
        #expect(networks["categories"] as? [String] == ["linkedin", "viadeo"])
    }

    @Test func filtersKeepTheMessagesAsked() async throws {
        let run = try await ForumLensCommand.run(["analyze"] + AnalyzeTests.pages + [
            "--analyzers", AnalyzeTests.plugin, "--author", "Eogez", "--since", "2010-04-30", "--until", "2010-05-02",
            "--format", "json", "--out", "-",
        ])
        #expect(run.exitCode == 0, "\(run.stderrText)")
        let messages = try Report.decode(run.stdout).messages
        #expect(messages.map(\.author) == ["Eogez", "Eogez"])
        #expect(messages.compactMap(\.published).allSatisfy { $0.hasPrefix("2010-04-30") })
        let badDate = try await ForumLensCommand.run(["analyze", AnalyzeTests.pages[0], "--since", "yesterday"])
        #expect(badDate.exitCode == 2)
    }

    /// `--language` splits the French and English corpus pages apart: each message in one run.
    @Test func languageKeepsTheMessagesInThatLanguage() async throws {
        func messages(_ language: String?) async throws -> [String] {
            let run = try await ForumLensCommand.run(
                ["analyze", Corpus.path("fr"), Corpus.path("en"), "--analyzers", "", "--format", "json", "--out", "-"]
                    + (language.map { ["--language", $0] } ?? []))
            #expect(run.exitCode == 0, "\(run.stderrText)")
            return try Report.decode(run.stdout).messages.map(\.text)
        }
        let all = try await messages(nil), french = try await messages("fr"), english = try await messages("en")
        #expect(!french.isEmpty && !english.isEmpty)
        #expect((french + english).sorted() == all.sorted())
        #expect(french.contains { $0.contains("chronophage") } && !english.contains { $0.contains("chronophage") })
    }
}

/// Swift plugins: the registered example is listed and opt-in; `analyzers new` writes a plugin.
@Suite struct SwiftPluginCommandTests {
    @Test func theExampleIsListedAndRunsWhenAsked() async throws {
        let listed = try await ForumLensCommand.run(["analyzers", "list"])
        #expect(listed.stdoutText.contains("links  1.0.0  [all languages]  Links shared in each message, and their sites  (example: opt-in with --analyzers +links)"), "\(listed.stdoutText)")
        let tested = try await ForumLensCommand.run(["analyzers", "test"])
        #expect(tested.exitCode == 0, "\(tested.stdoutText)")
        let run = try await ForumLensCommand.run(["analyze", AnalyzeTests.pages[0], "--analyzers", "+links", "--format", "json", "--out", "-"])
        let report = try RawJSON.object(run.stdout)
        // The default analyzers, then the example added to them.
        #expect((report["analyzers"] as? [[String: Any]])?.map { $0["id"] as? String } == ["sentiment", "time-cost", "advice", "links"])
    }

    @Test func newWritesAPluginFromTheTemplate() async throws {
        let scratch = try ScratchDirectory()
        let run = try await ForumLensCommand.run(["analyzers", "new", "Greetings", "--root", scratch.path])
        #expect(run.exitCode == 0, "\(run.stderrText)")
        let source = try String(contentsOfFile: scratch.url("Plugins/Greetings/GreetingsAnalyzer.swift"), encoding: .utf8)
        #expect(source.contains("public struct GreetingsAnalyzer: Analyzer"))
        #expect(source.contains(#"id: "greetings""#))
        let again = try await ForumLensCommand.run(["analyzers", "new", "Greetings", "--root", scratch.path])
        #expect(again.exitCode == 2, "an existing plugin is not overwritten")
        let badName = try await ForumLensCommand.run(["analyzers", "new", "my plugin", "--root", scratch.path])
        #expect(badName.exitCode == 2)
    }
}
