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

    public mutating func write(_ discussion: Discussion) throws {
        json.removeAll()
        json.beginObject()
        json.discussionFields(discussion)
        json.key("messages")
        json.beginArray()
        for message in discussion.messages {
            json.beginObject()
            json.messageFields(message)
            json.endObject()
        }
        json.endArray()
        json.endObject()
        if !first { try sink.write(",\n") }
        first = false
        try sink.write(json.bytes)
    }

    public mutating func finish(_ run: RunRecord) throws {
        // The closing fields of the object opened in `init`, after the discussions array.
        json.removeAll()
        json.key("inputs"); json.inputs(run.inputs)
        json.key("summary"); json.summary(run.summary)
        json.key("problems"); json.problems(run.problems)
        try sink.write("\n],")
        try sink.write(json.bytes)
        try sink.write("}\n")
        try sink.commit()
    }

    public func abandon() { sink.abandon() }
}

extension JSONText {
    mutating func summary(_ summary: RunSummary) {
        beginObject()
        key("discussions"); number(summary.discussions)
        key("messages"); number(summary.messages)
        key("articles"); number(summary.articles)
        key("authors"); number(summary.authors)
        endObject()
    }
}
