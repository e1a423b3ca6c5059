import Foundation
import Testing
@testable import ForumLensCore

@Suite struct ModelTests {
    @Test func messageUsesTheReportSchemaFieldNames() throws {
        let message = Message(
            id: "p2", position: 2, author: "Carole", authorID: "u7", published: "2010-04-30T14:02:00",
            publishedText: "30 avril 2010 à 14:02", language: "fr", text: "Bonjour",
            quotes: [Quote(author: "Eogez", text: "Salut", messageID: "p1")], replyTo: "p1", depth: 1)
        let json = String(decoding: try JSONEncoder().encode(message), as: UTF8.self)
        for key in ["\"author_id\"", "\"published_text\"", "\"reply_to\"", "\"message_id\"", "\"role\":\"post\""] {
            #expect(json.contains(key), "missing \(key) in \(json)")
        }
        let back = try JSONDecoder().decode(Message.self, from: Data(json.utf8))
        #expect(back == message)
    }
}

/// Tallies add up in any grouping: counts and sums, extremes, samples and ratios.
@Suite struct TallyTests {
    @Test func keepsTheTopValuesBestFirstAndTheFirstMetOnATie() {
        var tally = Tally()
        for (value, message) in [(0.5, "a"), (0.9, "b"), (0.5, "c"), (0.7, "d"), (0.9, "e")] {
            tally.keep("quotes", value, message: message, text: "quote \(message)", top: 3)
        }
        tally.keep("most", 1)
        #expect(tally.extremes.map(\.message) == ["b", "e", "d", nil])
        #expect(tally.extremes.first?.text == "quote b")
    }

    @Test func mergesSamplesExtremesAndRatiosAsOneRunWould() {
        var halves = [Tally(), Tally()], whole = Tally()
        for (index, value) in [300.0, 7200, 60, 1800, 900].enumerated() {
            var own = Tally([("messages", 1), ("complaints", value > 100 ? 1 : 0)])
            own.sample("seconds", value)
            own.ratio("share", "complaints", over: "messages")
            own.keep("quotes", value, message: "m\(index)", top: 2)
            halves[index % 2].add(own)
            whole.add(own)
        }
        var merged = halves[0]
        merged.add(halves[1])
        #expect(merged.extremes == whole.extremes)
        #expect(merged.extremes.map(\.message) == ["m1", "m3"])
        #expect(Tally.median(merged.samples[0].values) == 900 && merged.samples[0].values.count == 5)
        #expect(merged.value(ofRatio: merged.ratios[0]) == 0.8)
        #expect(Tally.median([1, 4, 2, 10]) == 3 && Tally.median([]) == 0)
    }
}
