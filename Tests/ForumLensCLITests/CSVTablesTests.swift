import Foundation
import ForumLensTestSupport
import Testing

/// The CSV tables as a spreadsheet user gets them, read back with a strict RFC 4180 reader:
/// every table of the contract, numbers as numbers, accents intact, formulas neutralised, and
/// the Excel dialects.
@Suite struct CSVTablesTests {
    static func tables(_ arguments: [String], separator: Character = ",") async throws -> [String: (header: [String], rows: [[String: String]], bytes: [UInt8])] {
        let scratch = try ScratchDirectory()
        let out = scratch.url("report")
        let run = try await ForumLensCommand.run(["analyze"] + arguments + ["--format", "csv", "--out", out])
        #expect(run.exitCode == 0, "\(run.stderrText)")
        var tables: [String: (header: [String], rows: [[String: String]], bytes: [UInt8])] = [:]
        for name in ["messages", "discussions", "findings", "authors", "themes", "replies"] {
            let bytes = try #require(FileManager.default.contents(atPath: out + "/\(name).csv").map { [UInt8]($0) }, "\(name).csv")
            let table = try RFC4180.table(bytes, separator: separator)
            tables[name] = (table.header, table.rows, bytes)
        }
        return tables
    }

    @Test func everyTableOfTheFoundingThread() async throws {
        let tables = try await Self.tables(MergeTests.pages.map(Corpus.path))
        let authors = try #require(tables["authors"])
        let eogez = try #require(authors.rows.first { $0["author"] == "Eogez" })
        #expect(eogez["messages"] == "3" && eogez["first_published"] == "2010-04-30T14:02:00", "\(eogez)")
        #expect(Int(eogez["replies_received"] ?? "") ?? 0 >= 2)
        #expect(Double(eogez["time-cost.share complaining"] ?? "") == 0.3333)
        #expect(Double(eogez["time-cost.seconds cited per day median"] ?? "") == 7200)
        #expect(authors.rows.contains { $0["author"] == "Cécile.M" && $0["advice.themes"] == "Écouter et aider d'abord" }, "\(authors.rows)")
        for row in authors.rows { #expect(Double(row["sentiment.score sum"] ?? "") != nil, "\(row)") }

        let themes = try #require(tables["themes"]).rows
        let discussionThemes = themes.filter { $0["collection"] == "themes" && !($0["discussion_id"] ?? "").isEmpty }
        #expect(discussionThemes.map { $0["rank"] } == (1 ... discussionThemes.count).map { String($0) })
        let counts = discussionThemes.compactMap { Int($0["count"] ?? "") }
        #expect(counts == counts.sorted(by: >) && counts.count == discussionThemes.count)
        #expect(discussionThemes.contains { $0["key"] == "priorities" && $0["quote_1"] == "Mon conseil : se fixer des priorités." })
        // The corpus's groups come last, without a discussion id.
        #expect(themes.last?["discussion_id"] == "")

        let replies = try #require(tables["replies"]).rows
        #expect(replies.contains { $0["message_id"] == "p48219" && $0["kind"] == "reply" && $0["to_message_id"] == "p48211" && $0["to_author"] == "Eogez" })
        let findings = try #require(tables["findings"]).rows
        #expect(findings.contains { $0["analyzer"] == "advice" && $0["kind"] == "items" && $0["label"] == "priorities" })
    }

    @Test func frenchExcelHasSemicolonsDecimalCommasAndTheMark() async throws {
        let tables = try await Self.tables(MergeTests.pages.map(Corpus.path) + ["--csv-dialect", "excel-fr"], separator: ";")
        for (name, table) in tables { #expect(table.bytes.starts(with: [0xEF, 0xBB, 0xBF]), "\(name).csv") }
        let messages = try #require(tables["messages"])
        #expect(messages.header.contains("sentiment.score"))
        let scores = messages.rows.compactMap { $0["sentiment.score"] }.filter { $0.contains(",") }
        #expect(!scores.isEmpty && scores.allSatisfy { Double($0.replacingOccurrences(of: ",", with: ".")) != nil }, "\(scores)")
        #expect(messages.rows.contains { $0["author"] == "Cécile.M" })
        let excel = try await Self.tables([Corpus.path(MergeTests.pages[0]), "--excel"])
        #expect(excel["messages"]!.bytes.starts(with: [0xEF, 0xBB, 0xBF]) && excel["messages"]!.header.first == "discussion_id")
    }

    @Test func formulasAreNeutralisedAndLongTextsKeptWhole() async throws {
        let scratch = try ScratchDirectory()
        let long = String(repeating: "Un très long message, avec des virgules et des \"guillemets\". ", count: 2000)
        let input = try scratch.file("m.jsonl", """
            {"id": "m1", "author": "=cmd", "text": "=SUM(A1:A9) fera l'affaire"}
            {"id": "m2", "author": "Zoé", "text": "\(long.replacingOccurrences(of: "\"", with: "\\\""))"}

            """)
        let tables = try await Self.tables([input])
        let messages = try #require(tables["messages"]).rows
        #expect(messages[0]["text"] == "'=SUM(A1:A9) fera l'affaire" && messages[0]["author"] == "'=cmd")
        #expect(messages[1]["text"] == long.trimmingCharacters(in: .whitespaces) || messages[1]["text"] == long)
        #expect(Int(messages[1]["position"] ?? "") == 2)
    }
}
