import ForumLensText

/// Valences (-4 to 4) of words, phrases and symbols, read once from the tables that
/// scripts/lexicons/convert.py generates (SentimentLexiconData.swift; sources in NOTICE).
/// Words are looked up by their token's `WordKey`; a phrase by its first token, then matched
/// token by token, as the text layer splits it (`n'importe quoi` is three tokens).
/// A class: a struct of two tables would be copied, four retains, for every message.
final class SentimentLexicon: Sendable {
    let words: WordTable<Float>
    /// Phrases by their first token's key, longest first.
    let phrases: WordTable<[(keys: [WordKey], valence: Float)]>

    init(_ data: String) {
        var data = data
        var phrases: [WordKey: [(keys: [WordKey], valence: Float)]] = [:]
        var words = WordTable<Float>()
        data.withUTF8 { bytes in
            words = WordTable(minimumCapacity: bytes.count / 12)
            var lineStart = 0
            while lineStart < bytes.count {
                var lineEnd = lineStart
                while lineEnd < bytes.count, bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
                defer { lineStart = lineEnd + 1 }
                var tab = lineEnd - 1
                while tab > lineStart, bytes[tab] != UInt8(ascii: "\t") { tab -= 1 }
                guard tab > lineStart, let valence = Self.number(UnsafeBufferPointer(rebasing: bytes[(tab + 1) ..< lineEnd])) else { continue }
                let entry = UnsafeBufferPointer(rebasing: bytes[lineStart ..< tab])
                // Only entries the tokenizer may split are tokenized: most are one plain word.
                guard entry.contains(where: { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "'") }) else {
                    words[WordKey(utf8: entry)] = valence
                    continue
                }
                // An elision is one only before a word: « drôle d' » is tokenized with one after it.
                let elides = entry.last == UInt8(ascii: "'")
                let text = String(decoding: entry, as: UTF8.self) + (elides ? "x" : "")
                let keys = Tokenizer.tokens(NormalizedText(text)).map(\.key).dropLast(elides ? 1 : 0)
                if keys.count == 1 {
                    words[keys[0]] = valence
                } else if let first = keys.first {
                    phrases[first, default: []].append((Array(keys), valence))
                }
            }
        }
        self.words = words
        self.phrases = WordTable(phrases.map { key, list in (key, list.sorted { $0.keys.count > $1.keys.count }) })
    }

    /// `-1.25` and the like, as the converter writes them (no exponent).
    static func number(_ bytes: UnsafeBufferPointer<UInt8>) -> Float? {
        var value: Float = 0, scale: Float = 0, negative = false, digits = 0
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "-") where digits == 0 && !negative: negative = true
            case UInt8(ascii: "."): guard scale == 0 else { return nil }; scale = 1
            case UInt8(ascii: "0") ... UInt8(ascii: "9"):
                value = value * 10 + Float(byte - UInt8(ascii: "0"))
                if scale > 0 { scale *= 10 }
                digits += 1
            default: return nil
            }
        }
        guard digits > 0 else { return nil }
        return (negative ? -value : value) / max(scale, 1)
    }

    static let english = SentimentLexicon(englishData)
    static let french = SentimentLexicon(frenchData)
    /// Emoticons and emoji, whatever the language.
    static let symbols = SentimentLexicon(symbolsData)

    static func of(language: String) -> SentimentLexicon { language == "fr" ? french : english }
}
