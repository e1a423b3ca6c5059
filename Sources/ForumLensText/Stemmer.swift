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
        var scalars = Array((mayHaveCapitals && word.unicodeScalars.contains { $0.properties.isUppercase } ? word.lowercased() : word).unicodeScalars)
        // Elided articles and pronouns: « l'image » → image, « s'inscrire » → inscrire.
        if let apostrophe = scalars.firstIndex(of: "'"), apostrophe <= 2, apostrophe + 1 < scalars.count {
            scalars.removeFirst(apostrophe + 1)
        }
        let endings = language == "fr" ? french : english
        // Plurals first (« réseaux », "cities"), then one derivational or verb ending.
        let keepsS = scalars.count >= 2 && scalars.last == "s" && endings.keepsS.contains(scalars[scalars.count - 2])
        if !keepsS {
            for rule in endings.plural where strip(&scalars, rule) { break }
        }
        if let last = scalars.last {
            for rule in endings.suffixes[last] ?? [] where strip(&scalars, rule) { break }
        }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars)
        return String(result)
    }

    /// An ending, what replaces it, and the shortest stem it may leave.
    struct Rule: Sendable {
        var ending: [Unicode.Scalar]
        var replacement: [Unicode.Scalar]
        var minimum: Int

        init(_ ending: String, _ replacement: String = "", minimum: Int = 3) {
            self.ending = Array(ending.unicodeScalars)
            self.replacement = Array(replacement.unicodeScalars)
            self.minimum = minimum
        }
    }

    struct Endings: Sendable {
        var plural: [Rule]
        /// By their last letter; the first that fits is taken, the longest first.
        var suffixes: [Unicode.Scalar: [Rule]]
        /// Letters before which a final `s` is no plural ("business", "status", "analysis").
        var keepsS: Set<Unicode.Scalar>

        init(plural: [Rule], suffixes: [String], keepsS: String = "") {
            self.plural = plural
            // « apprendre » and « apprends » meet at `apprend`: -dre keeps its d.
            let rules = suffixes.map { $0 == "dre" ? Rule("dre", "d", minimum: 3) : Rule($0, minimum: 3) }.sorted { $0.ending.count > $1.ending.count }
            self.suffixes = Dictionary(grouping: rules) { $0.ending.last! }
            self.keepsS = Set(keepsS.unicodeScalars)
        }
    }

    static func strip(_ scalars: inout [Unicode.Scalar], _ rule: Rule) -> Bool {
        let count = scalars.count - rule.ending.count
        guard count >= rule.minimum, scalars[count...].elementsEqual(rule.ending) else { return false }
        scalars.removeLast(rule.ending.count)
        scalars.append(contentsOf: rule.replacement)
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
