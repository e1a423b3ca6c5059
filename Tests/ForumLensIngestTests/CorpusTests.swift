import Foundation
import Testing
import ForumLensCore
@testable import ForumLensIngest

/// The generic extractor on the repository's own corpus: pages written to each engine's real
/// templates, with expected messages written by hand from the page (corpora/*/INDEX.md).
/// Engine extractors will have to be exact; the generic one is held to these floors.
@Suite struct CorpusTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    struct Expected: Decodable {
        struct ExpectedQuote: Decodable {
            var author: String?
            var text: String
        }

        struct ExpectedMessage: Decodable {
            var id: String?
            var role: String
            var author: String?
            var published: String?
            var text: String
            var quotes: [ExpectedQuote]
            var reply_to: String?
        }

        var source: String
        /// The site profile the page is read with (a page of a forum no extractor knows).
        var profile: String?
        var messages: [ExpectedMessage]
    }

    /// Field by field tallies over every expected message of the corpus.
    struct Tally: CustomStringConvertible {
        var expected = 0
        var predicted = 0
        var matched = 0
        var author = 0
        var text = 0
        var published = 0
        var quotes = 0
        var role = 0
        var replyTo = 0
        var misses: [String] = []

        func share(_ count: Int) -> Double { Double(count) / Double(max(1, matched)) }

        var description: String {
            "expected \(expected), predicted \(predicted), matched \(matched); author \(author), text \(text), "
                + "published \(published), quotes \(quotes), role \(role), reply_to \(replyTo)\n"
                + misses.prefix(25).joined(separator: "\n")
        }
    }

    static func collapsed(_ text: String?) -> String {
        (text ?? "").split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The same instant written with `Z` or `+00:00`.
    static func instant(_ iso: String?) -> String? {
        iso.map { $0.hasSuffix("Z") ? String($0.dropLast()) + "+00:00" : $0 }
    }

    /// A page read as `forumlens split --merge none --engine generic` (or `--profile FILE`, or
    /// with the extractor given) reads it; replies resolved on assembly.
    static func read(_ page: URL, profile: URL? = nil, extractor: any Extractor = GenericExtractor()) throws -> [Message] {
        var options = IngestOptions()
        options.extractor = extractor
        if let profile {
            let loaded = try SiteProfile.load(file: profile.path)
            options.extractor = ExtractorChoice(profiles: [loaded])
            options.keptAttributes = options.keptAttributes.adding(loaded.attributeNames)
        }
        var assembler = DiscussionAssembler(mode: .none)
        let read = InputReader.read(InputItem(path: page.path, kind: .page), options: options)
        return assembler.add(read, order: 0).flatMap(\.messages)
    }

    /// Every expected page of the corpus: those read by the generic extractor, or those read
    /// with a site profile.
    static func tally(profiles: Bool = false, extractor: any Extractor = GenericExtractor(), only: (String) -> Bool = { _ in true }) throws -> Tally {
        var tally = Tally()
        let pages = try FileManager.default.subpathsOfDirectory(atPath: root.appendingPathComponent("corpora").path)
            .filter { $0.hasSuffix(".expected.json") }.sorted()
        #expect(pages.count >= 13, "corpora/ should hold at least 12 pages for the extractors and one for a profile")
        for name in pages {
            let url = root.appendingPathComponent("corpora").appendingPathComponent(name)
            let expected = try JSONDecoder().decode(Expected.self, from: Data(contentsOf: url))
            guard (expected.profile != nil) == profiles, only(name) else { continue }
            let folder = url.deletingLastPathComponent()
            let predicted = try read(
                folder.appendingPathComponent(expected.source), profile: expected.profile.map(folder.appendingPathComponent),
                extractor: extractor)
            tally.expected += expected.messages.count
            tally.predicted += predicted.count
            // Align in order on the first words, as the shared metric does.
            var next = 0
            var positionOfExpected: [String: Int] = [:]
            var pairs: [(Expected.ExpectedMessage, Message)] = []
            for message in expected.messages {
                let key = String(collapsed(message.text).prefix(40))
                guard let found = predicted[next...].firstIndex(where: { collapsed($0.text).hasPrefix(key) }) else {
                    tally.misses.append("\(expected.source): missing \(message.author ?? "-"): \(key)")
                    continue
                }
                next = found + 1
                if let id = message.id { positionOfExpected[id] = pairs.count }
                pairs.append((message, predicted[found]))
            }
            let positionOfPredicted = Dictionary(pairs.enumerated().map { ($0.element.1.id, $0.offset) }) { first, _ in first }
            for (message, got) in pairs {
                tally.matched += 1
                func check(_ ok: Bool, _ field: String, _ want: String?, _ have: String?) -> Int {
                    if !ok { tally.misses.append("\(expected.source) \(message.author ?? "-") \(field): want \(want ?? "nil"), got \(have ?? "nil")") }
                    return ok ? 1 : 0
                }
                tally.author += check(got.author == message.author, "author", message.author, got.author)
                tally.text += check(collapsed(got.text) == collapsed(message.text), "text",
                                    String(collapsed(message.text).suffix(50)), String(collapsed(got.text).suffix(50)))
                tally.published += check(instant(got.published) == instant(message.published), "published", message.published, got.published)
                let quotesOK = got.quotes.map(\.author) == message.quotes.map(\.author)
                    && got.quotes.map { collapsed($0.text) } == message.quotes.map { collapsed($0.text) }
                tally.quotes += check(quotesOK, "quotes", "\(message.quotes.map(\.author))", "\(got.quotes.map(\.author))")
                tally.role += check(got.role.rawValue == message.role, "role", message.role, got.role.rawValue)
                // Replies compared by the position of the message they answer.
                let want = message.reply_to.flatMap { positionOfExpected[$0] }
                let have = got.replyTo.flatMap { positionOfPredicted[$0] }
                tally.replyTo += check(want == have, "reply_to", message.reply_to, got.replyTo)
            }
        }
        return tally
    }

    /// Pages only an engine can read: phpBB 2's subSilver wraps no post in an element of its
    /// own (a post is two table cells), so no repeated container holds author, date and text.
    static let engineOnly: Set<String> = ["fr/phpbb2-subsilver-cv.expected.json"]

    /// The generic extractor alone, on every other page (engines read them exactly, see
    /// EngineTests): floors, lower for authors and replies since the corpus holds Hacker News,
    /// whose thread shows only in indents, and Stack Exchange, whose answers answer the question.
    @Test func genericExtractorReadsTheCorpus() throws {
        let tally = try Self.tally { !Self.engineOnly.contains($0) }
        #expect(tally.matched == tally.expected, "\(tally)")
        #expect(tally.predicted == tally.expected, "\(tally)")
        #expect(tally.share(tally.author) >= 0.97, "\(tally)")
        #expect(tally.share(tally.text) >= 0.95, "\(tally)")
        #expect(tally.share(tally.published) >= 0.93, "\(tally)")
        #expect(tally.share(tally.quotes) >= 0.93, "\(tally)")
        #expect(tally.share(tally.role) == 1, "\(tally)")
        #expect(tally.share(tally.replyTo) >= 0.80, "\(tally)")
    }

    /// A forum no extractor knows, read by its profile file alone: every field as expected
    /// (the generic extractor leaves its quotes in the text).
    @Test func aProfileReadsAForumNoExtractorKnows() throws {
        let tally = try Self.tally(profiles: true)
        #expect(tally.expected >= 5)
        for count in [tally.predicted, tally.matched, tally.author, tally.text, tally.published, tally.quotes, tally.role, tally.replyTo] {
            #expect(count == tally.expected, "\(tally)")
        }
        let page = Self.root.appendingPathComponent("corpora/profiles/bulletin-du-lac.html")
        #expect(try Self.read(page).contains { $0.quotes.isEmpty && $0.text.contains(" a dit :") }, "the generic reading")
    }
}
