import ForumLensCore

/// `report.jsonl`: a `message` line per message (its fields at the top level, with
/// `discussion_id`), then a `discussion` line after each discussion's messages, and a last
/// `run` line with the schema, inputs, summary and problems (DESIGN.md).
public struct JSONLinesWriter: ReportWriter {
    private let sink: OutputSink
    private var json = JSONText()

    public init(sink: OutputSink) {
        self.sink = sink
    }

    public mutating func write(_ discussion: Discussion, analysis: DiscussionAnalysis?) throws {
        for (index, message) in discussion.messages.enumerated() {
            json.removeAll()
            json.beginObject()
            json.key("type"); json.string("message")
            json.key("discussion_id"); json.string(discussion.id)
            json.messageFields(message)
            if let analysis { json.key("results"); json.encoded(analysis.resultsJSON(at: index)) }
            json.endObject()
            json.newline()
            try sink.write(json.bytes)
        }
        json.removeAll()
        json.beginObject()
        json.key("type"); json.string("discussion")
        json.discussionFields(discussion)
        var summary = RunSummary()
        summary.add(discussion)
        json.key("summary"); json.summary(summary, analysis?.summary)
        if let analysis { json.key("authors"); json.encoded(analysis.authorsJSON) }
        json.endObject()
        json.newline()
        try sink.write(json.bytes)
    }

    public mutating func finish(_ run: RunRecord) throws {
        json.removeAll()
        json.beginObject()
        json.key("type"); json.string("run")
        json.key("schema"); json.string(reportSchema)
        json.key("tool"); json.beginObject()
        json.key("name"); json.string(run.tool.name)
        json.key("version"); json.string(run.tool.version)
        json.endObject()
        json.key("analyzers"); json.analyzers(run.analyzers)
        json.key("inputs"); json.inputs(run.inputs)
        json.key("summary"); json.summary(run.summary, run.analysis)
        json.key("problems"); json.problems(run.problems)
        json.endObject()
        json.newline()
        try sink.write(json.bytes)
        try sink.commit()
    }

    public func abandon() { sink.abandon() }
}
