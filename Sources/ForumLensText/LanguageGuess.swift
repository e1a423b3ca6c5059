/// The language of a message, from its function words: an ISO 639-1 code and how sure the
/// guess is (0…1). Forum messages are short, so few words decide: a message with fewer than
/// `minimumWords` words, or an unsure guess, should take its discussion's language, then the
/// user's (`resolved(fallback:)`).
public struct LanguageGuess: Sendable, Equatable {
    public var code: String
    public var confidence: Double

    public static let undetermined = LanguageGuess(code: "und", confidence: 0)
    public static let minimumWords = 4
    public static let minimumConfidence = 0.5

    /// This guess when it is sure enough, else `fallback` (the discussion's language, then
    /// `--language`), else `und`.
    public func resolved(fallback: String?) -> String {
        confidence >= Self.minimumConfidence ? code : fallback ?? (code == "und" ? "und" : code)
    }

    /// Function words per language: frequent, short, and rarely shared. At most eight languages
    /// (a word's languages are the bits of a byte).
    static let functionWords: [(code: String, words: Set<String>)] = [
        ("fr", ["le", "la", "les", "des", "du", "de", "et", "est", "une", "un", "pour", "pas", "que", "qui", "dans", "sur",
                "avec", "je", "vous", "nous", "il", "elle", "ce", "cette", "mais", "ou", "au", "aux", "ne", "plus", "très",
                "sont", "ai", "c'", "l'", "d'", "j'", "qu'", "n'", "s'", "à", "ça", "mon", "ma", "mes", "tout", "bien"]),
        ("en", ["the", "and", "is", "are", "of", "to", "in", "that", "it", "for", "with", "you", "was", "this", "have",
                "not", "but", "they", "be", "on", "at", "my", "i", "we", "what", "so", "if", "just", "do", "'s", "n't", "an",
                "or", "would", "there", "been", "from", "your", "can", "will"]),
        ("de", ["der", "die", "das", "und", "ist", "nicht", "ich", "ein", "eine", "zu", "mit", "sie", "es", "den", "auf",
                "für", "auch", "sich", "dass", "wie", "aber", "noch", "wir", "habe", "hat", "bei", "oder", "nur", "schon"]),
        ("es", ["el", "la", "los", "las", "que", "de", "y", "en", "es", "por", "para", "con", "una", "un", "no", "se",
                "lo", "pero", "más", "como", "muy", "yo", "está", "del", "al", "porque", "también", "hay", "mi", "su"]),
        ("it", ["il", "di", "che", "e", "la", "per", "un", "una", "non", "sono", "è", "con", "mi", "si", "ma", "anche",
                "del", "della", "gli", "le", "io", "ho", "come", "questo", "molto", "più", "hai", "ha", "perché", "ci"]),
        ("pt", ["o", "os", "as", "de", "que", "e", "do", "da", "em", "um", "uma", "não", "para", "com", "se", "por",
                "mais", "como", "mas", "eu", "você", "muito", "isso", "está", "são", "tem", "dos", "das", "na", "no"]),
    ]

    /// For each function word, the languages it belongs to, as bits (one lookup per token).
    static let languagesOfWord: WordTable<UInt8> = {
        var table = WordTable<UInt8>()
        for (index, language) in functionWords.enumerated() {
            for word in language.words { table[WordKey(word)] = (table[WordKey(word)] ?? 0) | 1 << index }
        }
        return table
    }()

    /// The language of texts taken together: a file's or a thread's, for those of them too
    /// short to tell on their own. The first 4,000 characters or so decide; more would only
    /// tokenize again what the analysis tokenizes.
    public static func guess<Texts: Sequence<String>>(texts: Texts) -> LanguageGuess {
        var sample = ""
        for text in texts {
            guard sample.utf8.count < 4000 else { break }
            sample += text + "\n"
        }
        return TextLayer(sample).language
    }

    /// Guesses from the word and clitic tokens.
    public static func guess(_ tokens: [Token]) -> LanguageGuess {
        // Counts in vectors, not arrays: no allocation per message.
        var scores = SIMD8<Int32>(), distinct = SIMD8<Int32>()
        var seen: [WordKey] = []   // few per message: a scan costs less than hashing
        seen.reserveCapacity(16)
        var words = 0
        // Letters of Chinese, Japanese and Korean words, and of the others: scripts without
        // spaces or function words to count.
        var cjk = (han: 0, kana: 0, hangul: 0), otherLetters = 0
        let languagesOfWord = languagesOfWord, count = functionWords.count   // once, not per token
        // By index: a Token copied out of the array is its String retained and released.
        for position in tokens.indices where tokens[position].kind == .word || tokens[position].kind == .clitic {
            words += 1
            let key = tokens[position].key
            // CJK letters take three UTF-8 bytes from E3 (kana, U+3040…) to ED (Hangul, …U+D7AF).
            if let lead = key.firstByte ?? tokens[position].lowercased.utf8.first, lead >= 0xE3, lead <= 0xED {
                let letters = tokens[position].range.count
                let second = tokens[position].lowercased.utf8.dropFirst().first ?? 0
                if lead >= 0xEA { cjk.hangul += letters } else if lead == 0xE3, (0x81 ... 0x83).contains(second) { cjk.kana += letters } else { cjk.han += letters }
                continue
            }
            otherLetters += tokens[position].range.count
            guard let languages = languagesOfWord[key] else { continue }
            let first = !seen.contains(key)
            if first { seen.append(key) }
            for index in 0 ..< count where languages & 1 << index != 0 {
                scores[index] += 1
                if first { distinct[index] += 1 }
            }
        }
        // Mostly CJK letters (a few English words in it, `Ruby`, `the`, count for little): kana
        // say Japanese, Hangul Korean, Han alone Chinese. The analyzers read none of them.
        let cjkLetters = cjk.han + cjk.kana + cjk.hangul
        if cjkLetters > otherLetters {
            let code = cjk.kana > 0 ? "ja" : cjk.hangul > cjk.han ? "ko" : "zh"
            return LanguageGuess(code: code, confidence: (Double(cjkLetters) / Double(cjkLetters + otherLetters) * 100).rounded() / 100)
        }
        guard words > 0, let best = functionWords.indices.max(by: { scores[$0] < scores[$1] }), scores[best] > 0 else { return .undetermined }
        let second = functionWords.indices.lazy.filter { $0 != best }.map { scores[$0] }.max() ?? 0
        // Sure when the best language leads clearly and the message has words enough.
        let margin = Double(scores[best] - second) / Double(scores[best])
        let length = min(1, Double(words) / Double(minimumWords * 3))
        // And when several function words agree: one (`com` in a web address), or one said
        // again and again ("HA HA HA", Italian's `ha`), proves little.
        let agreement = min(1, Double(distinct[best]) / 3)
        return LanguageGuess(code: functionWords[best].code, confidence: (margin * length * agreement * 100).rounded() / 100)
    }
}
