import ForumLensCore

/// `report.md`: per discussion, its participants, mood, time-cost complaints with quotes and
/// advice themes ranked with quotes, readable as it is in a forum post or a wiki; the corpus in
/// numbers at the end. Text from the pages is escaped so that it stays text.
public struct MarkdownReportWriter: ReportWriter {
    private let sink: OutputSink
    private var discussions = 0

    public init(sink: OutputSink) throws {
        self.sink = sink
        try sink.write("# ForumLens report\n\n")
    }

    public mutating func write(_ discussion: Discussion, analysis: DiscussionAnalysis?) throws {
        discussions += 1
        let digest = DiscussionDigest(discussion, analysis)
        var out = "## " + Self.inline(discussion.title ?? discussion.sources.first ?? discussion.id) + "\n\n"
        var facts = [DiscussionDigest.counted(discussion.messages.count, "message"), DiscussionDigest.counted(digest.namedParticipants, "participant")]
        if let first = digest.firstDate, let last = digest.lastDate { facts.append("from \(first.prefix(10)) to \(last.prefix(10))") }
        if let engine = discussion.engine { facts.append(engine) }
        if let url = discussion.url { facts.append(url.contains { $0 == " " || $0 == ">" || $0 == "<" } ? Self.inline(url) : "<\(url)>") }
        out += facts.joined(separator: " · ") + "\n\n"
        if !digest.participants.isEmpty {
            out += "### Participants\n\n| author | messages | mood | time-cost complaints | advice | themes |\n| --- | ---: | ---: | ---: | ---: | --- |\n"
            for participant in digest.participants {
                out += "| \(Self.inline(participant.author)) | \(participant.messages) | \(participant.meanSentiment.map { Self.signed($0) } ?? "") | "
                out += "\(participant.complaints.map(String.init) ?? "") | \(participant.advice.map(String.init) ?? "") | \(Self.inline(participant.themes.joined(separator: ", "))) |\n"
            }
            out += "\n"
        }
        if let mood = digest.mood {
            out += "### Mood\n\nMean sentiment \(Self.signed(mood.mean)) (−1 to 1): \(mood.positive) positive, \(mood.neutral) neutral, \(mood.negative) negative messages.\n\n"
            for (name, quote) in [("Most positive", digest.mostPositive), ("Most negative", digest.mostNegative)] {
                guard let quote else { continue }
                out += "- \(name) (\(Self.signed(quote.value))), \(Self.inline(quote.author)): \(Self.inline(quote.text))\n"
            }
            out += "\n"
        }
        if digest.timeCostRead {
            out += "### Time-cost complaints\n\n"
            if digest.complaints.isEmpty {
                out += "None.\n\n"
            } else {
                let share = digest.complaintShare.map { " (\(DiscussionDigest.percent($0)) of messages)" } ?? ""
                out += "\(DiscussionDigest.complaining(digest.complaints.count)) that something costs them time\(share)"
                out += digest.medianPerDay.map { "; the median time cited is \(DiscussionDigest.hours($0)) a day" } ?? ""
                out += ".\n\n| author | complaint | time | about |\n| --- | --- | --- | --- |\n"
                for complaint in digest.complaints {
                    out += "| \(Self.inline(complaint.author)) | \(Self.inline(complaint.sentence)) | \(Self.inline(complaint.time ?? "")) | \(Self.inline(complaint.target ?? "")) |\n"
                }
                out += "\n"
            }
        }
        for (title, groups) in [("Advice themes", digest.themes), ("Other advice, grouped by what it shares", digest.discovered)] where !groups.isEmpty {
            out += "### \(title)\n\n"
            for (rank, group) in groups.enumerated() {
                out += "\(rank + 1). **\(Self.inline(group.label))**: \(group.count) (\(Self.inline(group.authors.joined(separator: ", "))))\n"
                for quote in group.quotes { out += "   - « \(Self.inline(quote.text)) » (\(Self.inline(quote.author ?? "?")))\n" }
            }
            out += "\n"
        }
        for (id, counts) in digest.otherCounts {
            out += "### \(Self.inline(id))\n\n" + counts.map { "\(Self.inline($0.name)): \(Self.number($0.value))" }.joined(separator: " · ") + "\n\n"
        }
        try sink.write(out)
    }

    public mutating func finish(_ run: RunRecord) throws {
        var out = "## Corpus\n\n\(DiscussionDigest.counted(run.summary.discussions, "discussion")), \(DiscussionDigest.counted(run.summary.messages, "message"))"
        out += run.analyzers.isEmpty ? "." : "; analyzers: " + run.analyzers.map { "\($0.id) \($0.version)" }.joined(separator: ", ") + "."
        if !run.problems.isEmpty { out += " \(DiscussionDigest.counted(run.problems.count, "problem")) (see report.json)." }
        out += "\n\nWritten by \(Tool.current.name) \(Tool.current.version).\n"
        try sink.write(out)
        try sink.commit()
    }

    public func abandon() { sink.abandon() }

    /// Text as Markdown shows it and nothing more: no emphasis, code, link, table cell or HTML
    /// (the characters that make them are escaped; lines are joined, so nothing starts a line).
    /// On UTF-8 bytes: all of them are ASCII.
    static func inline(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 8)
        for byte in text.utf8 {
            switch byte {
            case 0x0A, 0x0D: out.append(0x20); continue
            case UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "["), UInt8(ascii: "]"),
                 UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "|"), UInt8(ascii: "~"):
                out.append(UInt8(ascii: "\\"))
            default: break
            }
            out.append(byte)
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func signed(_ value: Double) -> String { DiscussionDigest.signed(value) }

    static func number(_ value: Double) -> String { DiscussionDigest.number(value) }
}
