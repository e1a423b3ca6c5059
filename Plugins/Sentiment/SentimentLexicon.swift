import ForumLensText

/// Valences (-4 to 4) of words, phrases and symbols, read once from the tables that
/// scripts/lexicons/convert.py generates (SentimentLexiconData.swift; sources in NOTICE).
/// Words are looked up by their token's `WordKey`; a phrase by its first token, then matched
/// token by token, as the text layer splits it (`n'importe quoi` is three tokens).
struct SentimentLexicon: Sendable {
    private(set) var words: [WordKey: Float] = [:]
    /// Phrases by their first token's key, longest first.
    private(set) var phrases: [WordKey: [(keys: [WordKey], valence: Float)]] = [:]

    init(_ data: String) {
        for line in data.split(separator: "\n") {
            guard let tab = line.lastIndex(of: "\t"), let valence = Float(line[line.index(after: tab)...]) else { continue }
            let entry = String(line[..<tab])
            // Only entries the tokenizer may split are tokenized: most are one plain word.
            guard entry.utf8.contains(where: { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "'") }) else {
                words[WordKey(entry)] = valence
                continue
            }
            let keys = Tokenizer.tokens(NormalizedText(entry)).map(\.key)
            if keys.count == 1 {
                words[keys[0]] = valence
            } else if let first = keys.first {
                phrases[first, default: []].append((keys, valence))
            }
        }
        for key in phrases.keys { phrases[key]!.sort { $0.keys.count > $1.keys.count } }
    }

    static let english = SentimentLexicon(englishData)
    static let french = SentimentLexicon(frenchData)
    /// Emoticons and emoji, whatever the language.
    static let symbols = SentimentLexicon(symbolsData)

    static func of(language: String) -> SentimentLexicon { language == "fr" ? french : english }
}
