/// Phrases looked for in a text's tokens, by their first word, the longest first: the cue lists
/// of the time-cost and advice analyzers (« perte de temps », « je vous conseille »). A phrase
/// is tokenized as a text is, so « n'hésitez pas à » meets its own tokens.
public struct PhraseList: Sendable {
    private var byFirst = WordTable<[[WordKey]]>()

    public init(_ list: [String]) {
        var grouped: [WordKey: [[WordKey]]] = [:]
        for phrase in list {
            let keys = Tokenizer.tokens(NormalizedText(phrase)).map(\.key)
            if let first = keys.first { grouped[first, default: []].append(keys) }
        }
        byFirst = WordTable(grouped.map { ($0.key, $0.value.sorted { $0.count > $1.count }) })
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
        for phrase in byFirst[tokens[start].key] ?? [] where start + phrase.count <= range.upperBound {
            if zip(tokens[start ..< start + phrase.count], phrase).allSatisfy({ $0.key == $1 }) { return start ..< start + phrase.count }
        }
        return nil
    }
}
