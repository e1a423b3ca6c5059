/// Which tokens a negation governs. French: `ne … pas/plus/jamais/rien/guère/personne/point`
/// (the words between `ne` and the negator, and after it), `pas de`, `sans`, `aucun(e)`,
/// `jamais`, `ni`; English: `not`, `no`, `never`, `n't`, `nor`, `without`, `nothing`. Also
/// what something lacks or fails at (`dépourvu de`, `manque de`; `devoid of`, `lacks`, `fails
/// to`), and `barely`, `hardly`, `less` over the next word only. Not "nothing short of",
/// "nothing but", « rien de moins que », "not this happy in years", "can't recommend it
/// enough", which affirm. A scope runs to the end of the clause (punctuation, `mais`/`but`/`et`…)
/// or four words, whichever comes first.
public enum Negation {
    /// The negators proper, which also close a French `ne`.
    static let closers = [
        "pas", "plus", "jamais", "rien", "guère", "personne", "point", "sans", "aucun", "aucune", "ni",
        "not", "no", "never", "n't", "nor", "without", "nothing", "none", "nobody", "neither", "cannot",
    ]
    /// Negators of degree, which govern only the word after them ("less patient about bull
    /// shit", "barely funny").
    static let degree = ["barely", "hardly", "scarcely", "less"]
    /// What something lacks: « dépourvu d'humour », "devoid of charm", "lacks energy".
    static let lacking = [
        "dépourvu", "dépourvue", "dépourvus", "dépourvues", "dénué", "dénuée", "dénués", "dénuées", "manque", "manquent", "manquait",
        "devoid", "bereft", "lacks", "lacking", "lacked", "lack", "fails", "failed", "fail",
    ]
    static let negators = WordTable((closers + degree + lacking).map { (WordKey($0), true) })
    static let closesNe = WordTable(closers.map { (WordKey($0), true) })
    static let narrow = WordTable(degree.map { (WordKey($0), true) })
    /// Words that end a clause, and so a scope.
    static let clauseEnds = WordTable([
        "mais", "et", "ou", "car", "donc", "or", "pourtant", "cependant", "sinon", "but", "and", "or", "so", "yet",
        "however", "although", "though", "because", "que", "qui", "which",
    ].map { (WordKey($0), true) })
    static let scopeLength = 4

    /// For each token, whether a negation governs it (the negators themselves are not negated).
    public static func scopes(_ tokens: [Token]) -> [Bool] {
        var negated = [Bool](repeating: false, count: tokens.count)
        var index = 0
        while index < tokens.count {
            let word = tokens[index].lowercased
            // `ne` / `n'`: the words up to the negator that follows in the clause are negated too.
            // (The length first: comparing Strings costs hundreds of instructions.)
            if word.utf8.count == 2, word == "ne" || word == "n'", let negator = negator(after: index, in: tokens), !affirms(at: negator, in: tokens) {
                for inner in index + 1 ..< negator where isWord(tokens[inner]) { negated[inner] = true }
                markScope(after: negator, in: tokens, &negated)
                index = negator + 1
                continue
            }
            if negators.contains(tokens[index].key), isWord(tokens[index]), !affirms(at: index, in: tokens) {
                // `plus` alone is "more", `personne` alone "a person", `point` a full stop's name:
                // only after `ne` (above) are they negations.
                if !["plus", "personne", "point", "rien"].contains(word) || (index > 0 && tokens[index - 1].lowercased == "de") {
                    markScope(after: index, in: tokens, &negated, length: narrow.contains(tokens[index].key) ? 1 : scopeLength)
                }
            }
            index += 1
        }
        return negated
    }

    /// "Nothing short of", "nothing less than", "nothing but", "no less than", « rien de moins
    /// que »: a negator that affirms what follows.
    static func affirms(at index: Int, in tokens: [Token]) -> Bool {
        guard index + 2 < tokens.count else { return false }
        let (first, next, after) = (tokens[index].lowercased, tokens[index + 1].lowercased, tokens[index + 2].lowercased)
        switch first {
        case "nothing": return (next == "short" && after == "of") || (next == "less" && after == "than") || next == "but"
        case "no": return next == "less" && after == "than"
        case "rien": return next == "de" && after == "moins"
        default: return comparesWithThePast(after: index, in: tokens) || cannotEnough(at: index, in: tokens)
        }
    }

    /// "I can't recommend it enough", "can't get enough of": more than can be said.
    static func cannotEnough(at index: Int, in tokens: [Token]) -> Bool {
        let word = tokens[index].lowercased
        guard word == "cannot" || word == "n't" && index > 0 && ["ca", "can", "could", "couldn"].contains(tokens[index - 1].lowercased) else { return false }
        return tokens[(index + 1) ..< min(tokens.count, index + 6)].contains { $0.lowercased == "enough" }
    }

    /// "I haven't been this happy in years", « je n'ai pas autant ri depuis des années »: the
    /// negation says how rare, not that it is not so.
    static func comparesWithThePast(after index: Int, in tokens: [Token]) -> Bool {
        var cursor = index + 1, degree = false
        while cursor < tokens.count, cursor - index <= 12, tokens[cursor].kind != .punctuation {
            let word = tokens[cursor].lowercased
            if cursor - index <= 3, ["this", "that", "so", "autant", "aussi", "si"].contains(word) { degree = true }
            if degree, cursor + 1 < tokens.count {
                let next = tokens[cursor + 1].lowercased
                if word == "in", ["years", "ages", "a", "forever", "decades", "months"].contains(next) { return true }
                if word == "depuis", ["longtemps", "des", "une", "belle", "lurette"].contains(next) { return true }
            }
            cursor += 1
        }
        return false
    }

    /// The negator that closes `ne` at `index`, within its clause.
    static func negator(after index: Int, in tokens: [Token]) -> Int? {
        var cursor = index + 1
        while cursor < tokens.count, cursor - index <= 6 {
            let token = tokens[cursor]
            if token.kind == .punctuation || clauseEnds.contains(token.key) { return nil }
            if closesNe.contains(token.key) { return cursor }
            cursor += 1
        }
        return nil
    }

    static func markScope(after negator: Int, in tokens: [Token], _ negated: inout [Bool], length: Int = scopeLength) {
        var words = 0
        var cursor = negator + 1
        while cursor < tokens.count, words < length {
            let token = tokens[cursor]
            if token.kind == .punctuation || token.kind == .emoticon || clauseEnds.contains(token.key) { break }
            if isWord(token) {
                negated[cursor] = true
                if token.kind == .word { words += 1 }
            }
            cursor += 1
        }
    }

    static func isWord(_ token: Token) -> Bool { token.kind == .word || token.kind == .clitic }
}
