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

    @Test(.enabled(if: available, "../shared/data/forums-dev is absent"))
    func genericExtractorMeetsTheDevSetTargets() throws {
        var truthCount = 0
        var predictedCount = 0
        var matched = 0
        var authors = 0
        var dated = 0
        var datesFilled = 0
        var perPage: [String] = []
        let pages = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path)
            .filter { $0.hasSuffix(".truth.json") }.sorted()
        for name in pages {
            let truth = try JSONDecoder().decode(Truth.self, from: Data(contentsOf: Self.folder.appendingPathComponent(name)))
            let page = Self.folder.appendingPathComponent(String(name.dropLast(".truth.json".count)) + ".html")
            let predicted = try CorpusTests.read(page)
            let pairs = Self.align(truth.messages, predicted)
            truthCount += truth.messages.count
            predictedCount += predicted.count
            matched += pairs.count
            authors += pairs.filter { Self.normalized(truth.messages[$0.0].author) == Self.normalized(predicted[$0.1].author) }.count
            if ["fr", "en", "de", "it", "pt"].contains(truth.language) {
                let withDate = pairs.filter { truth.messages[$0.0].date_as_displayed != nil }
                dated += truth.messages.filter { $0.date_as_displayed != nil }.count
                datesFilled += withDate.filter { predicted[$0.1].published != nil }.count
            }
            perPage.append("\(name): truth \(truth.messages.count), predicted \(predicted.count), matched \(pairs.count)")
        }
        let precision = Double(matched) / Double(max(1, predictedCount))
        let recall = Double(matched) / Double(max(1, truthCount))
        let f1 = 2 * precision * recall / max(precision + recall, .ulpOfOne)
        let summary = perPage.joined(separator: "\n")
        #expect(f1 >= 0.85, "message F1 \(f1)\n\(summary)")
        #expect(Double(authors) / Double(max(1, matched)) >= 0.85, "author accuracy \(authors)/\(matched)")
        #expect(Double(datesFilled) / Double(max(1, dated)) >= 0.90, "published filled \(datesFilled)/\(dated)")
    }
}
