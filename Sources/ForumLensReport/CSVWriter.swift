import ForumLensCore

/// RFC 4180 rows, UTF-8: fields with separators, quotes or line breaks are quoted; text cells
/// that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR first) get a leading
/// apostrophe; numbers are written as numbers.
public struct CSVText {
    public private(set) var bytes: [UInt8] = []
    private var fieldsInRow = 0
    public let separator: UInt8

    public init(separator: UInt8 = UInt8(ascii: ",")) {
        self.separator = separator
    }

    public mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        fieldsInRow = 0
    }

    private mutating func separate() {
        if fieldsInRow > 0 { bytes.append(separator) }
        fieldsInRow += 1
    }

    public mutating func text(_ value: String?) {
        separate()
        guard let value, !value.isEmpty else { return }
        let utf8 = value.utf8
        let risky = [UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D]
            .contains(utf8.first!)
        let needsQuotes = risky || utf8.contains { $0 == separator || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
        if needsQuotes { bytes.append(0x22) }
        if risky { bytes.append(UInt8(ascii: "'")) }
        for byte in utf8 {
            if byte == 0x22 { bytes.append(0x22) }
            bytes.append(byte)
        }
        if needsQuotes { bytes.append(0x22) }
    }

    public mutating func number(_ value: Int?) {
        separate()
        if let value { bytes.append(contentsOf: String(value).utf8) }
    }

    /// Whole numbers without a decimal part, as the JSON writer writes them.
    public mutating func number(_ value: Double?) {
        separate()
        guard let value, value.isFinite else { return }
        bytes.append(contentsOf: (value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)).utf8)
    }

    /// A result's field as one cell: numbers as numbers, lists of texts joined with `; `,
    /// anything else as its JSON.
    public mutating func cell(_ value: JSONValue?) {
        switch value {
        case nil, .null?: text(nil)
        case let .number(number)?: self.number(number)
        case let .bool(flag)?: text(flag ? "true" : "false")
        case let .string(value)?: text(value)
        case let .array(items)? where items.allSatisfy({ if case .string = $0 { true } else { false } }):
            text(items.map { if case let .string(value) = $0 { value } else { "" } }.joined(separator: "; "))
        case let value?: text(value.description)
        }
    }

    public mutating func endRow() {
        bytes.append(contentsOf: [0x0D, 0x0A])
        fieldsInRow = 0
    }

    public mutating func header(_ names: [String]) {
        for name in names {
            separate()
            bytes.append(contentsOf: name.utf8)
        }
        endRow()
    }
}

/// `messages.csv` and `discussions.csv` in a directory: one row per message (the contract's
/// columns first), one row per discussion; with analyzers, `findings.csv`: one row per finding.
public struct CSVTablesWriter: ReportWriter {
    private let messages: OutputSink
    /// None when only the messages table goes to stdout.
    private let discussions: OutputSink?
    /// None without analyzers, or when only the messages table goes to stdout.
    private let findings: OutputSink?
    private var csv = CSVText()

    public static let messageColumns = [
        "discussion_id", "message_id", "position", "author", "published", "language", "reply_to", "text",
        "role", "author_id", "published_text", "depth", "quotes",
    ]
    public static let discussionColumns = [
        "discussion_id", "title", "url", "engine", "language", "messages", "authors", "sources", "extractor", "confidence",
    ]
    /// A finding is an element of a result's list of objects that carry a `text` (a rule
    /// plugin's `mentions`, sentiment `evidence`, advice `items`…): `kind` names the list,
    /// `label` is the element's category, label, kind, theme(s) or target, `start` and `end`
    /// its offsets in the message's text.
    public static let findingColumns = ["discussion_id", "message_id", "author", "analyzer", "kind", "label", "text", "start", "end"]
    static let labelFields = ["category", "label", "kind", "themes", "theme", "target"]

    /// `<id>.<field>` columns after the message's own, for the analyzers' CSV fields.
    private let analyzers: [AnalyzerInfo]

    public init(directory: String, analyzers: [AnalyzerInfo] = []) throws {
        try self.init(
            messages: OutputSink.file(directory + "/messages.csv"), discussions: OutputSink.file(directory + "/discussions.csv"),
            findings: analyzers.isEmpty ? nil : OutputSink.file(directory + "/findings.csv"), analyzers: analyzers)
    }

    /// Only `messages.csv`, to a stream such as stdout.
    public init(messagesOnly sink: OutputSink, analyzers: [AnalyzerInfo] = []) throws {
        try self.init(messages: sink, discussions: nil, findings: nil, analyzers: analyzers)
    }

    private init(messages: OutputSink, discussions: OutputSink?, findings: OutputSink?, analyzers: [AnalyzerInfo]) throws {
        self.messages = messages
        self.discussions = discussions
        self.findings = findings
        self.analyzers = analyzers
        csv.header(Self.messageColumns + analyzers.flatMap { analyzer in analyzer.csvFields.map { analyzer.id + "." + $0 } })
        try messages.write(csv.bytes)
        if let discussions {
            csv.removeAll()
            csv.header(Self.discussionColumns)
            try discussions.write(csv.bytes)
        }
        if let findings {
            csv.removeAll()
            csv.header(Self.findingColumns)
            try findings.write(csv.bytes)
        }
    }

    public mutating func write(_ discussion: Discussion, analysis: DiscussionAnalysis?) throws {
        csv.removeAll()
        for (index, message) in discussion.messages.enumerated() {
            csv.text(discussion.id)
            csv.text(message.id)
            csv.number(message.position)
            csv.text(message.author)
            csv.text(message.published)
            csv.text(message.language)
            csv.text(message.replyTo)
            csv.text(message.text)
            csv.text(message.role.rawValue)
            csv.text(message.authorID)
            csv.text(message.publishedText)
            csv.number(message.depth)
            csv.number(message.quotes.count)
            for analyzer in analyzers {
                let result = analysis?.results[index].first { $0.id == analyzer.id }?.value
                for field in analyzer.csvFields { csv.cell(result?[field]) }
            }
            csv.endRow()
        }
        try messages.write(csv.bytes)
        if let findings, let analysis { try writeFindings(discussion, analysis, to: findings) }
        guard let discussions else { return }
        csv.removeAll()
        csv.text(discussion.id)
        csv.text(discussion.title)
        csv.text(discussion.url)
        csv.text(discussion.engine)
        csv.text(discussion.language)
        csv.number(discussion.messages.count)
        csv.number(Set(discussion.messages.compactMap(\.author)).count)
        csv.text(discussion.sources.joined(separator: " "))
        csv.text(discussion.extraction.map(\.extractor).joined(separator: " "))
        csv.number(discussion.extraction.map(\.confidence).min())
        csv.endRow()
        try discussions.write(csv.bytes)
    }

    private mutating func writeFindings(_ discussion: Discussion, _ analysis: DiscussionAnalysis, to sink: OutputSink) throws {
        csv.removeAll()
        for (message, results) in zip(discussion.messages, analysis.results) {
            for (id, result) in results {
                guard case let .object(fields) = result else { continue }
                for (kind, value) in fields {
                    guard case let .array(items) = value else { continue }
                    for item in items {
                        guard case .string? = item["text"] else { continue }
                        csv.text(discussion.id)
                        csv.text(message.id)
                        csv.text(message.author)
                        csv.text(id)
                        csv.text(kind)
                        csv.cell(Self.labelFields.lazy.compactMap { item[$0] }.first)
                        csv.cell(item["text"])
                        csv.cell(item["start"])
                        csv.cell(item["end"])
                        csv.endRow()
                    }
                }
            }
        }
        try sink.write(csv.bytes)
    }

    public mutating func finish(_ run: RunRecord) throws {
        try messages.commit()
        try discussions?.commit()
        try findings?.commit()
    }

    public func abandon() {
        messages.abandon()
        discussions?.abandon()
        findings?.abandon()
    }
}
