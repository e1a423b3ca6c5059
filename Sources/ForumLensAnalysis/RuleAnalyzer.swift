import Foundation
import ForumLensCore
import ForumLensRules
import ForumLensText
import Yams

/// A rule plugin: an analyzer written as a YAML or JSON file, no compiling (docs/analysis.md).
/// It finds the terms of each category (whole tokens, several words allowed, any case) and the
/// matches of its patterns, and gives per message the mentions with their offsets, the
/// categories met, their count and a weighted score.
///
///     id: networks
///     version: 1.0.0
///     summary: Mentions of professional and social networks
///     languages: [fr, en]
///     terms:
///       linkedin: [linkedin, linked in]
///       viadeo: [viadeo]
///     weights: {linkedin: 2}
///     patterns:
///       hashtag: "#[a-z0-9_]+"
///     examples:
///       - {language: fr, text: "Je suis sur LinkedIn", expect: {count: 1, categories: [linkedin]}}
public struct RuleAnalyzer: Analyzer {
    public let descriptor: AnalyzerDescriptor
    /// The terms by their first token (lowercased): each with its category and all its tokens.
    let terms: WordTable<[(category: String, tokens: [WordKey])]>
    let patterns: [(category: String, expression: NSRegularExpression)]
    let weights: [String: Double]

    /// Patterns read at most this many scalars of a message: their cost stays bounded.
    public static let patternInputLimit = 20_000

    static let keys = ["id", "version", "summary", "languages", "terms", "weights", "patterns", "examples"]

    public static func load(file: String) throws(RuleFileError) -> RuleAnalyzer {
        try RuleAnalyzer(RuleFile.load(file, keys: keys, what: "a rule plugin"))
    }

    public static func parse(_ text: String, path: String) throws(RuleFileError) -> RuleAnalyzer {
        try RuleAnalyzer(RuleFile(text, path: path, keys: keys, what: "a rule plugin"))
    }

    init(_ file: RuleFile) throws(RuleFileError) {
        guard let id = try file.string("id") else { throw file.error(nil, "'id' is missing: the analyzer's name in reports (`networks`)") }
        guard id.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else {
            throw file.error(file.values["id"], "'id' is letters, digits, '-' and '_' (it names CSV columns): '\(id)'")
        }
        let languages = try file.values["languages"].map { (node: Node) throws(RuleFileError) in try file.texts(node, "languages", "an ISO 639-1 code") } ?? []
        var terms: [(String, [[WordKey]])] = []
        if let node = file.values["terms"] {
            for (category, _, value) in try file.mapping(node, "terms", holds: "category → list of terms") {
                let list = try file.texts(value, category, "a term")
                terms.append((category, list.map { TextLayer($0).tokens.map(\.key) }.filter { !$0.isEmpty }))
            }
        }
        var patterns: [(String, NSRegularExpression)] = []
        if let node = file.values["patterns"] {
            for (category, _, value) in try file.mapping(node, "patterns", holds: "name → regular expression") {
                guard case .scalar = value, let pattern = value.string, !pattern.isEmpty else {
                    throw file.error(value, "the pattern '\(category)' is a regular expression (a text)")
                }
                if let nesting = Self.nestedQuantifier(pattern) {
                    throw file.error(value, "the pattern '\(category)' repeats a group that repeats itself (\(nesting)): it can take exponential time on some texts; rewrite it without nested repetition")
                }
                do {
                    patterns.append((category, try NSRegularExpression(pattern: pattern, options: [.caseInsensitive])))
                } catch {
                    throw file.error(value, "the pattern '\(category)' is not a valid regular expression")
                }
            }
        }
        guard !terms.isEmpty || !patterns.isEmpty else {
            throw file.error(nil, "a rule plugin needs 'terms' (category → terms) or 'patterns' (name → regular expression)")
        }
        var weights: [String: Double] = [:]
        if let node = file.values["weights"] {
            let categories = Set(terms.map(\.0) + patterns.map(\.0))
            for (category, keyNode, value) in try file.mapping(node, "weights", holds: "category → number") {
                guard categories.contains(category) else {
                    throw file.error(keyNode, "'weights' names '\(category)', which no term list or pattern has")
                }
                guard case .scalar = value, let number = value.string.flatMap(Double.init) else {
                    throw file.error(value, "the weight of '\(category)' is a number")
                }
                weights[category] = number
            }
        }
        let examples = try Self.examples(file, defaultLanguage: languages.first)
        descriptor = AnalyzerDescriptor(
            id: id, version: try file.string("version") ?? "1.0.0", summary: try file.string("summary") ?? "",
            languages: Set(languages),
            produces: [
                .init("count", "mentions found"), .init("score", "mentions weighted by category"),
                .init("categories", "categories met, in the order first met"),
                .init("mentions", "each mention: category, text, start, end (offsets in the message's text)", inCSV: false),
            ],
            examples: examples)
        self.terms = WordTable(Dictionary(grouping: terms.flatMap { category, sequences in sequences.map { (category: category, tokens: $0) } }) { $0.tokens[0] }
            .map { ($0.key, $0.value) })
        self.patterns = patterns
        self.weights = weights
    }

    /// A rule file's `examples`: a list of {language, text, expect}.
    static func examples(_ file: RuleFile, defaultLanguage: String?) throws(RuleFileError) -> [AnalyzerDescriptor.Example] {
        var examples: [AnalyzerDescriptor.Example] = []
        if let node = file.values["examples"] {
            guard case let .sequence(items) = node else { throw file.error(node, "'examples' is a list of {language, text, expect}") }
            for item in items {
                let fields = try file.mapping(item, "examples", holds: "language, text and expect")
                func field(_ name: String) -> Node? { fields.first { $0.key == name }?.value }
                if let unknown = fields.first(where: { !["language", "text", "expect"].contains($0.key) }) {
                    throw file.error(unknown.keyNode, "unknown key '\(unknown.key)' in an example\(RuleFile.suggestion(for: unknown.key, among: ["language", "text", "expect"]))")
                }
                guard let text = field("text")?.string, let expect = field("expect") else {
                    throw file.error(item, "an example has a 'text' and what to 'expect' of the result")
                }
                examples.append(.init(field("language")?.string ?? defaultLanguage ?? "und", text, Self.json(expect)))
            }
        }
        return examples
    }

    public func analyze(_ input: AnalyzerInput) -> JSONValue {
        var mentions: [(category: String, range: Range<Int>)] = []
        let tokens = input.text.tokens
        for start in tokens.indices {
            for (category, sequence) in terms[tokens[start].key] ?? [] where start + sequence.count <= tokens.count {
                if zip(tokens[start ..< start + sequence.count], sequence).allSatisfy({ $0.key == $1 }) {
                    mentions.append((category, tokens[start].range.lowerBound ..< tokens[start + sequence.count - 1].range.upperBound))
                }
            }
        }
        if !patterns.isEmpty {
            let bounded = input.text.text.string(0 ..< min(input.text.text.scalars.count, Self.patternInputLimit))
            for (category, expression) in patterns {
                for match in expression.matches(in: bounded, range: NSRange(bounded.startIndex..., in: bounded)) {
                    guard let range = Range(match.range, in: bounded), !range.isEmpty else { continue }
                    let start = bounded.unicodeScalars.distance(from: bounded.startIndex, to: range.lowerBound)
                    let end = bounded.unicodeScalars.distance(from: bounded.startIndex, to: range.upperBound)
                    mentions.append((category, start ..< end))
                }
            }
        }
        mentions.sort { ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound) }
        var categories: [String] = []
        for mention in mentions where !categories.contains(mention.category) { categories.append(mention.category) }
        let text = input.text.text
        return [
            "count": .number(Double(mentions.count)),
            "score": .number(mentions.reduce(0) { $0 + (weights[$1.category] ?? 1) }),
            "categories": .array(categories.map { .string($0) }),
            "mentions": .array(mentions.map { mention in
                let original = text.originalRange(mention.range)
                return [
                    "category": .string(mention.category), "text": .string(text.string(mention.range)),
                    "start": .number(Double(original.lowerBound)), "end": .number(Double(original.upperBound)),
                ]
            }),
        ]
    }

    public func tally(_ result: JSONValue) -> Tally {
        var tally = Tally()
        guard case let .array(mentions)? = result["mentions"] else { return tally }
        tally.add("mentions", Double(mentions.count))
        tally.add("messages with mentions", mentions.isEmpty ? 0 : 1)
        for mention in mentions { if case let .string(category)? = mention["category"] { tally.add(category) } }
        return tally
    }

    /// A description of a repeated group that holds a repetition (`(a+)+`, `(\w*\s?)*`), which
    /// backtracking engines may take exponential time over; nil when there is none.
    static func nestedQuantifier(_ pattern: String) -> String? {
        let scalars = Array(pattern.unicodeScalars)
        var groups: [(start: Int, repeats: Bool)] = []
        var index = 0
        var inClass = false
        func isQuantifier(at position: Int) -> Bool {
            guard position < scalars.count else { return false }
            let scalar = scalars[position]
            if scalar == "+" || scalar == "*" { return true }
            // `{n,}` and `{n,m}` with m > 1 repeat; `{n}` and `?` do not multiply paths as badly.
            if scalar == "{", let close = scalars[position...].firstIndex(of: "}") {
                let inside = String(String.UnicodeScalarView(scalars[(position + 1) ..< close]))
                let parts = inside.split(separator: ",", omittingEmptySubsequences: false)
                return parts.count == 2 && (parts[1].isEmpty || (Int(parts[1]) ?? 0) > 1)
            }
            return false
        }
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\\" {
                index += 2
                if index - 1 < scalars.count, !inClass, isQuantifier(at: index), !groups.isEmpty { groups[groups.count - 1].repeats = true }
                continue
            }
            if inClass {
                if scalar == "]" {
                    inClass = false
                    if isQuantifier(at: index + 1), !groups.isEmpty { groups[groups.count - 1].repeats = true }
                }
            } else if scalar == "[" {
                inClass = true
            } else if scalar == "(" {
                groups.append((index, false))
            } else if scalar == ")", let group = groups.popLast() {
                if group.repeats, isQuantifier(at: index + 1) {
                    return String(String.UnicodeScalarView(scalars[group.start ... min(index + 1, scalars.count - 1)]))
                }
                // A repeated group repeats inside the group around it too.
                if (group.repeats || isQuantifier(at: index + 1)), !groups.isEmpty { groups[groups.count - 1].repeats = true }
            } else if isQuantifier(at: index + 1), !groups.isEmpty {
                groups[groups.count - 1].repeats = true
            }
            index += 1
        }
        return nil
    }

    /// A YAML node as a JSON value (numbers and booleans as such).
    static func json(_ node: Node) -> JSONValue {
        switch node {
        case let .scalar(scalar):
            let text = scalar.string
            if scalar.style == .plain {
                if let number = Double(text) { return .number(number) }
                if text == "true" { return true }
                if text == "false" { return false }
                if text == "null" || text == "~" { return nil }
            }
            return .string(text)
        case let .sequence(sequence): return .array(sequence.map(json))
        case let .mapping(mapping): return .object(mapping.map { (key: $0.key.string ?? "", value: json($0.value)) })
        default: return nil
        }
    }
}
