import ForumLensCore
import ForumLensText
import Testing
@testable import ForumLensAnalysis

/// Two small analyzers for the pipeline's tests: words per message, and, reading it, whether a
/// message is long.
private struct WordCounter: Analyzer {
    var languages: Set<String> = []
    var descriptor: AnalyzerDescriptor {
        AnalyzerDescriptor(
            id: "words", version: "1.0.0", summary: "Words per message", languages: languages,
            produces: [.init("count", "word tokens")],
            examples: [.init("fr", "Pas de miracle pour l'instant.", ["count": 6]), .init("en", "Not worth it", ["count": 3])])
    }
    func analyze(_ input: AnalyzerInput) -> JSONValue {
        ["count": .number(Double(input.text.tokens.filter { $0.kind == .word || $0.kind == .clitic }.count))]
    }
    func tally(_ result: JSONValue) -> Tally {
        guard case let .number(count)? = result["count"] else { return Tally() }
        return Tally([("words", count)])
    }
}

private struct LongMessages: Analyzer {
    var requires = ["words"]
    var id = "long"
    var descriptor: AnalyzerDescriptor {
        AnalyzerDescriptor(
            id: id, version: "1.0.0", summary: "Messages of ten words or more", requires: requires,
            produces: [.init("long", "ten words or more")], examples: [.init("en", "Short one", ["long": false])])
    }
    func analyze(_ input: AnalyzerInput) -> JSONValue {
        guard case let .number(count)? = input.results["words"]?["count"] else { return ["long": nil] }
        return ["long": .bool(count >= 10)]
    }
    func tally(_ result: JSONValue) -> Tally { result["long"] == true ? Tally([("long", 1)]) : Tally() }
}

@Suite struct AnalyzerPipelineTests {
    static let discussion = Discussion(id: "d1", language: "fr", messages: [
        Message(id: "m1", position: 1, author: "Eogez", text: "Je me suis inscrit sur Viadeo, LinkedIn, Facebook et Twitter : c'est chronophage."),
        Message(id: "m2", position: 2, author: "Carole", text: "Fixez-vous des priorités."),
        Message(id: "m3", position: 3, author: "Eogez", text: "Merci Carole, je vais essayer de m'y tenir cette semaine."),
    ])

    @Test func runsAnalyzersAfterWhatTheyRequire() throws {
        let pipeline = try AnalyzerPipeline([LongMessages(), WordCounter()])
        #expect(pipeline.analyzers.map(\.descriptor.id) == ["words", "long"])
        let analyzed = pipeline.analyze(Self.discussion)
        #expect(analyzed.results.map { $0.map(\.id) } == Array(repeating: ["words", "long"], count: 3))
        #expect(analyzed.results[0][1].value == ["long": true])
        #expect(analyzed.results[1][1].value == ["long": false])
    }

    /// Messages analyzed on several threads: the same results, in the same order, and the same
    /// summaries as on one.
    @Test func severalJobsGiveWhatOneGives() throws {
        let texts = Self.discussion.messages.map(\.text) + ["", "Not worth it, really not.", String(repeating: "mot ", count: 300)]
        let many = Discussion(id: "d2", language: "fr", messages: (0..<240).map { index in
            Message(id: "m\(index)", position: index + 1, author: "a\(index % 7)", text: texts[index % texts.count])
        })
        let pipeline = try AnalyzerPipeline([WordCounter(), LongMessages()])
        func flat(_ analysis: DiscussionAnalysis) -> [[String]] { analysis.results.map { $0.map { "\($0.id)=\($0.value)" } } }
        let one = pipeline.analyze(many, jobs: 1)
        for jobs in [2, 4, 300] {
            let several = pipeline.analyze(many, jobs: jobs)
            #expect(flat(several) == flat(one))
            #expect(several.summary == one.summary)
            #expect(several.authors.map(\.author) == one.authors.map(\.author))
            #expect(several.authors.map(\.summary) == one.authors.map(\.summary))
        }
        #expect(one.summary["long"]?["long"] == 120, "3 long texts of 6, 40 times each")
        // Where only the results are read (eval), the same results without summaries.
        let unsummarized = pipeline.analyze(many, jobs: 2, summarizing: false)
        #expect(flat(unsummarized) == flat(one) && unsummarized.summary.entries.isEmpty && unsummarized.authors.isEmpty)
    }

    @Test func refusesWhatCannotRunWithAClearMessage() {
        #expect(throws: AnalyzerPipeline.SetupError.self) { try AnalyzerPipeline([LongMessages()]) }
        do {
            _ = try AnalyzerPipeline([LongMessages()])
        } catch {
            #expect(error.description == "analyzer 'long' requires 'words', which is not loaded (add it to --analyzers)")
        }
        do {
            _ = try AnalyzerPipeline([LongMessages(requires: ["b"], id: "a"), LongMessages(requires: ["a"], id: "b")])
            Issue.record("a cycle was accepted")
        } catch {
            #expect(error.description == "analyzers require each other in a cycle: a → b → a")
        }
        do {
            _ = try AnalyzerPipeline([WordCounter(), WordCounter()])
            Issue.record("two analyzers with one id were accepted")
        } catch {
            #expect(error.description == "two analyzers have the id 'words'")
        }
    }

    @Test func summariesAreSumsThatMerge() throws {
        let pipeline = try AnalyzerPipeline([WordCounter(), LongMessages()])
        let whole = pipeline.analyze(Self.discussion)
        #expect(whole.summary["words"] == Tally([("messages", 3), ("words", 27)]))
        #expect(whole.summary["long"] == Tally([("messages", 3), ("long", 2)]))
        #expect(whole.authors.map(\.author) == ["Eogez", "Carole"])
        #expect(whole.authors.map(\.messages) == [2, 1])
        #expect(whole.authors[0].summary["long"] == Tally([("messages", 2), ("long", 2)]))
        // Two runs over halves add up to the run over the whole.
        var first = Self.discussion, second = Self.discussion
        first.messages = Array(Self.discussion.messages.prefix(2))
        second.messages = Array(Self.discussion.messages.dropFirst(2))
        var merged = pipeline.analyze(first).summary
        merged.add(pipeline.analyze(second).summary)
        #expect(merged == whole.summary)
    }

    @Test func skipsMessagesInLanguagesAnAnalyzerDoesNotRead() throws {
        let pipeline = try AnalyzerPipeline([WordCounter(languages: ["en"])])
        var mixed = Self.discussion
        mixed.messages.append(Message(id: "m4", position: 4, author: "Sam", text: "I was on five networks and none of them helped me at all."))
        let analyzed = pipeline.analyze(mixed)
        #expect(analyzed.results.map { $0[0].value == AnalyzerPipeline.skippedForLanguage } == [true, true, true, false])
        #expect(analyzed.summary["words"] == Tally([("skipped", 3), ("messages", 1), ("words", 13)]))
    }

    /// A page that tells no language: its short replies take the language of the thread's words
    /// together, unless `--language` says otherwise; merge's summaries read them the same way.
    @Test func shortRepliesTakeTheThreadsLanguage() throws {
        let pipeline = try AnalyzerPipeline([WordCounter(languages: ["en"])])
        let thread = Discussion(id: "d3", messages: [
            Message(id: "m1", position: 1, text: "I have been building a small forum engine for a year and this is the first release of it."),
            Message(id: "m2", position: 2, text: "Nice work."),
            Message(id: "m3", position: 3, text: "Cool project!"),
        ])
        let analyzed = pipeline.analyze(thread)
        #expect(analyzed.results.allSatisfy { $0[0].value != AnalyzerPipeline.skippedForLanguage })
        #expect(pipeline.summarize(thread, results: analyzed.results).summary == analyzed.summary)
        // Told otherwise, the short replies are French, and skipped; the long one says English itself.
        let told = pipeline.analyze(thread, fallbackLanguage: "fr")
        #expect(told.results.map { $0[0].value == AnalyzerPipeline.skippedForLanguage } == [false, true, true])
    }

    @Test func runsEachAnalyzersExamples() throws {
        #expect(try AnalyzerPipeline([WordCounter(), LongMessages()]).failingExamples().isEmpty)
        struct Wrong: Analyzer {
            var descriptor: AnalyzerDescriptor {
                AnalyzerDescriptor(id: "wrong", version: "0", summary: "", produces: [], examples: [.init("fr", "Bonjour", ["ok": true])])
            }
            func analyze(_ input: AnalyzerInput) -> JSONValue { ["ok": false] }
            func tally(_ result: JSONValue) -> Tally { Tally() }
        }
        let failures = try AnalyzerPipeline([Wrong()]).failingExamples()
        #expect(failures == [#"wrong [fr] "Bonjour": expected {"ok":true}, got {"ok":false}"#])
    }
}
