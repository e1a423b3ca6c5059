import Foundation
import Testing

/// `forumlens split` on the repository's own pages, in each output mode of the contract:
/// where data goes (`--out`), and the shape of the json, jsonl and csv outputs.
@Suite struct SplitOutputTests {
    /// The contract's message fields (DESIGN.md, `forumlens/report@1`).
    static let messageFields: Set<String> = [
        "id", "position", "role", "author", "author_id", "published", "published_text", "language",
        "text", "quotes", "reply_to", "depth",
    ]

    /// The saved pages under `corpora/`, as `split corpora/` lists them.
    static func corpusPages() throws -> Set<String> {
        let names = try FileManager.default.subpathsOfDirectory(atPath: Corpus.root)
        return Set(names.filter { $0.hasSuffix(".html") }.map(Corpus.path))
    }

    /// The summary against the report of the same run with `--out` (the shared reference run).
    @Test func withoutOutASummaryGoesToStdout() async throws {
        let summary = try await ForumLensCommand.run(["split", Corpus.root, "--merge", "none"])
        #expect(summary.exitCode == 0, "\(summary.stderrText)")
        let report = try await CorpusReference.report()
        #expect(report.inputs.count == (try Self.corpusPages()).count)
        #expect(!report.messages.isEmpty)

        let text = summary.stdoutText
        #expect(text.contains("\(report.inputs.count) files"), "\(text)")
        #expect(text.contains("\(report.discussions.count) discussions"), "\(text)")
        #expect(text.contains("\(report.messages.count) messages"), "\(text)")
        // A line per file, and no JSON.
        for page in try Self.corpusPages() {
            #expect(text.contains(page), "the summary does not list \(page)")
        }
        #expect(!text.contains("\"schema\""))
    }

    /// `--format json --out FILE` on corpora/ (the shared reference run).
    @Test func jsonToAFileFollowsTheContract() async throws {
        let run = try await CorpusReference.run()
        #expect(run.command.stdout.isEmpty, "data goes only where --out sends it: \(run.command.stdoutText.prefix(200))")
        #expect(run.outputNames == ["report.json"])

        let raw = try RawJSON.object(run.bytes)
        #expect(raw["schema"] as? String == "forumlens/report@1")
        #expect((raw["problems"] as? [Any])?.isEmpty == true)
        let discussions = try #require(raw["discussions"] as? [[String: Any]])
        #expect(!discussions.isEmpty)
        for discussion in discussions {
            let id = discussion["id"] as? String ?? "?"
            #expect(Set(["id", "title", "url", "sources", "messages"]).isSubset(of: discussion.keys), "discussion \(id)")
            let messages = try #require(discussion["messages"] as? [[String: Any]], "discussion \(id)")
            #expect(!messages.isEmpty, "discussion \(id)")
            for (index, message) in messages.enumerated() {
                let missing = Self.messageFields.subtracting(message.keys)
                #expect(missing.isEmpty, "message \(index + 1) of \(id) lacks \(missing.sorted())")
                #expect(message["id"] is String)
                #expect(message["text"] is String)
                #expect(message["quotes"] is [Any])
                #expect(message["position"] as? Int == index + 1, "positions run 1…n in \(id)")
                #expect(message["depth"] is Int)
            }
        }

        // `inputs`: every page once, with the size and the digest sha256sum computes.
        let report = run.report
        #expect(Set(report.inputs.map(\.path)) == (try Self.corpusPages()))
        #expect(report.inputs.count == (try Self.corpusPages()).count)
        let sums = try await Subprocess.run("/usr/bin/env", ["sha256sum"] + report.inputs.map(\.path))
        #expect(sums.exitCode == 0)
        var expected: [String: String] = [:]
        for line in sums.stdoutText.split(separator: "\n") {
            let parts = line.split(separator: " ", maxSplits: 1)
            expected[String(parts[1].drop(while: { $0 == " " || $0 == "*" }))] = String(parts[0])
        }
        for input in report.inputs {
            #expect(input.sha256 == expected[input.path], "\(input.path)")
            let size = try FileManager.default.attributesOfItem(atPath: input.path)[.size] as? Int
            #expect(input.bytes == size, "\(input.path)")
        }
    }

    @Test func jsonlToStdoutIsOneObjectPerLineInContractOrder() async throws {
        let pages = ["fr/phpbb3-reseaux-p1.html", "fr/smf-teletravail.html", "fr/phpbb3-reseaux-p2.html"]
        let run = try await ForumLensCommand.run(["split"] + pages.map(Corpus.path) + ["--format", "jsonl", "--out", "-"])
        #expect(run.exitCode == 0, "\(run.stderrText)")
        let lines = run.stdout.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        #expect(lines.last?.isEmpty == true, "the output ends with a line break")
        let objects = try lines.dropLast().map { try RawJSON.object($0) }
        #expect(objects.allSatisfy { $0["type"] is String }, "every line has a type")
        #expect(objects.last?["type"] as? String == "run")
        #expect(objects.filter { $0["type"] as? String == "run" }.count == 1)
        #expect(objects.last?["schema"] as? String == "forumlens/report@1")
        #expect(objects.last?["inputs"] is [Any])
        #expect(objects.last?["problems"] is [Any])

        // Messages of one discussion, then its `discussion` line; each discussion once.
        var current: String?
        var count = 0
        var closed: Set<String> = []
        var ids: [String] = []
        for object in objects.dropLast() {
            switch object["type"] as? String {
            case "message":
                let discussion = try #require(object["discussion_id"] as? String, "a message line without discussion_id")
                #expect(current == nil || current == discussion, "messages of \(discussion) before the line of \(current ?? "")")
                #expect(!closed.contains(discussion), "\(discussion) continues after its discussion line")
                #expect(Self.messageFields.isSubset(of: object.keys))
                current = discussion
                count += 1
                ids.append(object["id"] as? String ?? "")
            case "discussion":
                let id = object["id"] as? String
                #expect(id != nil && id == current, "a discussion line for \(id ?? "nil") after messages of \(current ?? "nothing")")
                let summary = object["summary"] as? [String: Any]
                #expect(summary?["messages"] as? Int == count, "discussion \(id ?? "")")
                closed.insert(id ?? "")
                current = nil
                count = 0
            case let other:
                Issue.record("unexpected line type \(other ?? "nil") before the run line")
            }
        }
        #expect(current == nil, "the last discussion has no discussion line")

        // The phpbb pages are one discussion (see MergeTests): two discussion lines, p1 then p2.
        #expect(closed.count == 2)
        var expected: [String] = []
        for page in pages { expected += try await CorpusReference.messages(page).map(\.id) }
        #expect(ids.sorted() == expected.sorted())
    }

    /// Text cells that a spreadsheet would run, and the RFC 4180 cases, go in as messages.
    static let trickyMessages = """
        {"id":"t1","text":"=HYPERLINK(\\"http://evil.example\\",\\"click\\")","author":"@eve"}
        {"id":"t2","text":"Hello, \\"world\\"\\nsecond line, with a comma","author":"Ann, Jr."}
        {"id":"t3","text":"+33 6 12 34 56 78","author":"-dash"}
        {"id":"t4","text":"plain text","author":"Bob"}

        """

    @Test func csvToADirectoryIsRFC4180WithFormulasNeutralised() async throws {
        let scratch = try ScratchDirectory()
        let messages = try scratch.file("tricky.jsonl", Self.trickyMessages)
        let out = scratch.url("csv")
        let run = try await ForumLensCommand.run(["split", messages, "--format", "csv", "--out", out])
        #expect(run.exitCode == 0, "\(run.stderrText)")
        #expect(run.stdout.isEmpty)
        #expect(try scratch.names(in: "csv") == ["discussions.csv", "messages.csv", "replies.csv"])

        let table = try RFC4180.table(try scratch.read("csv/messages.csv"))
        #expect(Array(table.header.prefix(8)) == [
            "discussion_id", "message_id", "position", "author", "published", "language", "reply_to", "text",
        ])
        let byID = Dictionary(uniqueKeysWithValues: table.rows.map { ($0["message_id"] ?? "", $0) })
        #expect(byID.keys.sorted() == ["t1", "t2", "t3", "t4"])
        #expect(byID["t1"]?["text"] == "'=HYPERLINK(\"http://evil.example\",\"click\")")
        #expect(byID["t1"]?["author"] == "'@eve")
        #expect(byID["t2"]?["text"] == "Hello, \"world\"\nsecond line, with a comma")
        #expect(byID["t2"]?["author"] == "Ann, Jr.")
        #expect(byID["t3"]?["text"] == "'+33 6 12 34 56 78")
        #expect(byID["t3"]?["author"] == "'-dash")
        #expect(byID["t4"]?["text"] == "plain text")
        #expect(table.rows.map { $0["position"] } == ["1", "2", "3", "4"])

        let discussions = try RFC4180.table(try scratch.read("csv/discussions.csv"))
        #expect(discussions.header.first == "discussion_id")
        #expect(discussions.rows.count == 1)
        #expect(discussions.rows.first?["discussion_id"] == table.rows.first?["discussion_id"])
    }

    @Test func severalFormatsGoToFixedNamesAndAgree() async throws {
        let scratch = try ScratchDirectory()
        let out = scratch.url("out")
        let pages = ["en/mybb-side-projects.html", "en/stackexchange-workplace.html", "en/oldreddit-burnout.html"]
        let run = try await ForumLensCommand.run(["split"] + pages.map(Corpus.path) + ["--format", "json,jsonl,csv", "--out", out])
        #expect(run.exitCode == 0, "\(run.stderrText)")
        #expect(run.stdout.isEmpty)
        #expect(try scratch.names(in: "out") == ["discussions.csv", "messages.csv", "replies.csv", "report.json", "report.jsonl"])

        let report = try Report.decode(try scratch.read("out/report.json"))
        #expect(!report.messages.isEmpty)
        let jsonlMessages = try scratch.read("out/report.jsonl").split(separator: UInt8(ascii: "\n"))
            .map { try RawJSON.object($0) }.filter { $0["type"] as? String == "message" }
        #expect(jsonlMessages.map { $0["id"] as? String } == report.messages.map(\.id))

        // Every CSV row is the JSON message, cell for cell (real texts: commas, quotes, breaks).
        let table = try RFC4180.table(try scratch.read("out/messages.csv"))
        let expected = report.discussions.flatMap { discussion in
            discussion.messages.map { message in
                [
                    discussion.id, message.id, String(message.position), RFC4180.neutralised(message.author),
                    message.published ?? "", message.language ?? "", message.replyTo ?? "", RFC4180.neutralised(message.text),
                ]
            }
        }
        let columns = ["discussion_id", "message_id", "position", "author", "published", "language", "reply_to", "text"]
        let rows = table.rows.map { row in columns.map { row[$0] ?? "<missing>" } }
        #expect(rows.count == expected.count)
        for (row, want) in zip(rows, expected) where row != want {
            Issue.record("CSV row \(row.prefix(2)) differs from its JSON message: \(row) vs \(want)")
        }
        #expect(report.messages.contains { $0.text.contains("\n") && $0.text.contains(",") }, "the corpus has texts that need quoting")
    }

    /// `--out dir/` with one format: the directory is made and holds the format's fixed name.
    @Test func anOutPathEndingInASlashIsADirectory() async throws {
        let scratch = try ScratchDirectory()
        let run = try await ForumLensCommand.run(["split", Corpus.path("en/mybb-side-projects.html"), "--format", "json", "--out", scratch.url("new/dir") + "/"])
        #expect(run.exitCode == 0, "\(run.stderrText)")
        #expect(try scratch.names(in: "new/dir") == ["report.json"])
        #expect(!(try Report.decode(try scratch.read("new/dir/report.json"))).messages.isEmpty)
    }

    @Test func outDashWithTwoFormatsIsAUsageError() async throws {
        let run = try await ForumLensCommand.run(["split", Corpus.path("en/mybb-side-projects.html"), "--format", "json,jsonl", "--out", "-"])
        #expect(run.exitCode == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderrText.contains("--out"), "\(run.stderrText)")
    }
}
