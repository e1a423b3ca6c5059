/// Which tokens a negation governs. French: `ne … pas/plus/jamais/rien/guère/personne/point/
/// nullement/aucunement` (the words between `ne` and the negator, and after it), `ne` alone
/// before pouvoir, savoir and oser (« ne pourra respecter »), a negative subject before `ne`
/// (« rien ne », « personne ne », « nul ne », « aucun client ne »), `pas de`, `rien de`, `sans`,
/// `aucun(e)`, `jamais`, `ni`; English: `not`, `no`, `never`, `n't` (and `dont`, `isnt`… typed
/// without it), `nor`, `without`, `nothing`. Also what something lacks or fails at (`dépourvu
/// de`, `manque de`; `devoid of`, `lacks`, `fails to`), and denial by distance over the next two
/// words: "far from (being)", "falls short of", "the opposite of", "anything but", « loin
/// d'être », « le contraire de », « éviter de »; `barely`, `hardly`, `less`, `least` (not "at
/// least") over the next word only. Not "nothing short of", "nothing but", "nothing beats", "no
/// matter", "no doubt", "no idea", "not only", « sans doute », « rien de moins que », « rien de
/// tel », « rien ne vaut », "not this happy in years", "can't recommend it enough", "can't wait",
/// which affirm; nor `pas` after a determiner or an adjective, a step (« un pas dans la bonne
/// direction », « faux pas »). A scope runs to the end of the clause (punctuation, an emoticon or
/// laughter, `mais`/`but`/`et`…, a question word after the verb) or four words, whichever comes
/// first.
public enum Negation {
    /// The negators proper, which also close a French `ne`.
    static let closers = [
        "pas", "plus", "jamais", "rien", "guère", "personne", "point", "nullement", "aucunement", "sans", "aucun", "aucune", "ni",
        "not", "no", "never", "n't", "nor", "without", "nothing", "none", "nobody", "neither", "cannot",
    ]
    /// Negators of degree, which govern only the word after them ("less patient about bull
    /// shit", "barely funny").
    static let degree = ["barely", "hardly", "scarcely", "less", "least"]
    /// What something lacks: « dépourvu d'humour », "devoid of charm", "lacks energy".
    static let lacking = [
        "dépourvu", "dépourvue", "dépourvus", "dépourvues", "dénué", "dénuée", "dénués", "dénuées", "manque", "manquent", "manquait",
        "devoid", "bereft", "lacks", "lacking", "lacked", "lack", "fails", "failed", "fail",
    ]
    /// English contractions typed without their apostrophe ("dont", "isnt"), as forums and
    /// tweets write them. Not `dont`, a French word, unless the message reads as English.
    static let apostropheless = [
        "aint", "arent", "cant", "couldnt", "didnt", "doesnt", "hadnt", "hasnt", "havent", "isnt", "mightnt", "mustnt",
        "neednt", "shouldnt", "wasnt", "werent", "wont", "wouldnt",
    ]
    static let negators = table(closers + degree + lacking + apostropheless)
    static let dont = WordKey("dont")
    static let closesNe = table(closers)
    static let narrow = table(degree)
    /// Words that end a clause, and so a scope.
    static let clauseEnds = table([
        "mais", "et", "ou", "car", "donc", "or", "pourtant", "cependant", "sinon", "but", "and", "or", "so", "yet",
        "however", "although", "though", "because", "que", "qui", "which",
    ] + questionWords)
    /// A question word opens a clause of its own after a verb ("I don't care who wins", « je ne
    /// sais pas pourquoi c'est bien »), but right after the negator it is what is negated ("not
    /// what I'd call fun").
    static let questionWords = [
        "who", "whom", "whose", "what", "when", "where", "why", "how", "whether", "quand", "où", "pourquoi", "comment",
    ]
    static let governedRightAfter = table(["so"] + questionWords)
    /// Laughter (`Laughter`), xD and jk stand outside the clause, as an emoticon does ("I'm not
    /// the latter lol").
    static let interjections = table(["xd", "jk"])
    static let scopeLength = 4

    /// For each token, whether a negation governs it (the negators themselves are not negated).
    public static func scopes(_ tokens: [Token], language: LanguageGuess) -> [Bool] {
        let english = language.code == "en"
        var negated = [Bool](repeating: false, count: tokens.count)
        var index = 0
        // Keys, not Strings, and the tables read once: this loop sees every token.
        let (negators, denialStarts, ne, elidedNe) = (negators, denialStarts, ne, elidedNe)
        while index < tokens.count {
            let key = tokens[index].key
            // `ne` / `n'`: the words up to the negator that follows in the clause are negated too.
            if key == ne || key == elidedNe {
                if let negator = negator(after: index, in: tokens), !affirms(at: negator, in: tokens) {
                    for inner in index + 1 ..< negator where isWord(tokens[inner]) { negated[inner] = true }
                    markScope(after: negator, in: tokens, &negated)
                    index = negator + 1
                    continue
                }
                // « Rien ne t'oblige », « personne ne m'aide », « aucun recruteur n'a répondu »:
                // the negator is the subject, before `ne`; the verb after it is negated. Not
                // « rien ne vaut un bon café », which praises.
                if negativeSubject(before: index, in: tokens) {
                    if !praisesByComparison(after: index, in: tokens) { markScope(after: index, in: tokens, &negated) }
                    index += 1
                    continue
                }
                if let modal = modalNegatedByNe(after: index, in: tokens) {
                    for inner in index + 1 ... modal where isWord(tokens[inner]) { negated[inner] = true }
                    markScope(after: modal, in: tokens, &negated)
                    index = modal + 1
                    continue
                }
            }
            if denialStarts.contains(key), let end = denialByDistance(at: index, in: tokens) {
                markScope(after: end, in: tokens, &negated, length: 2)
                index = end + 1
                continue
            }
            if negators.contains(key) || english && key == dont, isWord(tokens[index]), !affirms(at: index, in: tokens) {
                let word = tokens[index].lowercased
                // `plus` alone is "more" (« de plus en plus »), `personne` alone "a person", `point`
                // a full stop's name, `rien` "nothing" (« de rien »): only after `ne` (above) are
                // they negations, and `rien` before `de` (« rien de spécial »).
                // `pas` after a determiner or an adjective is a step (« un pas dans la bonne
                // direction », « le premier pas », « faux pas »).
                let step = key == pas && index > 0 && stepBefore.contains(tokens[index - 1].key)
                if !step && !["plus", "personne", "point", "rien"].contains(word)
                    || word == "rien" && index + 1 < tokens.count && ["de", "d'"].contains(tokens[index + 1].lowercased) {
                    markScope(after: index, in: tokens, &negated, length: narrow.contains(key) ? 1 : scopeLength)
                }
            }
            index += 1
        }
        return negated
    }

    /// "Nothing short of", "nothing less than", "nothing but", "no less than", "no matter", "no
    /// doubt", "no idea" (I don't know: what follows is not denied), "not only", "without a
    /// doubt", « sans (aucun) doute », « rien de moins que »: a negator that affirms what follows,
    /// or negates nothing of it.
    static func affirms(at index: Int, in tokens: [Token]) -> Bool {
        func word(_ offset: Int) -> String { tokens.indices.contains(index + offset) ? tokens[index + offset].lowercased : "" }
        let (first, next, after) = (tokens[index].lowercased, word(1), word(2))
        switch first {
        case "nothing": return (next == "short" && after == "of") || (next == "less" && after == "than") || next == "but"
            || ["beats", "compares", "tops", "surpasses"].contains(next) || next == "can" && after == "beat" || next == "better" && after == "than"
        case "no": return next == "less" && after == "than" || next == "matter" || next == "doubt" || next == "idea"
        case "not": return next == "only" || next == "just"
        case "without": return next == "doubt" || next == "a" && after == "doubt"
        case "sans": return next == "doute" || next == "aucun" && after == "doute"
        case "aucun": return word(-1) == "sans" && next == "doute"
        case "rien": return next == "de" && (after == "moins" || after == "tel" || after == "telle" || after == "mieux" && ["que", "qu'"].contains(word(3)))
        case "least": return word(-1) == "at" || word(-1) == "very"
        default: return index + 2 < tokens.count && (comparesWithThePast(after: index, in: tokens) || affirmingCannot(at: index, in: tokens))
        }
    }

    /// "I can't recommend it enough", "can't get enough of": more than can be said; "can't
    /// wait to go": eagerness, and what follows is wanted.
    static func affirmingCannot(at index: Int, in tokens: [Token]) -> Bool {
        let key = tokens[index].key
        guard cannotWords.contains(key) || key == nt && index > 0 && canWords.contains(tokens[index - 1].key) else { return false }
        return index + 1 < tokens.count && tokens[index + 1].key == wait || tokens[(index + 1) ..< min(tokens.count, index + 6)].contains { $0.key == enough }
    }

    /// "I haven't been this happy in years", « je n'ai pas autant ri depuis des années »: the
    /// negation says how rare, not that it is not so. A word of degree within three words, then
    /// a time long past in the clause.
    static func comparesWithThePast(after index: Int, in tokens: [Token]) -> Bool {
        let end = min(tokens.count - 1, index + 13)
        guard let degree = (index + 1 ..< min(end, index + 4)).prefix(while: { tokens[$0].kind != .punctuation })
            .first(where: { degreeWords.contains(tokens[$0].key) }) else { return false }
        for cursor in degree + 1 ..< max(degree + 1, end) {
            let (word, next) = (tokens[cursor].key, tokens[cursor + 1].key)
            if tokens[cursor].kind == .punctuation { return false }
            if word == inWord && pastAfterIn.contains(next) || word == depuis && pastAfterDepuis.contains(next) { return true }
        }
        return false
    }

    static func table(_ words: [String]) -> WordTable<Bool> { WordTable(words.map { (WordKey($0), true) }) }
    static let (nt, enough, wait, inWord, depuis) = (WordKey("n't"), WordKey("enough"), WordKey("wait"), WordKey("in"), WordKey("depuis"))
    static let cannotWords = table(["cannot", "cant", "couldnt"])
    static let canWords = table(["ca", "can", "could", "couldn"])
    static let degreeWords = table(["this", "that", "so", "autant", "aussi", "si"])
    static let pastAfterIn = table(["years", "ages", "a", "forever", "decades", "months"])
    static let pastAfterDepuis = table(["longtemps", "des", "une", "belle", "lurette"])

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
            // "so" ends a clause ("so I left"), but right after the negator it says how much ("not
            // so bad"); a question word right after it is what it negates.
            let governed = cursor == negator + 1 && governedRightAfter.contains(token.key)
            if token.kind == .punctuation || token.kind == .emoticon || interjections.contains(token.key) || Laughter.contains(token)
                || clauseEnds.contains(token.key) && !governed { break }
            if isWord(token) {
                negated[cursor] = true
                if token.kind == .word { words += 1 }
            }
            cursor += 1
        }
    }

    /// Written French drops `pas` after `ne` with pouvoir, savoir and oser: « le Canada ne
    /// pourra respecter son engagement », « je n'ose y croire ». Not « je ne peux que
    /// recommander », which affirms, nor « je ne sais quoi / pourquoi », whose clause is another.
    /// The modal, after at most two object pronouns, or nil.
    static func modalNegatedByNe(after index: Int, in tokens: [Token]) -> Int? {
        var cursor = index + 1
        while cursor < min(tokens.count, index + 3), objectPronouns.contains(tokens[cursor].key) { cursor += 1 }
        guard cursor < tokens.count, modals.contains(tokens[cursor].key),
              cursor + 1 >= tokens.count || !endsModal.contains(tokens[cursor + 1].key) else { return nil }
        return cursor
    }
    static let endsModal = table(["que", "qu'", "quoi"] + questionWords)
    static let modals = table([
        "peux", "peut", "pouvons", "pouvez", "peuvent", "pouvais", "pouvait", "pouvions", "pouviez", "pouvaient", "pourrai", "pourras",
        "pourra", "pourrons", "pourrez", "pourront", "pourrais", "pourrait", "pourrions", "pourriez", "pourraient", "puis", "puisse",
        "puisses", "puissent", "sais", "sait", "savons", "savez", "savent", "savais", "savait", "savaient", "saurai", "saura", "saurons",
        "saurez", "sauront", "saurais", "saurait", "saurions", "sauriez", "sauraient", "sache", "sachent", "ose", "oses", "osons", "osez",
        "osent", "osais", "osait", "osaient", "oserai", "osera", "oserais", "oserait", "oseraient",
    ])
    static let objectPronouns = table(["le", "la", "l'", "les", "me", "m'", "te", "t'", "se", "s'", "nous", "vous", "lui", "leur", "y", "en"])

    /// Whether `ne` at `index` follows a negative subject: « rien », « personne » (not « la
    /// personne »), « nul(le) », or « aucun(e) » and its noun, one or two words before.
    static func negativeSubject(before index: Int, in tokens: [Token]) -> Bool {
        guard index > 0 else { return false }
        let subject = tokens[index - 1].key
        if subjectNegators.contains(subject) {
            return index < 2 || !determiners.contains(tokens[index - 2].key)
        }
        return (2 ... 3).contains { distance in
            index >= distance && aucun.contains(tokens[index - distance].key)
                && tokens[(index - distance + 1) ..< index].allSatisfy { $0.kind == .word }
        }
    }
    static let subjectNegators = table(["rien", "personne", "nul", "nulle"])
    static let aucun = table(["aucun", "aucune"])
    static let determiners = table(["la", "une", "un", "cette", "chaque", "toute", "quelle", "ma", "ta", "sa", "notre", "votre", "leur", "autre"])

    /// « Rien ne vaut », « rien ne remplace », « rien ne bat »: nothing equals it, praise. The
    /// verb after `ne` and its object pronouns.
    static func praisesByComparison(after index: Int, in tokens: [Token]) -> Bool {
        var cursor = index + 1
        while cursor < tokens.count, objectPronouns.contains(tokens[cursor].key) { cursor += 1 }
        return cursor < tokens.count && unequalled.contains(tokens[cursor].key)
    }
    static let unequalled = table([
        "vaut", "valent", "valait", "vaudra", "vaudrait", "bat", "battra", "remplace", "remplacera", "remplaçait", "égale", "égalera",
        "surpasse", "dépasse",
    ])

    /// "Far from (being) perfect", « loin d'être parfait », "falls short of (being) funny", "the
    /// opposite of", "anything but", « (tout) le contraire de », « l'inverse de », « éviter de »:
    /// denial by distance, over the next two words ("far from the beach" negates nothing with a
    /// valence). Where the phrase ends, or nil.
    static func denialByDistance(at index: Int, in tokens: [Token]) -> Int? {
        // Keys, not Strings: this is asked of every token.
        func key(_ offset: Int) -> WordKey? { tokens.indices.contains(index + offset) ? tokens[index + offset].key : nil }
        switch tokens[index].key {
        case far where key(1) == from: return key(2) == being ? index + 2 : index + 1
        case loin where (key(1) == de || key(1) == elidedDe) && key(2) == etre: return index + 2
        case let verb where fall.contains(verb) && key(1) == short && key(2) == of: return key(3) == being ? index + 3 : index + 2
        case opposite where key(-1) == the && key(1) == of: return index + 1
        case anything where key(1) == but: return index + 1
        case let noun where contrary.contains(noun) && (key(-1) == le || key(-1) == elidedLe) && (key(1) == de || key(1) == elidedDe): return index + 1
        case let verb where avoid.contains(verb) && (key(1) == de || key(1) == elidedDe): return index + 1
        default: return nil
        }
    }
    static let (far, from, being, loin, de, elidedDe, etre, short, of) =
        (WordKey("far"), WordKey("from"), WordKey("being"), WordKey("loin"), WordKey("de"), WordKey("d'"), WordKey("être"), WordKey("short"), WordKey("of"))
    static let (opposite, the, anything, but, le, elidedLe) =
        (WordKey("opposite"), WordKey("the"), WordKey("anything"), WordKey("but"), WordKey("le"), WordKey("l'"))
    /// « Le contraire de », « l'inverse de », « l'opposé de »: not « au contraire », a contrast.
    static let contrary = table(["contraire", "inverse", "opposé"])
    /// « Ça m'a évité de déprimer »: what is avoided is not had. Not English "avoid": its object
    /// is a noun phrase of any length ("avoids the stupid cliches"), not a verb after « de ».
    static let avoidWords = [
        "éviter", "évite", "évites", "évitent", "évité", "évitée", "évités", "évitées", "évitez", "évitons", "évitait", "évitais",
        "évitaient", "évitera", "éviterait", "évitant",
    ]
    static let avoid = table(avoidWords)
    /// Whether a token is a negator (`ne`, `pas`, `not`, `n't`, `sans`, `lacks`…): a phrase that
    /// holds one carries its own negation.
    public static func isNegator(_ token: Token) -> Bool { negators.contains(token.key) || token.key == ne || token.key == elidedNe }
    static let pas = WordKey("pas")
    static let stepBefore = table([
        "un", "le", "ce", "cet", "au", "chaque", "mon", "ton", "son", "les", "mes", "tes", "ses", "nos", "vos", "leurs", "quelques",
        "deux", "premier", "premiers", "petit", "petits", "grand", "grands", "faux", "dernier", "derniers", "nouveau", "bon",
    ])
    static let fallWords = ["fall", "falls", "fell", "falling", "fallen"]
    static let fall = table(fallWords)
    /// The first words of those phrases.
    static let denialStarts = table(["far", "loin", "opposite", "anything", "contraire", "inverse", "opposé"] + fallWords + avoidWords)
    static let (ne, elidedNe) = (WordKey("ne"), WordKey("n'"))

    static func isWord(_ token: Token) -> Bool { token.kind == .word || token.kind == .clitic }
}
