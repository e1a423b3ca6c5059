import ForumLensCore

/// What the reports people read show of a discussion, read once from its messages, results and
/// summaries: participants, mood and its timeline, time-cost complaints, advice themes. The
/// Markdown and HTML writers lay it out; analyzers other than the built-ins appear as their
/// summary counts.
struct DiscussionDigest {
    struct Participant {
        var author: String
        var messages: Int
        var meanSentiment: Double?
        /// nil where the analyzer read none of the author's messages (their language).
        var complaints: Int?
        var advice: Int?
        var themes: [String]
    }

    struct Point {
        var messageID: String
        var position: Int
        var author: String
        var published: String?
        var score: Double
    }

    struct Complaint {
        var messageID: String
        var author: String
        var sentence: String
        var time: String?
        var target: String?
    }

    struct Quote {
        var messageID: String
        var author: String
        var text: String
        var value: Double
    }

    var participants: [Participant] = []
    /// How many people wrote, by name (messages without one are not counted as someone).
    var namedParticipants = 0
    /// Sentiment per message, in the discussion's order (when sentiment ran).
    var timeline: [Point] = []
    var mood: (mean: Double, positive: Int, neutral: Int, negative: Int)?
    var mostPositive: Quote?
    var mostNegative: Quote?
    /// Whether time-cost read any message: a thread in a language it does not read has no
    /// complaints to show, rather than none.
    var timeCostRead = false
    var complaints: [Complaint] = []
    var complaintShare: Double?
    var medianPerDay: Double?
    var themes: [Tally.Grouped] = []
    var discovered: [Tally.Grouped] = []
    /// Other analyzers' plain counts, by analyzer id.
    var otherCounts: [(id: String, counts: [(name: String, value: Double)])] = []
    var firstDate: String?
    var lastDate: String?

    init(_ discussion: Discussion, _ analysis: DiscussionAnalysis?) {
        namedParticipants = Set(discussion.messages.compactMap(\.author)).count
        let dates = discussion.messages.compactMap(\.published).sorted()
        firstDate = dates.first
        lastDate = dates.last
        let result = { (index: Int, id: String) in analysis?.results[index].first { $0.id == id }?.value }
        for (index, message) in discussion.messages.enumerated() {
            if case let .number(score)? = result(index, "sentiment")?["score"] {
                timeline.append(Point(messageID: message.id, position: message.position, author: message.author ?? "?", published: message.published, score: score))
            }
            if result(index, "time-cost")?["complaint"] == true, case let .array(mentions)? = result(index, "time-cost")?["mentions"],
               let mention = mentions.first {
                complaints.append(Complaint(
                    messageID: message.id, author: message.author ?? "?", sentence: Self.string(mention["sentence"]) ?? Self.string(mention["text"]) ?? "",
                    time: Self.time(Self.string(mention["duration"]), per: Self.string(mention["per"])), target: Self.string(mention["target"])))
            }
        }
        guard let analysis else { return }
        let summary = analysis.summary
        if let sentiment = summary["sentiment"], sentiment["messages"] > 0 {
            mood = (sentiment["score sum"] / sentiment["messages"], Int(sentiment["positive"]), Int(sentiment["neutral"]), Int(sentiment["negative"]))
            let quote = { (name: String) -> Quote? in
                guard let extreme = sentiment.extremes.first(where: { $0.name == name }), let id = extreme.message,
                      let message = discussion.messages.first(where: { $0.id == id }) else { return nil }
                return Quote(messageID: id, author: message.author ?? "?", text: Self.excerpt(message.text), value: extreme.value)
            }
            mostPositive = quote("most positive")
            mostNegative = quote("most negative")
            if let most = mostPositive, let least = mostNegative, most.messageID == least.messageID { mostNegative = nil }
        }
        if let timeCost = summary["time-cost"], timeCost["messages"] > 0 {
            timeCostRead = true
            complaintShare = timeCost.ratios.first.flatMap(timeCost.value(ofRatio:))
            medianPerDay = timeCost.samples.first { $0.name == "seconds cited per day" }.map { Tally.median($0.values) }
        }
        if let advice = summary["advice"] {
            themes = advice.groups(of: "themes")
            discovered = advice.groups(of: "discovered themes")
        }
        for (id, tally) in summary.entries where !["sentiment", "time-cost", "advice"].contains(id) {
            let counts = tally.entries.filter { $0.name != "messages" && !$0.name.utf8.contains(UInt8(ascii: ":")) }.map { ($0.name, $0.value) }
            if !counts.isEmpty { otherCounts.append((id, counts)) }
        }
        for entry in analysis.authors {
            let sentiment = entry.summary["sentiment"]
            participants.append(Participant(
                // Messages without a name count together, shown as the charts show them: "?".
                author: entry.author.isEmpty ? "?" : entry.author, messages: entry.messages,
                meanSentiment: sentiment.flatMap { $0["messages"] > 0 ? $0["score sum"] / $0["messages"] : nil },
                complaints: Self.count("complaints", of: "time-cost", in: entry.summary), advice: Self.count("items", of: "advice", in: entry.summary),
                themes: entry.summary["advice"]?.groups(of: "themes").map(\.label) ?? []))
        }
    }

    /// An analyzer's count in `summary`, nil when it read no message.
    static func count(_ name: String, of analyzer: String, in summary: Summaries) -> Int? {
        guard let tally = summary[analyzer], tally["messages"] > 0 else { return nil }
        return Int(tally[name])
    }

    static func string(_ value: JSONValue?) -> String? {
        if case let .string(text)? = value { return text }
        return nil
    }

    /// A message's opening words, up to a sentence or about 200 characters, on one line.
    static func excerpt(_ text: String, limit: Int = 200) -> String {
        // Split on the scalars `Character.isNewline` names: the same splits (a newline is a
        // character of its own, CR LF aside, both of them newlines), without walking characters.
        let line = text.prefix(limit + 1).unicodeScalars
            .split { (0x0A ... 0x0D).contains($0.value) || $0.value == 0x85 || $0.value == 0x2028 || $0.value == 0x2029 }
            .map(Substring.init).joined(separator: " ")
        guard line.count > limit else { return line }
        let cut = line.prefix(limit)
        return (cut.lastIndex(of: " ").map { String(cut[..<$0]) } ?? String(cut)) + "…"
    }

    /// `PT2H30M` per `P1D` → "2 h 30 min a day"; `P8M` → "8 months".
    static func time(_ duration: String?, per: String?) -> String? {
        guard let duration, let written = readable(duration) else { return nil }
        guard let per else { return written }
        let period = ["P1D": "a day", "P1W": "a week", "P1M": "a month", "P3M": "a quarter", "P1Y": "a year"][per] ?? "per " + (readable(per) ?? per)
        return written + " " + period
    }

    static func readable(_ iso: String) -> String? {
        var parts: [String] = [], number = "", inTime = false
        for character in iso.dropFirst() {
            if character == "T" { inTime = true; continue }
            if character.isNumber || character == "." { number.append(character); continue }
            guard let value = Double(number) else { return nil }
            let shown = value == value.rounded() ? String(Int(value)) : String(value)
            let unit: String? = switch (character, inTime) {
            case ("H", true): "h"
            case ("M", true): "min"
            case ("S", true): "s"
            case ("D", false): value == 1 ? "day" : "days"
            case ("W", false): value == 1 ? "week" : "weeks"
            case ("M", false): value == 1 ? "month" : "months"
            case ("Y", false): value == 1 ? "year" : "years"
            default: nil
            }
            guard let unit else { return nil }
            parts.append(shown + " " + unit)
            number = ""
        }
        return parts.isEmpty ? nil : parts.joined(separator: " ")
    }

    /// A score with its sign, two decimals: `+0.17`.
    static func signed(_ value: Double) -> String { (value.sign == .minus ? "-" : "+") + fixed(abs(value), decimals: 2) }

    /// `12` for whole numbers, `0.333` otherwise.
    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : (value < 0 ? "-" : "") + fixed(abs(value), decimals: 3)
    }

    /// A count and its noun: `1 message`, `3 messages`, `0 problems`.
    static func counted(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }

    /// How many messages complain, as a sentence's start: `1 message complains`, `3 messages complain`.
    static func complaining(_ count: Int) -> String { counted(count, "message") + (count == 1 ? " complains" : " complain") }

    /// A share as a whole percentage: `37%`.
    static func percent(_ share: Double) -> String { fixed(share * 100, decimals: 0) + "%" }

    /// `value` (not negative) with `decimals` places, as `String(format: "%.2f")` writes it, without
    /// printf's cost (a tenth of the HTML and Markdown writers' time when it wrote every score). A value
    /// that is a hair from a half is left to printf, which rounds its exact binary expansion.
    static func fixed(_ value: Double, decimals: Int) -> String {
        let scale = [1.0, 10, 100, 1000][decimals]
        let scaled = value * scale
        guard scaled < 1e15, abs(scaled - scaled.rounded(.down) - 0.5) > 1e-6 else { return String(format: "%.\(decimals)f", value) }
        let units = Int(scaled.rounded())
        guard decimals > 0 else { return String(units) }
        let whole = String(units / Int(scale)), fraction = String(units % Int(scale))
        return whole + "." + String(repeating: "0", count: decimals - fraction.count) + fraction
    }

    /// 7200 seconds → "2 h"; 5400 → "1 h 30 min".
    static func hours(_ seconds: Double) -> String {
        let minutes = Int((seconds / 60).rounded())
        if minutes < 60 { return "\(minutes) min" }
        return minutes % 60 == 0 ? "\(minutes / 60) h" : "\(minutes / 60) h \(minutes % 60) min"
    }
}
