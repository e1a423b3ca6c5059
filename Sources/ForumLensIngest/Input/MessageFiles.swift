import ForumLensCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Message files as input: JSONL/NDJSON (one object per line) and CSV/TSV with a header row.
/// Fields: `text` (required), `id`, `author`, `author_id`, `published`, `discussion`, `title`,
/// `url`, `reply_to`, `language`, `role`; also `discussion_url`, `published_text`, and the
/// names ForumLens's own outputs use (`message_id`, `discussion_id`), so a report reads back.
/// A bad line or row is reported as `FILE:LINE` and the others still count.
public enum MessageFiles {
    public static func readJSONL(_ bytes: [UInt8], path: String) -> (discussions: [Discussion], problems: [Problem]) {
        var problems: [Problem] = []
        let (text, textStart, transcoded) = MessageFileText.utf8(bytes)
        if transcoded { problems.append(notUTF8(path)) }
        var assembly = MessageFileAssembly(path: path, extractor: "jsonl")
        text.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var start = textStart
            var lineNumber = 0
            while start < buffer.count {
                lineNumber += 1
                let end: Int
                if let newline = memchr(base + start, 0x0A, buffer.count - start) {
                    end = UnsafeRawPointer(newline) - UnsafeRawPointer(base)
                } else {
                    end = buffer.count
                }
                defer { start = end + 1 }
                let line = UnsafeBufferPointer(rebasing: buffer[start ..< end])
                guard line.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) else { continue }
                // Only built for a problem: most lines have none.
                let location = { "\(path):\(lineNumber)" }
                switch JSONLine.parse(line, fields: MessageField.jsonFields) {
                case .failure(let error):
                    problems.append(Problem(path: location(), severity: .error, message: error.reason))
                case .success(let object):
                    if case .string(let type) = object[MessageField.type.rawValue], type == "discussion" || type == "run",
                       object[MessageField.text.rawValue] == nil {
                        continue  // The summary lines of ForumLens's own JSONL stream.
                    }
                    take(record(from: { object[$0.rawValue] }, line: lineNumber), at: location, into: &assembly, &problems)
                }
            }
        }
        let (discussions, assemblyProblems) = assembly.finish()
        return (discussions, problems + assemblyProblems)
    }

    public static func readCSV(_ bytes: [UInt8], separator: UInt8, path: String) -> (discussions: [Discussion], problems: [Problem]) {
        var problems: [Problem] = []
        let (text, textStart, transcoded) = MessageFileText.utf8(bytes)
        if transcoded { problems.append(notUTF8(path)) }
        var records = CSVRecords(text, from: textStart, separator: separator)
        guard var header = records.next() else { return ([], problems) }
        var columns = header.cells.map { $0.trimmingSpaces().lowercased() }
        // Excel in a French locale saves "CSV" with semicolons.
        if separator == UInt8(ascii: ","), !columns.contains("text"), header.cells.count == 1, header.cells[0].contains(";") {
            records = CSVRecords(text, from: textStart, separator: UInt8(ascii: ";"))
            header = records.next()!
            columns = header.cells.map { $0.trimmingSpaces().lowercased() }
        }
        guard columns.contains("text") else {
            let found = columns.prefix(12).map { "\"\($0)\"" }.joined(separator: ", ")
            problems.append(Problem(
                path: path, severity: .error,
                message: "the header row names no \"text\" column (found \(found)); the file was not read"))
            return ([], problems)
        }
        // The first column of each name counts.
        let columnOf = MessageField.allCases.map { field in columns.firstIndex(of: field.name) }
        var assembly = MessageFileAssembly(path: path, extractor: separator == 0x09 ? "tsv" : "csv")
        for row in records {
            let location = { "\(path):\(row.line)" }
            guard row.cells.count == columns.count else {
                problems.append(Problem(
                    path: location(), severity: .error,
                    message: "expected \(columns.count) cells, found \(row.cells.count)"))
                continue
            }
            take(
                record(from: { field in columnOf[field.rawValue].map { .string(row.cells[$0]) } }, line: row.line),
                at: location, into: &assembly, &problems)
        }
        let (discussions, assemblyProblems) = assembly.finish()
        return (discussions, problems + assemblyProblems)
    }

    private static func notUTF8(_ path: String) -> Problem {
        Problem(path: path, severity: .warning, message: "not valid UTF-8: read as windows-1252")
    }

    struct BadRecord: Error {
        var text: String
    }

    /// One line's or row's record into the assembly, its warnings and its error into the
    /// problems, located at "FILE:LINE".
    private static func take(
        _ read: Result<(MessageRecord, [String]), BadRecord>, at location: () -> String,
        into assembly: inout MessageFileAssembly, _ problems: inout [Problem]
    ) {
        switch read {
        case .success(let (record, warnings)):
            problems += warnings.map { Problem(path: location(), severity: .warning, message: $0) }
            assembly.add(record)
        case .failure(let reason):
            problems.append(Problem(path: location(), severity: .error, message: reason.text))
        }
    }

    /// The message of one line or row, with warnings for what was read with a fallback.
    private static func record(
        from field: (MessageField) -> JSONLine.Value?, line: Int
    ) -> Result<(MessageRecord, [String]), BadRecord> {
        let text: String
        switch field(.text) {
        case .string(let value): text = value
        case nil, .null?: return .failure(BadRecord(text: "no \"text\" string"))
        case .number?: return .failure(BadRecord(text: "\"text\" is a number, not a string"))
        case .other(let kind)?: return .failure(BadRecord(text: "\"text\" is \(kind), not a string"))
        }
        /// An optional field: strings and numbers (verbatim) are kept, empty means absent.
        func optional(_ names: MessageField...) throws(BadRecord) -> String? {
            for name in names {
                switch field(name) {
                case .string(let value)?: if !value.isEmpty { return value }
                case .number(let value)?: return value
                case .other(let kind)?: throw BadRecord(text: "\"\(name.name)\" is \(kind), not a string")
                case .null?, nil: continue
                }
            }
            return nil
        }
        do throws(BadRecord) {
            var warnings: [String] = []
            let published = try optional(.published)
            var record = MessageRecord(
                line: line, text: text,
                id: try optional(.id, .messageID),
                author: try optional(.author),
                authorID: try optional(.authorID),
                published: published.flatMap(PublishedDate.iso8601),
                publishedText: try optional(.publishedText) ?? published,
                discussion: try optional(.discussion, .discussionID),
                title: try optional(.title),
                url: try optional(.url),
                discussionURL: try optional(.discussionURL),
                replyTo: try optional(.replyTo),
                language: try optional(.language)?.trimmingSpaces())
            if let role = try optional(.role) {
                switch role.trimmingSpaces().lowercased() {
                case "post": record.role = .post
                case "article": record.role = .article
                default: warnings.append("unknown role \"\(role)\", read as \"post\"")
                }
            }
            return .success((record, warnings))
        } catch {
            return .failure(error)
        }
    }
}

/// The fields a message file may give, by their names in JSONL keys and CSV headers.
enum MessageField: Int, CaseIterable {
    case text, id, messageID, author, authorID, published, publishedText, discussion, discussionID
    case title, url, discussionURL, replyTo, language, role, type

    var name: String {
        switch self {
        case .text: "text"
        case .id: "id"
        case .messageID: "message_id"
        case .author: "author"
        case .authorID: "author_id"
        case .published: "published"
        case .publishedText: "published_text"
        case .discussion: "discussion"
        case .discussionID: "discussion_id"
        case .title: "title"
        case .url: "url"
        case .discussionURL: "discussion_url"
        case .replyTo: "reply_to"
        case .language: "language"
        case .role: "role"
        case .type: "type"
        }
    }

    /// Slots in `rawValue` order, for `JSONLine`.
    static let jsonFields = JSONLine.Fields(allCases.map(\.name))
}
