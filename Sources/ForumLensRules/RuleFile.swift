import Foundation
import Yams

/// What is wrong with a rule file (a site profile, a rule plugin), where: `path:line: message`.
public struct RuleFileError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var line: Int?
    public var message: String

    public init(path: String, line: Int? = nil, message: String) {
        self.path = path
        self.line = line
        self.message = message
    }

    public var description: String { "\(path)\(line.map { ":\($0)" } ?? ""): \(message)" }
}

/// A YAML (or JSON) rule file's top-level mapping, its keys checked against the ones the
/// format knows, with the line of every node for the errors that follow.
public struct RuleFile {
    public let path: String
    public let root: Node
    /// The top-level values by key.
    public let values: [String: Node]

    /// Reads the file at `path`.
    public static func load(_ path: String, keys: [String], what: String) throws(RuleFileError) -> RuleFile {
        guard let data = FileManager.default.contents(atPath: path) else { throw RuleFileError(path: path, message: "cannot be read") }
        guard let text = String(data: data, encoding: .utf8) else { throw RuleFileError(path: path, message: "is not UTF-8 text") }
        return try RuleFile(text, path: path, keys: keys, what: what)
    }

    /// `what` names the format in messages ("a profile").
    public init(_ text: String, path: String, keys: [String], what: String) throws(RuleFileError) {
        self.path = path
        let root: Node?
        do {
            // Tags left unresolved (the readers take every scalar as text and read numbers
            // themselves) and the encoding named: Yams's defaults run regular expressions on
            // each scalar and read the environment on each parse (a fifth of start-up's YAML).
            root = try Yams.compose(yaml: text, .basic, .default, .utf8)
        } catch let YamlError.duplicatedKeysInMapping(duplicates, context) {
            throw RuleFileError(path: path, line: context.mark.line, message: "\(duplicates.joined(separator: ", ")) given twice")
        } catch let yaml as YamlError {
            throw RuleFileError(path: path, line: Self.line(of: yaml), message: "not valid YAML or JSON: \(Self.reason(of: yaml))")
        } catch {
            throw RuleFileError(path: path, message: "not valid YAML or JSON: \(error)")
        }
        guard let root, case let .mapping(mapping) = root else {
            throw RuleFileError(path: path, line: root?.mark?.line, message: "\(what) is a mapping of keys: \(keys.joined(separator: ", "))")
        }
        var values: [String: Node] = [:]
        for (key, value) in mapping {
            guard let name = key.string else {
                throw RuleFileError(path: path, line: key.mark?.line, message: "keys are words (\(keys.joined(separator: ", ")))")
            }
            guard keys.contains(name) else {
                throw RuleFileError(path: path, line: key.mark?.line, message: "unknown key '\(name)'\(Self.suggestion(for: name, among: keys))")
            }
            guard values[name] == nil else { throw RuleFileError(path: path, line: key.mark?.line, message: "'\(name)' is given twice") }
            values[name] = value
        }
        self.root = root
        self.values = values
    }

    public func error(_ node: Node?, _ message: String) -> RuleFileError {
        RuleFileError(path: path, line: (node ?? root).mark?.line, message: message)
    }

    /// A top-level text value, when given; a non-text or empty one is an error.
    public func string(_ key: String) throws(RuleFileError) -> String? {
        guard let node = values[key] else { return nil }
        guard case let .scalar(scalar) = node, !scalar.string.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw error(node, "'\(key)' must be a non-empty text")
        }
        return scalar.string
    }

    /// A text or a list of texts, none empty (`what` names one: "an address pattern").
    public func texts(_ node: Node, _ key: String, _ what: String) throws(RuleFileError) -> [String] {
        let items: [Node]
        switch node {
        case .scalar: items = [node]
        case let .sequence(sequence): items = Array(sequence)
        default: throw error(node, "'\(key)' is \(what) or a list of them")
        }
        return try items.map { (item: Node) throws(RuleFileError) -> String in
            guard case .scalar = item, let text = item.string, !text.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw error(item, "each '\(key)' is \(what) (not empty)")
            }
            return text
        }
    }

    /// A mapping's entries with their key texts, or an error naming `key` and what it holds.
    public func mapping(_ node: Node, _ key: String, holds: String) throws(RuleFileError) -> [(key: String, keyNode: Node, value: Node)] {
        guard case let .mapping(mapping) = node else { throw error(node, "'\(key)' is a mapping of \(holds)") }
        return try mapping.map { (entry: (key: Node, value: Node)) throws(RuleFileError) in
            guard let name = entry.key.string else { throw error(entry.key, "keys under '\(key)' are words") }
            return (name, entry.key, entry.value)
        }
    }

    /// "; did you mean 'author'?" for a key one or two letters away from a known one.
    public static func suggestion(for key: String, among known: [String]) -> String {
        let close = known.min { distance(key, $0) < distance(key, $1) }
        guard let close, distance(key, close) <= 2 else { return " (known keys: \(known.joined(separator: ", ")))" }
        return "; did you mean '\(close)'?"
    }

    private static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var previous = Array(0 ... b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1]
            for (j, y) in b.enumerated() {
                current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1)))
            }
            previous = current
        }
        return previous[b.count]
    }

    private static func line(of error: YamlError) -> Int? {
        switch error {
        case let .scanner(_, _, mark, _), let .parser(_, _, mark, _), let .composer(_, _, mark, _): return mark.line
        default: return nil
        }
    }

    private static func reason(of error: YamlError) -> String {
        switch error {
        case let .scanner(_, problem, _, _), let .parser(_, problem, _, _), let .composer(_, problem, _, _): return problem
        default: return "\(error)"
        }
    }
}
