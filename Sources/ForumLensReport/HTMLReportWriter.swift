import ForumLensCore

/// `report.html`: one self-contained file (inline CSS and SVG, no script, nothing fetched) that
/// reads on a phone and prints. Per discussion: a sentiment timeline (message by message,
/// coloured by author), advice theme bars with their quotes, the time-cost table, the
/// participants, then the messages themselves, which every chart element links to; an overview
/// of the discussions when there are several. Every text from the input is escaped.
public struct HTMLReportWriter: ReportWriter {
    private let sink: OutputSink
    /// The overview's rows, written at the end (after the discussions in the file, shown first
    /// by CSS `order`).
    private var overview: [String] = []

    public init(sink: OutputSink) throws {
        self.sink = sink
        try sink.write("""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="generator" content="\(Tool.current.name) \(Tool.current.version)">
            <title>ForumLens report</title>
            <style>\(Self.style)</style></head>
            <body><main><h1>ForumLens report</h1>

            """)
    }

    public mutating func write(_ discussion: Discussion, analysis: DiscussionAnalysis?) throws {
        let digest = DiscussionDigest(discussion, analysis)
        let anchor = "d-" + Self.escape(discussion.id)
        let title = Self.escape(discussion.title ?? discussion.sources.first ?? discussion.id)
        let authors = Self.authorColours(discussion)
        // The page's language for its quotes' marks and hyphenation (« » in French).
        let language = discussion.language.map { " lang=\"\(Self.escape($0))\"" } ?? ""
        var out = "<section class=\"discussion\" id=\"\(anchor)\"\(language)><h2>\(title)</h2>\n<p class=\"facts\">"
        var facts = [DiscussionDigest.counted(discussion.messages.count, "message"), DiscussionDigest.counted(digest.namedParticipants, "participant")]
        if let first = digest.firstDate, let last = digest.lastDate { facts.append("from \(Self.escape(String(first.prefix(10)))) to \(Self.escape(String(last.prefix(10))))") }
        if let engine = discussion.engine { facts.append(Self.escape(engine)) }
        if let url = discussion.url, url.hasPrefix("http") { facts.append("<a href=\"\(Self.escape(url))\">original</a>") }
        out += facts.joined(separator: " · ") + "</p>\n"
        if !digest.timeline.isEmpty { out += Self.timeline(digest, authors) }
        if let mood = digest.mood {
            out += "<p>Mean sentiment <b>\(Self.signed(mood.mean))</b> (−1 to 1): \(mood.positive) positive, \(mood.neutral) neutral, \(mood.negative) negative.</p>\n"
        }
        if !digest.themes.isEmpty { out += Self.themeBars("Advice themes", digest.themes) }
        if !digest.discovered.isEmpty { out += Self.themeBars("Other advice, grouped by what it shares", digest.discovered) }
        if digest.timeCostRead { out += Self.complaints(digest) }
        if !digest.participants.isEmpty { out += Self.participants(digest, authors) }
        for (id, counts) in digest.otherCounts {
            out += "<h3>\(Self.escape(id))</h3><p>" + counts.map { "\(Self.escape($0.name)): \(Self.number($0.value))" }.joined(separator: " · ") + "</p>\n"
        }
        out += Self.messages(discussion, authors)
        out += "</section>\n"
        try sink.write(out)
        let complaints = digest.timeCostRead ? analysis?.summary["time-cost"]?["complaints"] : nil
        overview.append(
            "<tr><td><a href=\"#\(anchor)\">\(title)</a></td><td>\(discussion.messages.count)</td><td>\(digest.namedParticipants)</td>"
                + "<td>\(digest.mood.map { Self.signed($0.mean) } ?? "")</td><td>\(complaints.map(Self.number) ?? "")</td>"
                + "<td>\(Self.escape(digest.themes.first?.label ?? ""))</td></tr>")
    }

    public mutating func finish(_ run: RunRecord) throws {
        var out = ""
        if overview.count > 1 {
            out += "<section class=\"overview\"><h2>All discussions</h2><table><thead><tr><th>discussion</th><th>messages</th>"
            out += "<th>participants</th><th>mood</th><th>time-cost complaints</th><th>first advice theme</th></tr></thead><tbody>\n"
            out += overview.joined(separator: "\n") + "\n</tbody></table></section>\n"
        }
        out += "<footer>\(DiscussionDigest.counted(run.summary.discussions, "discussion")), \(DiscussionDigest.counted(run.summary.messages, "message"))"
        if !run.analyzers.isEmpty { out += "; analyzers: " + run.analyzers.map { Self.escape("\($0.id) \($0.version)") }.joined(separator: ", ") }
        if !run.problems.isEmpty { out += "; \(DiscussionDigest.counted(run.problems.count, "problem")) (see report.json)" }
        out += ". Written by \(Self.escape(Tool.current.name)) \(Self.escape(Tool.current.version)).</footer>\n</main></body></html>\n"
        try sink.write(out)
        try sink.commit()
    }

    public func abandon() { sink.abandon() }

    // MARK: - Parts

    /// One point per message at its place in the discussion, its sentiment up or down, in its
    /// author's colour, linking to the message.
    static func timeline(_ digest: DiscussionDigest, _ colours: [String: String]) -> String {
        let width = 640.0, height = 180.0, margin = 24.0
        let step = digest.timeline.count > 1 ? (width - 2 * margin) / Double(digest.timeline.count - 1) : 0
        let y = { (score: Double) in height / 2 - score * (height / 2 - margin) }
        var svg = "<h3>Sentiment, message by message</h3>\n<svg class=\"timeline\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-label=\"Sentiment of each message, from −1 to 1\">"
        svg += "<line class=\"axis\" x1=\"\(Int(margin))\" y1=\"\(Int(height / 2))\" x2=\"\(Int(width - margin))\" y2=\"\(Int(height / 2))\"/>"
        svg += "<text x=\"2\" y=\"\(Int(margin))\">+1</text><text x=\"2\" y=\"\(Int(height - margin + 4))\">−1</text>"
        let points = digest.timeline.enumerated().map { index, point in
            (x: margin + Double(index) * step, y: y(point.score), point: point)
        }
        svg += "<polyline class=\"trend\" points=\"" + points.map { "\(tenths($0.x)),\(tenths($0.y))" }.joined(separator: " ") + "\"/>"
        for (x, y, point) in points {
            let label = escape("\(point.author), message \(point.position): \(signed(point.score))")
            svg += "<a href=\"#m-\(escape(point.messageID))\"><circle cx=\"\(tenths(x))\" cy=\"\(tenths(y))\" r=\"5\" "
            svg += "fill=\"\(colours[point.author] ?? "#888")\"><title>\(label)</title></circle></a>"
        }
        return svg + "</svg>\n"
    }

    /// A bar per theme, as long as its count, linking to the message of its best quote; the
    /// quotes under it.
    static func themeBars(_ title: String, _ groups: [Tally.Grouped]) -> String {
        let most = max(1, groups.map(\.count).max() ?? 1)
        var html = "<h3>\(escape(title))</h3>\n<ol class=\"themes\">\n"
        for group in groups {
            let share = Int((Double(group.count) / Double(most) * 100).rounded())
            let target = group.quotes.first?.message.map { "#m-" + escape($0) } ?? "#"
            html += "<li><a class=\"bar\" href=\"\(target)\"><svg viewBox=\"0 0 100 8\" preserveAspectRatio=\"none\" aria-hidden=\"true\">"
            html += "<rect width=\"\(share)\" height=\"8\"/></svg><span>\(escape(group.label)) <b>\(group.count)</b></span></a>"
            html += "<span class=\"who\">\(escape(group.authors.joined(separator: ", ")))</span><ul>"
            for quote in group.quotes {
                let link = quote.message.map { " <a href=\"#m-\(escape($0))\">\(escape(quote.author ?? "message"))</a>" } ?? ""
                html += "<li><q>\(escape(quote.text))</q>\(link)</li>"
            }
            html += "</ul></li>\n"
        }
        return html + "</ol>\n"
    }

    static func complaints(_ digest: DiscussionDigest) -> String {
        var html = "<h3>Time-cost complaints</h3>\n"
        guard !digest.complaints.isEmpty else { return html + "<p>None.</p>\n" }
        html += "<p>\(DiscussionDigest.complaining(digest.complaints.count)) that something costs them time"
        html += digest.complaintShare.map { " (\(DiscussionDigest.percent($0)) of messages)" } ?? ""
        html += digest.medianPerDay.map { "; the median time cited is \(DiscussionDigest.hours($0)) a day" } ?? ""
        html += ".</p>\n<table><thead><tr><th>who</th><th>complaint</th><th>time</th><th>about</th></tr></thead><tbody>\n"
        for complaint in digest.complaints {
            html += "<tr><td><a href=\"#m-\(escape(complaint.messageID))\">\(escape(complaint.author))</a></td><td>\(escape(complaint.sentence))</td>"
            html += "<td>\(escape(complaint.time ?? ""))</td><td>\(escape(complaint.target ?? ""))</td></tr>\n"
        }
        return html + "</tbody></table>\n"
    }

    static func participants(_ digest: DiscussionDigest, _ colours: [String: String]) -> String {
        var html = "<h3>Participants</h3>\n<table><thead><tr><th>author</th><th>messages</th><th>mood</th><th>complaints</th><th>advice</th><th>themes</th></tr></thead><tbody>\n"
        for participant in digest.participants {
            html += "<tr><td><span class=\"dot\" style=\"background:\(colours[participant.author] ?? "#888")\"></span>\(escape(participant.author))</td>"
            html += "<td>\(participant.messages)</td><td>\(participant.meanSentiment.map(signed) ?? "")</td><td>\(participant.complaints.map(String.init) ?? "")</td>"
            html += "<td>\(participant.advice.map(String.init) ?? "")</td><td>\(escape(participant.themes.joined(separator: ", ")))</td></tr>\n"
        }
        return html + "</tbody></table>\n"
    }

    /// The messages, each with the anchor the charts link to; their text as paragraphs. Built
    /// as bytes: it is most of the report.
    static func messages(_ discussion: Discussion, _ colours: [String: String]) -> String {
        var html: [UInt8] = []
        html.reserveCapacity(discussion.messages.reduce(256) { $0 + $1.text.utf8.count + 200 })
        func add(_ text: String) { html.append(contentsOf: text.utf8) }
        func addEscaped(_ text: String) {
            var text = text
            text.withUTF8 { appendEscaped($0, to: &html) }
        }
        add("<div class=\"messages\"><h3>\(discussion.messages.count == 1 ? "The message" : "The \(discussion.messages.count) messages")</h3>\n")
        for message in discussion.messages {
            let author = message.author ?? "?"
            add("<article id=\"m-"); addEscaped(message.id)
            add("\"><header><span class=\"dot\" style=\"background:\(colours[author] ?? "#888")\"></span><b>"); addEscaped(author)
            add("</b> <time>"); addEscaped(message.published ?? message.publishedText ?? "")
            add("</time> <small>#\(message.position)</small></header>")
            var text = message.text
            text.withUTF8 { utf8 in
                for paragraph in utf8.split(separator: 0x0A, omittingEmptySubsequences: true) {
                    add("<p>"); appendEscaped(UnsafeBufferPointer(rebasing: paragraph), to: &html); add("</p>")
                }
            }
            add("</article>\n")
        }
        add("</div>\n")
        return String(decoding: html, as: UTF8.self)
    }

    // MARK: - Helpers

    /// A colour per author, in the order they first write, from a palette readable in print.
    static func authorColours(_ discussion: Discussion) -> [String: String] {
        let palette = ["#1b6ca8", "#d1495b", "#2a9d8f", "#e9a03b", "#6a4c93", "#3d405b", "#8ab17d", "#c8553d", "#0081a7", "#9c6644"]
        var colours: [String: String] = [:]
        for author in discussion.messages.map({ $0.author ?? "?" }) where colours[author] == nil {
            colours[author] = palette[colours.count % palette.count]
        }
        return colours
    }

    /// Text as HTML text or attribute value: & < > " ' escaped (on UTF-8 bytes: the report
    /// holds every message).
    static func escape(_ text: String) -> String {
        let utf8 = text.utf8
        guard utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count + 16)
        var text = text
        text.withUTF8 { appendEscaped($0, to: &out) }
        return String(decoding: out, as: UTF8.self)
    }

    /// Runs of bytes that need no escape are copied at once.
    static func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        var runStart = 0
        for index in bytes.indices {
            let entity: StaticString
            switch bytes[index] {
            case 0x26: entity = "&amp;"
            case 0x3C: entity = "&lt;"
            case 0x3E: entity = "&gt;"
            case 0x22: entity = "&quot;"
            case 0x27: entity = "&#39;"
            default: continue
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart ..< index]))
            entity.withUTF8Buffer { out.append(contentsOf: $0) }
            runStart = index + 1
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
    }

    static func signed(_ value: Double) -> String { DiscussionDigest.signed(value) }

    /// A coordinate to a tenth, without Foundation's formatter (one per point of every chart).
    static func tenths(_ value: Double) -> String {
        let tenths = Int((abs(value) * 10).rounded())
        return (value < 0 && tenths > 0 ? "-" : "") + "\(tenths / 10).\(tenths % 10)"
    }

    static func number(_ value: Double) -> String { DiscussionDigest.number(value) }

    static let style = """
        body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:#222;margin:0;background:#fafafa}
        main{max-width:56rem;margin:auto;padding:1rem}
        h1{font-size:1.6rem}h2{font-size:1.3rem;border-bottom:2px solid #ddd;padding-bottom:.2rem}h3{font-size:1.05rem;margin-top:1.4rem}
        section{background:#fff;border:1px solid #e4e4e4;border-radius:6px;padding:.5rem 1rem 1rem;margin:1rem 0}
        .facts{color:#555;font-size:.9rem}
        svg.timeline{width:100%;height:auto;background:#fcfcfc;border:1px solid #eee}
        svg.timeline .axis{stroke:#bbb;stroke-dasharray:4 3}svg.timeline .trend{fill:none;stroke:#ccc}
        svg.timeline text{font-size:11px;fill:#777}svg.timeline circle{stroke:#fff;stroke-width:1.5}
        ol.themes{padding-left:1.4rem}ol.themes>li{margin:.5rem 0}
        a.bar{display:block;position:relative;color:inherit;text-decoration:none}
        a.bar svg{width:100%;height:1.6rem;display:block;background:#eef3f8}a.bar rect{fill:#9ec3e6}
        a.bar span{position:absolute;left:.4rem;top:.1rem}.who{color:#666;font-size:.85rem}
        ol.themes ul{margin:.2rem 0 .4rem;padding-left:1.2rem;font-size:.92rem}q{font-style:italic}
        table{border-collapse:collapse;width:100%;font-size:.92rem;margin:.4rem 0}
        th,td{border-bottom:1px solid #e6e6e6;padding:.3rem .4rem;text-align:left;vertical-align:top}
        .dot{display:inline-block;width:.7rem;height:.7rem;border-radius:50%;margin-right:.35rem}

        article{border-top:1px solid #eee;padding:.4rem 0}article:target{background:#fff8d6}
        article header{font-size:.9rem;color:#444}article p{margin:.3rem 0}
        footer{color:#666;font-size:.85rem;margin:1rem 0}
        main{display:flex;flex-direction:column}h1{order:-2}.overview{order:-1}
        @media (max-width:40rem){main{padding:.4rem}section{padding:.3rem .6rem}th,td{padding:.2rem}}
        @media print{body{background:#fff}section{border:none}.messages{display:none}a{color:inherit;text-decoration:none}}
        """
}
