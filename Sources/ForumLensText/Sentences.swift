/// Sentences as token ranges: a sentence ends after `!`, `?` (or runs of them), after a `.` or
/// `…` that closes no abbreviation (`M.`, `Mme.`, `etc.`, `p. ex.`, `e.g.`, `i.e.`, initials)
/// and is not followed by a lowercase word, and at a paragraph break.
public enum Sentences {
    public static func split(_ tokens: [Token], in text: NormalizedText) -> [Range<Int>] {
        var sentences: [Range<Int>] = []
        var start = 0
        for (index, token) in tokens.enumerated() {
            let next = index + 1 < tokens.count ? tokens[index + 1] : nil
            var ends = false
            if token.kind == .punctuation, let mark = token.lowercased.unicodeScalars.first {
                if "!?".unicodeScalars.contains(mark) {
                    ends = true
                } else if mark == "." || mark == "…" {
                    let abbreviation = token.lowercased == "." && index > 0 && isAbbreviation(tokens[index - 1], before: next)
                    // « les notifs... j'y passe »: a lowercase word (or elided one) goes on the sentence.
                    let lowercaseNext = next.map {
                        ($0.kind == .word || $0.kind == .clitic) && text.scalars[$0.range.lowerBound].properties.isLowercase
                    } ?? false
                    ends = !abbreviation && !lowercaseNext
                }
            }
            // A paragraph break (a blank line) ends a sentence whatever ends its last line.
            if !ends, let next, hasParagraphBreak(text, from: token.range.upperBound, to: next.range.lowerBound) { ends = true }
            if ends || next == nil {
                sentences.append(start ..< index + 1)
                start = index + 1
            }
        }
        return sentences
    }

    static let abbreviations: Set<String> = [
        "mm", "mme", "mmes", "mlle", "mlles", "dr", "pr", "me", "st", "ste", "etc", "cf", "ex", "env", "av", "apr",
        "n°", "no", "vol", "chap", "fig", "éd", "coll", "mr", "mrs", "ms", "prof", "sr", "jr", "vs", "approx", "dept",
        "inc", "ltd", "jan", "feb", "fév", "févr", "avr", "juil", "aug", "sept", "oct", "nov", "dec", "déc",
    ]

    /// Whether a word before a `.` is an abbreviation: a listed one, or a single letter
    /// (initials, `M.`, `p. ex.`, `e.g.`, `i.e.`); `no.` only before a number (« no. 5 », not "Oh no. Run!").
    static func isAbbreviation(_ word: Token, before next: Token?) -> Bool {
        guard word.kind == .word else { return false }
        if word.lowercased == "no" { return next?.kind == .number }
        return word.lowercased.unicodeScalars.count == 1 || abbreviations.contains(word.lowercased)
    }

    static func hasParagraphBreak(_ text: NormalizedText, from start: Int, to end: Int) -> Bool {
        var newlines = 0
        for index in start ..< end where text.scalars[index] == "\n" {
            newlines += 1
            if newlines >= 2 { return true }
        }
        return false
    }
}
