import ForumLensAnalysis
import ForumLensCore
import ForumLensText

/// What a complaint is about, read from the sentence's shape (no parser): see `target`.
extension TimeCostAnalyzer {
    /// What the complaint is about, tried in this order: a list after entre/between (« entre les
    /// profils à mettre à jour, les notifs… j'y passe »); a phrase set apart by a comma (« Les
    /// salons, c'est chronophage », « ça me fait perdre un temps fou, ces relances »); the
    /// subject opening the sentence, or the clause a reporting verb opens (« Cette appli met un
    /// temps fou », "The new portal takes forever", « Mon pote dit que Viadeo est… »); the object
    /// of a first-person verb (« j'attends le retour du cabinet », "Wasted a day at the DMV"); what
    /// the time is spent on, after the quantity (« 2 heures par jour à répondre aux spams », "two
    /// hours of meetings") or a subject after it (« ça fait une heure que la page tourne »); what
    /// the cue waits for (« en attente de ma carte Vitale »); the words after sur/avec, on/with.
    static func target(in sentence: Range<Int>, cue: Range<Int>, quantity: TimeQuantity?, _ layer: TextLayer, _ cues: Cues) -> Range<Int>? {
        let tokens = layer.tokens
        var start = sentence.lowerBound
        // Markers and sentence adverbs ("Realistically I get…") are not the topic.
        while start < sentence.upperBound, cues.markers.contains(tokens[start].key) || tokens[start].kind == .punctuation
            || cues.pastEnding != nil && tokens[start].lowercased.hasSuffix("ly") && tokens[start].lowercased.count > 4 { start += 1 }
        guard start < sentence.upperBound else { return nil }
        let clause = start ..< sentence.upperBound
        let inQuantity = { (index: Int) in quantity?.tokens.contains(index) == true || TimeQuantity.rate(at: index, tokens) != nil }
        if let list = listTarget(in: clause, before: cue, layer, cues) { return list }
        if let comma = clause.first(where: { tokens[$0].lowercased == "," }), comma > start, comma + 1 < sentence.upperBound,
           !(start ..< comma).contains(where: { cue.contains($0) || inQuantity($0) }), !cues.firstPerson.contains(tokens[start].key) {
            // « Avec la nouvelle procédure, s'inscrire à l'université prend une éternité »: a
            // circumstance first, then the subject; « Aux urgences, 2 heures d'attente »: the place.
            let circumstance = cues.leadingPrepositions.contains(tokens[start].key)
            if circumstance, let subject = subject(from: comma + 1, in: sentence, layer, cues) { return subject }
            // A phrase taken up by a pronoun (« c'est », « quelle », "it's"), not a clause.
            if circumstance || cues.resumptives.contains(tokens[comma + 1].key), comma - start <= 10,
               !(start + 1 ..< comma).contains(where: { endsSubject(tokens[$0], cues) }),
               let opening = phrase(from: start, to: comma, layer, cues) { return opening }
        }
        if let comma = (cue.upperBound ..< sentence.upperBound).first(where: { tokens[$0].lowercased == "," }),
           comma + 1 < sentence.upperBound, cues.demonstratives.contains(tokens[comma + 1].key),
           !(comma + 2 ..< sentence.upperBound).contains(where: { endsSubject(tokens[$0], cues) && !endsPhrase(tokens[$0]) }),
           let named = phrase(from: comma + 1, to: sentence.upperBound, layer, cues) { return named }
        if !inQuantity(start), let subject = subject(from: start, in: sentence, layer, cues) { return subject }
        // The first-person verb's object (or a sentence that opens on its verb: "Spent two days…").
        let opensOnVerb = cues.verbs.contains(tokens[start].key)
            || tokens[start].kind == .word && cues.pastEnding.map { tokens[start].lowercased.hasSuffix($0) } == true
        if let person = opensOnVerb ? start - 1 : clause.first(where: { cues.firstPerson.contains(tokens[$0].key) }),
           quantity.map({ person < $0.tokens.lowerBound }) ?? true,
           let object = object(after: person, in: sentence, quantity: quantity, layer, cues) { return object }
        if let quantity {
            var after = quantity.tokens.upperBound
            if let rate = TimeQuantity.rate(at: after, tokens) { after = rate.end }
            // « rien que pour », but not « dix jours que j'attends ».
            while after < sentence.upperBound, cues.fillers.contains(tokens[after].key),
                  !["que", "qu'"].contains(tokens[after].lowercased) || cues.fillers.contains(tokens[after - 1].key) { after += 1 }
            if after < sentence.upperBound {
                if tokens[after].lowercased == "que" || tokens[after].lowercased == "qu'" {
                    if let subject = subject(from: after + 1, in: sentence, layer, cues) ?? object(after: after + 1, in: sentence, quantity: quantity, layer, cues) {
                        return subject
                    }
                } else if let activity = activity(at: after, in: sentence, layer, cues) {
                    return activity
                }
            }
        }
        if cue.upperBound < sentence.upperBound, cues.ofWords.contains(tokens[cue.upperBound].key), !inQuantity(cue.upperBound),
           let awaited = activity(at: cue.upperBound, in: sentence, layer, cues) { return awaited }
        return prepositionTarget(in: sentence, near: cue, layer, cues)
    }

    /// The object of the verb after a first-person subject at `person` (« j'ai relancé le
    /// recruteur », "I gave up on the process"); nil when it is the time itself.
    static func object(after person: Int, in sentence: Range<Int>, quantity: TimeQuantity?, _ layer: TextLayer, _ cues: Cues) -> Range<Int>? {
        let tokens = layer.tokens
        guard person + 1 >= sentence.lowerBound, person < sentence.upperBound,
              person < sentence.lowerBound || cues.firstPerson.contains(tokens[person].key) else { return nil }
        var verb = person + 1
        while verb < sentence.upperBound, cues.auxiliaries.contains(tokens[verb].key) { verb += 1 }
        var object = verb + 1
        while object < sentence.upperBound, cues.leadingPrepositions.contains(tokens[object].key) { object += 1 }
        guard verb < sentence.upperBound, tokens[verb].kind == .word, object < sentence.upperBound,
              quantity?.tokens.contains(object) != true, TimeQuantity.rate(at: object, tokens) == nil, !cues.fillers.contains(tokens[object].key)
        else { return nil }
        return activity(at: object, in: sentence, layer, cues)
    }

    /// « entre les profils à mettre à jour, les invitations, les notifs… », "between X and Y":
    /// the list, up to the ellipsis or the clause that spends the time.
    static func listTarget(in clause: Range<Int>, before cue: Range<Int>, _ layer: TextLayer, _ cues: Cues) -> Range<Int>? {
        let tokens = layer.tokens
        guard clause.lowerBound < cue.lowerBound, let opener = (clause.lowerBound ..< cue.lowerBound).first(where: { cues.listOpeners.contains(tokens[$0].key) }),
              opener + 1 < cue.lowerBound, cues.determiners.contains(tokens[opener + 1].key)
        else { return nil }
        var end = opener + 1
        while end < cue.lowerBound, !cues.firstPerson.contains(tokens[end].key),
              !(tokens[end].kind == .punctuation && (tokens[end].lowercased.hasPrefix("..") || tokens[end].lowercased == "…")) { end += 1 }
        while end > opener + 1, tokens[end - 1].kind == .punctuation { end -= 1 }
        return end - opener - 1 >= 2 ? opener + 1 ..< end : nil
    }

    /// A subject opening at `start`: a determiner, a name, an infinitive or a gerund and the
    /// words after it, up to its verb (a copula, an object pronoun, a verb the rules know); not a
    /// pronoun, not a verb. After a reporting verb (« dit que », "wants me to"), the clause it opens.
    static func subject(from start: Int, in sentence: Range<Int>, _ layer: TextLayer, _ cues: Cues) -> Range<Int>? {
        let tokens = layer.tokens
        guard start < sentence.upperBound, tokens[start].kind == .word || tokens[start].kind == .clitic,
              !cues.pronouns.contains(tokens[start].key), !cues.firstPerson.contains(tokens[start].key),
              !cues.leadingPrepositions.contains(tokens[start].key), !cues.listOpeners.contains(tokens[start].key),
              !cues.verbs.contains(tokens[start].key), !endsSubject(tokens[start], cues)
        else { return nil }
        var end = start + 1
        while end < sentence.upperBound, !endsSubject(tokens[end], cues), !cues.reporting.contains(tokens[end].key) { end += 1 }
        // Only when the verb was found: a subject, not the whole sentence.
        guard end < sentence.upperBound, end - start <= 8, !endsPhrase(tokens[end]) else { return nil }
        if cues.reporting.contains(tokens[end].key) {
            var next = end + 1
            while next < sentence.upperBound, cues.complementizers.contains(tokens[next].key) { next += 1 }
            return subject(from: next, in: sentence, layer, cues)
        }
        return phrase(from: start, to: end, layer, cues)
    }

    static func endsSubject(_ token: Token, _ cues: Cues) -> Bool {
        if cues.subjectEnds.contains(token.key) || cues.copulas.contains(token.key) { return true }
        if token.kind == .punctuation { return endsPhrase(token) }
        // English past tenses: "The landlord promised", "LinkedIn has turned".
        return token.kind == .word && cues.pastEnding.map { token.lowercased.hasSuffix($0) } == true
    }

    static func endsPhrase(_ token: Token) -> Bool {
        token.kind == .punctuation && !["«", "»", "\"", "“", "”", "'", "-"].contains(token.lowercased)
    }

    /// What the time goes to, from `start`: « à répondre aux spams », « de réunion », "answering
    /// spam", "at the post office", up to the clause's end (a comma, qui, pour, because…).
    static func activity(at start: Int, in sentence: Range<Int>, _ layer: TextLayer, _ cues: Cues) -> Range<Int>? {
        let tokens = layer.tokens
        var begin = start
        if cues.leadingPrepositions.contains(tokens[begin].key) { begin += 1 }
        // Not a verb (« trois mois dure depuis 2021 »): what the time goes to is a noun or an activity.
        guard begin < sentence.upperBound, tokens[begin].kind == .word || tokens[begin].kind == .clitic,
              !cues.firstPerson.contains(tokens[begin].key), !cues.phraseEnds.contains(tokens[begin].key),
              !cues.subjectEnds.contains(tokens[begin].key) || reflexives.contains(tokens[begin].lowercased), !cues.copulas.contains(tokens[begin].key)
        else { return nil }
        var end = begin + 1
        while end < sentence.upperBound, end - begin < 8, !endsPhrase(tokens[end]), !cues.phraseEnds.contains(tokens[end].key),
              !cues.rateWords.contains(tokens[end].key) { end += 1 }
        return phrase(from: begin, to: end, layer, cues)
    }

    /// Pronouns before an infinitive (« à me reconnecter », « pour se connecter »).
    static let reflexives: Set<String> = ["me", "m'", "te", "t'", "se", "s'", "nous", "vous"]

    /// The words from `start` to `end` without a leading preposition or trailing punctuation;
    /// nil when nothing but function words is left.
    static func phrase(from start: Int, to end: Int, _ layer: TextLayer, _ cues: Cues) -> Range<Int>? {
        let tokens = layer.tokens
        var start = start, end = end
        while start < end, cues.leadingPrepositions.contains(tokens[start].key) || tokens[start].kind == .punctuation { start += 1 }
        // Trailing punctuation goes, but not a quote closing one opened inside (« networking »).
        while end > start, tokens[end - 1].kind == .punctuation,
              !(tokens[end - 1].lowercased == "\"" && tokens[start ..< end - 1].filter({ $0.lowercased == "\"" }).count % 2 == 1) { end -= 1 }
        guard end > start, tokens[start ..< end].contains(where: {
            ($0.kind == .word || $0.kind == .number) && !cues.determiners.contains($0.key) && !cues.pronouns.contains($0.key)
        }) else { return nil }
        return start ..< end
    }

    /// The words after sur/avec, on/with/for near the cue: « sur LinkedIn », "on email",
    /// « avec les recruteurs ».
    static func prepositionTarget(in sentence: Range<Int>, near cue: Range<Int>, _ layer: TextLayer, _ cues: Cues) -> Range<Int>? {
        let tokens = layer.tokens
        let near = max(sentence.lowerBound, cue.lowerBound - 6) ..< min(sentence.upperBound, cue.upperBound + 6)
        for index in near where cues.prepositions.contains(tokens[index].key) {
            var end = index + 1
            while end < sentence.upperBound, tokens[end].kind == .word || tokens[end].kind == .clitic,
                  !cues.stops.contains(tokens[end].key), end - index <= 4 { end += 1 }
            let start = index + 1
            // A name or a determiner and a noun, not a bare function word.
            if end > start, !(end - start == 1 && cues.determiners.contains(tokens[start].key)) { return start ..< end }
        }
        return nil
    }
}
