/// A light stemmer for French and English: inflections and the commonest derivations taken off,
/// so that « priorités », « prioritaire » and « prioriser » meet at `priorit`, "meetings" and
/// "meet" at `meet`. It stands in for a lemmatiser where words are matched against a list (an
/// advice taxonomy) or grouped (discovered themes): both sides go through the same function, so
/// a stem need not be a word, only the same for the forms of one.
public enum Stemmer {
    public static func stem(_ word: String, language: String) -> String {
        // Tokens come lowercased; words from elsewhere (a taxonomy) may not. (Bytes first: the
        // Unicode property lookup costs more than the rest of the stemming.)
        let mayHaveCapitals = word.utf8.contains { $0 >= 0x80 || (0x41 ... 0x5A).contains($0) }
        let lowercased = mayHaveCapitals && word.unicodeScalars.contains { $0.properties.isUppercase } ? word.lowercased() : word
        // On UTF-8 bytes: an ending matches the same bytes as it does scalars (it starts with a
        // scalar's first byte), and lengths are counted in scalars where a rule says how short.
        var bytes = Array(lowercased.utf8)
        var scalars = scalarCount(bytes[...])
        // Elided articles and pronouns: « l'image » → image, « s'inscrire » → inscrire.
        if let apostrophe = bytes.firstIndex(of: 0x27), apostrophe + 1 < bytes.count {
            let before = scalarCount(bytes[..<apostrophe])
            if before <= 2 {
                bytes.removeFirst(apostrophe + 1)
                scalars -= before + 1
            }
        }
        let endings = language == "fr" ? french : english
        // Plurals first (« réseaux », "cities"), then one derivational or verb ending.
        let keepsS = bytes.count >= 2 && bytes.last == 0x73 && endings.keepsS.contains(bytes[bytes.count - 2])
        if !keepsS {
            for rule in endings.plural where strip(&bytes, &scalars, rule) { break }
        }
        if let last = bytes.last {
            for rule in endings.suffixes[Int(last)] where strip(&bytes, &scalars, rule) { break }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Scalars in UTF-8: the bytes that are not continuation bytes.
    static func scalarCount(_ bytes: ArraySlice<UInt8>) -> Int { bytes.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) } }

    /// An ending, what replaces it, and the shortest stem it may leave (in scalars).
    struct Rule: Sendable {
        var ending: [UInt8]
        var endingScalars: Int
        var replacement: [UInt8]
        var replacementScalars: Int
        var minimum: Int

        init(_ ending: String, _ replacement: String = "", minimum: Int = 3) {
            self.ending = Array(ending.utf8)
            endingScalars = ending.unicodeScalars.count
            self.replacement = Array(replacement.utf8)
            replacementScalars = replacement.unicodeScalars.count
            self.minimum = minimum
        }
    }

    struct Endings: Sendable {
        var plural: [Rule]
        /// By their last byte; the first that fits is taken, the longest first.
        var suffixes: [[Rule]]
        /// Letters before which a final `s` is no plural ("business", "status", "analysis").
        var keepsS: [UInt8]

        init(plural: [Rule], suffixes: [String], keepsS: String = "") {
            self.plural = plural
            // « apprendre » and « apprends » meet at `apprend`: -dre keeps its d.
            let rules = suffixes.map { $0 == "dre" ? Rule("dre", "d", minimum: 3) : Rule($0, minimum: 3) }.sorted { $0.endingScalars > $1.endingScalars }
            self.suffixes = (0 ..< 256).map { last in rules.filter { Int($0.ending.last!) == last } }
            self.keepsS = Array(keepsS.utf8)
        }
    }

    static func strip(_ bytes: inout [UInt8], _ scalars: inout Int, _ rule: Rule) -> Bool {
        let start = bytes.count - rule.ending.count
        guard start >= 0, scalars - rule.endingScalars >= rule.minimum, bytes[start...].elementsEqual(rule.ending) else { return false }
        bytes.replaceSubrange(start..., with: rule.replacement)
        scalars += rule.replacementScalars - rule.endingScalars
        return true
    }

    static let french = Endings(
        plural: [Rule("eaux", "eau", minimum: 1), Rule("aux", "al", minimum: 2), Rule("x", minimum: 3), Rule("s", minimum: 3)],
        suffixes: [
            "issements", "issement", "ements", "ement", "ations", "ation", "ateurs", "ateur", "atrices", "atrice", "ences", "ence",
            "ances", "ance", "ités", "ité", "ismes", "isme", "istes", "iste", "ables", "able", "ibles", "ible", "euses", "euse", "eurs",
            "eur", "ives", "ive", "ifs", "if", "iques", "ique", "aires", "aire", "erions", "eriez", "eraient", "erait", "erais", "erons",
            "erez", "eront", "era", "ions", "iez", "aient", "ait", "ais", "ant", "antes", "ante", "ants", "ons", "ent", "ées", "és", "ée",
            "é", "ez", "er", "ir", "es", "e", "is", "it", "itaire", "iser", "dre", "isez", "isons", "isé", "isée", "isant", "isation",
        ])

    static let english = Endings(
        plural: [Rule("ies", "y", minimum: 2), Rule("sses", "ss", minimum: 2), Rule("s", minimum: 3)],
        suffixes: [
            "ational", "ization", "ations", "ation", "fulness", "ousness", "iveness", "ments", "ment", "ness", "ings", "ing", "ities",
            "ity", "ably", "ibly", "edly", "ly", "ers", "er", "ed", "able", "ible", "ive", "ful", "e", "ize", "ise", "itize", "izing",
            "ized",
        ],
        keepsS: "siu")
}
