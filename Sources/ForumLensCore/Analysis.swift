import Foundation

/// Named counts and sums, in the order first met, that add up: summaries per discussion, per
/// author and per corpus are sums of the messages' tallies, and runs merge by adding theirs.
/// Three kinds merge without being sums: extremes (the most positive message…: the highest or
/// lowest values are kept, with the message that gave them), samples (every value, for a median)
/// ratios (a share of two counts, worked out when written) and grouped items (quotes filed under
/// groups, ranked when written: advice by theme).
public struct Tally: Sendable, Equatable {
    public private(set) var entries: [(name: String, value: Double)] = []
    public private(set) var extremes: [Extreme] = []
    public private(set) var samples: [(name: String, values: [Double])] = []
    public private(set) var ratios: [(name: String, numerator: String, denominator: String)] = []
    public private(set) var items: [Item] = [] { didSet { ranked = RankedGroups() } }
    /// The groups once ranked, shared by the tally's copies; new items start it afresh.
    private var ranked: RankedGroups?

    /// A quote filed under groups of a collection: an advice item under its themes, or under
    /// its key phrases for themes to be discovered.
    public struct Item: Sendable, Equatable {
        public var collection: String
        /// Group keys and how to show each (a theme id twice; a stem and the phrase as written).
        public var groups: [Group]
        public var text: String
        public var value: Double
        public var message: String?
        public var author: String?
        /// Whether `groups` are candidates: the item ends up in the one most items share.
        public var discover: Bool

        public struct Group: Sendable, Equatable {
            public var key: String
            public var label: String

            public init(key: String, label: String) {
                self.key = key
                self.label = label
            }
        }
    }

    public struct Extreme: Sendable, Equatable {
        public var name: String
        public var value: Double
        /// The message's id (the pipeline fills it in).
        public var message: String?
        public var lowest: Bool
        /// What to quote from the message, when the analyzer gives it.
        public var text: String?
        /// How many values the name keeps (the three most representative quotes…); one is
        /// written as an object, more as a list.
        public var top = 1
    }

    /// Keeps `value` under `name` if it is among the `top` highest (or, with `lowest`, the
    /// lowest) so far; the first met wins a tie.
    public mutating func keep(_ name: String, _ value: Double, lowest: Bool = false, message: String? = nil, text: String? = nil, top: Int = 1) {
        keep(Extreme(name: name, value: value, message: message, lowest: lowest, text: text, top: top))
    }

    private mutating func keep(_ extreme: Extreme) {
        let better = { (other: Extreme) in extreme.lowest ? extreme.value < other.value : extreme.value > other.value }
        let kept = extremes.indices.filter { extremes[$0].name == extreme.name }
        guard kept.count >= extreme.top else {
            // After the last one kept that is as good, so that the list stays best first.
            let place = kept.first { better(extremes[$0]) } ?? (kept.last.map { $0 + 1 } ?? extremes.endIndex)
            return extremes.insert(extreme, at: place)
        }
        guard let worse = kept.first(where: { better(extremes[$0]) }) else { return }
        extremes.remove(at: kept.last!)
        extremes.insert(extreme, at: worse)
    }

    /// Names the message (and its author) that the extremes and items without one come from.
    public mutating func attribute(to message: String, author: String? = nil) {
        for index in extremes.indices where extremes[index].message == nil { extremes[index].message = message }
        for index in items.indices where items[index].message == nil {
            items[index].message = message
            items[index].author = author
        }
    }

    /// Files `text` under `groups` of `collection` (see `Item`).
    public mutating func file(_ collection: String, _ text: String, under groups: [Item.Group], value: Double, discover: Bool = false) {
        items.append(Item(collection: collection, groups: groups, text: text, value: value, discover: discover))
    }

    /// Adds `value` to the sample `name` (written with its count, total and median).
    public mutating func sample(_ name: String, _ value: Double) {
        if let index = samples.firstIndex(where: { $0.name == name }) {
            samples[index].values.append(value)
        } else {
            samples.append((name, [value]))
        }
    }

    /// Writes `numerator / denominator` (two counts of the tally) under `name`.
    public mutating func ratio(_ name: String, _ numerator: String, over denominator: String) {
        if !ratios.contains(where: { $0.name == name }) { ratios.append((name, numerator, denominator)) }
    }

    /// The ratio's value, nil while its denominator is zero.
    public func value(ofRatio ratio: (name: String, numerator: String, denominator: String)) -> Double? {
        self[ratio.denominator] > 0 ? self[ratio.numerator] / self[ratio.denominator] : nil
    }

    /// The collections items are filed under, in the order first met.
    public var collections: [String] {
        var names: [String] = []
        for item in items where !names.contains(item.collection) { names.append(item.collection) }
        return names
    }

    /// A collection's groups, most items first (the first met on a tie), each with its items'
    /// authors and its `quotesPerGroup` best quotes. With `discover`, each item goes to one group: the
    /// key most of the items left share, at least two of them (a longer key first on a tie), and
    /// an item that shares none with another is left out.
    public func groups(of collection: String) -> [Grouped] {
        guard let ranked else { return [] }
        return ranked.groups(of: collection) { rank(collection) }
    }

    /// How many quotes a group keeps.
    public static let quotesPerGroup = 3

    private func rank(_ collection: String) -> [Grouped] {
        guard items.contains(where: { $0.collection == collection }) else { return [] }
        let all = items.filter { $0.collection == collection }
        var groups: [(key: String, members: [Item])] = []
        if all.first?.discover == true {
            // Keys as numbers in the order first met; per key its items, counted down as items
            // are grouped, so that each round looks only at the keys still shared.
            var number: [String: Int] = [:], keys: [String] = [], members: [[Int]] = [], itemKeys: [[Int]] = []
            for (index, item) in all.enumerated() {
                var own: [Int] = []
                for group in item.groups {
                    let key: Int
                    if let known = number[group.key] { key = known } else {
                        key = keys.count
                        number[group.key] = key
                        keys.append(group.key)
                        members.append([])
                    }
                    if !own.contains(key) { own.append(key); members[key].append(index) }
                }
                itemKeys.append(own)
            }
            var counts = members.map(\.count), left = [Bool](repeating: true, count: all.count)
            var candidates = keys.indices.filter { counts[$0] >= 2 }
            // Words counted only for the keys that can win: most keys are met once.
            var words = [Int](repeating: 0, count: keys.count)
            for key in candidates { words[key] = keys[key].split(separator: " ").count }
            while let best = candidates.max(by: { a, b in (counts[a], words[a], b) < (counts[b], words[b], a) }) {
                let taken = members[best].filter { left[$0] }
                groups.append((keys[best], taken.map { all[$0] }))
                for index in taken {
                    left[index] = false
                    for key in itemKeys[index] { counts[key] -= 1 }
                }
                candidates.removeAll { counts[$0] < 2 }
            }
        } else {
            for item in all {
                for group in item.groups {
                    if let index = groups.firstIndex(where: { $0.key == group.key }) {
                        groups[index].members.append(item)
                    } else {
                        groups.append((group.key, [item]))
                    }
                }
            }
            groups = groups.enumerated().sorted { ($0.element.members.count, -$0.offset) > ($1.element.members.count, -$1.offset) }.map(\.element)
        }
        return groups.map { key, members in
            var labels: [String: Int] = [:], labelOrder: [String] = []
            for group in members.flatMap(\.groups) where group.key == key {
                if labels[group.label] == nil { labelOrder.append(group.label) }
                labels[group.label, default: 0] += 1
            }
            // The label most items show, the first met on a tie.
            var label = key, most = 0
            for candidate in labelOrder where labels[candidate]! > most { (label, most) = (candidate, labels[candidate]!) }
            var authors: [String] = []
            for author in members.compactMap(\.author) where !authors.contains(author) { authors.append(author) }
            let best = members.enumerated().sorted { ($0.element.value, -$0.offset) > ($1.element.value, -$1.offset) }.prefix(Self.quotesPerGroup).map(\.element)
            return Grouped(key: key, label: label, count: members.count, authors: authors, quotes: Array(best))
        }
    }

    public struct Grouped: Sendable, Equatable {
        public var key: String
        public var label: String
        public var count: Int
        public var authors: [String]
        public var quotes: [Item]
    }

    /// The median of a sample's values (the mean of the middle two for an even count).
    public static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
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
        for extreme in other.extremes { keep(extreme) }
        for (name, values) in other.samples {
            for value in values { sample(name, value) }
        }
        for (name, numerator, denominator) in other.ratios { ratio(name, numerator, over: denominator) }
        items += other.items
    }

    public static func == (lhs: Tally, rhs: Tally) -> Bool {
        lhs.entries.count == rhs.entries.count && zip(lhs.entries, rhs.entries).allSatisfy { $0.name == $1.name && $0.value == $1.value }
            && lhs.extremes == rhs.extremes
            && lhs.samples.map(\.name) == rhs.samples.map(\.name) && lhs.samples.map(\.values) == rhs.samples.map(\.values)
            && lhs.ratios.map(\.name) == rhs.ratios.map(\.name) && lhs.items == rhs.items
    }
}

/// A tally's groups per collection, ranked once: every format writes the same groups, and
/// ranking them (discovery above all) costs more than writing them. Writers on other threads
/// ask for them at the same time, hence the lock.
final class RankedGroups: @unchecked Sendable {
    private let lock = NSLock()
    private var byCollection: [String: [Tally.Grouped]] = [:]

    func groups(of collection: String, _ rank: () -> [Tally.Grouped]) -> [Tally.Grouped] {
        lock.withLock {
            if let known = byCollection[collection] { return known }
            let groups = rank()
            byCollection[collection] = groups
            return groups
        }
    }
}

/// What the analyzers gave for one discussion: each message's results (by analyzer id, in run
/// order), and the summaries per discussion and per author (sums of the messages' tallies).
public struct DiscussionAnalysis: Sendable {
    public typealias Results = [(id: String, value: JSONValue)]

    /// Per message, in the discussion's order.
    public var results: [Results] { didSet { encoded = EncodedAnalysis() } }
    public var summary: Summaries { didSet { encoded = EncodedAnalysis() } }
    /// Per author, in the order of their first message.
    public var authors: [(author: String, messages: Int, summary: Summaries)] { didSet { encoded = EncodedAnalysis() } }
    /// Its parts as the writers encode them, shared by its copies.
    public private(set) var encoded = EncodedAnalysis()

    public init(results: [Results], summary: Summaries, authors: [(author: String, messages: Int, summary: Summaries)]) {
        self.results = results
        self.summary = summary
        self.authors = authors
    }
}

/// An analysis's parts encoded once for every writer that writes them alike: JSON, JSONL and
/// SQLite write the same results, summary and authors as JSON, and encoding them cost each
/// writer about as much as the rest of its work. Writers on other threads ask for them at the
/// same time, hence the lock.
public final class EncodedAnalysis: @unchecked Sendable {
    public enum Part: Hashable, Sendable {
        case results(message: Int)
        case summary
        case authors
    }

    private let lock = NSLock()
    private var parts: [Part: [UInt8]] = [:]

    public func bytes(of part: Part, _ encode: () -> [UInt8]) -> [UInt8] {
        lock.withLock {
            if let known = parts[part] { return known }
            let bytes = encode()
            parts[part] = bytes
            return bytes
        }
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
