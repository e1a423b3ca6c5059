import ForumLensText

/// How a sentence gives advice, if it does: the form, how strongly, and where the advice starts.
/// Read per clause (the sentence's start, after « : », after « si …, » / "if …,"), never across
/// sentences; phrases and word lists per language are in `AdviceWords`.
struct AdviceForm: Equatable {
    /// imperative, obligation, recommendation, suggestion, question, infinitive, general.
    var form: String
    /// 0…1: an explicit recommendation is surer than advice stated as a fact.
    var strength: Double
    /// The token where the advice starts (its clause, or its cue).
    var start: Int

    /// `mood` is the sentence's sentiment score: an obligation in a bitter sentence is a
    /// complaint (« Il faut vraiment être riche pour se loger ici »).
    static func find(in sentence: Range<Int>, _ tokens: [Token], _ words: AdviceWords, mood: Double = 0) -> AdviceForm? {
        guard var found = form(in: sentence, tokens, words, mood: mood) else { return nil }
        // The item is the whole clause, with its condition (« avant de demander, donne »), but
        // not what a colon introduces it with (« Mon conseil : »… is kept, « Je rajouterais un truc : » is not).
        let main = clauseStarts(sentence, tokens, words, afterConditions: false)
        found.start = main.filter { $0 <= found.start }.max() ?? found.start
        return found
    }

    static func form(in sentence: Range<Int>, _ tokens: [Token], _ words: AdviceWords, mood: Double) -> AdviceForm? {
        guard !sentence.isEmpty else { return nil }
        let cues = words.cues.firstOfEachTag(in: sentence, tokens, tags: AdviceWords.Cue.allCases.count)
        let first = { (cue: AdviceWords.Cue) in cues[cue.rawValue] }
        // Formulas (« n'hésitez pas à me contacter », "let me know"), advice someone else gave
        // (« on me répète qu'il faut », "they told me to") and the writer's own plans are not advice.
        if first(.politeness) != nil || first(.reported) != nil || first(.ownPlans) != nil { return nil }
        let starts = clauseStarts(sentence, tokens, words)
        // « Regardez ce que j'ai trouvé : », « Voici le message : »: pointing at something.
        if let opening = starts.first, words.pointers.match(at: opening, in: sentence, tokens) != nil { return nil }
        if tokens[sentence].last?.lowercased == ":", sentence.count <= 6 { return nil }
        let question = tokens[sentence].contains { $0.kind == .punctuation && $0.lowercased.utf8.contains(UInt8(ascii: "?")) }
        if question {
            // « Pourquoi ne pas essayer les afterworks ? », "Have you tried…?": advice that asks.
            // Not after a question word in its clause: "how deep can we go?", « comment tu
            // connais ? » ask ("considering how easy it is, why not walk?" advises).
            guard let cue = first(.questions) else { return nil }
            let questionWords = words.french ? frenchQuestionWords : englishQuestionWords
            let clause = tokens[sentence.lowerBound ..< cue.lowerBound].reversed().prefix { $0.kind != .punctuation }
            return clause.contains { questionWords.contains($0.key) } ? nil : AdviceForm(form: "question", strength: 0.7, start: cue.lowerBound)
        }
        // The advice is its clause, from where the clause starts (« franchement un profil complet
        // vaut mieux que… »).
        let clause = { (cue: Range<Int>) in starts.filter { $0 <= cue.lowerBound }.max() ?? cue.lowerBound }
        for (phrases, form, strength) in [(AdviceWords.Cue.recommendations, "recommendation", 0.9), (.obligations, "obligation", 0.8)] {
            if let cue = first(phrases), !words.isNarrated(cue, in: sentence, tokens, obligation: form == "obligation"),
               !isQuoted(cue, in: sentence, tokens), form != "obligation" || mood > -0.3 {
                return AdviceForm(form: form, strength: strength, start: clause(cue))
            }
        }
        for start in starts {
            if let form = imperative(at: start, in: sentence, tokens, words) { return form }
        }
        if let cue = first(.suggestions), !isQuoted(cue, in: sentence, tokens) {
            return AdviceForm(form: "suggestion", strength: 0.7, start: clause(cue))
        }
        // « Si tu cherches du calme, tu peux… », "If you're a light sleeper, you may…", "I'd ask for…".
        if let condition = words.readerConditions.first(in: sentence, tokens) {
            let rest = condition.upperBound ..< sentence.upperBound
            // "if you get a chance ask for a room": a verb of advice after the condition, with no
            // subject of its own.
            let command = rest.dropFirst().first { index in
                words.imperatives.contains(tokens[index].key) && !words.subjects.contains(tokens[index - 1].key)
            }
            if words.forTheReader.first(in: rest, tokens) != nil || command != nil {
                return AdviceForm(form: "suggestion", strength: 0.6, start: clause(condition))
            }
        }
        if let cue = words.inYourPlace.first(in: sentence, tokens) { return AdviceForm(form: "suggestion", strength: 0.6, start: clause(cue)) }
        for start in starts where words.isInfinitive(at: start, in: sentence, tokens) {
            return AdviceForm(form: "infinitive", strength: 0.6, start: start)
        }
        if first(.general) != nil { return AdviceForm(form: "general", strength: 0.6, start: sentence.lowerBound) }
        return nil
    }

    static let englishQuestionWords = WordTable(["how", "what", "where", "when", "which", "who", "whom", "whose"].map { (WordKey($0), true) })
    static let frenchQuestionWords = WordTable(["comment", "quand", "où", "combien", "quel", "quelle", "quels", "quelles", "qui"].map { (WordKey($0), true) })

    /// Words between quotation marks are someone else's: « "je recommande" x 4 ».
    static func isQuoted(_ cue: Range<Int>, in sentence: Range<Int>, _ tokens: [Token]) -> Bool {
        tokens[sentence.lowerBound ..< cue.lowerBound].filter { $0.lowercased == "\"" }.count % 2 == 1
    }

    /// Where clauses start: the sentence's first word after markers, list marks (« 1. », « - »)
    /// and a vocative (« Eogez, », "@Marco:"), the word after « : » or « ; », and the main
    /// clause after a condition, a time or a place (« Si tu as le temps, fais un blog », « Sur
    /// les forums, écoute… », "If you can, book early").
    private static let clauseMarks: Set<String> = [":", ";", "-", "–", "—", "("]

    static func clauseStarts(_ sentence: Range<Int>, _ tokens: [Token], _ words: AdviceWords, afterConditions: Bool = true) -> [Int] {
        var starts: [Int] = []
        func skip(_ index: Int) -> Int {
            var index = index
            while index < sentence.upperBound {
                let listNumber = tokens[index].kind == .number && index + 1 < sentence.upperBound && [".", ")"].contains(tokens[index + 1].lowercased)
                guard tokens[index].kind == .punctuation || listNumber || words.markers.contains(tokens[index].key) else { break }
                index += 1
            }
            return index
        }
        let opening = skip(sentence.lowerBound)
        guard opening < sentence.upperBound else { return [] }
        starts.append(opening)
        // A vocative before a comma (« Eogez, »), a label before a colon (« Mon conseil : »).
        if opening + 1 < sentence.upperBound, tokens[opening + 1].lowercased == "," { starts.append(skip(opening + 2)) }
        // After a colon, a semicolon, a dash or a parenthesis, and after a coordinator that opens
        // a clause (« , mais », "so bring your coat", ", then").
        for index in sentence where tokens[index].kind == .punctuation && clauseMarks.contains(tokens[index].lowercased)
            || words.coordinators.contains(tokens[index].key) && (index == sentence.lowerBound || tokens[index - 1].lowercased == "," || words.openingCoordinators.contains(tokens[index].key)) {
            starts.append(skip(index + 1))
        }
        for start in starts where afterConditions && start < sentence.upperBound && words.subordinators.contains(tokens[start].key) {
            if let comma = (start ..< sentence.upperBound).first(where: { tokens[$0].lowercased == "," }) { starts.append(skip(comma + 1)) }
        }
        var seen = Set<Int>()
        return starts.filter { $0 < sentence.upperBound && seen.insert($0).inserted }
    }

    /// An imperative at `start`: « Fixez-vous des objectifs », « Verrouille ton profil », « Ne
    /// mets pas… », "Ask for a room", "Don't forget", "Please add…".
    static func imperative(at start: Int, in sentence: Range<Int>, _ tokens: [Token], _ words: AdviceWords) -> AdviceForm? {
        var index = start
        var negative = false
        // « Ne mets pas », « N'oublie pas », « Ne vous laissez pas »; "Don't book", "Never pay", "Do try".
        while words.negations.contains(tokens[index].key), index + 1 < sentence.upperBound, index < start + 2 {
            index += 1
            negative = true
        }
        // A lone "not" ("Not sure", "Not even close") or "do" ("Do stuff") negates no command.
        if index == start + 1, ["not", "do"].contains(tokens[start].lowercased) { negative = false }
        if negative, words.objectPronouns.contains(tokens[index].key) || words.markers.contains(tokens[index].key),
           index + 1 < sentence.upperBound { index += 1 }
        guard index < sentence.upperBound, tokens[index].kind == .word else { return nil }
        let word = tokens[index]
        if words.politeVerbs.contains(word.key), index + 1 < sentence.upperBound, tokens[index + 1].kind == .word {
            // "Please add…": a request, advice to whoever can act on it.
            return AdviceForm(form: "imperative", strength: 0.8, start: start)
        }
        if words.notImperatives.contains(word.key) { return nil }
        let next = index + 1 < sentence.upperBound ? tokens[index + 1] : nil
        if words.isImperative(word, next: next, negative: negative) { return AdviceForm(form: "imperative", strength: 0.8, start: start) }
        return nil
    }
}
