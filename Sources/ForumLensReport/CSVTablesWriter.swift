import ForumLensCore

/// The CSV tables in a directory: `messages.csv` (one row per message, the contract's columns
/// first), `discussions.csv`, `replies.csv` (who answers or quotes whom) and, with analyzers,
/// `findings.csv` (one row per finding), `authors.csv` and `themes.csv` (CSVSummaryTables.swift).
public struct CSVTablesWriter: ReportWriter {
    private let messages: OutputSink
    /// None when only the messages table goes to stdout.
    private let discussions: OutputSink?
    private let replies: OutputSink?
    /// None without analyzers, or when only the messages table goes to stdout.
    private let findings: OutputSink?
    let authors: OutputSink?
    let themes: OutputSink?
    var csv: CSVText
    /// Per author of each discussion, what authors.csv needs at the end (its analyzer columns
    /// are known only then).
    var authorRows: [AuthorRow] = []

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

    /// `<id>.<field>` columns after the message's own, for the analyzers' CSV fields.
    private let analyzers: [AnalyzerInfo]

    public init(directory: String, analyzers: [AnalyzerInfo] = [], dialect: CSVDialect = .standard) throws {
        let file = { (name: String) in try OutputSink.file(directory + "/" + name) }
        try self.init(
            messages: file("messages.csv"), discussions: file("discussions.csv"), replies: file("replies.csv"),
            findings: analyzers.isEmpty ? nil : file("findings.csv"), authors: analyzers.isEmpty ? nil : file("authors.csv"),
            themes: analyzers.isEmpty ? nil : file("themes.csv"), analyzers: analyzers, dialect: dialect)
    }

    /// Only `messages.csv`, to a stream such as stdout.
    public init(messagesOnly sink: OutputSink, analyzers: [AnalyzerInfo] = [], dialect: CSVDialect = .standard) throws {
        try self.init(
            messages: sink, discussions: nil, replies: nil, findings: nil, authors: nil, themes: nil, analyzers: analyzers, dialect: dialect)
    }

    private init(
        messages: OutputSink, discussions: OutputSink?, replies: OutputSink?, findings: OutputSink?, authors: OutputSink?,
        themes: OutputSink?, analyzers: [AnalyzerInfo], dialect: CSVDialect
    ) throws {
        self.messages = messages
        self.discussions = discussions
        self.replies = replies
        self.findings = findings
        self.authors = authors
        self.themes = themes
        self.analyzers = analyzers
        csv = CSVText(dialect: dialect)
        let headers: [(OutputSink?, [String])] = [
            (messages, Self.messageColumns + analyzers.flatMap { analyzer in analyzer.csvFields.map { analyzer.id + "." + $0 } }),
            (discussions, Self.discussionColumns), (replies, Self.replyColumns), (findings, Self.findingColumns),
            (themes, Self.themeColumns),
        ]
        for case let (sink?, columns) in headers {
            csv.removeAll()
            if dialect.byteOrderMark { csv.byteOrderMark() }
            csv.header(columns)
            try sink.write(csv.bytes)
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
        if let replies { try writeReplies(discussion, to: replies) }
        if let analysis {
            if let themes { try writeThemes(analysis.summary, discussion: discussion.id, to: themes) }
            if authors != nil { keepAuthors(discussion, analysis) }
        }
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
            for finding in ReportRows.findings(in: results) {
                csv.text(discussion.id)
                csv.text(message.id)
                csv.text(message.author)
                csv.text(finding.analyzer)
                csv.text(finding.kind)
                csv.cell(finding.label)
                csv.text(finding.text)
                csv.cell(finding.start)
                csv.cell(finding.end)
                csv.endRow()
            }
        }
        try sink.write(csv.bytes)
    }

    public mutating func finish(_ run: RunRecord) throws {
        // The corpus's themes after the discussions', with no discussion id.
        if let themes { try writeThemes(run.analysis, discussion: nil, to: themes) }
        if let authors { try writeAuthors(to: authors) }
        for sink in [messages, discussions, replies, findings, authors, themes].compactMap({ $0 }) { try sink.commit() }
    }

    public func abandon() {
        for sink in [messages, discussions, replies, findings, authors, themes].compactMap({ $0 }) { sink.abandon() }
    }
}
