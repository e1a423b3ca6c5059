import Foundation
import ForumLensCore
import ForumLensReport
import GRDB
import GRDBSQLite

/// `report.sqlite`: the report as tables a researcher can query — `discussions`, `messages`,
/// `findings`, `authors`, `themes`, `replies`, with foreign keys and indexes, `messages_fts` (an
/// FTS5 index over the messages' text and authors, joined to them by rowid) and `manifest` (the run: schema, tool,
/// analyzers and their resources, inputs and their hashes). Results and summaries are kept as
/// JSON text (SQLite's `->>` reads into them). A run is one transaction: an interrupted run
/// leaves the database as it was; a run over inputs already there replaces their discussions'
/// rows rather than adding them again. Example queries: docs/report.md.
public struct SQLiteReportWriter: ReportWriter {
    private let database: DatabaseQueue
    /// Whether the file held no discussion when the run began: then only a discussion written
    /// twice in this run has rows to replace, and the indexes wait for the end.
    private let fresh: Bool
    private var written: Set<String> = []

    public static let tables = """
        CREATE TABLE IF NOT EXISTS manifest (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS discussions (
            id TEXT PRIMARY KEY, title TEXT, url TEXT, engine TEXT, language TEXT, messages INTEGER NOT NULL,
            authors INTEGER NOT NULL, sources TEXT NOT NULL, extractor TEXT, confidence REAL, summary TEXT);
        CREATE TABLE IF NOT EXISTS messages (
            discussion_id TEXT NOT NULL REFERENCES discussions(id) ON DELETE CASCADE, id TEXT NOT NULL, position INTEGER NOT NULL,
            role TEXT NOT NULL, author TEXT, author_id TEXT, published TEXT, published_text TEXT, language TEXT, reply_to TEXT,
            depth INTEGER, text TEXT NOT NULL, quotes TEXT NOT NULL, results TEXT, PRIMARY KEY (discussion_id, id));
        CREATE TABLE IF NOT EXISTS findings (
            discussion_id TEXT NOT NULL, message_id TEXT NOT NULL, author TEXT, analyzer TEXT NOT NULL, kind TEXT NOT NULL,
            label TEXT, text TEXT NOT NULL, start INTEGER, "end" INTEGER,
            FOREIGN KEY (discussion_id, message_id) REFERENCES messages(discussion_id, id) ON DELETE CASCADE);
        CREATE TABLE IF NOT EXISTS authors (
            discussion_id TEXT NOT NULL REFERENCES discussions(id) ON DELETE CASCADE, author TEXT NOT NULL,
            messages INTEGER NOT NULL, summary TEXT, PRIMARY KEY (discussion_id, author));
        CREATE TABLE IF NOT EXISTS themes (
            discussion_id TEXT REFERENCES discussions(id) ON DELETE CASCADE, analyzer TEXT NOT NULL, collection TEXT NOT NULL,
            rank INTEGER NOT NULL, key TEXT NOT NULL, label TEXT NOT NULL, count INTEGER NOT NULL, authors TEXT NOT NULL, quotes TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS replies (
            discussion_id TEXT NOT NULL, message_id TEXT NOT NULL, author TEXT, kind TEXT NOT NULL, to_message_id TEXT, to_author TEXT,
            FOREIGN KEY (discussion_id, message_id) REFERENCES messages(discussion_id, id) ON DELETE CASCADE);
        CREATE VIRTUAL TABLE IF NOT EXISTS messages_fts USING fts5(author, text, content = 'messages', content_rowid = 'rowid');
        """

    /// Secondary indexes: on a new file they are built once at the end of the run, which costs
    /// less than keeping them up to date row by row.
    public static let indexes = """
        CREATE INDEX IF NOT EXISTS messages_by_author ON messages(author);
        CREATE INDEX IF NOT EXISTS messages_by_date ON messages(published);
        CREATE INDEX IF NOT EXISTS findings_by_label ON findings(analyzer, label);
        CREATE INDEX IF NOT EXISTS findings_by_message ON findings(discussion_id, message_id);
        CREATE INDEX IF NOT EXISTS themes_by_discussion ON themes(discussion_id);
        CREATE INDEX IF NOT EXISTS replies_by_target ON replies(discussion_id, to_message_id);
        """

    public init(path: String) throws {
        do {
            // One transaction for the whole run, across the writer's calls.
            var configuration = Configuration()
            configuration.allowsUnsafeTransactions = true
            // The rows are consistent by construction; checking each one against its parent cost
            // about as much as inserting it. A discussion's rows are deleted table by table.
            configuration.foreignKeysEnabled = false
            database = try DatabaseQueue(path: path, configuration: configuration)
            fresh = try database.inDatabase { db in
                // A write-ahead log: readers keep seeing the last complete run while one is
                // written; the run's one transaction commits whole or not at all.
                try db.execute(sql: "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL")
                // The run's pages stay in memory (up to 64 MB) rather than spill to the log and
                // be read back while the transaction lasts.
                try db.execute(sql: "PRAGMA cache_size = -65536")
                try db.execute(sql: "BEGIN IMMEDIATE")
                try db.execute(sql: Self.tables)
                let fresh = try Bool.fetchOne(db, sql: "SELECT NOT EXISTS (SELECT 1 FROM discussions)") ?? true
                if !fresh { try db.execute(sql: Self.indexes) }
                return fresh
            }
        } catch let error as DatabaseError {
            throw OutputError(path: path, reason: error.message ?? "\(error)")
        }
    }

    public mutating func write(_ discussion: Discussion, analysis: DiscussionAnalysis?) throws {
        let replaces = !fresh || !written.insert(discussion.id).inserted
        try database.inDatabase { db in
            // The discussion's rows from an earlier run go, then come anew.
            if replaces {
                for table in ["findings", "replies", "themes", "authors", "messages"] {
                    try Self.run(db.cachedStatement(sql: "DELETE FROM \(table) WHERE discussion_id = ?"), [discussion.id])
                }
                try Self.run(db.cachedStatement(sql: "DELETE FROM discussions WHERE id = ?"), [discussion.id])
            }
            try Self.run(
                db.cachedStatement(sql: "INSERT INTO discussions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                [
                    discussion.id, discussion.title, discussion.url, discussion.engine, discussion.language, discussion.messages.count,
                    Set(discussion.messages.compactMap(\.author)).count, discussion.sources.joined(separator: "\n"),
                    discussion.extraction.map(\.extractor).joined(separator: " "), discussion.extraction.map(\.confidence).min(),
                    analysis?.summaryJSON,
                ])
            let insertMessage = try db.cachedStatement(sql: "INSERT INTO messages VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
            for (index, message) in discussion.messages.enumerated() {
                let quotes = Self.json { json in
                    json.beginArray()
                    for quote in message.quotes {
                        json.beginObject()
                        if let author = quote.author { json.key("author"); json.string(author) }
                        json.key("text"); json.string(quote.text)
                        if let id = quote.messageID { json.key("message_id"); json.string(id) }
                        json.endObject()
                    }
                    json.endArray()
                }
                let results = analysis?.resultsJSON(at: index)
                try Self.run(insertMessage, [
                    discussion.id, message.id, message.position, message.role.rawValue, message.author, message.authorID, message.published,
                    message.publishedText, message.language, message.replyTo, message.depth, message.text, quotes, results,
                ])
            }
            try Self.insertReplies(discussion, db)
            guard let analysis else { return }
            try Self.insertFindings(discussion, analysis, db)
            let insertAuthor = try db.cachedStatement(sql: "INSERT INTO authors VALUES (?, ?, ?, ?)")
            for entry in analysis.authors {
                try Self.run(insertAuthor, [discussion.id, entry.author, entry.messages, Self.summary(entry.summary)])
            }
            try Self.insertThemes(analysis.summary, discussion: discussion.id, db)
        }
    }

    public mutating func finish(_ run: RunRecord) throws {
        try database.inDatabase { db in
            // The full-text index reads the messages' own columns (no second copy of the texts),
            // built in one pass at the end: faster than row by row, and right after a rerun's
            // replaced rows.
            try db.execute(sql: "INSERT INTO messages_fts (messages_fts) VALUES ('rebuild')")
            try db.execute(sql: Self.indexes)
            try db.execute(sql: "DELETE FROM themes WHERE discussion_id IS NULL")
            try Self.insertThemes(run.analysis, discussion: nil, db)
            var manifest: [(String, String)] = [
                ("schema", reportSchema), ("tool", run.tool.name), ("version", run.tool.version),
                ("analyzers", Self.json { $0.analyzers(run.analyzers) }), ("inputs", Self.json { $0.inputs(run.inputs) }),
                ("problems", Self.json { $0.problems(run.problems) }),
            ]
            manifest.append(("summary", Self.json { json in
                json.beginObject()
                json.key("discussions"); json.number(run.summary.discussions)
                json.key("messages"); json.number(run.summary.messages)
                json.summaryFields(run.analysis)
                json.endObject()
            }))
            for (key, value) in manifest {
                try db.execute(sql: "INSERT OR REPLACE INTO manifest VALUES (?, ?)", arguments: [key, value])
            }
            try db.execute(sql: "COMMIT")
        }
    }

    public func abandon() {
        try? database.inDatabase { db in try db.execute(sql: "ROLLBACK") }
    }

    /// Runs an insert with its values bound by SQLite's own calls: GRDB's generic binding of
    /// each value cost more than SQLite's work on these rows. Each value stays bound while the
    /// next ones are and the statement steps, so that SQLite reads texts in place rather than
    /// copy them; the bindings are cleared before the texts go.
    static func run(_ statement: Statement, _ values: [any SQLiteValue]) throws {
        let handle = statement.sqliteStatement
        sqlite3_reset(handle)
        defer { sqlite3_clear_bindings(handle) }
        func bind(from offset: Int) throws {
            guard offset < values.count else {
                let code = sqlite3_step(handle)
                guard code == SQLITE_DONE else {
                    throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(sqlite3_db_handle(handle))))
                }
                return
            }
            try values[offset].bound(to: handle, at: CInt(offset + 1)) { try bind(from: offset + 1) }
        }
        try bind(from: 0)
    }

    /// Binds UTF-8 as text that SQLite reads in place (SQLITE_STATIC) while `body` runs. An
    /// empty buffer may have no address, which SQLite would take for null.
    static func bindText(_ utf8: UnsafeBufferPointer<UInt8>, to statement: OpaquePointer, at index: CInt, while body: () throws -> Void) rethrows {
        let empty: StaticString = ""
        sqlite3_bind_text(statement, index, utf8.baseAddress ?? empty.utf8Start, CInt(utf8.count), nil)
        try body()
    }

    static func json(_ build: (inout JSONText) -> Void) -> String {
        var json = JSONText()
        build(&json)
        return String(decoding: json.bytes, as: UTF8.self)
    }

    static func summary(_ summaries: Summaries) -> String {
        json { $0.summaries(summaries) }
    }

    static func insertReplies(_ discussion: Discussion, _ db: Database) throws {
        let insert = try db.cachedStatement(sql: "INSERT INTO replies VALUES (?, ?, ?, ?, ?, ?)")
        for reply in ReportRows.replies(in: discussion) {
            try run(insert, [discussion.id, reply.message.id, reply.message.author, reply.kind, reply.to, reply.toAuthor])
        }
    }

    static func insertFindings(_ discussion: Discussion, _ analysis: DiscussionAnalysis, _ db: Database) throws {
        let insert = try db.cachedStatement(sql: "INSERT INTO findings VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
        for (message, results) in zip(discussion.messages, analysis.results) {
            for finding in ReportRows.findings(in: results) {
                try run(insert, [
                    discussion.id, message.id, message.author, finding.analyzer, finding.kind, value(finding.label), finding.text,
                    value(finding.start), value(finding.end),
                ])
            }
        }
    }

    /// A result's field as a column: numbers as numbers, lists of texts joined with `; `, as
    /// in the CSV tables.
    static func value(_ value: JSONValue?) -> any SQLiteValue {
        switch value {
        case nil, .null?: String?.none
        case let .number(number)?: number == number.rounded() && abs(number) < 1e15 ? Int(number) : number
        case let .bool(flag)?: flag
        case let .string(text)?: text
        case let .array(items)? where items.allSatisfy({ if case .string = $0 { true } else { false } }):
            items.map { if case let .string(text) = $0 { text } else { "" } }.joined(separator: "; ")
        case let value?: value.description
        }
    }

    static func insertThemes(_ summaries: Summaries, discussion: String?, _ db: Database) throws {
        let insert = try db.cachedStatement(sql: "INSERT INTO themes VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
        for (id, tally) in summaries.entries {
            for collection in tally.collections {
                for (rank, group) in tally.groups(of: collection).enumerated() {
                    let quotes = json { json in
                        json.beginArray()
                        for quote in group.quotes {
                            json.beginObject()
                            json.key("text"); json.string(quote.text)
                            if let message = quote.message { json.key("message"); json.string(message) }
                            if let author = quote.author { json.key("author"); json.string(author) }
                            json.endObject()
                        }
                        json.endArray()
                    }
                    try run(insert, [
                        discussion, id, collection, rank + 1, group.key, group.label, group.count, group.authors.joined(separator: "; "), quotes,
                    ])
                }
            }
        }
    }
}

/// A column's value, bound by SQLite's own calls (no casts, no C string made of a text) while
/// `body` runs.
protocol SQLiteValue {
    func bound(to statement: OpaquePointer, at index: CInt, while body: () throws -> Void) rethrows
}

extension String: SQLiteValue {
    func bound(to statement: OpaquePointer, at index: CInt, while body: () throws -> Void) rethrows {
        var text = self
        try text.withUTF8 { try SQLiteReportWriter.bindText($0, to: statement, at: index, while: body) }
    }
}

/// JSON text, bound as it was encoded.
extension Array: SQLiteValue where Element == UInt8 {
    func bound(to statement: OpaquePointer, at index: CInt, while body: () throws -> Void) rethrows {
        try withUnsafeBufferPointer { try SQLiteReportWriter.bindText($0, to: statement, at: index, while: body) }
    }
}

extension Int: SQLiteValue {
    func bound(to statement: OpaquePointer, at index: CInt, while body: () throws -> Void) rethrows {
        sqlite3_bind_int64(statement, index, Int64(self))
        try body()
    }
}

extension Double: SQLiteValue {
    func bound(to statement: OpaquePointer, at index: CInt, while body: () throws -> Void) rethrows {
        sqlite3_bind_double(statement, index, self)
        try body()
    }
}

extension Bool: SQLiteValue {
    func bound(to statement: OpaquePointer, at index: CInt, while body: () throws -> Void) rethrows {
        sqlite3_bind_int64(statement, index, self ? 1 : 0)
        try body()
    }
}

extension Optional: SQLiteValue where Wrapped: SQLiteValue {
    func bound(to statement: OpaquePointer, at index: CInt, while body: () throws -> Void) rethrows {
        guard let self else {
            sqlite3_bind_null(statement, index)
            return try body()
        }
        try self.bound(to: statement, at: index, while: body)
    }
}
