/// Phrases looked for in a text's tokens, by their first word, the longest first: the cue lists
/// of the time-cost and advice analyzers (« perte de temps », « je vous conseille »). A phrase
/// is tokenized as a text is, so « n'hésitez pas à » meets its own tokens. Several lists can
/// share one PhraseList, each phrase tagged with its list, so that a sentence is read once.
public struct PhraseList: Sendable {
    private var byFirst = WordTable<[(keys: [WordKey], tag: Int)]>()

    public init(_ list: [String]) { self.init(tagged: [list]) }

    /// Lists whose phrases are tagged with their index.
    public init(tagged lists: [[String]]) {
        var grouped: [WordKey: [(keys: [WordKey], tag: Int)]] = [:]
        for (tag, list) in lists.enumerated() {
            for phrase in list {
                let keys = Tokenizer.tokens(NormalizedText(phrase)).map(\.key)
                if let first = keys.first { grouped[first, default: []].append((keys, tag)) }
            }
        }
        byFirst = WordTable(grouped.map { ($0.key, $0.value.sorted { $0.keys.count > $1.keys.count }) })
    }

    /// The first phrase met in `range` of the tokens.
    public func first(in range: Range<Int>, _ tokens: [Token]) -> Range<Int>? {
        for start in range {
            if let found = match(at: start, in: range, tokens) { return found }
        }
        return nil
    }

    /// The longest phrase that starts at `start`.
    public func match(at start: Int, in range: Range<Int>, _ tokens: [Token]) -> Range<Int>? {
        for phrase in byFirst[tokens[start].key] ?? [] where Self.matches(phrase.keys, at: start, in: range, tokens) {
            return start ..< start + phrase.keys.count
        }
        return nil
    }

    /// For each of `tags` lists, its first phrase in `range` (the earliest, the longest there).
    public func firstOfEachTag(in range: Range<Int>, _ tokens: [Token], tags: Int) -> [Range<Int>?] {
        var found = [Range<Int>?](repeating: nil, count: tags)
        for start in range {
            for phrase in byFirst[tokens[start].key] ?? [] where found[phrase.tag] == nil && Self.matches(phrase.keys, at: start, in: range, tokens) {
                found[phrase.tag] = start ..< start + phrase.keys.count
            }
        }
        return found
    }

    /// Whether the tokens at `start` are `keys`, within `range`.
    public static func matches(_ keys: [WordKey], at start: Int, in range: Range<Int>, _ tokens: [Token]) -> Bool {
        start + keys.count <= range.upperBound && zip(tokens[start ..< start + keys.count], keys).allSatisfy { $0.key == $1 }
    }
}
