import Foundation
import ForumLensTestSupport
import Testing

/// `report.sqlite`: the tables hold what the JSON report holds, keys hold, the full-text index
/// answers, and a second run over the same inputs replaces its rows rather than adding them.
/// Read with Python's sqlite3 (python3 is among what .ci/run installs), as a researcher would.
@Suite struct SQLiteReportTests {
    /// The first column of each row a query returns, as text.
    static func query(_ database: String, _ sql: String) throws -> [String] {
        let program = """
            import sqlite3, sys
            try:
                for row in sqlite3.connect(sys.argv[1]).execute(sys.argv[2]): print('\\t'.join('' if v is None else str(v) for v in row))
            except sqlite3.Error as error:
                print('error:', error)
            """
        let output = try ScratchDirectory.run("/usr/bin/env", ["python3", "-c", program, database, sql])
        return String(decoding: output, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    @Test func tablesMatchTheReportAndARerunReplacesRows() async throws {
        let scratch = try ScratchDirectory()
        let out = scratch.url("report")
        let database = out + "/report.sqlite"
        let arguments = ["analyze", Corpus.path("fr/"), "--format", "sqlite,json", "--out", out]
        let first = try await ForumLensCommand.run(arguments)
        #expect(first.exitCode == 0, "\(first.stderrText)")
        let report = try RawJSON.object(try #require(FileManager.default.contents(atPath: out + "/report.json").map { [UInt8]($0) }))
        let discussions = try #require(report["discussions"] as? [[String: Any]])
        let messages = discussions.reduce(0) { $0 + (($1["messages"] as? [Any])?.count ?? 0) }

        let tables = ["discussions", "messages", "findings", "authors", "themes", "replies", "messages_fts", "manifest"]
        let countQuery = tables.map { "(SELECT count(*) FROM \($0))" }.joined(separator: " || ' ' || ")
        func counts() throws -> [String: Int] {
            let values = try Self.query(database, "SELECT " + countQuery).first?.split(separator: " ").compactMap { Int($0) } ?? []
            return Dictionary(uniqueKeysWithValues: zip(tables, values))
        }
        let before = try counts()
        #expect(before["discussions"] == discussions.count && before["messages"] == messages && before["messages_fts"] == messages, "\(before)")
        #expect(tables.allSatisfy { (before[$0] ?? 0) > 0 }, "\(before)")
        // A new file gets its secondary indexes at the end of the run.
        let indexes = "SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%' ORDER BY name"
        let indexNames = ["findings_by_label", "findings_by_message", "messages_by_author", "messages_by_date", "replies_by_target", "themes_by_discussion"]
        #expect(try Self.query(database, indexes) == indexNames)
        let again = try await ForumLensCommand.run(arguments)
        #expect(again.exitCode == 0, "\(again.stderrText)")
        #expect(try counts() == before)
        #expect(try Self.query(database, indexes) == indexNames)

        #expect(try Self.query(database, "PRAGMA foreign_key_check").isEmpty)
        // The full-text index agrees with the rows it indexes, after the rerun's deletes too: no
        // entry left behind for rows that went.
        let indexed = try Self.query(database, "SELECT count(*) FROM messages_fts WHERE messages_fts MATCH 'linkedin'")
        let rows = try Self.query(database, "SELECT count(*) FROM messages WHERE lower(text) LIKE '%linkedin%'")
        #expect(indexed == rows && indexed != ["0"], "\(indexed) \(rows)")
        #expect(try Self.query(database, "SELECT value FROM manifest WHERE key = 'schema'") == ["forumlens/report@1"])
        // Full text: who wrote "chronophage", and whether time-cost counted it, from its results.
        let hit = try Self.query(database, """
            SELECT m.author, m.results ->> '$."time-cost".complaint'
            FROM messages_fts f JOIN messages m ON m.rowid = f.rowid
            WHERE messages_fts MATCH 'chronophage'
            """)
        #expect(hit == ["Eogez\t1"], "\(hit)")
        let theme = try Self.query(database, "SELECT label FROM themes WHERE discussion_id IS NOT NULL AND collection = 'themes' AND key = 'priorities' LIMIT 1")
        #expect(theme == ["Se fixer des priorités"])
    }
}
