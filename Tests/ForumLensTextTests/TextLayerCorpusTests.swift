import Foundation
import Testing
@testable import ForumLensText

/// The text layer on every hand-written message of `corpora/` (French and English).
@Suite struct TextLayerCorpusTests {
    static let corpora = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("corpora")

    struct Expected: Decodable {
        struct Message: Decodable { var text: String }
        var language: String?
        var messages: [Message]
    }

    static func messages() throws -> [(language: String, text: String)] {
        try FileManager.default.subpathsOfDirectory(atPath: corpora.path).filter { $0.hasSuffix(".expected.json") }.flatMap { name in
            let expected = try JSONDecoder().decode(Expected.self, from: Data(contentsOf: corpora.appendingPathComponent(name)))
            return expected.messages.map { (expected.language ?? "und", $0.text) }
        }
    }

    @Test func tokensAndSentencesCoverEachMessageInOrder() throws {
        let messages = try Self.messages()
        #expect(messages.count >= 150)
        // And capitals beyond Latin-1, Greek, Turkish dotted I, a ligature.
        for (_, text) in messages + [("und", "ŒUVRE ΣΟΦΊΑ İSTANBUL ǅemal Ĳssel ÀÉÎÕÜ ÿ ß")] {
            let layer = TextLayer(text)
            let length = text.unicodeScalars.count
            var previous = 0
            for index in layer.tokens.indices {
                let range = layer.originalRange(of: index)
                #expect(range.lowerBound >= previous && range.upperBound <= length, "\(text)")
                previous = range.upperBound
            }
            // The lowercase forms are what String gives (the tokenizer makes them its own way).
            for token in layer.tokens {
                #expect(token.lowercased == layer.text.string(token.range).lowercased(), "\(token)")
                #expect(token.key == WordKey(token.lowercased))
            }
            // Every token is in exactly one sentence, in order.
            #expect(layer.sentences.map(\.count).reduce(0, +) == layer.tokens.count)
            #expect(zip(layer.sentences, layer.sentences.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
        }
    }

    /// Messages of eight words or more: nearly all guessed in their page's language, none
    /// confidently in another.
    @Test func guessesTheLanguageOfLongerMessages() throws {
        var judged = 0
        var right = 0
        var confidentlyWrong: [String] = []
        for (language, text) in try Self.messages() where language == "fr" || language == "en" {
            let layer = TextLayer(text)
            guard layer.tokens.filter({ $0.kind == .word }).count >= 8 else { continue }
            judged += 1
            if layer.language.code == language { right += 1 }
            if layer.language.code != language, layer.language.confidence >= LanguageGuess.minimumConfidence {
                confidentlyWrong.append(String(text.prefix(60)))
            }
        }
        #expect(judged >= 100)
        #expect(Double(right) / Double(judged) >= 0.97, "\(right)/\(judged)")
        #expect(confidentlyWrong.isEmpty, "\(confidentlyWrong)")
    }
}
