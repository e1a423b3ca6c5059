import Foundation
import ForumLensRules
import ForumLensText
import Yams

/// Advice themes: an id, a label per language, and the words and phrases that name each theme
/// per language. Read from a rule file (YAML or JSON; `forumlens analyze --taxonomy FILE`), the
/// default being `AdviceTaxonomy.defaultText`. Words match any of their forms (both sides are
/// stemmed: « priorité » matches « priorités », « prioriser »); a phrase matches its words in
/// order.
struct AdviceTaxonomy: Sendable {
    struct Theme: Sendable {
        var id: String
        var labels: [String: String]
        /// Per language, each term as stems.
        var terms: [String: [[String]]]
    }

    var id: String
    var themes: [Theme]
    /// Per language, each term by its first stem: (theme index, term index, the term's stems).
    private var byFirstStem: [String: [String: [(theme: Int, term: Int, stems: [String])]]] = [:]

    static let keys = ["id", "themes"]
    static let themeKeys = ["label", "fr", "en"]

    /// Parses a taxonomy; errors name the file and the line.
    init(text: String, path: String) throws(RuleFileError) {
        let file = try RuleFile(text, path: path, keys: Self.keys, what: "an advice taxonomy")
        id = try file.string("id") ?? "custom"
        guard let node = file.values["themes"] else { throw file.error(nil, "'themes' is missing: a mapping of theme ids to their words") }
        themes = try file.mapping(node, "themes", holds: "theme ids to their label and words").map { (entry) throws(RuleFileError) -> Theme in
            let fields = try file.mapping(entry.value, entry.key, holds: "label, fr and en")
            var theme = Theme(id: entry.key, labels: [:], terms: [:])
            for field in fields {
                switch field.key {
                case "label":
                    if case .scalar = field.value, let label = field.value.string {
                        theme.labels = ["fr": label, "en": label]
                    } else {
                        for label in try file.mapping(field.value, "label", holds: "languages to labels") {
                            guard let text = label.value.string, !text.isEmpty else { throw file.error(label.value, "a label is a text") }
                            theme.labels[label.key] = text
                        }
                    }
                case "fr", "en":
                    theme.terms[field.key] = try file.texts(field.value, field.key, "a word or phrase").map { Self.stems($0, language: field.key) }
                default:
                    throw file.error(field.keyNode, "unknown key '\(field.key)' in theme '\(entry.key)'\(RuleFile.suggestion(for: field.key, among: Self.themeKeys))")
                }
            }
            guard !theme.terms.isEmpty else { throw file.error(entry.keyNode, "theme '\(entry.key)' has no words (fr or en)") }
            return theme
        }
        for (themeIndex, theme) in themes.enumerated() {
            for (language, terms) in theme.terms {
                for (termIndex, term) in terms.enumerated() {
                    guard let first = term.first else { continue }
                    byFirstStem[language, default: [:]][first, default: []].append((themeIndex, termIndex, term))
                }
            }
        }
    }

    static func load(_ path: String) throws(RuleFileError) -> AdviceTaxonomy {
        guard let data = FileManager.default.contents(atPath: path) else { throw RuleFileError(path: path, message: "cannot be read") }
        guard let text = String(data: data, encoding: .utf8) else { throw RuleFileError(path: path, message: "is not UTF-8 text") }
        return try AdviceTaxonomy(text: text, path: path)
    }

    static func stems(_ text: String, language: String) -> [String] {
        Tokenizer.tokens(NormalizedText(text)).filter { $0.kind == .word || $0.kind == .number }.map { Stemmer.stem($0.lowercased, language: language) }
    }

    /// The themes whose terms the stems hold, most terms first (the taxonomy's order on a
    /// tie), two at most.
    func themes(of stems: [String], language: String) -> [String] {
        guard let index = byFirstStem[language] else { return [] }
        var matched = Set<Int>(), scores = [Int](repeating: 0, count: themes.count)
        for start in stems.indices {
            for entry in index[stems[start]] ?? [] where start + entry.stems.count <= stems.count {
                guard stems[start ..< start + entry.stems.count].elementsEqual(entry.stems),
                      matched.insert(entry.theme << 16 | entry.term).inserted else { continue }
                scores[entry.theme] += 1
            }
        }
        return scores.indices.filter { scores[$0] > 0 }.sorted { (scores[$0], -$0) > (scores[$1], -$1) }.prefix(2).map { themes[$0].id }
    }

    func label(of id: String, language: String) -> String {
        guard let theme = themes.first(where: { $0.id == id }) else { return id }
        return theme.labels[language] ?? theme.labels.values.sorted().first ?? id
    }

    static let `default`: AdviceTaxonomy = {
        do {
            return try AdviceTaxonomy(text: defaultText, path: "default taxonomy")
        } catch {
            fatalError("the default taxonomy is wrong: \(error)")
        }
    }()
}
