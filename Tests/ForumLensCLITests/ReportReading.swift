import Foundation
import Testing

// The report as a consumer reads it: the `forumlens/report@1` names are spelled here from
// DESIGN.md, independently of the sources, so a renamed field fails these tests.

struct Report: Decodable, Sendable {
    var schema: String
    var discussions: [ReportDiscussion]
    var inputs: [ReportInput]
    var problems: [ReportProblem]

    var messages: [ReportMessage] { discussions.flatMap(\.messages) }

    func problems(about path: String) -> [ReportProblem] { problems.filter { $0.path == path } }

    /// The discussion read from `source` (a path as given on the command line).
    func discussion(from source: String) -> ReportDiscussion? {
        discussions.first { $0.sources.contains(source) }
    }

    static func decode(_ bytes: [UInt8]) throws -> Report {
        try JSONDecoder().decode(Report.self, from: Data(bytes))
    }
}

struct ReportDiscussion: Decodable, Sendable {
    var id: String
    var title: String?
    var url: String?
    var sources: [String]
    var messages: [ReportMessage]
}

struct ReportQuote: Decodable, Sendable, Equatable {
    var author: String?
    var text: String
    var messageID: String?

    enum CodingKeys: String, CodingKey {
        case author, text
        case messageID = "message_id"
    }
}

struct ReportMessage: Decodable, Sendable, Equatable {
    var id: String
    var position: Int
    var role: String
    var author: String?
    var authorID: String?
    var published: String?
    var publishedText: String?
    var language: String?
    var text: String
    var quotes: [ReportQuote]
    var replyTo: String?
    var depth: Int

    enum CodingKeys: String, CodingKey {
        case id, position, role, author
        case authorID = "author_id"
        case published
        case publishedText = "published_text"
        case language, text, quotes
        case replyTo = "reply_to"
        case depth
    }

    /// What must survive any way of reading the same page: id, author, own text and quotes.
    /// (Not `published`: relative dates follow each copy's modification time.)
    var content: MessageContent { MessageContent(id: id, author: author, text: text, quotes: quotes) }
}

struct MessageContent: Sendable, Equatable, CustomStringConvertible {
    var id: String
    var author: String?
    var text: String
    var quotes: [ReportQuote]

    var description: String { "\(id) by \(author ?? "?"): \(text.prefix(40))…" }
}

struct ReportInput: Decodable, Sendable {
    var path: String
    var sha256: String
    var bytes: Int
}

struct ReportProblem: Decodable, Sendable, CustomStringConvertible {
    var path: String
    var severity: String
    var message: String

    var description: String { "\(severity): \(path): \(message)" }
}

/// The messages of each corpus page read on its own (`--merge none`): what any other way of
/// reading that page must give. One run, shared by the tests that need it; its report is
/// also the one whose JSON contract `SplitOutputTests` checks.
enum CorpusReference {
    struct Run: Sendable {
        var command: CommandResult
        /// `report.json` as written.
        var bytes: [UInt8]
        var report: Report
        /// What the output directory held after the run.
        var outputNames: [String]
    }

    private static let shared = Task<Run, any Error> {
        let scratch = try ScratchDirectory()
        let out = try scratch.directory("out")
        let command = try await ForumLensCommand.run(["split", Corpus.root, "--merge", "none", "--format", "json", "--out", out + "/report.json"], urgent: true)
        guard command.exitCode == 0 else {
            throw Subprocess.SpawnError(description: "reference run exited \(String(describing: command.exitCode)): \(command.stderrText)")
        }
        let bytes = try scratch.read("out/report.json")
        return Run(command: command, bytes: bytes, report: try Report.decode(bytes), outputNames: try scratch.names(in: "out"))
    }

    static func run() async throws -> Run { try await shared.value }

    static func report() async throws -> Report { try await shared.value.report }

    /// The messages of `page` (`en/mybb-side-projects.html`); fails if the page gave none.
    static func messages(_ page: String) async throws -> [ReportMessage] {
        let report = try await report()
        let discussion = try #require(report.discussion(from: Corpus.path(page)), "no discussion from \(page) in the reference run")
        try #require(!discussion.messages.isEmpty, "the reference run found no messages in \(page)")
        return discussion.messages
    }
}

/// A JSON value as `JSONSerialization` gives it, for checks on the raw keys.
enum RawJSON {
    static func object(_ bytes: some Sequence<UInt8>) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
    }
}

/// An RFC 4180 reader, strict where a writer can go wrong: a quote inside an unquoted field,
/// text after a closing quote, or an unterminated quoted field is an error. Rows end with CRLF
/// or LF; line breaks inside quoted fields are data.
enum RFC4180 {
    struct Malformed: Error, CustomStringConvertible {
        var description: String
    }

    static func parse(_ bytes: [UInt8], separator: Character = ",") throws -> [[String]] {
        var text = String(decoding: bytes, as: UTF8.self)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false  // inside a quoted field
        var wasQuoted = false  // the current field was quoted (and is now closed)
        var atFieldStart = true
        let separatorScalar = separator.unicodeScalars.first!
        // Characters, not grapheme clusters: "\r\n" must be seen as two.
        var scalars = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        func next() -> Unicode.Scalar? {
            if let scalar = pending {
                pending = nil
                return scalar
            }
            return scalars.next()
        }
        func endField() {
            row.append(field)
            field = ""
            wasQuoted = false
            atFieldStart = true
        }
        while let scalar = next() {
            if quoted {
                if scalar == "\"" {
                    let following = next()
                    if following == "\"" {
                        field.unicodeScalars.append("\"")
                    } else {
                        quoted = false
                        wasQuoted = true
                        pending = following
                    }
                } else {
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            if scalar == separatorScalar {
                endField()
                continue
            }
            switch scalar {
            case "\"":
                guard atFieldStart else { throw Malformed(description: "quote inside an unquoted field after \(field.debugDescription)") }
                quoted = true
                atFieldStart = false
            case "\r", "\n":
                if scalar == "\r" {
                    let following = next()
                    if following != "\n" { pending = following }
                }
                endField()
                rows.append(row)
                row = []
            default:
                guard !wasQuoted else { throw Malformed(description: "text after the closing quote of \(field.debugDescription)") }
                field.unicodeScalars.append(scalar)
                atFieldStart = false
            }
        }
        guard !quoted else { throw Malformed(description: "unterminated quoted field \(field.prefix(40).debugDescription)") }
        if !atFieldStart || !row.isEmpty {
            endField()
            rows.append(row)
        }
        return rows
    }

    /// Rows as dictionaries keyed by the header; every row must have the header's width.
    static func table(_ bytes: [UInt8], separator: Character = ",") throws -> (header: [String], rows: [[String: String]]) {
        let rows = try parse(bytes, separator: separator)
        let header = try #require(rows.first, "no header row")
        var records: [[String: String]] = []
        for (number, row) in rows.dropFirst().enumerated() {
            guard row.count == header.count else {
                throw Malformed(description: "row \(number + 2) has \(row.count) fields, the header \(header.count)")
            }
            records.append(Dictionary(uniqueKeysWithValues: zip(header, row)))
        }
        return (header, records)
    }

    /// A text cell as a spreadsheet-safe writer must show `value`.
    static func neutralised(_ value: String?) -> String {
        guard let value, let first = value.unicodeScalars.first else { return "" }
        return ["=", "+", "-", "@", "\t", "\r"].contains(first) ? "'" + value : value
    }
}

@Suite struct RFC4180ReaderTests {
    /// The reader the CSV tests rely on: quoted separators, doubled quotes, line breaks.
    @Test func readsQuotedFieldsAndRejectsBrokenOnes() throws {
        let rows = try RFC4180.parse(Array("a,\"b, \"\"c\"\"\r\nd\",\r\n\"\",x\ny,z".utf8))
        #expect(rows == [["a", "b, \"c\"\r\nd", ""], ["", "x"], ["y", "z"]])
        #expect(throws: RFC4180.Malformed.self) { try RFC4180.parse(Array("a,b\"c\r\n".utf8)) }
        #expect(throws: RFC4180.Malformed.self) { try RFC4180.parse(Array("\"a\"b,c\r\n".utf8)) }
        #expect(throws: RFC4180.Malformed.self) { try RFC4180.parse(Array("\"open,c\r\n".utf8)) }
    }
}
