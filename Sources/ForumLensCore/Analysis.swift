/// Named counts and sums, in the order first met, that add up: summaries per discussion, per
/// author and per corpus are sums of the messages' tallies, and runs merge by adding theirs.
/// Extremes (the most positive message…) merge too: the highest or lowest value is kept, with
/// the message that gave it.
public struct Tally: Sendable, Equatable {
    public private(set) var entries: [(name: String, value: Double)] = []
    public private(set) var extremes: [Extreme] = []

    public struct Extreme: Sendable, Equatable {
        public var name: String
        public var value: Double
        /// The message's id (the pipeline fills it in).
        public var message: String?
        public var lowest: Bool
    }

    /// Keeps `value` under `name` if it is the highest (or, with `lowest`, the lowest) so far.
    public mutating func keep(_ name: String, _ value: Double, lowest: Bool = false, message: String? = nil) {
        let extreme = Extreme(name: name, value: value, message: message, lowest: lowest)
        guard let index = extremes.firstIndex(where: { $0.name == name }) else { return extremes.append(extreme) }
        if lowest ? value < extremes[index].value : value > extremes[index].value { extremes[index] = extreme }
    }

    /// Names the message that the extremes without one come from.
    public mutating func attribute(to message: String) {
        for index in extremes.indices where extremes[index].message == nil { extremes[index].message = message }
    }

    public init(_ entries: [(String, Double)] = []) {
        for (name, value) in entries { add(name, value) }
    }

    public subscript(name: String) -> Double { entries.first { $0.name == name }?.value ?? 0 }

    public mutating func add(_ name: String, _ value: Double = 1) {
        if let index = entries.firstIndex(where: { $0.name == name }) {
            entries[index].value += value
        } else {
            entries.append((name, value))
        }
    }

    public mutating func add(_ other: Tally) {
        for (name, value) in other.entries { add(name, value) }
        for extreme in other.extremes { keep(extreme.name, extreme.value, lowest: extreme.lowest, message: extreme.message) }
    }

    public static func == (lhs: Tally, rhs: Tally) -> Bool {
        lhs.entries.count == rhs.entries.count && zip(lhs.entries, rhs.entries).allSatisfy { $0.name == $1.name && $0.value == $1.value }
            && lhs.extremes == rhs.extremes
    }
}

/// What the analyzers gave for one discussion: each message's results (by analyzer id, in run
/// order), and the summaries per discussion and per author (sums of the messages' tallies).
public struct DiscussionAnalysis: Sendable {
    public typealias Results = [(id: String, value: JSONValue)]

    /// Per message, in the discussion's order.
    public var results: [Results]
    public var summary: Summaries
    /// Per author, in the order of their first message.
    public var authors: [(author: String, messages: Int, summary: Summaries)]

    public init(results: [Results], summary: Summaries, authors: [(author: String, messages: Int, summary: Summaries)]) {
        self.results = results
        self.summary = summary
        self.authors = authors
    }
}

/// An analyzer as the report names it: id, version, and its `messages.csv` columns (fields).
public struct AnalyzerInfo: Sendable {
    public var id: String
    public var version: String
    public var csvFields: [String]
    /// The data it read, by name, with a digest (`"lexicon.fr": "sha256:…"`).
    public var resources: [(name: String, digest: String)]

    public init(id: String, version: String, csvFields: [String], resources: [(name: String, digest: String)] = []) {
        self.id = id
        self.version = version
        self.csvFields = csvFields
        self.resources = resources
    }
}

/// Tallies per analyzer id, in run order.
public struct Summaries: Sendable, Equatable {
    public private(set) var entries: [(id: String, tally: Tally)] = []

    public init(_ entries: [(id: String, tally: Tally)] = []) { self.entries = entries }

    public subscript(id: String) -> Tally? { entries.first { $0.id == id }?.tally }

    public mutating func add(_ id: String, _ tally: Tally) {
        if let index = entries.firstIndex(where: { $0.id == id }) {
            entries[index].tally.add(tally)
        } else {
            entries.append((id, tally))
        }
    }

    public mutating func add(_ other: Summaries) {
        for (id, tally) in other.entries { add(id, tally) }
    }

    public static func == (lhs: Summaries, rhs: Summaries) -> Bool {
        lhs.entries.count == rhs.entries.count && zip(lhs.entries, rhs.entries).allSatisfy { $0.id == $1.id && $0.tally == $1.tally }
    }
}
