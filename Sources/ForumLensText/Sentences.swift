/// Sentences as token ranges: a sentence ends after `!`, `?` (or runs of them), after a `.` or
/// `…` that closes no abbreviation (`M.`, `Mme.`, `etc.`, `p. ex.`, `e.g.`, `i.e.`, initials)
/// and is not followed by a lowercase word, and at a paragraph break.
public enum Sentences {
    public static func split(_ tokens: [Token], in text: NormalizedText) -> [Range<Int>] {
        var sentences: [Range<Int>] = []
        var start = 0
        // By index, reading the marks in the text: no copy of each token and its String.
        for index in tokens.indices {
            let range = tokens[index].range
            let hasNext = index + 1 < tokens.count
            var ends = false
            if tokens[index].kind == .punctuation {
                let mark = text.scalars[range.lowerBound]
                if mark == "!" || mark == "?" {
                    ends = true
                } else if mark == "." || mark == "…" {
                    let abbreviation = mark == "." && range.count == 1 && index > 0 && isAbbreviation(tokens[index - 1], before: hasNext ? tokens[index + 1].kind : nil)
                    // « les notifs... j'y passe »: a lowercase word (or elided one) goes on the sentence.
                    let lowercaseNext = hasNext && (tokens[index + 1].kind == .word || tokens[index + 1].kind == .clitic)
                        && text.scalars[tokens[index + 1].range.lowerBound].properties.isLowercase
                    ends = !abbreviation && !lowercaseNext
                }
            }
            // A paragraph break (a blank line) ends a sentence whatever ends its last line.
            if !ends, hasNext, hasParagraphBreak(text, from: range.upperBound, to: tokens[index + 1].range.lowerBound) { ends = true }
            if ends || !hasNext {
                sentences.append(start ..< index + 1)
                start = index + 1
            }
        }
        return sentences
    }

    static let abbreviations = WordTable([
        "mm", "mme", "mmes", "mlle", "mlles", "dr", "pr", "me", "st", "ste", "etc", "cf", "ex", "env", "av", "apr",
        "n°", "no", "vol", "chap", "fig", "éd", "coll", "mr", "mrs", "ms", "prof", "sr", "jr", "vs", "approx", "dept",
        "inc", "ltd", "jan", "feb", "fév", "févr", "avr", "juil", "aug", "sept", "oct", "nov", "dec", "déc",
    ].map { (WordKey($0), true) })

    /// Whether a word before a `.` is an abbreviation: a listed one, or a single letter
    /// (initials, `M.`, `p. ex.`, `e.g.`, `i.e.`); `no.` only before a number (« no. 5 », not "Oh no. Run!").
    static func isAbbreviation(_ word: Token, before next: Token.Kind?) -> Bool {
        guard word.kind == .word else { return false }
        if word.key == no { return next == .number }
        return word.range.count == 1 || abbreviations.contains(word.key)
    }
    static let no = WordKey("no")

    static func hasParagraphBreak(_ text: NormalizedText, from start: Int, to end: Int) -> Bool {
        var newlines = 0
        for index in start ..< end where text.scalars[index] == "\n" {
            newlines += 1
            if newlines >= 2 { return true }
        }
        return false
    }
}
