import Foundation
import Testing
import ForumLensCore
@testable import ForumLensIngest

/// The generic extractor on the real pages of ../shared/data/forums-dev (25 pages, 15+
/// engines), scored as ../shared/eval/forum_split_metrics.py scores them. The data is read in
/// place (licences: never copied) and the suite skips when it is absent.
@Suite struct DevSetTests {
    static let folder = CorpusTests.root.deletingLastPathComponent().appendingPathComponent("shared/data/forums-dev")
    static let available = FileManager.default.fileExists(atPath: folder.path)

    struct Truth: Decodable {
        struct TruthMessage: Decodable {
            var author: String?
            var date_as_displayed: String?
            var first_80_chars_of_own_body_text: String
        }

        var language: String
        var messages: [TruthMessage]
    }

    /// The metric's normalisation: NFKC, no zero-width characters, collapsed whitespace, lowercase.
    static func normalized(_ text: String?) -> String {
        let invisible: Set<Unicode.Scalar> = ["\u{200B}", "\u{200C}", "\u{200D}", "\u{2060}", "\u{FEFF}", "\u{00AD}"]
        let compatible = (text ?? "").precomposedStringWithCompatibilityMapping
        let visible = String(String.UnicodeScalarView(compatible.unicodeScalars.filter { !invisible.contains($0) }))
        return visible.split(whereSeparator: \.isWhitespace).joined(separator: " ").lowercased()
    }

    static func matches(_ predicted: Message, _ key: String) -> Bool {
        let text = normalized(predicted.text)
        if key.isEmpty { return text.isEmpty }
        return text.hasPrefix(key) || text.filter { !$0.isWhitespace }.hasPrefix(key.filter { !$0.isWhitespace })
    }

    /// Order-preserving maximum matching (the metric's dynamic programme).
    static func align(_ truth: [Truth.TruthMessage], _ predicted: [Message]) -> [(Int, Int)] {
        let keys = truth.map { message -> String in
            let key = String(normalized(message.first_80_chars_of_own_body_text).prefix(80))
            return key.count >= 80 ? key : String(key.prefix(40))
        }
        let n = truth.count
        let k = predicted.count
        var best = Array(repeating: Array(repeating: 0, count: k + 1), count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: k - 1, through: 0, by: -1) {
                var value = max(best[i + 1][j], best[i][j + 1])
                if matches(predicted[j], keys[i]) { value = max(value, best[i + 1][j + 1] + 1) }
                best[i][j] = value
            }
        }
        var pairs: [(Int, Int)] = []
        var i = 0
        var j = 0
        while i < n, j < k {
            if matches(predicted[j], keys[i]), best[i][j] == best[i + 1][j + 1] + 1 {
                pairs.append((i, j))
                i += 1
                j += 1
            } else if best[i + 1][j] >= best[i][j + 1] {
                i += 1
            } else {
                j += 1
            }
        }
        return pairs
    }

    struct Score {
        var truth = 0, predicted = 0, matched = 0, authors = 0, dated = 0, datesFilled = 0
        /// Per page: matched messages and right authors.
        var pages: [String: (matched: Int, authors: Int, predicted: Int, truth: Int)] = [:]

        var f1: Double {
            let precision = Double(matched) / Double(max(1, predicted))
            let recall = Double(matched) / Double(max(1, truth))
            return 2 * precision * recall / max(precision + recall, .ulpOfOne)
        }
        var authorAccuracy: Double { Double(authors) / Double(max(1, matched)) }
        var summary: String {
            pages.sorted { $0.key < $1.key }.map { "\($0.key): truth \($0.value.truth), predicted \($0.value.predicted), matched \($0.value.matched), authors \($0.value.authors)" }
                .joined(separator: "\n")
        }
    }

    /// Every page read with `extractor`, scored as the metric scores it.
    static func score(_ extractor: any Extractor) throws -> Score {
        var score = Score()
        let pages = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".truth.json") }.sorted()
        for name in pages {
            let truth = try JSONDecoder().decode(Truth.self, from: Data(contentsOf: folder.appendingPathComponent(name)))
            let page = folder.appendingPathComponent(String(name.dropLast(".truth.json".count)) + ".html")
            let predicted = try CorpusTests.read(page, extractor: extractor)
            let pairs = align(truth.messages, predicted)
            let authors = pairs.filter { normalized(truth.messages[$0.0].author) == normalized(predicted[$0.1].author) }.count
            score.truth += truth.messages.count
            score.predicted += predicted.count
            score.matched += pairs.count
            score.authors += authors
            if ["fr", "en", "de", "it", "pt"].contains(truth.language) {
                score.dated += truth.messages.filter { $0.date_as_displayed != nil }.count
                score.datesFilled += pairs.filter { truth.messages[$0.0].date_as_displayed != nil && predicted[$0.1].published != nil }.count
            }
            score.pages[String(name.dropLast(".truth.json".count))] = (pairs.count, authors, predicted.count, truth.messages.count)
        }
        return score
    }

    @Test(.enabled(if: available, "../shared/data/forums-dev is absent"))
    func genericExtractorMeetsTheDevSetTargets() throws {
        let score = try Self.score(GenericExtractor())
        #expect(score.f1 >= 0.85, "message F1 \(score.f1)\n\(score.summary)")
        #expect(score.authorAccuracy >= 0.85, "author accuracy \(score.authors)/\(score.matched)")
        #expect(Double(score.datesFilled) / Double(max(1, score.dated)) >= 0.90, "published filled \(score.datesFilled)/\(score.dated)")
    }

    /// A post's action links (Agreper's `reply` after every comment, bbPress's `a.reply`) are
    /// not its author's words.
    @Test(.enabled(if: available, "../shared/data/forums-dev is absent"))
    func noMessageEndsWithAnActionLink() throws {
        for page in ["agreper-en-1", "bbpress-en-2"] {
            let messages = try CorpusTests.read(Self.folder.appendingPathComponent(page + ".html"), extractor: ExtractorChoice())
            #expect(!messages.isEmpty)
            // The link stood on a line of its own; "reply my own reply" is a message's words.
            for message in messages {
                #expect(!message.text.lowercased().hasSuffix("\nreply"), "\(page) \(message.id): …\(message.text.suffix(60))")
            }
        }
    }

    /// With the extractor chosen per page (engines where they recognise the page): the
    /// targets of the engine issue, and no page read worse than the generic extractor reads it.
    @Test(.enabled(if: available, "../shared/data/forums-dev is absent"))
    func automaticChoiceMeetsTheEngineTargets() throws {
        let automatic = try Self.score(ExtractorChoice())
        let generic = try Self.score(GenericExtractor())
        #expect(automatic.f1 >= 0.95, "message F1 \(automatic.f1)\n\(automatic.summary)")
        #expect(automatic.authorAccuracy >= 0.95, "author accuracy \(automatic.authors)/\(automatic.matched)\n\(automatic.summary)")
        #expect(Double(automatic.datesFilled) / Double(max(1, automatic.dated)) >= 0.90)
        for (page, read) in automatic.pages {
            let before = generic.pages[page]!
            #expect(read.matched - max(0, read.predicted - read.truth) >= before.matched - max(0, before.predicted - before.truth), "\(page): \(read) against \(before)")
            #expect(read.authors >= before.authors, "\(page): \(read) against \(before)")
        }
    }
}
