import ForumLensAnalysis
import ForumLensCore
import ForumLensRules
import ForumLensText

/// `advice`: the advice a message gives, sentence by sentence, French and English, with its
/// themes. A sentence is advice when it recommends (« je vous conseille », « mieux vaut », "I'd
/// recommend", "you should"), obliges (« il faut », « il ne faut pas »), commands (« Fixez-vous
/// des objectifs », « Ne mets pas… », "Ask for a room"), suggests ("it would be nice if",
/// « pourquoi ne pas… ? »), lists infinitives (« Se démarquer par ses compétences. ») or states a
/// rule (« rien ne vaut… », "the key is"); not when it asks, reports what others advise (« on me
/// répète qu'il faut »), tells the writer's own plans or is a formula (« n'hésitez pas à me
/// contacter »). See AdviceForms.swift and AdviceWords.swift.
///
/// Each item gets the themes of the taxonomy (AdviceTaxonomy) whose words it holds; the
/// summaries rank the themes with their authors and quotes, and group the advice that fits no
/// theme into discovered themes by the phrases it shares.
public struct AdviceAnalyzer: Analyzer {
    /// A `--taxonomy` file's; nil for the default, parsed on first use, so that runs without
    /// advice do not pay for it.
    private let given: AdviceTaxonomy?
    var taxonomy: AdviceTaxonomy { given ?? .default }

    public init() { given = nil }

    /// With the taxonomy of a rule file (`--taxonomy`); errors name the file and line.
    public init(taxonomyFile path: String) throws(RuleFileError) { given = try .load(path) }

    /// The default taxonomy as a rule file, for users to copy and edit.
    public static var defaultTaxonomy: String { AdviceTaxonomy.defaultText + "\n" }

    public var descriptor: AnalyzerDescriptor {
        AnalyzerDescriptor(
            id: "advice", version: "1.0.0", summary: "The advice each message gives, sentence by sentence, with its themes",
            languages: ["fr", "en"], requires: ["sentiment"],
            produces: [
                .init("count", "how many advice sentences"),
                .init("themes", "the themes of its advice, in the order first met"),
                .init("items", "each advice sentence: text, start, end, themes, strength (0 to 1), form", inCSV: false),
            ],
            examples: [
                .init("fr", "Mon conseil : se fixer des priorités.", ["count": 1, "themes": ["priorities"]]),
                .init("fr", "Fixez-vous des objectifs clairs et allez aux salons.", ["count": 1, "themes": ["clear-goals", "in-person"]]),
                .init("fr", "Ne mets pas ta recherche d'emploi sur Facebook.", ["count": 1]),
                .init("fr", "Pourquoi ne pas essayer les afterworks ?", ["count": 1, "themes": ["in-person"]]),
                .init("fr", "On me répète partout qu'il faut être présent sur les réseaux.", ["count": 0]),
                .init("fr", "Quel réseau choisir ?", ["count": 0]),
                .init("fr", "Il faut douze clics pour sortir une facture.", ["count": 0]),
                .init("fr", "N'hésitez pas à me contacter en MP.", ["count": 0]),
                .init("en", "I'd recommend asking former colleagues for a referral.", ["count": 1, "themes": ["recommendations"]]),
                .init("en", "Don't forget to update your profile picture.", ["count": 1, "themes": ["image"]]),
                .init("en", "Don't spam recruiters.", ["count": 1]),
                .init("en", "Not sure it helps.", ["count": 0]),
                .init("en", "They told me I should be on every network.", ["count": 0]),
                .init("en", "How many networks should I be on?", ["count": 0]),
                .init("en", "Thanks in advance, let me know.", ["count": 0]),
            ])
    }

    public func analyze(_ input: AnalyzerInput) -> JSONValue {
        let layer = input.text
        let words = input.language == "fr" ? AdviceWords.french : AdviceWords.english
        var items: [JSONValue] = []
        var themes: [String] = []
        let moods = SentimentAnalyzer.sentenceScores(input.results["sentiment"], layer)
        for (index, sentence) in layer.sentences.enumerated() {
            guard let form = AdviceForm.find(in: sentence, layer.tokens, words, mood: moods[index]) else { continue }
            let item = form.start ..< sentence.upperBound
            let found = taxonomy.themes(of: Self.stems(item, layer, input.language), language: input.language)
            for theme in found where !themes.contains(theme) { themes.append(theme) }
            let scalars = layer.tokens[item.lowerBound].range.lowerBound ..< layer.tokens[item.upperBound - 1].range.upperBound
            let range = layer.text.originalRange(scalars)
            items.append([
                "text": .string(Self.original(range, of: input.message.text)),
                "start": .number(Double(range.lowerBound)), "end": .number(Double(range.upperBound)),
                "themes": .array(found.map { .string($0) }),
                "strength": .number(form.strength),
                "form": .string(form.form),
            ])
        }
        return ["count": .number(Double(items.count)), "themes": .array(themes.map { .string($0) }), "items": .array(items)]
    }

    /// Per discussion, author and corpus: advice items and the messages giving them, the themes
    /// ranked (`themes`: count, authors, the best quotes) and the advice of no theme grouped
    /// into `discovered themes` by its key phrases.
    public func tally(_ result: JSONValue, of message: Message) -> Tally { tally(result, language: message.language ?? "en") }

    public func tally(_ result: JSONValue) -> Tally { tally(result, language: "en") }

    func tally(_ result: JSONValue, language: String) -> Tally {
        var tally = Tally([("items", 0), ("messages with advice", 0)])
        guard case let .number(count)? = result["count"], count > 0, case let .array(items)? = result["items"] else { return tally }
        tally.add("items", count)
        tally.add("messages with advice")
        for item in items {
            guard case let .string(text)? = item["text"], case let .number(strength)? = item["strength"] else { continue }
            let themes = item["themes"].flatMap { value -> [String]? in
                guard case let .array(list) = value else { return nil }
                return list.compactMap { if case let .string(id) = $0 { id } else { nil } }
            } ?? []
            if themes.isEmpty {
                let opensOnVerb = ["imperative", "infinitive"].contains(item["form"].flatMap { if case let .string(form) = $0 { form } else { nil } })
                let phrases = AdviceDiscovery.keyPhrases(text, language: language, opensOnVerb: opensOnVerb)
                tally.file("discovered themes", text, under: phrases, value: strength, discover: true)
            } else {
                tally.file("themes", text, under: themes.map { Tally.Item.Group(key: $0, label: taxonomy.label(of: $0, language: language)) }, value: strength)
            }
        }
        return tally
    }

    /// The item's words as the taxonomy reads them: stemmed, without the words that make it
    /// advice (« je recommande » is no theme of recommendations).
    static func stems(_ tokens: Range<Int>, _ layer: TextLayer, _ language: String) -> [String] {
        let adviceWords = language == "fr" ? AdviceDiscovery.frenchAdviceWords : AdviceDiscovery.englishAdviceWords
        return layer.tokens[tokens].filter { ($0.kind == .word || $0.kind == .number) && !adviceWords.contains($0.lowercased) }
            .map { Stemmer.stem($0.lowercased, language: language) }
    }

    static func original(_ range: Range<Int>, of text: String) -> String {
        let scalars = text.unicodeScalars
        let start = scalars.index(scalars.startIndex, offsetBy: range.lowerBound)
        return String(scalars[start ..< scalars.index(start, offsetBy: range.count)])
    }
}
