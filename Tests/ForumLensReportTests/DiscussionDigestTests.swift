import Foundation
import ForumLensCore
import Testing
@testable import ForumLensReport

@Suite struct DiscussionDigestTests {
    /// Scores (3 decimals, many exactly halfway at 2), means of them, shares, and values that
    /// printf rounds by their binary expansion (0.125 → 0.12, 0.135 → 0.14, 1.005 → 1.00).
    static let values: [Double] = {
        let scores: [Double] = (-1000 ... 1000).map { Double($0) / 1000 }
        let fractions: [Double] = (1 ... 300).map { 1 / Double($0) } + (0 ... 200).map { Double($0) / 7 }
        let edges: [Double] = [0.125, 0.135, 0.145, 1.005, 2.675, 0.5, 1.5, 2.5, 99.995, 123456.789, 1e-9, -0.0, 0.999, 0.9999]
        return scores + fractions + edges
    }()

    @Test func numbersAreWrittenAsPrintfWritesThem() {
        for value in Self.values {
            #expect(DiscussionDigest.signed(value) == String(format: "%+.2f", value), "\(value)")
            #expect(DiscussionDigest.number(value) == (value == value.rounded() ? String(Int(value)) : String(format: "%.3f", value)), "\(value)")
            if value.sign == .plus { #expect(DiscussionDigest.percent(value) == String(format: "%.0f%%", value * 100), "\(value)") }
        }
    }

    /// Messages without a name are one participant, shown "?" as the charts show them.
    @Test func unnamedParticipantsShowAsAQuestionMark() {
        let discussion = Discussion(id: "d", messages: [
            Message(id: "m1", position: 1, author: "Karine", text: "Bonjour"), Message(id: "m2", position: 2, text: "Salut"),
        ])
        let analysis = DiscussionAnalysis(
            results: [[], []], summary: Summaries(), authors: [("Karine", 1, Summaries()), ("", 1, Summaries())])
        let digest = DiscussionDigest(discussion, analysis)
        #expect(digest.participants.map(\.author) == ["Karine", "?"])
        // The facts count who wrote by name, in Markdown and HTML alike.
        #expect(digest.namedParticipants == 1)
    }

    /// A thread time-cost could not read (its language) has no complaints to show, not none.
    @Test func analyzersThatReadNothingShowNothing() {
        let discussion = Discussion(id: "d", messages: [Message(id: "m1", position: 1, author: "Li", text: "你好")])
        let skipped = Summaries([("time-cost", Tally([("skipped", 1)])), ("advice", Tally([("skipped", 1)]))])
        let digest = DiscussionDigest(discussion, DiscussionAnalysis(results: [[]], summary: skipped, authors: [("Li", 1, skipped)]))
        #expect(!digest.timeCostRead)
        #expect(digest.participants.first?.complaints == nil && digest.participants.first?.advice == nil)
        let read = Summaries([("time-cost", Tally([("messages", 1)])), ("advice", Tally([("messages", 1), ("items", 2)]))])
        let readDigest = DiscussionDigest(discussion, DiscussionAnalysis(results: [[]], summary: read, authors: [("Li", 1, read)]))
        #expect(readDigest.timeCostRead)
        #expect(readDigest.participants.first?.complaints == 0 && readDigest.participants.first?.advice == 2)
    }

    @Test func examples() {
        #expect(DiscussionDigest.signed(0.17) == "+0.17")
        #expect(DiscussionDigest.signed(-0.05) == "-0.05")
        #expect(DiscussionDigest.number(12) == "12")
        #expect(DiscussionDigest.number(-1 / 3) == "-0.333")
        #expect(DiscussionDigest.percent(0.375) == "38%")
        #expect(DiscussionDigest.counted(1, "message") == "1 message" && DiscussionDigest.counted(0, "problem") == "0 problems")
        #expect(DiscussionDigest.complaining(1) == "1 message complains" && DiscussionDigest.complaining(3) == "3 messages complain")
    }
}
