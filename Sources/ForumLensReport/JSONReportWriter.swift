import ForumLensCore

/// `report.json`: one object with the schema, the discussions and their messages, the inputs,
/// the corpus summary and the problems. Discussions are streamed as they come.
public struct JSONReportWriter: ReportWriter {
    private let sink: OutputSink
    private var json = JSONText()
    private var first = true

    public init(sink: OutputSink) throws {
        self.sink = sink
        try sink.write("{\"schema\":\"\(reportSchema)\",\"tool\":{\"name\":\"\(Tool.current.name)\",\"version\":\"\(Tool.current.version)\"},\"discussions\":[\n")
    }

    public mutating func write(_ discussion: Discussion, analysis: DiscussionAnalysis?) throws {
        json.removeAll()
        json.beginObject()
        json.discussionFields(discussion)
        json.key("messages")
        json.beginArray()
        for (index, message) in discussion.messages.enumerated() {
            json.beginObject()
            json.messageFields(message)
            if let analysis { json.key("results"); json.encoded(analysis.resultsJSON(at: index)) }
            json.endObject()
        }
        json.endArray()
        if let analysis {
            json.key("summary"); json.encoded(analysis.summaryJSON)
            json.key("authors"); json.encoded(analysis.authorsJSON)
        }
        json.endObject()
        if !first { try sink.write(",\n") }
        first = false
        try sink.write(json.bytes)
    }

    public mutating func finish(_ run: RunRecord) throws {
        // The closing fields of the object opened in `init`, after the discussions array.
        json.removeAll()
        json.key("analyzers"); json.analyzers(run.analyzers)
        json.key("inputs"); json.inputs(run.inputs)
        json.key("summary"); json.summary(run.summary, run.analysis)
        json.key("problems"); json.problems(run.problems)
        try sink.write("\n],")
        try sink.write(json.bytes)
        try sink.write("}\n")
        try sink.commit()
    }

    public func abandon() { sink.abandon() }
}

extension JSONText {
    /// The counts, then each analyzer's tallies under its id.
    mutating func summary(_ summary: RunSummary, _ analysis: Summaries? = nil) {
        beginObject()
        key("discussions"); number(summary.discussions)
        key("messages"); number(summary.messages)
        key("articles"); number(summary.articles)
        key("authors"); number(summary.authors)
        if let analysis { summaryFields(analysis) }
        endObject()
    }
}
