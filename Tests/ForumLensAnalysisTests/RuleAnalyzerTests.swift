import ForumLensCore
import ForumLensRules
import Foundation
import Testing
@testable import ForumLensAnalysis

@Suite struct RuleAnalyzerTests {
    static let examplePlugin = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Plugins/Examples/networks.yml").path

    /// The example plugin's own examples, run through the pipeline as `analyzers test` runs them.
    @Test func theExamplePluginPassesItsExamples() throws {
        let networks = try RuleAnalyzer.load(file: Self.examplePlugin)
        #expect(networks.descriptor.id == "networks")
        #expect(networks.descriptor.examples.count == 4)
        #expect(try AnalyzerPipeline([networks]).failingExamples() == [])
    }

    @Test func reportsMentionsInTheMessagesOwnOffsets() throws {
        let networks = try RuleAnalyzer.load(file: Self.examplePlugin)
        // A zero-width space and a typographic apostrophe before the mention.
        let text = "Je\u{200B} suis sur l’appli LinkedIn depuis 2009."
        let discussion = Discussion(id: "d", language: "fr", messages: [Message(id: "m", position: 1, author: "Eogez", text: text)])
        let analyzed = try AnalyzerPipeline([networks]).analyze(discussion)
        let mention = try #require(analyzed.results[0][0].value["mentions"].flatMap { value -> JSONValue? in
            if case let .array(items) = value { return items.first }
            return nil
        })
        guard case let .number(start)? = mention["start"], case let .number(end)? = mention["end"] else {
            Issue.record("no offsets: \(mention)")
            return
        }
        let scalars = Array(text.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[Int(start) ..< Int(end)])) == "LinkedIn")
        #expect(analyzed.summary["networks"] == Tally([("messages", 1), ("mentions", 1), ("messages with mentions", 1), ("linkedin", 1)]))
    }

    @Test func boundsWhatPatternsRead() throws {
        let plugin = try RuleAnalyzer.parse("id: tags\npatterns:\n  hashtag: \"#[a-z]+\"\n", path: "tags.yml")
        let long = String(repeating: "mot ", count: RuleAnalyzer.patternInputLimit / 4) + "#tard"
        let result = try AnalyzerPipeline([plugin]).analyze(Discussion(id: "d", messages: [Message(id: "m", position: 1, text: "#tot " + long)]))
        #expect(result.results[0][0].value["count"] == 1, "only the mention inside the bound")
    }

    /// A rule file with a syntax error, a wrong type on a given line, a pattern that can
    /// backtrack catastrophically: each a message naming the file and the line.
    @Test(arguments: [
        ("id: x\nterms:\n  a: [b, c\n", 4, "not valid YAML or JSON"),
        ("id: x\nterms: 5\n", 2, "'terms' is a mapping of category → list of terms"),
        ("id: x\nterms:\n  a: [b]\nweights:\n  a: high\n", 5, "the weight of 'a' is a number"),
        ("id: x\nterms:\n  a: [b]\nweights:\n  z: 2\n", 5, "'weights' names 'z', which no term list or pattern has"),
        ("id: x\npatterns:\n  words: \"(\\\\w+\\\\s?)+$\"\n", 3, "repeats a group that repeats itself ((\\w+\\s?)+)"),
        ("id: x\npatterns:\n  bad: \"(a+)+b\"\n", 3, "repeats a group that repeats itself ((a+)+)"),
        ("id: x\npatterns:\n  broken: \"(ab\"\n", 3, "not a valid regular expression"),
        ("id: x\nterm:\n  a: [b]\n", 2, "unknown key 'term'; did you mean 'terms'?"),
        ("id: x\n", 1, "needs 'terms'"),
        ("id: x\nterms:\n  a: [b]\nexamples:\n  - {text: hi, expected: {count: 0}}\n", 5, "unknown key 'expected' in an example; did you mean 'expect'?"),
    ])
    func namesTheFileAndLineOfWhatIsWrong(_ text: String, _ line: Int, _ message: String) {
        do {
            _ = try RuleAnalyzer.parse(text, path: "rules.yml")
            Issue.record("accepted: \(text)")
        } catch {
            #expect(error.line == line, "\(error)")
            #expect(error.message.contains(message), "\(error)")
            #expect(error.description.hasPrefix("rules.yml:\(line): "), "\(error)")
        }
    }

    @Test func acceptsPatternsThatRepeatNoRepetition() {
        for pattern in ["#[a-z]+", "(ab)+", "(a|b)*c", "\\d{1,3}(,\\d{3})*", "([a-z]+) ([a-z]+)", "(a+)?", "[(+)]+"] {
            #expect(RuleAnalyzer.nestedQuantifier(pattern) == nil, "\(pattern)")
        }
        for pattern in ["(a+)+", "(a*)*", "((ab)+)+", "(\\w+\\s?)*", "(x+y)+", "(a{2,})+"] {
            #expect(RuleAnalyzer.nestedQuantifier(pattern) != nil, "\(pattern)")
        }
    }
}
