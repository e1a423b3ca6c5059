import Foundation

/// Candidate post lists: sets of elements that repeat on the page (same tag and classes, one
/// shared class, or ids of one pattern such as `p1234`), scored on the cues every post carries
/// — an author, a date, a body — as MDR and forum-specific work find data records.
struct RecordGroup {
    var members: [HTMLTree.NodeID]
    var key: String
    /// Quick score from subtree sums; the layout analysis refines it for the best few.
    var score: Double = 0
}

enum RecordGroups {
    static func candidates(_ features: PageFeatures) -> [RecordGroup] {
        let tree = features.tree
        // Signatures and class keys are dense ids: lists in arrays indexed by them.
        let signatureCount = features.signatureNames.count
        var bySignature = [[HTMLTree.NodeID]](repeating: [], count: signatureCount)
        // One list per shared class word: keys interned once per signature, not per element.
        var classKeyIDs: [String: Int] = [:]
        var classKeys: [String] = []
        var keysOfSignature = [[Int]?](repeating: nil, count: signatureCount)
        var byClass: [[HTMLTree.NodeID]] = []
        var byIDPattern: [String: [HTMLTree.NodeID]] = [:]
        var byTag = [[HTMLTree.NodeID]](repeating: [], count: tree.tagNames.count)
        let customTags = tree.tagNames.map { $0.contains("-") }
        let minimumText: Int32 = 2
        for index in 0 ..< Int32(tree.count) where tree[index].kind == .element {
            let cue = features.cues[Int(index)]
            guard features.text[Int(index)] >= minimumText, !cue.contains(.insideQuote), !cue.contains(.hidden) else { continue }
            let tag = tree[index].tag
            let role = features.renderer.role(index)
            guard role != .hidden, role != .inline || customTags[Int(tag)] else { continue }
            let signature = Int(features.signature[Int(index)])
            bySignature[signature].append(index)
            if keysOfSignature[signature] == nil {
                let tagName = tree.tagNames[Int(tag)]
                keysOfSignature[signature] = Set(features.signatureWordLists[signature]).sorted().map { token in
                    let key = tagName + "." + token
                    if let known = classKeyIDs[key] { return known }
                    classKeyIDs[key] = classKeys.count
                    classKeys.append(key)
                    byClass.append([])
                    return classKeys.count - 1
                }
            }
            for key in keysOfSignature[signature]! { byClass[key].append(index) }
            if cue.contains(.postID), let identifier = features.idValue(index) {
                byIDPattern[tree.tagNames[Int(tag)] + "#" + idPattern(identifier), default: []].append(index)
            }
            // Custom elements (`shreddit-comment`) are components: the tag alone is the kind.
            if customTags[Int(tag)] { byTag[Int(tag)].append(index) }
        }
        // Many keys gather the same elements: lists already met (before or after pruning) are
        // skipped without pruning or scoring them again.
        var seenLists = ListSet()
        var groups: [RecordGroup] = []
        func add(_ members: [HTMLTree.NodeID], _ key: String) {
            guard members.count >= 1, members.count <= 5000, seenLists.insert(members) else { return }
            let kept = prune(members, features)
            guard !kept.isEmpty, kept.count == members.count || seenLists.insert(kept) else { return }
            var group = RecordGroup(members: kept, key: key)
            group.score = quickScore(group, features)
            if group.score > 0 { groups.append(group) }
        }
        // In a fixed order: the first key of a member set names it, and ties keep it.
        for (id, members) in bySignature.enumerated() where !members.isEmpty { add(members, features.signatureNames[id]) }
        for key in classKeys.indices.sorted(by: { classKeys[$0] < classKeys[$1] }) { add(byClass[key], classKeys[key]) }
        for (key, members) in byIDPattern.sorted(by: { $0.key < $1.key }) { add(members, key) }
        for (tag, members) in byTag.enumerated() where !members.isEmpty { add(members, tree.tagNames[tag]) }
        return groups.sorted { $0.score > $1.score || ($0.score == $1.score && $0.key < $1.key) }
    }

    /// Members nested in another member are threaded replies only when they carry an author or
    /// a date of their own; otherwise they are a part of the outer record (a post's inner
    /// `article`) and leave the list.
    static func prune(_ members: [HTMLTree.NodeID], _ features: PageFeatures) -> [HTMLTree.NodeID] {
        var kept: [HTMLTree.NodeID] = []
        kept.reserveCapacity(members.count)
        var open: [HTMLTree.NodeID] = []
        for member in members {
            while let last = open.last, !features.tree.isAncestor(last, of: member) { open.removeLast() }
            let i = Int(member)
            if !open.isEmpty, features.authorCues[i] == 0, features.dateCues[i] == 0 { continue }
            kept.append(member)
            open.append(member)
        }
        return kept
    }

    /// `p1234` → `p#`, `post_42` → `post_#`, `thing_t1_abc12` → `thing_t#_*`.
    static func idPattern(_ identifier: String) -> String {
        String(decoding: idPattern(bytes: identifier.utf8), as: UTF8.self)
    }

    static func idPattern<Bytes: Collection<UInt8>>(bytes identifier: Bytes) -> [UInt8] {
        var pattern: [UInt8] = []
        pattern.reserveCapacity(identifier.count)
        var inNumber = false
        var sawNumber = false
        var lastSeparator = -1
        for byte in identifier {
            if byte >= 0x30, byte <= 0x39 {
                if !inNumber { pattern.append(UInt8(ascii: "#")) }
                inNumber = true
                sawNumber = true
            } else {
                inNumber = false
                if byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-") { lastSeparator = pattern.count }
                pattern.append(byte)
            }
        }
        // A trailing base-36 code (`t1_abc12x`): one pattern for all.
        if sawNumber, lastSeparator >= 0, pattern.count - lastSeparator - 1 > 3 {
            pattern.removeSubrange(lastSeparator + 1 ..< pattern.count)
            pattern.append(UInt8(ascii: "*"))
        }
        return pattern
    }

    /// A post list holds several records, each with one author, one date and a body, and
    /// together most of the page's text.
    static func quickScore(_ group: RecordGroup, _ features: PageFeatures) -> Double {
        let members = group.members
        let pageText = Double(max(features.text[0], 1))
        // Own sums exclude members nested inside other members (threaded replies).
        var ownText = 0.0
        var withAuthor = 0
        var withDate = 0
        var withID = 0
        var dateCueCounts: [Int32] = []
        dateCueCounts.reserveCapacity(members.count)
        // Open members as positions in `members` (document order).
        var stack: [Int] = []
        var nestedText: [Int32] = Array(repeating: 0, count: members.count)
        var nestedAuthor: [Int32] = Array(repeating: 0, count: members.count)
        var nestedDate: [Int32] = Array(repeating: 0, count: members.count)
        for (offset, member) in members.enumerated() {
            while let top = stack.last, !features.tree.isAncestor(members[top], of: member) { stack.removeLast() }
            if let parent = stack.last {
                nestedText[parent] += features.text[Int(member)]
                nestedAuthor[parent] += features.authorCues[Int(member)]
                nestedDate[parent] += features.dateCues[Int(member)]
            }
            stack.append(offset)
        }
        for (offset, member) in members.enumerated() {
            let i = Int(member)
            ownText += Double(features.text[i] - nestedText[offset])
            let authors = features.authorCues[i] - nestedAuthor[offset]
            let dates = features.dateCues[i] - nestedDate[offset]
            if authors > 0 || features.authorAttribute(of: member) != nil {
                withAuthor += 1
            }
            if dates > 0 { withDate += 1 }
            dateCueCounts.append(dates)
            if features.cues[i].contains(.postID) { withID += 1 }
        }
        let count = Double(members.count)
        let share = ownText / pageText
        guard share > 0.02 else { return 0 }
        let authorShare = Double(withAuthor) / count
        let dateShare = Double(withDate) / count
        // A wrapper holding many posts shows many dates per member.
        let sortedCounts = dateCueCounts.sorted()
        let medianDates = Double(sortedCounts[sortedCounts.count / 2])
        let multiplicity = max(1, medianDates - 2)
        let size = members.count == 1 ? 0.4 : log2(1 + count)
        return size * (0.1 + authorShare) * (0.1 + dateShare) * share.squareRoot()
            * (1 + 0.3 * Double(withID) / count) / multiplicity
    }
}

/// A set of node lists that hashes each list with a multiply-and-rotate over its ids (a
/// `Set<[NodeID]>` ran SipHash over every id of every candidate list), comparing lists
/// exactly among those of one hash.
private struct ListSet {
    private var ids = DenseIDs()
    private var buckets: [[[HTMLTree.NodeID]]] = []

    /// Whether `list` was new.
    mutating func insert(_ list: [HTMLTree.NodeID]) -> Bool {
        var hash = UInt64(list.count) &* 0x9E37_79B9_7F4A_7C15
        for node in list {
            hash = (hash ^ UInt64(UInt32(bitPattern: node))) &* 0xFF51_AFD7_ED55_8CCD
            hash = (hash << 29) | (hash >> 35)
        }
        let id = Int(ids.id(of: hash))
        if id == buckets.count {
            buckets.append([list])
            return true
        }
        guard !buckets[id].contains(list) else { return false }
        buckets[id].append(list)
        return true
    }
}
