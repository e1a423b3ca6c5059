import ForumLensCore
import ForumLensText

/// The analyzers of a run in the order their requirements need, checked before anything runs:
/// two analyzers with one id, a requirement no loaded analyzer meets, or a cycle, is an error
/// that names them. Runs a discussion: the text layer once per message, each analyzer on the
/// messages in a language it handles (`{"skipped": "language"}` for the others), and the
/// summaries per discussion and per author as sums of the messages' tallies.
public struct AnalyzerPipeline: Sendable {
    public let analyzers: [any Analyzer]
    /// Each analyzer's descriptor, read once: plugins may build theirs on every call.
    let descriptors: [AnalyzerDescriptor]

    public struct SetupError: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    public init(_ given: [any Analyzer]) throws(SetupError) {
        var byID: [String: any Analyzer] = [:]
        for analyzer in given {
            let id = analyzer.descriptor.id
            guard byID[id] == nil else { throw SetupError(description: "two analyzers have the id '\(id)'") }
            byID[id] = analyzer
        }
        for analyzer in given {
            for required in analyzer.descriptor.requires where byID[required] == nil {
                throw SetupError(description: "analyzer '\(analyzer.descriptor.id)' requires '\(required)', which is not loaded (add it to --analyzers)")
            }
        }
        // Depth-first, in the order given: each analyzer after what it requires.
        var ordered: [any Analyzer] = []
        var done = Set<String>()
        func visit(_ id: String, path: [String]) throws(SetupError) {
            guard !done.contains(id) else { return }
            if let start = path.firstIndex(of: id) {
                throw SetupError(description: "analyzers require each other in a cycle: \((path[start...] + [id]).joined(separator: " → "))")
            }
            let analyzer = byID[id]!
            for required in analyzer.descriptor.requires { try visit(required, path: path + [id]) }
            done.insert(id)
            ordered.append(analyzer)
        }
        for analyzer in given { try visit(analyzer.descriptor.id, path: []) }
        analyzers = ordered
        descriptors = ordered.map(\.descriptor)
    }

    /// The analyzers as the report names them.
    public var infos: [AnalyzerInfo] {
        descriptors.map {
            AnalyzerInfo(id: $0.id, version: $0.version, csvFields: $0.produces.filter(\.inCSV).map(\.name), resources: $0.resources)
        }
    }

    public static let skippedForLanguage: JSONValue = ["skipped": "language"]

    /// `fallbackLanguage`: `--language`, for messages whose language neither they nor their
    /// discussion tell. `jobs`: how many threads analyze the messages; results, summaries and
    /// the order of everything are the same whatever it is.
    /// `cache`: results of messages analyzed before (`--resume`), and where to keep new ones.
    /// `summarizing`: false where only the results are read (`eval`): no tallies, no summaries.
    public func analyze(
        _ discussion: Discussion, fallbackLanguage: String? = nil, jobs: Int = 1, cache: (any ResultCache)? = nil, summarizing: Bool = true
    ) -> DiscussionAnalysis {
        let discussion = Self.withGuessedLanguage(discussion, fallback: fallbackLanguage)
        let messages = discussion.messages
        // Without analyzers nothing reads the text layer: it is not computed.
        var analyzed = [MessageAnalysis](repeating: MessageAnalysis(), count: analyzers.isEmpty ? 0 : messages.count)
        if !analyzers.isEmpty {
            // Analyzers that can fail on a message (process plugins) run in message order, so
            // that what fails does not depend on the parallelism; those before the first of them
            // run on several messages at once.
            let concurrent = analyzers.prefix { !($0 is ReportsProblems) }.count
            analyzed.withUnsafeMutableBufferPointer { slots in
                let slots = UnsafeSlots(slots)
                ForEachIndex.run(messages.count, jobs: jobs) { index in
                    if let known = cache?.results(for: messages[index], in: discussion) {
                        slots[index] = MessageAnalysis(
                            language: known.language, results: known.results,
                            tallies: summarizing ? tallies(known.results, of: messages[index], in: known.language) : [])
                        return
                    }
                    let text = TextLayer(messages[index].text)
                    let language = Self.language(of: messages[index], text: text, in: discussion, fallback: fallbackLanguage)
                    slots[index] = MessageAnalysis(text: text, language: language)
                    run(analyzers[..<concurrent], on: messages[index], into: &slots[index], tallying: summarizing)
                    cache?.store(slots[index].results, language: language, for: messages[index], in: discussion)
                }
            }
            if concurrent < analyzers.count {
                for index in messages.indices { run(analyzers[concurrent...], on: messages[index], into: &analyzed[index], tallying: summarizing) }
            }
        }
        let results = analyzed.isEmpty ? Array(repeating: [], count: messages.count) : analyzed.map(\.results)
        guard summarizing else { return DiscussionAnalysis(results: results, summary: Summaries(), authors: []) }
        return summarize(messages, results: results, tallies: analyzed.map(\.tallies))
    }

    /// Summaries from results written before (`forumlens merge`): each message's tallies as
    /// `analyze` adds them, its language guessed again the same way.
    public func summarize(_ discussion: Discussion, results: [DiscussionAnalysis.Results], fallbackLanguage: String? = nil) -> DiscussionAnalysis {
        let discussion = Self.withGuessedLanguage(discussion, fallback: fallbackLanguage)
        let given = zip(discussion.messages, results).map { message, results in
            tallies(results, of: message, in: Self.language(of: message, text: TextLayer(message.text), in: discussion, fallback: fallbackLanguage))
        }
        return summarize(discussion.messages, results: results, tallies: given)
    }

    /// The tallies of results given before (read from a report or a cache), in their order.
    private func tallies(_ results: DiscussionAnalysis.Results, of message: Message, in language: String) -> [(id: String, tally: Tally)] {
        results.compactMap { id, value in
            descriptors.firstIndex { $0.id == id }.map { (id: id, tally: Self.tally(value, by: analyzers[$0], of: message, in: language)) }
        }
    }

    /// What one result adds to the summaries: a message counted, or skipped for its language,
    /// and the analyzer's own tally, attributed to the message.
    private static func tally(_ value: JSONValue, by analyzer: any Analyzer, of message: Message, in language: String) -> Tally {
        var tally = Tally()
        guard value != skippedForLanguage else {
            tally.add("skipped")
            return tally
        }
        tally.add("messages")
        // The message in the language the analyzer read it in.
        var read = message
        read.language = language
        var own = analyzer.tally(value, of: read)
        own.attribute(to: message.id, author: message.author)
        tally.add(own)
        return tally
    }

    /// Per discussion and per author (in the order of their first message), the sums of the
    /// messages' tallies, in pipeline order.
    private func summarize(_ messages: [Message], results: [DiscussionAnalysis.Results], tallies: [[(id: String, tally: Tally)]]) -> DiscussionAnalysis {
        var summary: [String: Tally] = [:]
        var authorOrder: [String] = []
        var authors: [String: (messages: Int, summary: [String: Tally])] = [:]
        for (index, message) in messages.enumerated() {
            let author = message.author ?? ""
            if authors[author] == nil {
                authorOrder.append(author)
                authors[author] = (0, [:])
            }
            authors[author]!.messages += 1
            guard index < tallies.count else { continue }
            for (id, tally) in tallies[index] {
                summary[id, default: Tally()].add(tally)
                authors[author]!.summary[id, default: Tally()].add(tally)
            }
        }
        let ids = descriptors.map(\.id)
        func ordered(_ tallies: [String: Tally]) -> Summaries { Summaries(ids.compactMap { id in tallies[id].map { (id, $0) } }) }
        return DiscussionAnalysis(
            results: results, summary: ordered(summary),
            authors: authorOrder.map { ($0, authors[$0]!.messages, ordered(authors[$0]!.summary)) })
    }

    /// A discussion whose page tells no language takes, without `--language`, the one its
    /// messages' words tell together: a thread's short replies ("Nice work.", « top ») are in
    /// the thread's language. Its results are cached under that language.
    static func withGuessedLanguage(_ discussion: Discussion, fallback: String?) -> Discussion {
        guard discussion.language == nil, fallback == nil, !discussion.messages.isEmpty else { return discussion }
        let guess = LanguageGuess.guess(texts: discussion.messages.lazy.map(\.text))
        guard guess.confidence >= LanguageGuess.minimumConfidence else { return discussion }
        var discussion = discussion
        discussion.language = guess.code
        return discussion
    }

    /// The language analyzers take a message to be in: its text's own when the guess is sure,
    /// else the message's (its page's), the discussion's (its page's, else its messages'
    /// together), then `fallback` (`--language`).
    public static func language(of message: Message, text: TextLayer, in discussion: Discussion, fallback: String?) -> String {
        text.language.resolved(fallback: message.language ?? discussion.language ?? fallback)
    }

    /// One message's text layer, its results in pipeline order and the tallies they add.
    private struct MessageAnalysis {
        var text: TextLayer?
        var language = "und"
        var results: DiscussionAnalysis.Results = []
        var tallies: [(id: String, tally: Tally)] = []
    }

    private func run(_ analyzers: ArraySlice<any Analyzer>, on message: Message, into analysis: inout MessageAnalysis, tallying: Bool) {
        guard let text = analysis.text else { return }
        for index in analyzers.indices {
            let analyzer = analyzers[index], descriptor = descriptors[index]
            let value: JSONValue
            if descriptor.handles(analysis.language) {
                var required: [String: JSONValue] = [:]
                for (id, result) in analysis.results where descriptor.requires.contains(id) { required[id] = result }
                value = analyzer.analyze(AnalyzerInput(message: message, text: text, language: analysis.language, results: required))
            } else {
                value = Self.skippedForLanguage
            }
            analysis.results.append((descriptor.id, value))
            if tallying { analysis.tallies.append((descriptor.id, Self.tally(value, by: analyzer, of: message, in: analysis.language))) }
        }
    }

    /// What the analyzers that can fail on a message (process plugins) report since the last call.
    public func drainProblems() -> [String] {
        analyzers.flatMap { ($0 as? ReportsProblems)?.drainProblems() ?? [] }
    }

    /// Every analyzer's examples, each run through the pipeline as a one-message discussion:
    /// what each example expected and did not get.
    public func failingExamples() -> [String] {
        var failures: [String] = []
        for analyzer in analyzers {
            for example in analyzer.descriptor.examples {
                let message = Message(id: "example", position: 1, language: example.language, text: example.text)
                let discussion = Discussion(id: "examples", language: example.language, messages: [message])
                let result = analyze(discussion).results[0].first { $0.id == analyzer.descriptor.id }!.value
                if !result.contains(example.expected) {
                    failures.append("\(analyzer.descriptor.id) [\(example.language)] \"\(example.text)\": expected \(example.expected), got \(result)")
                }
            }
        }
        return failures
    }
}

/// Results of messages analyzed by an earlier run (`--resume`): what a message gave, with the
/// language it was read in, for the same message in the same discussion language.
public protocol ResultCache: Sendable {
    func results(for message: Message, in discussion: Discussion) -> (language: String, results: DiscussionAnalysis.Results)?
    func store(_ results: DiscussionAnalysis.Results, language: String, for message: Message, in discussion: Discussion)
}
