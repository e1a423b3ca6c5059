import ForumLensAnalysis
import ForumLensCore
import ForumLensText

/// `time-cost`: complaints that something costs too much time, how much, and what about.
/// Per sentence, a complaint is
/// - a cue that says so (chronophage, perte de temps, un temps fou, usine à gaz; time-consuming,
///   waste of time, time sink, takes forever),
/// - waiting (toujours pas de réponse, j'attends depuis; still waiting, on hold),
/// - effort without result, with a time or an effort named (des heures pour rien, pas de miracle
///   après toutes ces inscriptions; hours for nothing),
/// - or time spent (a quantity, a recurring evening, « j'y passe ») in a sentence that
///   `sentiment` finds negative, or one's own evenings given up (« j'y passe mes soirées »);
/// and not one when the cue is negated (« ce n'est pas une perte de temps »), when the time is
/// small or worth it (« ça ne prend que 5 minutes », « ça vaut le temps passé », « j'ai gagné du
/// temps »; "it only takes a minute", "well worth the time"), and counts half in a question.
/// Each mention gives the quantity (`duration` and `per`, ISO 8601, TimeQuantity), the `target`
/// when one is named (TimeCostTarget.swift), the `kind` of complaint and the sentence to quote.
/// The cue words are in TimeCostCues.swift.
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
                .init("fr", "Pas de miracle après toutes ces inscriptions.", ["complaint": true]),
                .init("fr", "Je passe mes soirées sur LinkedIn.", ["complaint": true, "target": "LinkedIn"]),
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
        let sentenceScores = SentimentAnalyzer.sentenceScores(input.results["sentiment"], layer)
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
        let hits = cues.sentenceCues.firstOfEachTag(in: sentence, tokens, tags: SentenceCue.allCases.count)
        func find(_ cue: SentenceCue) -> Range<Int>? { hits[cue.rawValue] }
        // Small, worth it, saved: not a complaint, whatever else the sentence says.
        if find(.exclusions) != nil { return nil }
        // Clock times are not durations: « à 14h », "at 7pm", « entre 8h et 13h ».
        let quantities = all.filter { quantity in
            guard sentence.contains(quantity.tokens.lowerBound) else { return false }
            let before = quantity.tokens.lowerBound - 1
            let first = tokens[quantity.tokens.lowerBound]
            let clockLike = first.kind == .number && first.lowercased.utf8.contains(UInt8(ascii: "h"))
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
        let complaining = negative || find(.negative) != nil
        var found: (range: Range<Int>, score: Double, kind: String)?
        if let range = find(.lexical) {
            found = (range, 0.9, "lexical")
        } else if let range = find(.waiting) {
            found = (range, 0.85, "waiting")
        } else if let range = find(.waitingFor), adjacent(range), !positive,
                  find(.waitingWords) != nil || !cues.pointsInTime.contains(tokens[range.lowerBound].key) && (complaining || find(.noResult) != nil) {
            // « il y a trois semaines », "ten days ago" are waiting only with a word of waiting.
            found = (range, 0.8, "waiting")
        } else if let range = find(.loss), adjacent(range) {
            found = (range, 0.85, "lexical")
        } else if let range = find(.noResult), !short.isEmpty && (find(.spending) != nil || opens) || find(.efforts) != nil {
            // « des heures pour rien », « pas de miracle après toutes ces inscriptions ».
            found = (range, 0.8, "no result")
        } else if !positive, let quantity = quantified.first, negative || find(.negative) != nil || find(.noResult) != nil,
                  opens || find(.spending) != nil || find(.lasting) != nil {
            found = (find(.spending) ?? find(.lasting) ?? quantity.tokens, 0.7, "time spent")
        } else if !positive, let quantity = quantified.first, opens,
                  tokens[quantity.tokens.upperBound ..< min(sentence.upperBound, quantity.tokens.upperBound + 7)].contains(where: { cues.purposes.contains($0.key) }) {
            // « Trois heures de réunion pour valider une couleur », "Thirty minutes of forms just to register".
            found = (quantity.tokens, 0.6, "time spent")
        } else if !positive, let spending = find(.spending), let quantity = quantified.first(where: { $0.per != nil }) {
            // A rate of time spent: « ça me prend 2h chaque matin », "costs me an hour a day".
            found = (min(spending.lowerBound, quantity.tokens.lowerBound) ..< max(spending.upperBound, quantity.tokens.upperBound), 0.6, "time spent")
        } else if let spending = find(.spending), !positive, let unquantified = quantities.first(where: { $0.duration == nil }),
                  complaining || TimeQuantity.possessives.contains(tokens[unquantified.tokens.lowerBound].key) {
            // « j'y passe des heures » in a complaining sentence; « j'y passe mes soirées », "it eats
            // my weekends": one's own evenings given up say it on their own.
            found = (spending, 0.6, "time spent")
        }
        guard var (range, score, kind) = found else { return nil }
        // « ce n'est pas une perte de temps »: a cue of lost time negated (waiting and no-result
        // cues hold their own negation: « toujours pas », « pas de miracle »).
        if kind == "lexical", layer.negated[range.lowerBound] { return nil }
        // A question counts half, unless it vents (« sérieusement ? »).
        if tokens[sentence].contains(where: { $0.kind == .punctuation && $0.lowercased.hasPrefix("?") }), !negative, find(.negative) == nil {
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

    static func scalars(_ tokens: Range<Int>, _ layer: TextLayer) -> Range<Int> {
        layer.tokens[tokens.lowerBound].range.lowerBound ..< layer.tokens[tokens.upperBound - 1].range.upperBound
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
}
