import Foundation

/// Where, inside each record of a group, the body, the author and the date are. Records of
/// one list share their inner structure, so each field is looked for at the relative path
/// (signatures from the record down) that works for most records: a short post finds its
/// body where the long ones have theirs.
struct RecordLayout {
    let members: [HTMLTree.NodeID]
    var bodies: [HTMLTree.NodeID?]
    /// Whether each body was found where the other records keep theirs (or is of their kind).
    var bodiesInPlace: [Bool]
    var authors: [String?]
    var authorNodes: [HTMLTree.NodeID?]
    var dates: [ReadDate?]
    /// Records nested inside a record (threaded replies): never part of its own text.
    let memberSet: NodeSet

    /// How well the fields were found: the share of records with a body, an author, a date.
    /// Records whose body is where most records keep theirs, or of the same kind.
    var bodyShare: Double { share(bodiesInPlace) }
    var authorShare: Double { share(authors.map { $0 != nil }) }
    var dateShare: Double { share(dates.map { $0 != nil }) }

    /// How much of the records' text their bodies hold: most of it for posts, little for
    /// lists of post headers or user cards.
    func bodyTextRatio(_ features: PageFeatures) -> Double {
        let tree = features.tree
        // Own text: without the records nested inside (threaded replies, malformed nesting).
        func ownText(_ node: HTMLTree.NodeID) -> Double {
            var total = features.text[Int(node)]
            var index = node + 1
            while index < tree[node].end {
                if memberSet.contains(index) {
                    total -= features.text[Int(index)]
                    index = tree[index].end
                } else {
                    index += 1
                }
            }
            return Double(total)
        }
        var bodyText = 0.0
        var recordText = 0.0
        for (member, body) in zip(members, bodies) {
            recordText += ownText(member)
            if let body, body != member { bodyText += ownText(body) }
        }
        return recordText > 0 ? min(1, bodyText / recordText) : 0
    }

    private func share(_ found: [Bool]) -> Double {
        found.isEmpty ? 0 : Double(found.filter { $0 }.count) / Double(found.count)
    }
}

extension RecordLayout {
    struct Occurrence {
        var member: Int
        var node: HTMLTree.NodeID
        /// The relative path from the record, as a dense id (the order paths were met).
        var path: Int32
        var ownText: Int32
        var ownLinkText: Int32
        var meta: Int32
        var depth: Int
        var bodyNamed: Bool
    }

    /// Plain numbers, so that tables of thousands of paths are made and copied without
    /// reference counting; each record's first element on the path is chained in the table.
    struct PathStats {
        var members = 0
        var lastMember = -1
        var text = 0.0
        var linkText = 0.0
        var metaMembers = 0
        var bodyNamed = 0
        var depth = 0
        /// The path's first element in the document.
        var earliest: HTMLTree.NodeID = .max
        /// The first and last links of the path's chain in `PathTable.firstNodes` (-1: none).
        fileprivate var firstHead: Int32 = -1
        fileprivate var firstTail: Int32 = -1
    }

    /// Each record's first element on a path, records in increasing order.
    struct FirstNodes: Sequence {
        fileprivate let links: [PathTable.Link]
        fileprivate let head: Int32

        struct Iterator: IteratorProtocol {
            fileprivate let links: [PathTable.Link]
            fileprivate var link: Int32

            mutating func next() -> (member: Int, node: HTMLTree.NodeID)? {
                guard link >= 0 else { return nil }
                let current = links[Int(link)]
                link = current.next
                return (Int(current.member), current.node)
            }
        }

        func makeIterator() -> Iterator { Iterator(links: links, link: head) }

        var nodes: [HTMLTree.NodeID] { map(\.node) }

        /// The first element of each record by record index (nil where a record has none).
        func byMember(count: Int) -> [HTMLTree.NodeID?] {
            var result = [HTMLTree.NodeID?](repeating: nil, count: count)
            for (member, node) in self { result[member] = node }
            return result
        }
    }

    init(members: [HTMLTree.NodeID], features: borrowing PageFeatures) {
        self.members = members
        memberSet = NodeSet(members, count: features.tree.count)
        let walk = Self.walk(members, features: features, memberSet: memberSet)
        (bodies, bodiesInPlace) = Self.chooseBodies(walk, members: members, features: features)
        (authors, authorNodes) = Self.chooseAuthors(walk, members: members, bodies: bodies, features: features)
        dates = Self.chooseDates(walk, members: members, bodies: bodies, features: features)
        if dateShare < 0.5 { takeDatesFromHeaders(features) }
    }


    /// Every element of every record (nested records and quotes skipped), with its path and
    /// its own text: subtree text minus the text of records nested inside it.
    private static func walk(
        _ members: [HTMLTree.NodeID], features: PageFeatures, memberSet: NodeSet
    ) -> Walk {
        let tree = features.tree
        var occurrences: [Occurrence] = []
        // At most one per node of the records (nested records are skipped, not walked twice).
        occurrences.reserveCapacity(min(tree.count, members.reduce(0) { $0 + Int(tree[$1].end - $1) }))
        // Records of a few hundred elements take hundreds of distinct paths.
        var pathIDs = DenseIDs(capacity: 512)
        for (memberIndex, member) in members.enumerated() {
            // Open elements: occurrence index, end, path hash, nested text and meta to subtract.
            var stack: [(occurrence: Int, end: HTMLTree.NodeID, path: UInt64, nestedText: Int32, nestedLink: Int32, nestedMeta: Int32)] = []
            func pop() {
                let top = stack.removeLast()
                occurrences[top.occurrence].ownText -= top.nestedText
                occurrences[top.occurrence].ownLinkText -= top.nestedLink
                occurrences[top.occurrence].meta -= top.nestedMeta
                if !stack.isEmpty {
                    stack[stack.count - 1].nestedText += top.nestedText
                    stack[stack.count - 1].nestedLink += top.nestedLink
                    stack[stack.count - 1].nestedMeta += top.nestedMeta
                }
            }
            var index = member + 1
            let end = tree[member].end
            while index < end {
                while let top = stack.last, index >= top.end { pop() }
                let node = tree[index]
                guard node.kind == .element else {
                    index += 1
                    continue
                }
                let i = Int(index)
                if memberSet.contains(index) || features.cues[i].contains(.hidden) {
                    if !stack.isEmpty {
                        stack[stack.count - 1].nestedText += features.text[i]
                        stack[stack.count - 1].nestedLink += features.linkText[i]
                        stack[stack.count - 1].nestedMeta += features.authorCues[i] + features.dateCues[i]
                    }
                    index = node.end
                    continue
                }
                let parentPath = stack.last?.path ?? 0xCBF2_9CE4_8422_2325
                let signature = features.pathSignature[i]
                // The second `td.messcase#` of a row is not the first.
                let step = UInt64(bitPattern: Int64(signature)) | UInt64(features.siblingOrdinal[i]) << 48
                let path = (parentPath ^ step) &* 0x100_0000_01B3
                occurrences.append(Occurrence(
                    member: memberIndex, node: index, path: pathIDs.id(of: path), ownText: features.text[i],
                    ownLinkText: features.linkText[i], meta: features.authorCues[i] + features.dateCues[i],
                    depth: stack.count + 1, bodyNamed: features.cues[i].contains(.bodyName)))
                // Quotes are one unit: nothing inside them is a field of this record.
                if features.cues[i].contains(.quote) {
                    occurrences[occurrences.count - 1].meta = 0
                    index = node.end
                    continue
                }
                stack.append((occurrences.count - 1, node.end, path, 0, 0, 0))
                index += 1
            }
            while !stack.isEmpty { pop() }
        }
        return Walk(occurrences: occurrences, pathCount: pathIDs.count)
    }

    /// The elements of a group's records and how many distinct paths they take.
    struct Walk {
        var occurrences: [Occurrence]
        var pathCount: Int
    }

    /// Statistics of the paths some occurrences take, indexed by path id.
    struct PathTable {
        fileprivate struct Link {
            var member: Int32
            var node: HTMLTree.NodeID
            var next: Int32
        }

        fileprivate var entries: [PathStats]
        fileprivate var links: [Link] = []
        fileprivate let keepsFirst: Bool

        fileprivate init(pathCount: Int, keepsFirst: Bool) {
            entries = Array(repeating: PathStats(), count: pathCount)
            self.keepsFirst = keepsFirst
        }

        subscript(path: Int32) -> PathStats? {
            Int(path) < entries.count && entries[Int(path)].members > 0 ? entries[Int(path)] : nil
        }

        /// Each record's first element on `path` (when the table keeps them).
        func first(_ path: Int32) -> FirstNodes { FirstNodes(links: links, head: entries[Int(path)].firstHead) }

        /// The paths taken (those `include` keeps), in document order of each path's first
        /// element, so that choices between equal scores do not depend on the order paths were met.
        func ordered(where include: (PathStats) -> Bool = { _ in true }) -> [(path: Int32, entry: PathStats)] {
            entries.indices.filter { entries[$0].members > 0 && include(entries[$0]) }
                .sorted { entries[$0].earliest < entries[$1].earliest }
                .map { (Int32($0), entries[$0]) }
        }

        fileprivate mutating func record(_ occurrence: Occurrence) {
            let path = Int(occurrence.path)
            guard entries[path].lastMember != occurrence.member else { return }
            if keepsFirst {
                let link = Int32(links.count)
                links.append(Link(member: Int32(occurrence.member), node: occurrence.node, next: -1))
                if entries[path].firstTail >= 0 { links[Int(entries[path].firstTail)].next = link } else { entries[path].firstHead = link }
                entries[path].firstTail = link
            }
            entries[path].members += 1
            entries[path].lastMember = occurrence.member
            entries[path].earliest = min(entries[path].earliest, occurrence.node)
            entries[path].text += Double(occurrence.ownText)
            entries[path].linkText += Double(occurrence.ownLinkText)
            if occurrence.meta > 0 { entries[path].metaMembers += 1 }
            if occurrence.bodyNamed { entries[path].bodyNamed += 1 }
            entries[path].depth = occurrence.depth
        }
    }

    /// `keepingFirst: false` skips the per-record first elements when only the totals are read.
    /// The occurrences `include` keeps are given by index.
    static func stats(_ walk: Walk, keepingFirst: Bool = true, where include: (Int) -> Bool) -> PathTable {
        var table = PathTable(pathCount: walk.pathCount, keepsFirst: keepingFirst)
        for index in walk.occurrences.indices where include(index) { table.record(walk.occurrences[index]) }
        return table
    }

    // MARK: - Body

    private static func chooseBodies(
        _ walk: Walk, members: [HTMLTree.NodeID], features: PageFeatures
    ) -> ([HTMLTree.NodeID?], [Bool]) {
        let occurrences = walk.occurrences
        let paths = stats(walk, keepingFirst: false) { _ in true }
        let count = Double(members.count)
        var best: (score: Double, depth: Int, path: Int32)?
        // Most paths are in few records: left out before sorting.
        for (path, entry) in paths.ordered(where: { $0.text > 0 && ($0.members * 2 >= members.count || members.count == 1) }) {
            let coverage = Double(entry.members) / count
            let plain = max(0, entry.text - entry.linkText) + 0.25 * entry.linkText
            let meta = Double(entry.metaMembers) / Double(entry.members) >= 0.5 ? 0.3 : 1
            let named = Double(entry.bodyNamed) / Double(entry.members) >= 0.5 ? 1.3 : 1
            let score = plain * meta * named * coverage
            // Equal scores: the shallower element, which holds every paragraph of a post even
            // where most posts have only one.
            if best == nil || score > best!.score * 1.02 || (score >= best!.score * 0.98 && entry.depth < best!.depth) {
                best = (score, entry.depth, path)
            }
        }
        guard let best else { return (members.map { _ in nil }, members.map { _ in false }) }
        let chosen = stats(walk) { occurrences[$0].path == best.path }.first(best.path)
        let chosenByMember = chosen.byMember(count: members.count)
        let signatures = Set(chosen.nodes.map { features.signature[Int($0)] })
        var inPlace: [Bool] = []
        let bodies: [HTMLTree.NodeID?] = members.indices.map { memberIndex in
            if let node = chosenByMember[memberIndex], features.text[Int(node)] > 0 {
                inPlace.append(true)
                return node
            }
            // This record keeps its body elsewhere (a question among answers): the same kind
            // of element at another place, else what looks most like a body in it alone.
            let own = occurrences.filter { $0.member == memberIndex && $0.ownText > 0 }
            if let elsewhere = own.first(where: { signatures.contains(features.signature[Int($0.node)]) }) {
                inPlace.append(true)
                return elsewhere.node
            }
            inPlace.append(false)
            func score(_ occurrence: Occurrence) -> Double {
                let plain = Double(max(0, occurrence.ownText - occurrence.ownLinkText)) + 0.25 * Double(occurrence.ownLinkText)
                let named = features.cues[Int(occurrence.node)].contains(.bodyName) ? 1.3 : 1
                return plain * named * (occurrence.meta > 0 ? 0.3 : 1)
            }
            let best = own.max { score($0) < score($1) || (score($0) == score($1) && $0.depth > $1.depth) }
            return best?.node ?? members[memberIndex]
        }
        return (bodies, inPlace)
    }

    // MARK: - Author

    private static func chooseAuthors(
        _ walk: Walk, members: [HTMLTree.NodeID], bodies: [HTMLTree.NodeID?], features: PageFeatures
    ) -> ([String?], [HTMLTree.NodeID?]) {
        let tree = features.tree
        let occurrences = walk.occurrences
        // A name given as an attribute of the record itself (`data-author`, `author`).
        let given = members.map { features.authorAttribute(of: $0) }
        if given.filter({ $0 != nil }).count * 2 >= members.count {
            return (given, members.map { _ in nil })
        }
        func outsideBody(_ occurrence: Occurrence) -> Bool {
            guard let body = bodies[occurrence.member], body != members[occurrence.member] else { return true }
            return !(occurrence.node == body || tree.isAncestor(body, of: occurrence.node))
        }
        // How much an element looks like the author's name (`PageFeatures.authorCandidate`),
        // per occurrence: nil until judged, 0 when it is no name or sits in the body.
        var strengths = [Double?](repeating: nil, count: occurrences.count)
        func name(_ node: HTMLTree.NodeID) -> String? { features.authorCandidate(node)?.name }
        // Marked names first (classes, profile links); plain name-like texts are read only
        // when marked ones do not cover most records: they are many and cost a rendering each.
        func choose(plainNames: Bool) -> (paths: PathTable, best: (score: Double, path: Int32)?) {
            for (index, occurrence) in occurrences.enumerated() where strengths[index] == nil {
                let cue = features.cues[Int(occurrence.node)]
                guard plainNames || cue.contains(.authorName) || cue.contains(.profileLink) else { continue }
                strengths[index] = outsideBody(occurrence) ? features.authorCandidate(occurrence.node)?.strength ?? 0 : 0
            }
            let paths = stats(walk) { (strengths[$0] ?? 0) > 0 }
            var best: (score: Double, path: Int32)?
            for (path, entry) in paths.ordered() {
                var total = 0.0
                var position = 0.0
                // The same text in every record is a label ("Reply", "Membre"), not a name.
                var sameName: String?
                var oneName = true
                for (memberIndex, node) in paths.first(path) {
                    let candidate = features.authorCandidate(node)
                    total += candidate?.strength ?? 0
                    let member = members[memberIndex]
                    position += Double(node - member) / Double(max(1, tree[member].end - member))
                    if let name = candidate?.name, oneName {
                        if sameName == nil { sameName = name } else if sameName != name { oneName = false }
                    }
                }
                var score = total - 0.3 * position / Double(entry.members)
                if entry.members >= 3, sameName != nil, oneName, members.count >= 3 { score *= 0.1 }
                if best == nil || score > best!.score { best = (score, path) }
            }
            return (paths, best)
        }
        var (paths, best) = choose(plainNames: false)
        if (best.flatMap { paths[$0.path]?.members } ?? 0) * 2 < members.count {
            (paths, best) = choose(plainNames: true)
        }
        var found: [String?] = []
        var nodes: [HTMLTree.NodeID?] = []
        let bestByMember = best.map { paths.first($0.path).byMember(count: members.count) }
        for memberIndex in members.indices {
            var node = bestByMember?[memberIndex]
            if node == nil {
                // This record lacks the usual place: its first marked name, if any.
                node = occurrences.indices.first {
                    occurrences[$0].member == memberIndex && (strengths[$0] ?? 0) >= 0.9
                }.map { occurrences[$0].node }
            }
            var name = node.flatMap(name)
            // A name element holding a more precise one (a link in a name block that also
            // shows an avatar letter or an @handle): the inner one.
            while let outer = node, let inner = (outer + 1 ..< tree[outer].end).first(where: {
                let cue = features.cues[Int($0)]
                return (cue.contains(.authorName) || cue.contains(.profileLink)) && features.text[Int($0)] > 0
            }), let innerName = cleanAuthor(features.renderer.render(inner)) {
                name = innerName
                node = inner
            }
            found.append(name)
            nodes.append(name == nil ? nil : node)
        }
        return (found, nodes)
    }

    private static let namePrefixes = [
        "afficher tous les articles par ", "voir tous les articles de ", "view all posts by ", "all posts by ",
        "alle beiträge von ", "posted by ", "geschrieben von ", "par ", "by ", "von ", "di ", "por ",
    ]

    /// The first letters of `namePrefixes`: names starting otherwise skip the lowercasing.
    private static let prefixInitials = Set(namePrefixes.compactMap(\.utf8.first))

    /// Called for every short element of every candidate record: byte tests first.
    static func cleanAuthor(_ raw: String) -> String? {
        var name = raw
        if let newline = name.utf8.firstIndex(of: 0x0A) { name = String(name[..<newline]) }
        name = name.collapsingSpaces
        if let first = name.utf8.first, prefixInitials.contains(first | 0x20),
           let prefix = namePrefixes.first(where: name.lowercased().hasPrefix)
        {
            name = String(name.dropFirst(prefix.count)).collapsingSpaces
        }
        // Counts ("22 Posts", "65.9k", "(3 children)"), bare numbers and labels ("Joined: Apr
        // 2002", "Auteur :") are not names; a handle that starts with a digit ("2kwatts") is.
        let hasASCIILetter = name.utf8.contains { ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A }
        guard !name.isEmpty, name.utf8.count <= 64 || name.count <= 64, hasASCIILetter || name.contains(where: \.isLetter),
              !name.contains(": "),
              !name.hasSuffix(":"), name.first != "(", name.first != "["
        else { return nil }
        if name.first?.isNumber ?? false, name.split(separator: " ").count <= 2, name.filter(\.isLetter).count <= 9,
           name.contains(" ") || name.filter(\.isLetter).count < 4 {
            return nil
        }
        return name
    }
}
