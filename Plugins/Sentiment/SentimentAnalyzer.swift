import ForumLensAnalysis
import ForumLensCore
import ForumLensText

/// `sentiment`: how positive or negative a message is, French and English, in the VADER family.
/// Each sentence is scored from the valences of its words, phrases, emoticons and emoji
/// (SentimentLexicon), changed by the rules below; a message's score combines its sentences'
/// so that long posts do not saturate (see `analyze`).
///
/// Rules, per sentiment word: boosters and dampeners in the three words before it (très,
/// vraiment, trop, un peu; very, really, slightly); negation through the text layer's scopes
/// (ne … pas, pas de, jamais, sans; not, never, n't), which turns and weakens it, a negative
/// word more; phrases that a word-by-word reading gets wrong come first (pas mal, pas terrible,
/// not bad), turned by a negation that governs them as a word is (« pas d'accord »); a word in
/// capitals in a sentence that is not shouted throughout weighs more; in French, a capitalized
/// word inside a sentence is a name and counts for nothing; an adverb of the opposite sense
/// right before a sentiment word intensifies it ("insanely funny"); praise after "too" is halved
/// ("too sweet"), and praise wished or tried for is not given ("should have been great",
/// « aurait dû être génial »: irrealis, to the end of the clause); laughter however typed reads
/// at least as "haha". Per sentence: the part after a contrast (mais, cependant, par contre; but,
/// however, on the other hand) weighs more than the part before, a sentence opening with one
/// outweighs the sentences before it; the clause a concession opens (although, no matter,
/// malgré, bien que) weighs less than the rest; exclamation marks strengthen;
/// a question is damped. The evidence lists each word or phrase that moved the score, its
/// offsets in the message's text, its valence after the rules and the rules applied.
public struct SentimentAnalyzer: Analyzer {
    public init() {}

    public var descriptor: AnalyzerDescriptor {
        AnalyzerDescriptor(
            id: "sentiment", version: "1.0.0", summary: "How positive or negative each message is (-1 to 1), with the words that say so",
            languages: ["fr", "en"],
            produces: [
                .init("score", "from -1 (very negative) to 1 (very positive)"),
                .init("label", "positive (score ≥ 0.05), negative (≤ -0.05) or neutral"),
                .init("sentences", "each sentence's start, end and score", inCSV: false),
                .init("evidence", "the words and phrases that moved the score: text, start, end, valence, rules", inCSV: false),
            ],
            examples: [
                .init("fr", "Ce forum est génial, merci pour vos conseils !", ["label": "positive"]),
                .init("fr", "Ce n'est pas terrible.", ["label": "negative"]),
                .init("fr", "Trois réseaux, des heures passées, et pas de miracle.", ["label": "negative"]),
                .init("fr", "C'est pas mal du tout.", ["label": "positive"]),
                .init("fr", "LinkedIn est utile mais vraiment chronophage.", ["label": "negative"]),
                .init("fr", "Je suis inscrit sur Viadeo depuis 2009.", ["label": "neutral", "score": 0]),
                .init("en", "The advice here is great, thanks!", ["label": "positive"]),
                .init("en", "Not bad at all.", ["label": "positive"]),
                .init("en", "It is not good, it is a waste of time.", ["label": "negative"]),
                .init("en", "The site looks nice, but it is really slow and useless.", ["label": "negative"]),
                .init("en", "I posted my profile in 2009.", ["label": "neutral", "score": 0]),
                .init("en", "It should have been a great film.", ["label": "neutral", "score": 0]),
                .init("en", "Insanely funny, nothing short of wonderful.", ["label": "positive"]),
                .init("en", "Lovin it, can't recommend it enough.", ["label": "positive"]),
                .init("en", "i dont like it, the food is not so good.", ["label": "negative"]),
                .init("en", "No matter how fantastic it looked, the story was a mess.", ["label": "negative"]),
                .init("fr", "Bien que le décor soit joli, le film est ennuyeux.", ["label": "negative"]),
                .init("fr", "Ce film aurait dû être génial.", ["label": "neutral", "score": 0]),
            ],
            resources: [
                ("lexicon.en", SentimentLexicon.englishDigest), ("lexicon.fr", SentimentLexicon.frenchDigest),
                ("lexicon.symbols", SentimentLexicon.symbolsDigest),
            ])
    }

    public func analyze(_ input: AnalyzerInput) -> JSONValue {
        let layer = input.text
        let lexicon = SentimentLexicon.of(language: input.language)
        let language = input.language == "fr" ? Self.french : Self.english
        var sentences: [(range: Range<Int>, sum: Double)] = []
        var evidence: [Evidence] = []
        // Capitals stress a word only in a message that is not written in capitals throughout.
        let words = layer.tokens.reduce(0) { $0 + ($1.kind == .word ? 1 : 0) }
        let shouted = words > 0 && layer.tokens.allSatisfy { $0.kind != .word || Self.isCapitals($0, layer) }
        for sentence in layer.sentences {
            var scored = Self.scoreSentence(sentence, layer, lexicon, language, shouted: shouted)
            // A sentence opening with a contrast outweighs the ones before it.
            if let first = sentence.first(where: { layer.tokens[$0].kind != .punctuation }),
               let length = Self.phraseLength(language.contrasts, at: first, in: sentence, layer.tokens) {
                let contrast = Self.text(of: first ..< first + length, layer.tokens)
                for index in sentences.indices { sentences[index].sum *= Self.beforeContrast }
                for index in evidence.indices { evidence[index].weigh(Self.beforeContrast, "before contrast: \(contrast)") }
                scored.sum *= Self.afterContrast
                for index in scored.evidence.indices { scored.evidence[index].weigh(Self.afterContrast, "after contrast: \(contrast)") }
            }
            evidence += scored.evidence
            sentences.append((sentence, scored.sum))
        }
        // The sentences' sums over the square root of how many carry sentiment: twenty
        // positive sentences weigh more than one, but not twenty times, and do not push a long
        // post to ±1; neutral sentences do not dilute it.
        let scores = sentences.map { Self.normalize($0.sum) }
        let bearing = max(1, sentences.filter { $0.sum != 0 }.count)
        let total = sentences.reduce(0) { $0 + $1.sum } / Double(bearing).squareRoot()
        let score = Self.normalize(total, words: words)
        let rounded = (score * 1000).rounded() / 1000
        // Objects as arrays of fields, not dictionary literals: one allocation each, not three.
        return .object([
            ("score", .number(rounded)),
            ("label", .string(Self.label(rounded))),
            ("sentences", .array(zip(sentences, scores).map { sentence, score in
                let tokens = layer.tokens[sentence.range]
                let range = layer.text.originalRange(tokens.first!.range.lowerBound ..< tokens.last!.range.upperBound)
                return .object([("start", .number(Double(range.lowerBound))), ("end", .number(Double(range.upperBound))), ("score", .number((score * 1000).rounded() / 1000))])
            })),
            ("evidence", .array(evidence.map { item in
                let original = layer.text.originalRange(item.scalars)
                return .object([
                    ("text", .string(layer.text.string(item.scalars))),
                    ("start", .number(Double(original.lowerBound))), ("end", .number(Double(original.upperBound))),
                    ("valence", .number((item.valence * 100).rounded() / 100)),
                    ("rules", .array(item.rules.map { .string($0) })),
                ])
            })),
        ])
    }

    /// Per discussion, author and corpus: the messages of each label, the sum of the scores
    /// (their mean is the sum over `messages`), the most positive and most negative message.
    public func tally(_ result: JSONValue) -> Tally {
        guard case let .number(score)? = result["score"], case let .string(label)? = result["label"] else { return Tally() }
        var tally = Tally([("positive", 0), ("neutral", 0), ("negative", 0), (label, 1), ("score sum", score)])
        tally.keep("most positive", score)
        tally.keep("most negative", score, lowest: true)
        return tally
    }

    /// And the trend: per month of publication, the messages and the sum of their scores
    /// (`2010-04 messages`, `2010-04 score sum`).
    public func tally(_ result: JSONValue, of message: Message) -> Tally {
        var tally = tally(result)
        if let month = message.published?.prefix(7), month.count == 7, case let .number(score)? = result["score"] {
            tally.add("\(month) messages")
            tally.add("\(month) score sum", score)
        }
        return tally
    }

    static func label(_ score: Double) -> String { score >= 0.05 ? "positive" : score <= -0.05 ? "negative" : "neutral" }

    /// VADER's normalization of a sum of valences to -1…1, x / √(x² + 15); for a message, the
    /// 15 grows by one per word, so that a word or two of sentiment in a long factual message
    /// weighs less than in a short cry.
    static func normalize(_ sum: Double, words: Int = 0) -> Double { sum == 0 ? 0 : sum / (sum * sum + 15 + Double(words)).squareRoot() }

    /// Praise after a word of excess ("too sweet").
    static let excessPraise = 0.5
    // VADER's empirical constants.
    static let boost = 0.293
    static let capsBoost = 0.733
    static let negation = -0.74
    /// Ours: how much of the negation's weight a negated negative word keeps.
    static let negatedBlame = 0.5
    static let exclamation = 0.292
    static let beforeContrast = 0.5
    static let afterContrast = 1.5
    static let questionDamping = 0.5

    struct ScoredSentence {
        var sum: Double
        var evidence: [Evidence]
    }

    /// A word or phrase that moved the score: its normalized scalars, its valence after the
    /// rules, and the rules.
    struct Evidence {
        var scalars: Range<Int>
        var valence: Double
        var rules: [String]

        mutating func weigh(_ factor: Double, _ rule: String) {
            valence *= factor
            rules.append(rule)
        }
    }

    static func isCapitals(_ token: Token, _ layer: TextLayer) -> Bool {
        let scalars = layer.text.scalars[token.range]
        return token.kind == .word && token.range.count > 1
            && scalars.allSatisfy { !isLowercase($0) } && scalars.contains(where: isUppercase)
    }

    // ASCII answered without the Unicode property tables (a lookup each).
    static func isLowercase(_ scalar: Unicode.Scalar) -> Bool { scalar.isASCII ? ("a" ... "z").contains(scalar) : scalar.properties.isLowercase }
    static func isUppercase(_ scalar: Unicode.Scalar) -> Bool { scalar.isASCII ? ("A" ... "Z").contains(scalar) : scalar.properties.isUppercase }

    /// A word written with a capital and then small letters, inside a sentence (not its first
    /// word, nor after a colon, an opening quote, or only mentions and hashtags: a tweet's
    /// « @user Excellente journée » starts at «Excellente»).
    static func isName(_ index: Int, in sentence: Range<Int>, _ layer: TextLayer) -> Bool {
        let tokens = layer.tokens
        let scalars = layer.text.scalars[tokens[index].range]
        guard tokens[index].kind == .word, isUppercase(scalars.first!), scalars.dropFirst().contains(where: isLowercase)
        else { return false }
        var before = index - 1
        while before >= sentence.lowerBound {
            switch tokens[before].kind {
            case .url, .emoji, .emoticon: before -= 1
            case .word where isTag(before, layer): before -= 2
            default:
                return tokens[before].kind != .punctuation || !openers.contains(tokens[before].lowercased.unicodeScalars.last!)
            }
        }
        return false
    }

    /// Whether the word at `index` is a mention or a hashtag: `@` or `#` right before it.
    static func isTag(_ index: Int, _ layer: TextLayer) -> Bool {
        let tokens = layer.tokens
        guard index > 0, tokens[index - 1].kind == .punctuation, tokens[index - 1].range.upperBound == tokens[index].range.lowerBound
        else { return false }
        return tokens[index - 1].lowercased == "@" || tokens[index - 1].lowercased == "#"
    }

    /// Whether the word at `index` is an adverb with a valence of its own (-ly, -ment) right
    /// before a sentiment word of the opposite sense, which it intensifies.
    static func intensifies(_ index: Int, in sentence: Range<Int>, _ layer: TextLayer, _ lexicon: SentimentLexicon, _ language: Words) -> Bool {
        let tokens = layer.tokens
        guard index + 1 < sentence.upperBound, tokens[index].kind == .word, tokens[index + 1].kind == .word,
              tokens[index].lowercased.hasSuffix(language.adverbEnding), tokens[index].lowercased.count > language.adverbEnding.count + 3,
              let own = valence(of: tokens[index], in: lexicon), let next = valence(of: tokens[index + 1], in: lexicon) else { return false }
        // Of the same sense, both count ("beautifully moving"); of opposite senses, the adverb
        // only says how much ("insanely funny").
        return (own.value > 0) != (next.value > 0)
    }

    /// Marks after which a sentence, or a quoted one, starts again.
    static let openers: Set<Unicode.Scalar> = [":", "«", "\"", "“", "(", "-", "–", "—", "…", "|", "."]

    /// A word's valence: as written (the lexicon has `lovin` too), else with its letters
    /// repeated for stress squeezed (`loooove`, `sooo`), which stresses it as capitals do.
    /// Laughter, in either language, reads at least as VADER's "haha" (2): the lexicons lack most
    /// of its forms (lolol, mdrrr, hihi) and give some a stray value (Pattern's hahahaha 0.4).
    static func valence(of token: Token, in lexicon: SentimentLexicon) -> (value: Float, stretched: Bool)? {
        let found = lexicon.words[token.key].map { ($0, false) } ?? stretchedForms(of: token).lazy.compactMap { lexicon.words[$0] }.first.map { ($0, true) }
        if found.map({ $0.0 < laughter }) ?? true, Laughter.contains(token) { return (laughter, false) }
        return found
    }
    static let laughter: Float = 2

    /// A word with a letter written three times or more, with it twice, then once (`soooo` →
    /// `soo`, `so`); none for other words.
    static func stretchedForms(of token: Token) -> [WordKey] {
        // Most words have no letter three times in a row: checked on bytes first.
        guard token.range.count >= 3 else { return [] }
        let tripled = { (bytes: UnsafeRawBufferPointer) in (2 ..< max(2, bytes.count)).contains { bytes[$0] == bytes[$0 - 1] && bytes[$0] == bytes[$0 - 2] } }
        let found = if let packed = token.key.packedBytes {
            withUnsafeBytes(of: (packed.low, packed.high)) { tripled(UnsafeRawBufferPointer(rebasing: $0[..<packed.count])) }
        } else {
            token.lowercased.utf8.withContiguousStorageIfAvailable { tripled(UnsafeRawBufferPointer($0)) } ?? true
        }
        guard found else { return [] }
        var squeezed = "", doubled = "", previous: Character?, run = 0, stretched = false
        for character in token.lowercased {
            run = character == previous ? run + 1 : 1
            previous = character
            if run == 1 { squeezed.append(character) }
            if run <= 2 { doubled.append(character) }
            if run == 3 { stretched = true }
        }
        return stretched ? [WordKey(doubled), WordKey(squeezed)] : []
    }

    static func scoreSentence(
        _ sentence: Range<Int>, _ layer: TextLayer, _ lexicon: SentimentLexicon, _ language: Words, shouted: Bool
    ) -> ScoredSentence {
        let tokens = layer.tokens
        // Contrasts (but, par contre, on the other hand): their words say nothing themselves; the
        // last one inside the sentence splits it. Boosters of several words (un peu, kind of):
        // where each ends, and the words they hold. A concession (although, no matter, bien
        // que): its words say nothing themselves. What was wished or tried rather than done:
        // from its marker to the end of the clause.
        var contrasts: [Range<Int>] = []
        var boosterEnding: [(end: Int, value: Double, text: String)] = []
        var concession: Range<Int>?
        var irrealisMarker: Int?
        // Per token of the sentence, whether a phrase holds it: made at the first phrase met.
        var inPhrase: [Bool] = []
        for start in sentence {
            guard let starts = language.starts[tokens[start].key] else { continue }
            var held: [Range<Int>] = []
            if starts.contains(.contrast), !Self.meansExcept(start, in: sentence, tokens),
               let length = Self.phraseLength(language.contrasts, at: start, in: sentence, tokens) {
                contrasts.append(start ..< start + length)
                held.append(start ..< start + length)
            }
            if starts.contains(.boosterPhrase) {
                for phrase in language.boosterPhrases[tokens[start].key] ?? [] where PhraseList.matches(phrase.keys, at: start, in: sentence, tokens) {
                    boosterEnding.append((start + phrase.keys.count - 1, phrase.value, text(of: start ..< start + phrase.keys.count, tokens)))
                    held.append(start ..< start + phrase.keys.count)
                }
            }
            if starts.contains(.irrealis), irrealisMarker == nil, Self.phraseLength(language.irrealis, at: start, in: sentence, tokens) != nil {
                irrealisMarker = start
            }
            if starts.contains(.concession), concession == nil, let length = Self.phraseLength(language.concessions, at: start, in: sentence, tokens) {
                concession = start ..< start + length
                held.append(start ..< start + length)
            }
            if !held.isEmpty, inPhrase.isEmpty { inPhrase = Array(repeating: false, count: sentence.count) }
            for range in held { for index in range { inPhrase[index - sentence.lowerBound] = true } }
        }
        let contrast = contrasts.last { $0.lowerBound > sentence.lowerBound }
        var irrealis = 0 ..< 0
        if let marker = irrealisMarker {
            let clauseEnd = tokens[marker ..< sentence.upperBound].firstIndex { $0.kind == .punctuation } ?? sentence.upperBound
            irrealis = marker ..< min(clauseEnd, contrasts.first { $0.lowerBound > marker }?.lowerBound ?? clauseEnd)
        }
        var found: [(range: Range<Int>, valence: Double, rules: [String])] = []
        var index = sentence.lowerBound
        while index < sentence.upperBound {
            let token = tokens[index]
            // A phrase first: its words read together (pas mal, not bad).
            if lexicon.phrases.contains(token.key), let phrase = lexicon.phrases[token.key]?.first(where: { PhraseList.matches($0.keys, at: index, in: sentence, tokens) }) {
                // One of no valence only keeps its words from counting (« pas mal de monde »). One
                // whose first word a negation governs is turned as a word is ("didn't meet my
                // expectations", even where the scope ends inside it: « pas du tout une perte de
                // temps »), unless it holds a negator itself ("not bad", « ne fonctionne plus »).
                let range = index ..< index + phrase.keys.count
                if phrase.valence != 0 {
                    var value = Double(phrase.valence), rules: [String] = []
                    if layer.negated[index], !tokens[range].contains(where: Negation.isNegator) {
                        value *= value > 0 ? negation : negation * negatedBlame
                        rules.append("negation")
                    }
                    found.append((range, value, rules))
                }
                index += phrase.keys.count
                continue
            }
            defer { index += 1 }
            var hit: (value: Float, stretched: Bool)?
            switch token.kind {
            case .emoticon, .emoji: hit = SentimentLexicon.symbols.words[token.key].map { ($0, false) }
            case .word, .clitic:
                guard inPhrase.isEmpty || !inPhrase[index - sentence.lowerBound] else { continue }
                hit = valence(of: token, in: lexicon)
                // French capitalizes names, not emphasis: « France », « Les Verts » say nothing.
                if hit != nil, language.capitalizesOnlyNames, !shouted, isName(index, in: sentence, layer) { continue }
                // A booster, or `no`, before a sentiment word modifies it rather than counting
                // itself (trop bien, super cool, no good).
                if hit != nil, language.boosters[token.key] != nil || language.negators.contains(token.key),
                   let next = tokens[(index + 1) ..< sentence.upperBound].first(where: { $0.kind == .word }), valence(of: next, in: lexicon) != nil {
                    hit = nil
                }
                // An adverb right before a sentiment word says how much, whatever its own sense:
                // "insanely funny", "hilariously bad", « horriblement cher ».
                if hit != nil, intensifies(index, in: sentence, layer, lexicon, language) { hit = nil }
                // Before a number, « facilement », "easily" say how much, not how good (« j'y passe
                // facilement 2 heures »).
                if hit != nil, language.approximators.contains(token.key), index + 1 < sentence.upperBound,
                   tokens[index + 1].kind == .number || language.numbers.contains(tokens[index + 1].key) {
                    hit = nil
                }
                // "Looks like", "as well", "I mean": a comparison, an addition, a filler, not a
                // liking, praise or blame.
                if hit != nil, index > sentence.lowerBound, let after = language.sayNothingAfter[token.key], after.contains(tokens[index - 1].key) {
                    hit = nil
                }
            default: hit = nil
            }
            guard let hit else { continue }
            var value = Double(hit.value)
            var rules: [String] = []
            if !shouted, isCapitals(token, layer) || hit.stretched {
                value += value > 0 ? capsBoost : -capsBoost
                rules.append(hit.stretched ? "stretched" : "capitals")
            }
            // "Too sweet": too much of a good thing, praise halved rather than boosted.
            let excessive = value > 0 && index > sentence.lowerBound && language.excess.contains(tokens[index - 1].key)
            var distance = 0
            for before in stride(from: index - 1, through: max(sentence.lowerBound, index - 6), by: -1) where tokens[before].kind == .word {
                if excessive, before == index - 1 { distance += 1; continue }
                distance += 1
                if distance > 3 { break }
                let booster: (value: Double, text: String)
                if let phrase = boosterEnding.last(where: { $0.end == before }) {
                    booster = (phrase.value, phrase.text)
                } else if before == index - 1, intensifies(before, in: sentence, layer, lexicon, language) {
                    booster = (boost, tokens[before].lowercased)
                } else if let value = language.boosters[tokens[before].key] ?? Self.stretchedForms(of: tokens[before]).lazy.compactMap({ language.boosters[$0] }).first {
                    // A booster in capitals stresses more.
                    booster = (!shouted && isCapitals(tokens[before], layer) ? value + (value > 0 ? capsBoost : -capsBoost) : value, tokens[before].lowercased)
                } else {
                    continue
                }
                let scaled = booster.value * (1 - 0.05 * Double(distance - 1))
                value += value > 0 ? scaled : -scaled
                rules.append("\(booster.value > 0 ? "booster" : "dampener"): \(booster.text)")
            }
            if excessive {
                value *= excessPraise
                rules.append("excess: \(tokens[index - 1].lowercased)")
            }
            // "It should have been funny": praise wished for is not given. An emoticon or emoji
            // says how the writer feels now, wish or not ("if you come, welcome :o)").
            if value > 0, irrealis.contains(index), token.kind == .word || token.kind == .clitic {
                value = 0
                rules.append("irrealis")
            }
            if layer.negated[index] {
                // Negation turns praise into blame, but blame only into faint praise: "not
                // bad", « pas nul », "doesn't suck" are mild.
                value *= value > 0 ? negation : negation * negatedBlame
                rules.append("negation")
            }
            found.append((index ..< index + 1, value, rules))
        }
        if let contrast {
            let text = text(of: contrast, tokens)
            for item in found.indices {
                let after = found[item].range.lowerBound >= contrast.upperBound
                found[item].valence *= after ? afterContrast : beforeContrast
                found[item].rules.append("\(after ? "after" : "before") contrast: \(text)")
            }
        }
        // A concession (although, though, malgré) opens the clause that weighs less, up to the
        // next comma; the rest weighs more. "Though" closing a sentence opens none.
        if let concession {
            let end = tokens[concession.upperBound ..< sentence.upperBound].firstIndex { [",", ";", ":"].contains($0.lowercased) } ?? sentence.upperBound
            let conceded = concession.upperBound ..< end
            if tokens[conceded].contains(where: { $0.kind == .word }) {
                for item in found.indices {
                    let inside = conceded.contains(found[item].range.lowerBound)
                    found[item].valence *= inside ? beforeContrast : afterContrast
                    found[item].rules.append("\(inside ? "conceded" : "after concession"): \(text(of: concession, tokens))")
                }
            }
        }
        var sum = found.reduce(0) { $0 + $1.valence }
        var exclamations = 0, question = false
        for token in tokens[sentence] where token.kind == .punctuation {
            let mark = layer.text.scalars[token.range.lowerBound]
            if mark == "!" { exclamations += token.range.count } else if mark == "?" { question = true }
        }
        if sum != 0, exclamations > 0 { sum += (sum > 0 ? 1 : -1) * Double(min(exclamations, 4)) * exclamation }
        if question { sum *= questionDamping }
        return ScoredSentence(sum: sum, evidence: found.map { item in
            Evidence(
                scalars: tokens[item.range.lowerBound].range.lowerBound ..< tokens[item.range.upperBound - 1].range.upperBound,
                valence: item.valence, rules: item.rules)
        })
    }

    /// Each sentence's score in this analyzer's result (0 where it gave none): what the analyzers
    /// that require `sentiment` read (time-cost, advice).
    static func sentenceScores(_ sentiment: JSONValue?, _ layer: TextLayer) -> [Double] {
        var scores = [Double](repeating: 0, count: layer.sentences.count)
        guard case let .array(sentences)? = sentiment?["sentences"], sentences.count == scores.count else { return scores }
        for (index, sentence) in sentences.enumerated() {
            if case let .number(score)? = sentence["score"] { scores[index] = score }
        }
        return scores
    }

    /// A language's boosters (positive) and dampeners (negative), of one word or several, its
    /// contrast words, and the negators that modify a sentiment word after them rather than count.
    /// A class: scoring passes it to every sentence, and a struct of a dozen tables would be
    /// copied, two dozen retains, each time.
    final class Words: Sendable {
        let boosters: WordTable<Double>
        /// Boosters of several words, by their first word.
        let boosterPhrases: WordTable<[(keys: [WordKey], value: Double)]>
        /// Contrasts, of one word or several, by first word.
        let contrasts: WordTable<[[WordKey]]>
        /// Concessions, of one word or several, by first word.
        let concessions: WordTable<[[WordKey]]>
        let negators: WordTable<Bool>
        let approximators: WordTable<Bool>
        let numbers: WordTable<Bool>
        /// Whether a capital inside a sentence marks a name (French) rather than also stress or
        /// a title (English tweets capitalize Love, Happy, Great).
        let capitalizesOnlyNames: Bool
        /// How adverbs end (-ly, -ment): one right before a sentiment word intensifies it.
        let adverbEnding: String
        /// Words of excess before a sentiment word ("too sweet"): praise is halved.
        let excess: WordTable<Bool>
        /// What was wished or tried rather than done ("should have been", « aurait dû »), by
        /// first word: praise in the rest of the clause is not asserted.
        let irrealis: WordTable<[[WordKey]]>
        /// Sentiment words that say nothing after certain words: "like" after a verb of seeming
        /// or a copula compares ("looks like", "it's like"), "well" after "as" adds, "mean"
        /// after a pronoun or a modal is the verb ("I mean").
        let sayNothingAfter: WordTable<WordTable<Bool>>
        /// The first words of contrasts, booster phrases, irrealis markers and concessions, with
        /// a bit for each (`Starts`): one lookup a token, where most tokens start none.
        let starts: WordTable<Starts>

        struct Starts: OptionSet, Sendable {
            let rawValue: UInt8
            static let contrast = Starts(rawValue: 1), boosterPhrase = Starts(rawValue: 2), irrealis = Starts(rawValue: 4), concession = Starts(rawValue: 8)
        }

        init(boosters: [String], dampeners: [String], contrasts: [String], concessions: [String], negators: [String], approximators: [String], numbers: [String], capitalizesOnlyNames: Bool,
             adverbEnding: String, excess: [String] = [], irrealis: [String] = [], sayNothingAfter: [String: [String]] = [:]) {
            self.adverbEnding = adverbEnding
            self.excess = WordTable(excess.map { (WordKey($0), true) })
            self.irrealis = Self.phrases(irrealis)
            self.concessions = Self.phrases(concessions)
            var single = WordTable<Double>(), phrases = WordTable<[(keys: [WordKey], value: Double)]>()
            for (words, value) in boosters.map({ ($0, SentimentAnalyzer.boost) }) + dampeners.map({ ($0, -SentimentAnalyzer.boost) }) {
                let keys = Tokenizer.tokens(NormalizedText(words)).map(\.key)
                if keys.count == 1 { single[keys[0]] = value } else { phrases[keys[0]] = (phrases[keys[0]] ?? []) + [(keys, value)] }
            }
            self.boosters = single
            boosterPhrases = phrases
            self.contrasts = Self.phrases(contrasts)
            self.sayNothingAfter = WordTable(sayNothingAfter.map { word, before in (WordKey(word), WordTable(before.map { (WordKey($0), true) })) })
            self.negators = WordTable(negators.map { (WordKey($0), true) })
            self.approximators = WordTable(approximators.map { (WordKey($0), true) })
            self.numbers = WordTable(numbers.map { (WordKey($0), true) })
            self.capitalizesOnlyNames = capitalizesOnlyNames
            var starts = WordTable<Starts>()
            for (table, bit) in [(self.contrasts, Starts.contrast), (self.irrealis, .irrealis), (self.concessions, .concession)] {
                for (key, _) in table.pairs { starts[key] = (starts[key] ?? []).union(bit) }
            }
            for (key, _) in phrases.pairs { starts[key] = (starts[key] ?? []).union(.boosterPhrase) }
            self.starts = starts
        }

        /// Phrases of one word or more as token keys, by first word.
        static func phrases(_ list: [String]) -> WordTable<[[WordKey]]> {
            var table = WordTable<[[WordKey]]>()
            for phrase in list {
                let keys = Tokenizer.tokens(NormalizedText(phrase)).map(\.key)
                table[keys[0]] = (table[keys[0]] ?? []) + [keys]
            }
            return table
        }
    }

    /// The words of `range`, lowercased, as the rules name them.
    static func text(of range: Range<Int>, _ tokens: [Token]) -> String { tokens[range].map(\.lowercased).joined(separator: " ") }

    /// "Anything but friendly", "nothing but praise", "all but gone": `but` says except, and
    /// opens no contrast.
    static func meansExcept(_ index: Int, in sentence: Range<Int>, _ tokens: [Token]) -> Bool {
        index > sentence.lowerBound && tokens[index].key == but && exceptBefore.contains(tokens[index - 1].key)
    }
    static let but = WordKey("but")
    static let exceptBefore = WordTable(["anything", "nothing", "everything", "all"].map { (WordKey($0), true) })

    /// How many tokens of one of `phrases` start at `start` within the sentence, if one does.
    static func phraseLength(_ phrases: WordTable<[[WordKey]]>, at start: Int, in sentence: Range<Int>, _ tokens: [Token]) -> Int? {
        phrases[tokens[start].key]?.first { PhraseList.matches($0, at: start, in: sentence, tokens) }?.count
    }

    static let french = Words(
        boosters: [
            "très", "vraiment", "trop", "tellement", "super", "hyper", "ultra", "extrêmement", "vachement", "carrément",
            "complètement", "totalement", "absolument", "particulièrement", "énormément", "franchement", "terriblement",
            "incroyablement", "profondément", "sacrément", "drôlement", "bien", "archi", "grave", "tro", "vrmt", "vrm",
        ],
        dampeners: [
            "un peu", "un petit peu", "quelque peu", "peu", "assez", "plutôt", "légèrement", "relativement", "moyennement",
            "presque", "guère",
        ],
        contrasts: ["mais", "cependant", "pourtant", "toutefois", "néanmoins", "sauf", "par contre", "en revanche"],
        concessions: ["quoique", "malgré", "bien que", "même si", "en dépit de", "peu importe"],
        negators: ["non", "pas", "aucun", "aucune", "jamais"],
        approximators: ["facilement", "largement", "bien"],
        numbers: [
            "un", "une", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "quinze", "vingt", "trente", "quarante",
            "cinquante", "soixante", "cent", "mille", "des", "plusieurs",
        ],
        capitalizesOnlyNames: true,
        adverbEnding: "ment",
        irrealis: [
            "aurait dû", "aurait pu", "aurais dû", "aurais pu", "aurait mérité", "aurait été", "aurais aimé", "aurait fallu", "est censé", "est censée",
            "était censé", "était censée", "sont censés", "se veut", "se voulait", "se voudrait", "essaie de", "essaye de", "tente de",
            "si seulement", "au mieux",
        ])

    static let english = Words(
        boosters: [
            "very", "really", "so", "too", "extremely", "totally", "absolutely", "completely", "incredibly", "particularly",
            "especially", "hugely", "deeply", "truly", "utterly", "highly", "awfully", "super", "such", "quite", "more", "most",
            "amazingly", "considerably", "decidedly", "enormously", "entirely", "exceptionally", "fabulously", "fully", "greatly",
            "intensely", "majorly", "purely", "remarkably", "substantially", "thoroughly", "tremendously", "unbelievably",
            "unusually", "hella", "uber", "fucking", "fuckin", "freaking", "freakin", "frickin", "friggin", "effing", "pretty",
            "damn", "damned", "goddamn", "bloody", "darn", "dang",
        ],
        dampeners: [
            "kind of", "sort of", "a bit", "a little", "a little bit", "slightly", "somewhat", "marginally",
            "partly", "kinda", "sorta", "almost", "occasionally", "little",
        ],
        contrasts: ["but", "however", "nevertheless", "nonetheless", "on the other hand"],
        concessions: ["although", "though", "albeit", "despite", "in spite of", "no matter", "even if", "regardless of"],
        negators: ["no", "not", "never", "nothing", "least"],
        approximators: ["easily", "well", "good", "like"],
        numbers: [
            "a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "fifteen", "twenty", "thirty",
            "forty", "fifty", "sixty", "hundred", "thousand", "several",
        ],
        capitalizesOnlyNames: false,
        adverbEnding: "ly",
        excess: ["too"],
        irrealis: [
            "should have", "should've", "could have", "could've", "would have", "would've", "might have", "supposed to",
            "wants to be", "want to be", "wanted to be", "tries to", "trying to", "tried to", "aspires to", "if only", "meant to be",
            "would be", "could be", "i wish", "wish it", "at best", "if",
        ],
        sayNothingAfter: [
            "like": [
                "look", "looks", "looked", "looking", "sound", "sounds", "sounded", "seem", "seems", "seemed", "feel", "feels", "felt",
                "feeling", "play", "plays", "played", "playing", "act", "acts", "acted", "acting", "talk", "talks", "talked", "smell",
                "smells", "taste", "tastes", "behave", "behaves", "is", "'s", "was", "were", "are", "'re", "be", "been", "just", "more",
                "less", "something", "anything", "nothing", "exactly", "much", "kinda", "sorta",
            ],
            "well": ["as", "oh"],
            "mean": [
                "i", "you", "we", "they", "to", "do", "does", "did", "'d", "would", "can", "could", "will", "'ll", "might", "may", "must",
                "gonna", "just", "only",
            ],
        ])
}
