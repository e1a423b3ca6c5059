import ForumLensCore

/// Everything a run knows at its end, for the report's closing fields.
public struct RunRecord: Sendable {
    public var tool = Tool.current
    public var inputs: [InputFile] = []
    public var problems: [Problem] = []
    public var summary = RunSummary()
    /// The analyzers that ran (none for `split`) and their corpus summaries.
    public var analyzers: [AnalyzerInfo] = []
    public var analysis = Summaries()

    public init() {}
}

/// Corpus counts, kept as counts so that partial runs add up.
public struct RunSummary: Sendable, Equatable {
    public var discussions = 0
    public var messages = 0
    public var articles = 0
    /// Distinct authors per discussion, summed over discussions.
    public var authors = 0

    public init() {}

    public mutating func add(_ discussion: Discussion) {
        discussions += 1
        messages += discussion.messages.count
        articles += discussion.messages.filter { $0.role == .article }.count
        authors += Set(discussion.messages.compactMap(\.author)).count
    }
}

/// One output format. Discussions arrive one at a time, in output order, so a writer can
/// stream them; `finish` writes what only the end of the run knows and puts the output in place.
public protocol ReportWriter {
    /// `analysis`: what the analyzers gave for it (`analyze`), nil for `split`.
    mutating func write(_ discussion: Discussion, analysis: DiscussionAnalysis?) throws
    mutating func finish(_ run: RunRecord) throws
    /// Gives up: nothing half-written is left behind.
    func abandon()
}

/// The schema id every report carries.
public let reportSchema = "forumlens/report@1"

extension ReportWriter {
    public mutating func write(_ discussion: Discussion) throws { try write(discussion, analysis: nil) }
}
