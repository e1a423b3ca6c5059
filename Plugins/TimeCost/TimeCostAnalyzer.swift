import ForumLensAnalysis
import ForumLensCore
import ForumLensText

/// `time-cost`: complaints that something costs too much time, how much, and what about.
/// Per sentence, a complaint is
/// - a cue that says so (chronophage, perte de temps, un temps fou, usine à gaz; time-consuming,
///   waste of time, time sink, takes forever),
/// - waiting (toujours pas de réponse, j'attends depuis; still waiting, on hold),
/// - effort without result (des heures pour rien, pas de miracle; hours for nothing),
/// - or time spent (a quantity, a recurring evening, « j'y passe ») in a sentence that
///   `sentiment` finds negative;
/// and not one when the cue is negated (« ce n'est pas une perte de temps »), when the time is
/// small or worth it (« ça ne prend que 5 minutes », « ça vaut le temps passé », « j'ai gagné du
/// temps »; "it only takes a minute", "well worth the time"), and counts half in a question.
/// Each mention gives the quantity (`duration` and `per`, ISO 8601, TimeQuantity), the `target`
/// when one is named (the subject of « X est chronophage », or what follows sur/on/with), and
/// the `kind` of complaint.
public struct TimeCostAnalyzer: Analyzer {
    public init() {}

    public var descriptor: AnalyzerDescriptor {
        AnalyzerDescriptor(
            id: "time-cost", version: "1.0.0", summary: "Complaints that something costs too much time, how much, and what about",
            languages: ["fr", "en"], requires: ["sentiment"],
            produces: [
                .init("complaint", "true when the message complains that something costs (too much) time"),
                .init("score", "how sure, 0 to 1"),
                .init("duration", "the first time quantity complained of, ISO 8601 (PT2H)"),
                .init("per", "its period when it is a rate, ISO 8601 (P1D)"),
                .init("target", "what the first complaint is about, when named"),
                .init("mentions", "each complaint: text, start, end, duration, per, target, kind", inCSV: false),
            ],
            examples: [
                .init("fr", "Les réseaux sociaux sont vraiment chronophages.", ["complaint": true, "target": "Les réseaux sociaux"]),
                .init("fr", "J'y passe 2 heures par jour sur LinkedIn, et pas de miracle.", ["complaint": true, "duration": "PT2H", "per": "P1D", "target": "LinkedIn"]),
                .init("fr", "Toujours pas de réponse depuis trois semaines.", ["complaint": true, "duration": "P3W"]),
                .init("fr", "Ce n'est pas une perte de temps, au contraire.", ["complaint": false]),
                .init("fr", "Ça ne prend que 5 minutes.", ["complaint": false]),
                .init("fr", "Rendez-vous mardi à 14h au salon.", ["complaint": false]),
                .init("en", "Honestly the application process is a total waste of time.", ["complaint": true]),
                .init("en", "I spend 20 mins a day deleting spam on LinkedIn, it drives me crazy.", ["complaint": true, "duration": "PT20M", "per": "P1D"]),
                .init("en", "It only takes a minute and it is well worth the time.", ["complaint": false]),
                .init("en", "The course lasts two weeks.", ["complaint": false]),
                .init("fr", "Les réunions du lundi, c'est du temps perdu.", ["complaint": true, "target": "Les réunions du lundi"]),
                .init("en", "I spent three hours filling in the visa form, never again.", ["complaint": true, "duration": "PT3H", "target": "filling in the visa form"]),
            ])
    }

    public func analyze(_ input: AnalyzerInput) -> JSONValue {
        let layer = input.text
        let cues = input.language == "fr" ? Self.french : Self.english
        let sentenceScores = Self.sentenceScores(input.results["sentiment"], layer)
        var mentions: [Mention] = []
        let quantities = TimeQuantity.find(in: layer) + TimeQuantity.recurring(in: layer)
        for (index, sentence) in layer.sentences.enumerated() {
            // A short sentence after (« Never again. », « Sérieusement ? », « Résultat : zéro. ») says how the time felt.
            let next = index + 1 < layer.sentences.count ? layer.sentences[index + 1] : nil
            let nextNegative = next.map {
                $0.count <= 6 && (sentenceScores[index + 1] < -0.05 || cues.negative.first(in: $0, layer.tokens) != nil
                    || cues.noResult.first(in: $0, layer.tokens) != nil)
            } ?? false
            guard var mention = Self.complaint(
                in: sentence, layer, cues, quantities: quantities, negative: sentenceScores[index] < -0.05 || nextNegative,
                positive: sentenceScores[index] >= 0.5)
            else { continue }
            // « J'y passe 2 heures par jour. C'est chronophage. »: the time spent just before.
            if mention.quantity == nil, index > 0, let spent = Self.timeSpent(in: layer.sentences[index - 1], layer, cues, quantities: quantities) {
                mention.quantity = spent
                if mention.target == nil {
                    mention.target = Self.target(in: layer.sentences[index - 1], cue: spent.tokens, quantity: spent, layer, cues)
                }
            }
            mentions.append(mention)
        }
        let complaints = mentions.filter { $0.score >= 0.5 }
        // Quotes in the message's own characters (« », ’), not the text layer's plain ones.
        let original = complaints.isEmpty ? [] : Array(input.message.text.unicodeScalars)
        func quote(_ tokens: Range<Int>) -> JSONValue {
            let range = layer.text.originalRange(Self.scalars(tokens, layer))
            var scalars = String.UnicodeScalarView()
            scalars.append(contentsOf: original[range])
            return .string(String(scalars).trimmingCharacters(in: .whitespacesAndNewlines))
        }
        let first = complaints.first
        return [
            "complaint": .bool(!complaints.isEmpty),
            "score": .number(((complaints.map(\.score).max() ?? mentions.map(\.score).max() ?? 0) * 100).rounded() / 100),
            "duration": first?.quantity?.duration.map { .string($0) } ?? nil,
            "per": first?.quantity?.per.map { .string($0) } ?? nil,
            "target": first?.target.map(quote) ?? nil,
            "mentions": .array(complaints.map { mention in
                let range = layer.text.originalRange(Self.scalars(mention.tokens, layer))
                return [
                    "text": quote(mention.tokens),
                    "start": .number(Double(range.lowerBound)), "end": .number(Double(range.upperBound)),
                    "duration": mention.quantity?.duration.map { .string($0) } ?? nil,
                    "per": mention.quantity?.per.map { .string($0) } ?? nil,
                    "target": mention.target.map(quote) ?? nil,
                    "kind": .string(mention.kind),
                    "sentence": quote(mention.sentence),
                ]
            }),
        ]
    }

    /// Per discussion, author and corpus: the share of messages complaining, their mentions, the
    /// time cited (seconds: one-off durations, and rates brought to a day; each a sample with its
    /// total and median), the targets named, and the three most representative quotes.
    public func tally(_ result: JSONValue) -> Tally {
        var tally = Tally([("complaints", 0)])
        tally.ratio("share complaining", "complaints", over: "messages")
        guard result["complaint"] == true, case let .array(mentions)? = result["mentions"] else { return tally }
        tally.add("complaints")
        tally.add("mentions", Double(mentions.count))
        // A quantity or target that two mentions share (« j'y passe 2 heures par jour. C'est
        // chronophage. ») counts once.
        var counted: Set<String> = []
        for mention in mentions {
            if case let .string(duration)? = mention["duration"], let seconds = Self.seconds(duration),
               counted.insert("\(duration) \(mention["per"].map { "\($0)" } ?? "")").inserted {
                if case let .string(per)? = mention["per"], let period = Self.seconds(per), period > 0 {
                    tally.sample("seconds cited per day", seconds * 86400 / period)
                } else {
                    tally.sample("seconds cited", seconds)
                }
            }
            if case let .string(target)? = mention["target"], counted.insert("target: \(target.lowercased())").inserted {
                tally.add("target: \(target.lowercased())")
            }
        }
        // The message quoted by its first complaint's sentence, ranked by how sure it is.
        if case let .number(score)? = result["score"], case let .string(sentence)? = mentions.first?["sentence"] {
            tally.keep("quotes", score, text: sentence, top: 3)
        }
        return tally
    }

    struct Mention {
        var tokens: Range<Int>
        var score: Double
        var kind: String
        var quantity: TimeQuantity?
        var target: Range<Int>?
        var sentence: Range<Int>
    }

    /// The complaint a sentence makes, if any (score below 0.5: a doubt, not reported).
    static func complaint(
        in sentence: Range<Int>, _ layer: TextLayer, _ cues: Cues, quantities all: [TimeQuantity], negative: Bool, positive: Bool = false
    ) -> Mention? {
        let tokens = layer.tokens
        func find(_ phrases: Phrases) -> Range<Int>? { phrases.first(in: sentence, tokens) }
        // Small, worth it, saved: not a complaint, whatever else the sentence says.
        if find(cues.exclusions) != nil { return nil }
        // Clock times are not durations: « à 14h », "at 7pm", « entre 8h et 13h ».
        let quantities = all.filter { quantity in
            guard sentence.contains(quantity.tokens.lowerBound) else { return false }
            let before = quantity.tokens.lowerBound - 1
            let first = tokens[quantity.tokens.lowerBound]
            let clockLike = first.kind == .number && first.lowercased.contains("h")
            return !clockLike || before < sentence.lowerBound || !cues.clock.contains(tokens[before].key)
        }
        // Time spent, not a point in time: « il y a deux ans », "two years ago" are dates.
        let quantified = quantities.filter { quantity in
            let after = quantity.tokens.upperBound, before = quantity.tokens.lowerBound
            let ago = after < sentence.upperBound && tokens[after].lowercased == "ago"
            let ilYA = before >= sentence.lowerBound + 2 && tokens[before - 2].lowercased == "il" && tokens[before - 1].lowercased == "y"
            return (quantity.duration != nil || quantity.per != nil) && !ago && !ilYA
        }
        // The time is the sentence's topic: it opens it (« Trois heures de réunion pour… », « Des heures pour rien »).
        let opens = quantities.contains { quantity in
            !tokens[sentence.lowerBound ..< quantity.tokens.lowerBound].contains { $0.kind == .word && !cues.openers.contains($0.key) }
        }
        // Years are tenure and age far more often than waiting or effort (« depuis 15 ans »).
        let short = quantities.filter { !($0.duration ?? "").hasSuffix("Y") }
        let adjacent = { (range: Range<Int>) in
            short.contains { $0.tokens.lowerBound <= range.upperBound + 6 && range.lowerBound <= $0.tokens.upperBound + 3 }
        }
        let complaining = negative || find(cues.negative) != nil
        var found: (range: Range<Int>, score: Double, kind: String)?
        if let range = find(cues.lexical) {
            found = (range, 0.9, "lexical")
        } else if let range = find(cues.waiting) {
            found = (range, 0.85, "waiting")
        } else if let range = find(cues.waitingFor), adjacent(range), !positive,
                  find(cues.waitingWords) != nil || !cues.pointsInTime.contains(tokens[range.lowerBound].key) && (complaining || find(cues.noResult) != nil) {
            // « il y a trois semaines », "ten days ago" are waiting only with a word of waiting.
            found = (range, 0.8, "waiting")
        } else if let range = find(cues.loss), adjacent(range) {
            found = (range, 0.85, "lexical")
        } else if let range = find(cues.noResult), !short.isEmpty, find(cues.spending) != nil || opens {
            found = (range, 0.8, "no result")
        } else if !positive, let quantity = quantified.first, negative || find(cues.negative) != nil || find(cues.noResult) != nil,
                  opens || find(cues.spending) != nil || find(cues.lasting) != nil {
            found = (find(cues.spending) ?? find(cues.lasting) ?? quantity.tokens, 0.7, "time spent")
        } else if !positive, let quantity = quantified.first, opens,
                  tokens[quantity.tokens.upperBound ..< min(sentence.upperBound, quantity.tokens.upperBound + 7)].contains(where: { cues.purposes.contains($0.key) }) {
            // « Trois heures de réunion pour valider une couleur », "Thirty minutes of forms just to register".
            found = (quantity.tokens, 0.6, "time spent")
        } else if !positive, let spending = find(cues.spending), let quantity = quantified.first(where: { $0.per != nil }) {
            // A rate of time spent: « ça me prend 2h chaque matin », "costs me an hour a day".
            found = (min(spending.lowerBound, quantity.tokens.lowerBound) ..< max(spending.upperBound, quantity.tokens.upperBound), 0.6, "time spent")
        } else if let spending = find(cues.spending), negative, quantities.contains(where: { $0.duration == nil }) {
            // « j'y passe des heures », "it eats my evenings", in a negative sentence.
            found = (spending, 0.6, "time spent")
        }
        guard var (range, score, kind) = found else { return nil }
        // « ce n'est pas une perte de temps »: a cue of lost time negated (waiting and no-result
        // cues hold their own negation: « toujours pas », « pas de miracle »).
        if kind == "lexical", layer.negated[range.lowerBound] { return nil }
        // A question counts half, unless it vents (« sérieusement ? »).
        if tokens[sentence].contains(where: { $0.kind == .punctuation && $0.lowercased.hasPrefix("?") }), !negative, find(cues.negative) == nil {
            score *= 0.5
        }
        // The quantity nearest the cue (« sous 48h, ça fait dix jours »: the ten days), and a rate
        // later in the sentence when it has none (« 50 minutes de bus chaque matin »).
        let distance = { (quantity: TimeQuantity) in min(abs(quantity.tokens.lowerBound - range.upperBound), abs(range.lowerBound - quantity.tokens.upperBound)) }
        var quantity = quantities.filter { $0.duration != nil }.min { distance($0) < distance($1) } ?? quantities.first
        if let chosen = quantity, chosen.per == nil {
            for index in chosen.tokens.upperBound ..< sentence.upperBound where cues.rateWords.contains(tokens[index].key) {
                if let rate = TimeQuantity.rate(at: index, tokens) {
                    quantity?.per = rate.period
                    break
                }
            }
        }
        let target = target(in: sentence, cue: range, quantity: quantity, layer, cues)
        if let quantity { range = min(range.lowerBound, quantity.tokens.lowerBound) ..< max(range.upperBound, quantity.tokens.upperBound) }
        return Mention(tokens: range, score: score, kind: kind, quantity: quantity, target: target, sentence: sentence)
    }

    /// The time a sentence says is spent (« j'y passe 2 heures par jour »), if it says so.
    static func timeSpent(in sentence: Range<Int>, _ layer: TextLayer, _ cues: Cues, quantities: [TimeQuantity]) -> TimeQuantity? {
        guard cues.spending.first(in: sentence, layer.tokens) != nil else { return nil }
        return quantities.first { sentence.contains($0.tokens.lowerBound) && $0.duration != nil }
    }

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
        while start < sentence.upperBound, cues.markers.contains(tokens[start].key) || tokens[start].kind == .punctuation { start += 1 }
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
        if cue.upperBound < sentence.upperBound, cues.ofWords.contains(tokens[cue.upperBound].key),
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
        guard begin < sentence.upperBound, tokens[begin].kind == .word || tokens[begin].kind == .clitic,
              !cues.firstPerson.contains(tokens[begin].key), !cues.phraseEnds.contains(tokens[begin].key)
        else { return nil }
        var end = begin + 1
        while end < sentence.upperBound, end - begin < 8, !endsPhrase(tokens[end]), !cues.phraseEnds.contains(tokens[end].key),
              !cues.rateWords.contains(tokens[end].key) { end += 1 }
        return phrase(from: begin, to: end, layer, cues)
    }

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

    static func scalars(_ tokens: Range<Int>, _ layer: TextLayer) -> Range<Int> {
        layer.tokens[tokens.lowerBound].range.lowerBound ..< layer.tokens[tokens.upperBound - 1].range.upperBound
    }

    /// The sentiment analyzer's score for each sentence (0 where it gave none).
    static func sentenceScores(_ sentiment: JSONValue?, _ layer: TextLayer) -> [Double] {
        var scores = [Double](repeating: 0, count: layer.sentences.count)
        guard case let .array(sentences)? = sentiment?["sentences"], sentences.count == scores.count else { return scores }
        for (index, sentence) in sentences.enumerated() {
            if case let .number(score)? = sentence["score"] { scores[index] = score }
        }
        return scores
    }

    /// `PT2H30M` → 9000, `P1D` → 86400, `P0.5D`, `P3W`; nil for what is not a duration.
    static func seconds(_ iso: String) -> Double? {
        var total = 0.0, number = "", inTime = false
        for character in iso.dropFirst() {
            if character == "T" { inTime = true; continue }
            if character.isNumber || character == "." { number.append(character); continue }
            guard let value = Double(number) else { return nil }
            number = ""
            switch (character, inTime) {
            case ("H", true): total += value * 3600
            case ("M", true): total += value * 60
            case ("S", true): total += value
            case ("D", false): total += value * 86400
            case ("W", false): total += value * 604_800
            case ("M", false): total += value * 2_629_800
            case ("Y", false): total += value * 31_557_600
            default: return nil
            }
        }
        return total
    }

    /// Phrases by their first word, longest first: the cue lists of `Cues`.
    struct Phrases: Sendable {
        private var byFirst = WordTable<[[WordKey]]>()

        init(_ list: [String]) {
            var grouped: [WordKey: [[WordKey]]] = [:]
            for phrase in list {
                let keys = Tokenizer.tokens(NormalizedText(phrase)).map(\.key)
                if let first = keys.first { grouped[first, default: []].append(keys) }
            }
            byFirst = WordTable(grouped.map { ($0.key, $0.value.sorted { $0.count > $1.count }) })
        }

        /// The first phrase met in `range` of the tokens.
        func first(in range: Range<Int>, _ tokens: [Token]) -> Range<Int>? {
            for start in range {
                for phrase in byFirst[tokens[start].key] ?? [] where start + phrase.count <= range.upperBound {
                    if zip(tokens[start ..< start + phrase.count], phrase).allSatisfy({ $0.key == $1 }) { return start ..< start + phrase.count }
                }
            }
            return nil
        }
    }

    /// A language's cue phrases and the words the target rules read.
    struct Cues: Sendable {
        var lexical: Phrases
        var waiting: Phrases
        var noResult: Phrases
        var spending: Phrases
        var negative: Phrases
        var exclusions: Phrases
        /// Waiting, when a time is given: « ça fait dix jours que », "ten days ago", « de retard ».
        var waitingFor: Phrases
        /// How long something lasts (dure, runs): time spent only when the sentence complains.
        var lasting: Phrases
        /// What makes « depuis trois semaines » waiting: attendre, réponse, still, late…
        var waitingWords: Phrases
        /// Time lost, when a time is given: « j'ai perdu », "wasted", "lost".
        var loss: Phrases
        /// Words before a clock time (« à 14h »), and words a sentence may open with before its time.
        /// The waiting cues that only date something (il y a, ago).
        var pointsInTime = WordTable([(WordKey("il"), true), (WordKey("ago"), true)])
        var clock: WordTable<Bool>
        var openers: WordTable<Bool>
        /// Words of purpose after a quantity that opens a sentence (pour, to), and words that
        /// start a rate anywhere in a sentence (par, chaque, every).
        var purposes: WordTable<Bool>
        var rateWords: WordTable<Bool>
        var copulas: WordTable<Bool>
        var prepositions: WordTable<Bool>
        var determiners: WordTable<Bool>
        var pronouns: WordTable<Bool>
        var stops: WordTable<Bool>
        /// Words a sentence may open with before its topic (franchement, honestly, bref).
        var markers: WordTable<Bool>
        var demonstratives: WordTable<Bool>
        var firstPerson: WordTable<Bool>
        var auxiliaries: WordTable<Bool>
        /// Dropped before a target (« à la préfecture », "at the post office").
        var leadingPrepositions: WordTable<Bool>
        /// Skipped between a quantity and what it is spent on (juste, entiers, "just").
        var fillers: WordTable<Bool>
        var listOpeners: WordTable<Bool>
        /// Words that end a subject (verbs and object pronouns) and an object phrase (qui, pour, because).
        var subjectEnds: WordTable<Bool>
        var phraseEnds: WordTable<Bool>
        /// The ending of past tenses that end a subject ("promised", "turned"), if the language has one.
        var pastEnding: String?
        /// Pronouns that take up a phrase set apart (« X, c'est… », "X, it's…").
        var resumptives: WordTable<Bool>
        /// Verbs of saying and wanting, whose clause holds the target, and the words after them.
        var reporting: WordTable<Bool>
        var complementizers: WordTable<Bool>
        /// Verbs a subjectless sentence opens with ("Wasted two hours", "Spent a day").
        var verbs: WordTable<Bool>
        /// What a cue's object starts with (« en attente de », "no reply from").
        var ofWords: WordTable<Bool>

        init(lexical: [String], waiting: [String], noResult: [String], spending: [String], negative: [String], exclusions: [String],
             waitingFor: [String], waitingWords: [String], lasting: [String], loss: [String], clock: [String], openers: [String], purposes: [String], rateWords: [String],
             copulas: [String], prepositions: [String], determiners: [String], pronouns: [String], stops: [String],
             markers: [String], demonstratives: [String], firstPerson: [String], auxiliaries: [String], leadingPrepositions: [String],
             fillers: [String], listOpeners: [String], subjectEnds: [String], phraseEnds: [String], pastEnding: String? = nil,
             resumptives: [String], reporting: [String], complementizers: [String], verbs: [String], ofWords: [String]) {
            func phrases(_ list: [String]) -> Phrases { Phrases(list) }
            func table(_ list: [String]) -> WordTable<Bool> { WordTable(list.map { (WordKey($0), true) }) }
            self.lexical = phrases(lexical)
            self.waiting = phrases(waiting)
            self.noResult = phrases(noResult)
            self.spending = phrases(spending)
            self.negative = phrases(negative)
            self.exclusions = phrases(exclusions)
            self.waitingFor = phrases(waitingFor)
            self.waitingWords = phrases(waitingWords)
            self.lasting = phrases(lasting)
            self.loss = phrases(loss)
            self.clock = table(clock)
            self.openers = table(openers)
            self.purposes = table(purposes)
            self.rateWords = table(rateWords)
            self.copulas = table(copulas)
            self.prepositions = table(prepositions)
            self.determiners = table(determiners)
            self.pronouns = table(pronouns)
            self.stops = table(stops)
            self.markers = table(markers)
            self.demonstratives = table(demonstratives)
            self.firstPerson = table(firstPerson)
            self.auxiliaries = table(auxiliaries)
            self.leadingPrepositions = table(leadingPrepositions)
            self.fillers = table(fillers)
            self.listOpeners = table(listOpeners)
            self.subjectEnds = table(subjectEnds)
            self.phraseEnds = table(phraseEnds)
            self.pastEnding = pastEnding
            self.resumptives = table(resumptives)
            self.reporting = table(reporting)
            self.complementizers = table(complementizers)
            self.verbs = table(verbs)
            self.ofWords = table(ofWords)
        }
    }

    static let french = Cues(
        lexical: [
            "chronophage", "chronophages", "perte de temps", "pertes de temps", "temps perdu", "un temps fou", "un temps de dingue",
            "un temps monstre", "usine à gaz", "perdre mon temps", "perdre du temps", "perds mon temps", "perd mon temps",
            "perdu mon temps", "perdu du temps", "perdre un temps", "perdu un temps", "interminable", "interminables",
            "n'en finit pas", "n'en finit plus", "prend des heures", "prend des plombes", "prend un temps", "bouffe mon temps",
            "bouffe du temps", "me bouffe", "mange mon temps", "bouffe mes soirées", "dévore mon temps", "perdu des heures",
            "perdu des jours", "perdu des semaines", "gouffre à temps", "gouffre de temps", "une éternité", "perd un temps",
            "perdre un temps", "d'une lenteur", "une lenteur",
        ],
        waiting: [
            "toujours aucune nouvelle", "pas de nouvelles", "ne répond plus", "ne répond toujours pas", "me fait patienter",
            "toujours pas de réponse", "toujours aucune réponse", "toujours sans réponse", "toujours en attente", "j'attends depuis",
            "j'attends toujours", "attends toujours", "sans réponse depuis", "aucune réponse depuis", "pas de réponse depuis",
            "attendre des semaines", "attendre des mois", "attendre des heures", "en attente depuis", "des semaines d'attente",
            "des mois d'attente", "heures d'attente", "minutes d'attente",
        ],
        noResult: [
            "pour rien", "pas de miracle", "sans résultat", "sans aucun résultat", "aucun résultat", "rien donné", "zéro résultat",
            "zéro retour", "aucun retour", "aucun changement", "pas un seul", "pas une seule", "sans succès", "toujours pas",
            "candidat interne", "zéro",
            "ne mènent à rien", "ne mène à rien", "n'a rien donné", "personne ne", "annulé",
        ],
        spending: [
            "j'y passe", "j'y ai passé", "on y passe", "je passe", "j'ai passé", "passer des heures", "passé des heures", "ça prend",
            "ça m'a pris", "me prend", "me prennent", "m'a pris", "il me faut", "je perds", "je me tape", "me coûte", "j'en ai mis", "passe ses",
            "prend", "prennent", "coûte", "je suis à", "trajet", "trajets", "passe ses",
        ],
        negative: [
            "pour rien", "trop", "marre", "galère", "rien", "pénible", "épuisant", "encore", "déjà", "juste pour", "rien que", "au moins",
            "je craque", "intenable", "absurde", "déprimant", "lassant", "sérieusement", "pff", "merci bien", "au lieu de", "n'en peux plus",
            "entière", "entier", "toute ma", "tout mon", "inutile", "inutiles", "non payé", "non rémunéré", "sans arrêt",
            "tout ça pour", "quelle galère", "c'est trop", "en réalité", "alors qu'", "même pas", "n'ont même pas", "personne ne",
            "bidon", "toutes mes", "tous mes", "jamais",
        ],
        exclusions: [
            "ne prend que", "ne prennent que", "n'a pris que", "que quelques minutes", "que cinq minutes", "que 5 minutes",
            "vaut le temps", "vaut le coup", "vaut la peine", "valent le temps", "gagné du temps", "gagner du temps", "gain de temps",
            "fait gagner", "m'a fait gagner", "économise du temps", "économiser du temps", "pas une perte de temps",
            "ce n'est pas une perte de temps", "disent que", "disait que", "trouve que", "trouvent que", "ne dirais pas",
            "ne considère pas", "plus simple que prévu", "devenu simple", "plus vite que prévu", "à peine",
            "évite de perdre", "éviter de perdre", "je récupère", "récupérer mes", "pas d'accord", "ça a payé", "je le referais", "je referais",
            "ce n'est pas que", "seulement", "il suffit", "pas besoin", "comptez",
        ],
        waitingFor: [
            "ça fait", "depuis", "il y a", "de retard", "en retard", "bloqué", "bloquée", "coincé", "coincée", "de queue",
            "file d'attente", "d'attente", "patienter", "j'attends", "attendre", "en attendant", "silence radio", "relances",
            "met", "mettent",
        ],
        waitingWords: [
            "attends", "attend", "attendre", "attente", "patiente", "patienter", "toujours", "encore", "retard", "bloqué", "bloquée",
            "queue", "silence", "relance", "relances", "réponse", "nouvelles", "rappelle",
        ],
        lasting: ["dure", "durent", "a duré", "ont duré"],
        loss: ["perdu", "perdue", "perdues", "perdus", "perdre", "perd", "perds", "perdons", "m'a fait perdre", "de perdues", "de perdu"],
        clock: ["à", "vers", "dès", "entre", "et", "jusqu'à"],
        openers: [
            "et", "encore", "au", "moins", "presque", "environ", "plus", "de", "déjà", "chaque", "tous", "les", "mes", "entre", "matin", "soir",
            "jour", "semaine",
        ],
        purposes: ["pour", "à"],
        rateWords: ["par", "chaque", "tous", "toutes"],
        copulas: ["est", "sont", "était", "étaient", "devient", "deviennent", "reste", "restent", "c'est"],
        prepositions: ["sur", "avec"],
        determiners: ["le", "la", "les", "l'", "un", "une", "des", "du", "de", "mon", "ma", "mes", "ce", "cette", "ces", "moi", "toi", "lui", "eux"],
        pronouns: ["ça", "cela", "c'", "il", "elle", "ils", "elles", "on", "tout", "tu", "vous"],
        stops: [
            "et", "ou", "mais", "que", "qui", "est", "sont", "j'", "je", "y", "passe", "ça", "me", "m'", "pas", "ne", "n'",
            "vraiment", "très", "trop", "tellement", "une", "perte", "temps", "sur", "avec", "à", "pour", "dans", "par",
        ],
        markers: [
            "franchement", "honnêtement", "bref", "bon", "sinon", "perso", "personnellement", "sérieusement", "alors", "mais", "et", "donc",
            "parce", "que", "là", "vraiment", "clairement", "encore", "toujours", "moi", "génial", "super",
        ],
        demonstratives: ["ce", "cet", "cette", "ces"],
        firstPerson: ["je", "j'", "on", "nous"],
        auxiliaries: ["ai", "avons", "suis", "sommes", "ne", "n'", "me", "m'", "y", "en", "pas", "toujours", "encore"],
        leadingPrepositions: ["à", "au", "aux", "de", "d'", "du", "dans", "sur", "avec", "chez", "auprès", "pour", "en", "par"],
        fillers: [
            "juste", "rien", "que", "pour", "entier", "entiers", "entière", "entières", "hier", "soir", "matin", "ce", "de", "plus",
            "environ", "au", "moins", "bien", "facilement", "aujourd'hui", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi",
            "dimanche", "bloqué", "bloquée",
        ],
        listOpeners: ["entre"],
        subjectEnds: [
            "me", "m'", "te", "t'", "nous", "vous", "se", "s'", "y", "lui", "leur", "ne", "n'", "a", "ont", "avait", "avaient", "met",
            "mettent", "prend", "prennent", "fait", "font", "dure", "durent", "bouffe", "bouffent", "mange", "coûte", "coûtent", "demande",
            "oblige", "qui", "que", "qu'", "tourne", "devait", "doit", "peut", "va", "vient", "c'", "ça", "est", "sont", "était",
        ],
        phraseEnds: [
            "qui", "que", "qu'", "et", "mais", "car", "parce", "pour", "alors", "quand", "si", "après", "avant", "depuis", "pendant",
            "selon", "sans", "c'", "ça", "je", "j'",
        ],
        resumptives: ["c'", "ça", "cela", "ce", "quelle", "quel", "quelles", "quels", "une", "un"],
        reporting: ["dit", "disent", "pense", "pensent", "trouve", "trouvent", "veut", "veulent", "voudrait", "exige", "croit", "affirme"],
        complementizers: ["que", "qu'", "me", "m'", "de", "d'"],
        verbs: ["perdu", "passé", "attendu", "fait"],
        ofWords: ["de", "d'", "du", "des"])

    static let english = Cues(
        lexical: [
            "time-consuming", "time consuming", "waste of time", "waste of my time", "wasting my time", "wasted my time",
            "wasting time", "wasted hours", "wasted days", "wasted weeks", "time sink", "takes forever", "took forever",
            "taking forever", "take forever", "eats up", "ate up", "eating up", "sucks up", "sucked up", "endless", "never ends",
            "never-ending", "drags on", "a time suck", "time suck", "takes ages", "took ages", "time drain", "wasting everyone's time",
            "eat up", "eating way too much", "painfully slow",
        ],
        waiting: [
            "hasn't gotten back", "haven't heard back", "still no word", "no word from", "still hasn't", "still haven't",
            "still waiting", "still no answer", "still no reply", "still no response", "on hold for", "been waiting", "waiting for weeks",
            "waiting on a reply", 
            "waiting for months", "waiting for hours", "no answer since", "no reply since", "weeks of waiting", "hours of waiting",
        ],
        noResult: [
            "for nothing", "nothing to show", "no results", "zero results", "no luck", "nothing came of it", "not a single",
            "nothing ever", "never found", "still won't", "still failed", "still down", "still not", 
            "cancelled", "nobody", "internal candidate", "zero",
        ],
        spending: [
            "i spend", "i spent", "spent", "spending", "we spend", "took me", "takes me", "it takes", "it took", "have to spend", "i gave up",
            "i lose", "eats", "costs me", "takes", "take", "taking", "eating", "swallows", "costs", "gave up",
            "i'm up to", "spend", "spends", "commute", "takes up",
        ],
        negative: [
            "for nothing", "too", "sick of", "tired of", "again", "already", "annoying", "exhausting", "just to", "at least", "entire",
            "whole", "seriously", "ugh", "ridiculous", "absurd", "insane", "pointless", "useless", "instead of", "unpaid", "can't take",
            "never", "nothing", "still", "too much", "way too", "not sustainable", "each way", "never again", "way more than",
            "in reality", "even though", "don't even", "never even", "exhausted", "actually", "because", "all my",
        ],
        exclusions: [
            "only takes", "only took", "just takes", "just a minute", "only a minute", "worth the time", "worth it", "well worth",
            "saves me", "saved me", "saves time", "saved time", "save time", "saving time", "not a waste of time",
            "people say", "some say", "they say", "says that", "i wouldn't say", "i don't consider", "easier than", "faster than expected",
            "says", "disagree", "paid off", "i'd do it again", "it's not that", "barely",
            "avoid wasting", "is enough", "no need", "pays me back", "pay me back",
        ],
        waitingFor: [
            "ago", "it's been", "has been", "have been", "been stuck", "stuck", "late", "delayed", "queued", "in line", "queue",
            "waiting", "waited", "on hold", "since", "hasn't", "haven't", "still hasn't", "sitting",
        ],
        waitingWords: [
            "waiting", "wait", "waited", "still", "again", "late", "delayed", "stuck", "queue", "queued", "hold", "answer", "reply",
            "response", "news", "callback",
        ],
        lasting: ["runs", "lasts", "lasted", "ran"],
        loss: ["wasted", "waste", "wasting", "lost", "lose", "losing", "i'll never get back", "never get back"],
        clock: ["at", "by", "from", "between", "and", "until", "around"],
        openers: [
            "and", "another", "at", "least", "almost", "nearly", "about", "over", "every", "each", "a", "full", "good", "between", "morning",
            "evening", "day", "week",
        ],
        purposes: ["to", "for"],
        rateWords: ["per", "every", "each"],
        copulas: ["is", "are", "was", "were", "becomes", "remains", "'s"],
        prepositions: ["on", "with", "for"],
        determiners: ["the", "a", "an", "my", "this", "that", "these", "those", "it", "one", "them", "me", "you", "us"],
        pronouns: ["it", "they", "he", "she", "you", "there", "what"],
        stops: [
            "and", "or", "but", "that", "which", "is", "are", "i", "a", "total", "complete", "waste", "of", "time", "really", "so",
            "just", "on", "with", "for", "in", "to", "every", "each", "per",
        ],
        markers: ["honestly", "frankly", "seriously", "so", "well", "and", "but", "ok", "okay", "personally", "also", "now", "still", "great"],
        demonstratives: ["this", "that", "these", "those"],
        firstPerson: ["i", "we"],
        auxiliaries: ["have", "had", "was", "am", "'ve", "'m", "been", "just", "still", "really", "also", "do", "did", "n't"],
        leadingPrepositions: ["at", "of", "on", "in", "with", "to", "into", "from", "for", "by", "up", "per"],
        fillers: [
            "just", "only", "last", "night", "this", "morning", "evening", "week", "month", "today", "yesterday", "whole", "entire", "full",
            "of", "for", "about", "trying", "extra", "more", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        ],
        listOpeners: ["between"],
        subjectEnds: [
            "has", "have", "had", "is", "are", "was", "were", "takes", "took", "eats", "ate", "costs", "cost", "runs", "ran", "wastes",
            "swallows", "still", "actually", "never", "always", "keeps", "kept", "can", "could", "will", "would", "does", "did",
            "that", "which", "who", "makes", "made", "gets", "got", "seems", "just", "it", "i", "spends", "'s",
        ],
        phraseEnds: [
            "which", "who", "that", "and", "but", "because", "so", "when", "if", "after", "before", "since", "while", "during",
            "without", "just", "it", "i", "for",
        ],
        pastEnding: "ed",
        resumptives: ["it", "it's", "that", "that's", "this", "what", "they", "they're"],
        reporting: ["says", "said", "thinks", "thought", "wants", "wanted", "told", "tells", "claims", "expects"],
        complementizers: ["that", "me", "us", "to", "him", "her"],
        verbs: ["wasted", "spent", "lost", "queued", "gave", "waited", "sat", "stood"],
        ofWords: ["from", "of", "on"])
}
