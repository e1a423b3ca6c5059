import ForumLensCore
import ForumLensRules
import ForumLensText

/// An analyzer: a result per message, and counts and sums of its results that add up per
/// discussion, per author and per corpus (so that partial runs merge exactly). Built-ins and
/// plugins alike (DESIGN.md, "Analyzers and the three plugin kinds").
public protocol Analyzer: Sendable {
    var descriptor: AnalyzerDescriptor { get }
    /// The result for one message; `input.results` holds those of the analyzers it requires.
    func analyze(_ input: AnalyzerInput) -> JSONValue
    /// What one message's result adds to the summaries (`messages` is counted by the pipeline).
    func tally(_ result: JSONValue) -> Tally
    /// The same, for summaries that need the message too (its date, for a trend; its
    /// `language`, the one the analyzer read it in); by default `tally(result)`.
    func tally(_ result: JSONValue, of message: Message) -> Tally
}

extension Analyzer {
    public func tally(_ result: JSONValue, of message: Message) -> Tally { tally(result) }
}

/// What an analyzer reads of a message.
public struct AnalyzerInput: Sendable {
    public var message: Message
    /// The message's text layer, computed once for all analyzers.
    public var text: TextLayer
    /// The message's language: its own, else its guess, else the discussion's, else `--language`.
    public var language: String
    /// The results of the analyzers this one requires, by id.
    public var results: [String: JSONValue]

    public init(message: Message, text: TextLayer, language: String, results: [String: JSONValue] = [:]) {
        self.message = message
        self.text = text
        self.language = language
        self.results = results
    }
}

/// Who an analyzer is, what it reads and gives, and examples of it that run as tests.
public struct AnalyzerDescriptor: Sendable {
    public var id: String
    public var version: String
    public var summary: String
    /// ISO 639-1 codes; empty for every language.
    public var languages: Set<String>
    /// Ids of the analyzers whose results this one reads (the text layer is always there).
    public var requires: [String]
    public var produces: [Field]
    public var examples: [Example]
    /// The data it reads, by name, with a digest (`"lexicon.fr": "sha256:…"`), so that a report
    /// says which lexicon produced it.
    public var resources: [(name: String, digest: String)]

    /// A field of the result, and its column in `messages.csv` (`<id>.<name>`) when it has one.
    public struct Field: Sendable {
        public var name: String
        public var meaning: String
        public var inCSV: Bool

        public init(_ name: String, _ meaning: String, inCSV: Bool = true) {
            self.name = name
            self.meaning = meaning
            self.inCSV = inCSV
        }
    }

    /// A text and what the result must hold (the fields given, with these values).
    public struct Example: Sendable {
        public var language: String
        public var text: String
        public var expected: JSONValue

        public init(_ language: String, _ text: String, _ expected: JSONValue) {
            self.language = language
            self.text = text
            self.expected = expected
        }
    }

    public init(
        id: String, version: String, summary: String, languages: Set<String> = [], requires: [String] = [],
        produces: [Field], examples: [Example], resources: [(name: String, digest: String)] = []
    ) {
        self.id = id
        self.version = version
        self.summary = summary
        self.languages = languages
        self.requires = requires
        self.produces = produces
        self.examples = examples
        self.resources = resources
    }

    /// Whether the analyzer reads messages in `language`.
    public func handles(_ language: String) -> Bool { languages.isEmpty || languages.contains(language) }
}

/// An analyzer that can fail on a message without failing the run (a process plugin): what went
/// wrong is collected as `error` problems of the run.
public protocol ReportsProblems {
    /// What went wrong since the last call.
    func drainProblems() -> [String]
}

/// Plugins given by path: a manifest with a `command` is a process plugin, any other file a
/// rule plugin.
public enum PluginFile {
    public static func load(_ path: String) throws(RuleFileError) -> any Analyzer {
        let file = try RuleFile.load(path, keys: Array(Set(RuleAnalyzer.keys + ProcessAnalyzer.keys)), what: "a plugin file")
        if file.values["command"] != nil { return try ProcessAnalyzer.load(manifest: path) }
        return try RuleAnalyzer.load(file: path)
    }
}
