import Foundation
import ForumLensCore

/// A report `analyze` wrote, read back for `forumlens merge`: its discussions with each
/// message's results, and its closing fields. Summaries are not read: they are sums of the
/// messages' tallies, which `merge` adds up again from the results.
public struct ReadReport: Sendable {
    public var analyzers: [AnalyzerInfo] = []
    public var inputs: [InputFile] = []
    public var problems: [Problem] = []
    public var discussions: [(discussion: Discussion, results: [DiscussionAnalysis.Results])] = []
}

/// Why a report cannot be read: where (a JSONL line, when it is one) and what is wrong.
public struct ReportReadError: Error, Sendable, CustomStringConvertible {
    public var line: Int?
    public var reason: String
    public var description: String { (line.map { "line \($0): " } ?? "") + reason }

    public init(line: Int? = nil, reason: String) {
        self.line = line
        self.reason = reason
    }
}

public enum ReportReader {
    /// Reads `forumlens/report@1` reports: JSON (one object) or JSONL (message lines, then
    /// their discussion's line, then the run line, which must be there: without it the run
    /// that wrote the file did not finish), several JSONL reports one after the other too.
    public static func read(_ bytes: [UInt8]) throws(ReportReadError) -> [ReadReport] {
        let first = bytes.first { ![0x20, 0x0A, 0x0D, 0x09].contains($0) }
        guard first == UInt8(ascii: "{") else { throw ReportReadError(reason: "not a forumlens report (JSON or JSONL)") }
        // A JSONL report's first line is a whole object of type message, discussion or run.
        let firstLine = Array(bytes.prefix { $0 != 0x0A })
        if let line = try? JSONValue.parse(firstLine), case .string? = line["type"] {
            return try lines(bytes)
        }
        let report: JSONValue
        do {
            report = try JSONValue.parse(bytes)
        } catch {
            throw ReportReadError(reason: "not JSON \(error)")
        }
        var read = try closing(report, line: nil)
        guard case let .array(discussions)? = report["discussions"] else {
            throw ReportReadError(reason: "no discussions list")
        }
        for discussion in discussions {
            guard case let .array(messages)? = discussion["messages"] else {
                throw ReportReadError(reason: "a discussion without its messages list")
            }
            let parts = try messages.map { value throws(ReportReadError) in try message(value, line: nil) }
            var whole = try self.discussion(discussion, line: nil)
            whole.messages = parts.map(\.message)
            read.discussions.append((whole, parts.map(\.results)))
        }
        return [read]
    }

    private static func lines(_ bytes: [UInt8]) throws(ReportReadError) -> [ReadReport] {
        var reports: [ReadReport] = []
        var pending: [(message: Message, results: DiscussionAnalysis.Results)] = []
        var pendingDiscussion: String?
        var discussions: [(discussion: Discussion, results: [DiscussionAnalysis.Results])] = []
        var number = 0
        for slice in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
            number += 1
            guard slice.contains(where: { ![0x20, 0x0D, 0x09].contains($0) }) else { continue }
            let value: JSONValue
            do {
                value = try JSONValue.parse(Array(slice))
            } catch {
                throw ReportReadError(line: number, reason: "not JSON \(error)")
            }
            switch value["type"] {
            case .string("message")?:
                guard case let .string(id)? = value["discussion_id"] else {
                    throw ReportReadError(line: number, reason: "a message line without discussion_id")
                }
                guard pendingDiscussion == nil || pendingDiscussion == id else {
                    throw ReportReadError(line: number, reason: "discussion \(pendingDiscussion!) has no discussion line before this message of \(id)")
                }
                pendingDiscussion = id
                pending.append(try message(value, line: number))
            case .string("discussion")?:
                var discussion = try self.discussion(value, line: number)
                guard pendingDiscussion == nil || pendingDiscussion == discussion.id else {
                    throw ReportReadError(line: number, reason: "the messages before are of \(pendingDiscussion!), not \(discussion.id)")
                }
                discussion.messages = pending.map(\.message)
                discussions.append((discussion, pending.map(\.results)))
                (pending, pendingDiscussion) = ([], nil)
            case .string("run")?:
                guard pending.isEmpty else { throw ReportReadError(line: number, reason: "messages of \(pendingDiscussion!) have no discussion line") }
                var read = try closing(value, line: number)
                read.discussions = discussions
                reports.append(read)
                discussions = []
            default:
                throw ReportReadError(line: number, reason: "a line whose type is not message, discussion or run")
            }
        }
        guard pending.isEmpty, discussions.isEmpty, !reports.isEmpty else {
            throw ReportReadError(reason: "no run line at the end: the run that wrote it did not finish")
        }
        return reports
    }

    /// The schema, analyzers, inputs and problems of a report (or of a JSONL run line).
    private static func closing(_ value: JSONValue, line: Int?) throws(ReportReadError) -> ReadReport {
        guard value["schema"] == .string(reportSchema) else {
            throw ReportReadError(line: line, reason: "not a \(reportSchema) report (schema \(value["schema"]?.description ?? "missing"))")
        }
        var read = ReadReport()
        guard case let .array(analyzers)? = value["analyzers"] else { throw ReportReadError(line: line, reason: "no analyzers list") }
        for analyzer in analyzers {
            guard case let .string(id)? = analyzer["id"], case let .string(version)? = analyzer["version"] else {
                throw ReportReadError(line: line, reason: "an analyzer without id or version")
            }
            var resources: [(name: String, digest: String)] = []
            if case let .object(fields)? = analyzer["resources"] {
                for (name, digest) in fields { if case let .string(digest) = digest { resources.append((name, digest)) } }
            }
            read.analyzers.append(AnalyzerInfo(id: id, version: version, csvFields: [], resources: resources))
        }
        read.inputs = try decode([InputFile].self, value["inputs"], line: line)
        read.problems = try decode([Problem].self, value["problems"], line: line)
        return read
    }

    private static func message(_ value: JSONValue, line: Int?) throws(ReportReadError) -> (message: Message, results: DiscussionAnalysis.Results) {
        let message = try decode(Message.self, value, line: line)
        guard case let .object(results)? = value["results"] else {
            throw ReportReadError(line: line, reason: "message \(message.id) has no results: merge reads reports of analyze, not of split")
        }
        return (message, results.map { (id: $0.key, value: $0.value) })
    }

    private static func discussion(_ value: JSONValue, line: Int?) throws(ReportReadError) -> Discussion {
        let fields = try decode(DiscussionFields.self, value, line: line)
        return Discussion(
            id: fields.id, title: fields.title, url: fields.url, sources: fields.sources, engine: fields.engine,
            language: fields.language, extraction: fields.extraction)
    }

    /// A discussion's own fields, as its JSONL line gives them (without messages).
    private struct DiscussionFields: Decodable {
        var id: String
        var title: String?
        var url: String?
        var sources: [String]
        var engine: String?
        var language: String?
        var extraction: [Extraction]
    }

    /// The model's own decoding (the contract's field names) of a value parsed in order.
    private static func decode<T: Decodable>(_ type: T.Type, _ value: JSONValue?, line: Int?) throws(ReportReadError) -> T {
        do {
            return try JSONDecoder().decode(type, from: Data((value ?? .null).description.utf8))
        } catch let DecodingError.keyNotFound(key, context) {
            throw ReportReadError(line: line, reason: "no \((context.codingPath + [key]).map(\.stringValue).joined(separator: "."))")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            throw ReportReadError(line: line, reason: "a wrong value at \(context.codingPath.map(\.stringValue).joined(separator: "."))")
        } catch {
            throw ReportReadError(line: line, reason: "\(error)")
        }
    }
}
