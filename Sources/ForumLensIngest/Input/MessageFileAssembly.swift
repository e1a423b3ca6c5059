import ForumLensCore

/// One message as a message file gives it, before it has a position and a unique id.
struct MessageRecord {
    var line: Int
    var text: String
    var id: String?
    var author: String?
    var authorID: String?
    var published: String?
    var publishedText: String?
    var discussion: String?
    var title: String?
    var url: String?
    var discussionURL: String?
    var replyTo: String?
    var language: String?
    var role: MessageRole = .post
}

/// Turns the records of one message file into discussions: grouped by `discussion` in
/// first-seen order, positions 1…n in file order, given ids kept (a repeat renamed `x~2`),
/// missing ids generated as `m<position>`, and reply depths from `reply_to`.
struct MessageFileAssembly {
    let path: String
    let extractor: String
    private let defaultDiscussion: String
    /// Groups in first-seen order; consecutive records mostly share one, so the last is kept
    /// at hand rather than hashed again.
    private var groups: [Group] = []
    private var groupIndex: [String: Int] = [:]
    private var lastGroup: Int?

    /// Messages are made as records arrive; only their ids and depths wait for the end.
    private struct Group {
        var key: String
        var title: String?
        var url: String?
        /// An empty id stands for "none given" (an empty given id counts as none).
        var messages: [Message] = []
        var lines: [Int] = []
    }

    init(path: String, extractor: String) {
        self.path = path
        self.extractor = extractor
        defaultDiscussion = Self.defaultDiscussionID(path)
    }

    mutating func add(_ record: MessageRecord) {
        let key = record.discussion ?? defaultDiscussion
        let index: Int
        if let last = lastGroup, groups[last].key == key {
            index = last
        } else if let known = groupIndex[key] {
            index = known
        } else {
            index = groups.count
            groups.append(Group(key: key))
            groupIndex[key] = index
        }
        lastGroup = index
        if groups[index].title == nil { groups[index].title = record.title }
        if groups[index].url == nil { groups[index].url = record.discussionURL }
        groups[index].messages.append(Message(
            id: record.id ?? "", position: groups[index].messages.count + 1, role: record.role,
            author: record.author, authorID: record.authorID, published: record.published,
            publishedText: record.publishedText, language: record.language, text: record.text,
            replyTo: record.replyTo, url: record.url))
        groups[index].lines.append(record.line)
    }

    /// The discussions, and a warning for each renamed duplicate id. Ends the assembly.
    mutating func finish() -> (discussions: [Discussion], problems: [Problem]) {
        var problems: [Problem] = []
        // Taken out of `self` so that each group's messages are changed in place, uncopied.
        var finished = groups
        groups = []
        groupIndex = [:]
        var discussions: [Discussion] = []
        discussions.reserveCapacity(finished.count)
        for index in finished.indices {
            var messages = finished[index].messages
            finished[index].messages = []
            assignIDs(&messages, lines: finished[index].lines, problems: &problems)
            Self.assignDepths(&messages)
            let group = finished[index]
            discussions.append(Discussion(
                id: group.key, title: group.title, url: group.url, sources: [path], messages: messages,
                extraction: [Extraction(source: path, extractor: extractor, confidence: 1, messages: messages.count)]))
        }
        return (discussions, problems)
    }

    /// The file's path as given (`a/talk.jsonl`), so that two files never share a discussion
    /// id unless their messages name one; stdin (`-`) → `stdin`.
    static func defaultDiscussionID(_ path: String) -> String {
        if path == "-" || path == "<stdin>" { return "stdin" }
        return path.isEmpty ? "messages" : path
    }

    /// Given ids are reserved first, so that a generated `m3` never takes a given one; with no
    /// given ids at all, `m<position>` cannot collide and no set is built.
    private func assignIDs(_ messages: inout [Message], lines: [Int], problems: inout [Problem]) {
        guard messages.indices.contains(where: { !messages[$0].id.isEmpty }) else {
            for index in messages.indices { messages[index].id = "m\(index + 1)" }
            return
        }
        var taken = Set<String>(minimumCapacity: messages.count)
        var repeated: [Int] = []
        for index in messages.indices where !messages[index].id.isEmpty {
            if !taken.insert(messages[index].id).inserted { repeated.append(index) }
        }
        for index in repeated {
            let given = messages[index].id
            let renamed = Self.unique(given, taken: &taken)
            messages[index].id = renamed
            problems.append(Problem(
                path: "\(path):\(lines[index])", severity: .warning,
                message: "duplicate id \"\(given)\", renamed \"\(renamed)\""))
        }
        for index in messages.indices where messages[index].id.isEmpty {
            let generated = "m\(index + 1)"
            messages[index].id = taken.insert(generated).inserted ? generated : Self.unique(generated, taken: &taken)
        }
    }

    private static func unique(_ base: String, taken: inout Set<String>) -> String {
        var suffix = 2
        while !taken.insert("\(base)~\(suffix)").inserted { suffix += 1 }
        return "\(base)~\(suffix)"
    }

    /// Depth = 1 + the depth of the message replied to, when it is in the same discussion;
    /// reply cycles (bad data) stop at the first repeated message. Linear: each message's
    /// depth is computed once, along the chain that first reaches it.
    private static func assignDepths(_ messages: inout [Message]) {
        guard messages.indices.contains(where: { messages[$0].replyTo != nil }) else { return }
        var indexByID: [String: Int] = [:]
        indexByID.reserveCapacity(messages.count)
        for index in messages.indices where indexByID[messages[index].id] == nil {
            indexByID[messages[index].id] = index
        }
        var depths = [Int](repeating: -1, count: messages.count)
        // Which walk last passed a message: meeting the current walk again means a cycle.
        var visitedBy = [Int](repeating: -1, count: messages.count)
        var chain: [Int] = []
        for start in messages.indices where depths[start] < 0 {
            chain.removeAll(keepingCapacity: true)
            var current = start
            var base = -1
            while true {
                if depths[current] >= 0 {
                    base = depths[current]
                    break
                }
                if visitedBy[current] == start { break }
                visitedBy[current] = start
                chain.append(current)
                guard let parentID = messages[current].replyTo, let parent = indexByID[parentID] else { break }
                current = parent
            }
            for (step, index) in chain.reversed().enumerated() { depths[index] = base + 1 + step }
        }
        for index in messages.indices { messages[index].depth = depths[index] }
    }
}
