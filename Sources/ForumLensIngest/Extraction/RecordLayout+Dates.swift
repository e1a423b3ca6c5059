import Foundation

/// Where each record shows its date: the path of read dates most records share, leaving out
/// "Joined"/"Inscription" labels, edit notices and editors' cards.
extension RecordLayout {
    /// Some engines put a post's header (date, permalink) in the element just before the post
    /// (bbPress's `bbp-reply-header`): a record of two siblings. Dates found there count when
    /// most records have such a header.
    mutating func takeDatesFromHeaders(_ features: PageFeatures) {
        let tree = features.tree
        let headerDates: [ReadDate?] = members.map { member in
            guard let header = tree.previousElement(member), !memberSet.contains(header),
                  features.dateCues[Int(header)] > 0, features.text[Int(header)] < 200
            else { return nil }
            // Loops rather than lazy sequences here: their closures would copy the features.
            for node in header ..< tree[header].end { if let date = features.dateOn[node] { return date } }
            return nil
        }
        guard headerDates.filter({ $0 != nil }).count * 2 > members.count else { return }
        for index in members.indices where dates[index] == nil { dates[index] = headerDates[index] }
    }

    private static let joinWords = [
        "inscri", "joined", "registered", "member since", "membre depuis", "beigetreten", "registriert",
        "dabei seit", "iscritto", "registrato", "registrado", "membro desde", "miembro desde", "注册", "加入",
        "join date", "date d'inscription", "regist", "last seen", "dernière visite", "last visit", "last active",
    ]

    static func chooseDates(
        _ walk: Walk, members: [HTMLTree.NodeID], bodies: [HTMLTree.NodeID?], features: PageFeatures
    ) -> [ReadDate?] {
        let tree = features.tree
        let occurrences = walk.occurrences
        // "Joined: 12 Mar 2008": the label is in the date's own text, in the text just before
        // it, or in a parent that holds little else.
        func isJoinDate(_ node: HTMLTree.NodeID) -> Bool {
            features.cues[Int(node)].contains(.joinDate) || features.isJoinDate(node) { isLabelledJoinDate(node) }
        }
        func isLabelledJoinDate(_ node: HTMLTree.NodeID) -> Bool {
            func labelled(_ text: String) -> Bool {
                // Leading texts come lowercased already (ASCII).
                let lower = text.utf8.contains { $0 >= 0x80 || ($0 >= 0x41 && $0 <= 0x5A) } ? text.lowercased() : text
                return joinWords.contains(where: lower.contains)
            }
            if labelled(features.leadingText(node, bytes: 80)) { return true }
            let parent = tree[node].parent
            guard parent > 0 else { return false }
            var previous: HTMLTree.NodeID?
            for child in tree.children(of: parent) {
                if child == node { break }
                if tree[child].kind != .comment { previous = child }
            }
            if let previous {
                let text = tree[previous].kind == .text ? tree.text(previous) : features.leadingText(previous, bytes: 60)
                if text.count < 40, labelled(text) { return true }
            }
            if features.cues[Int(parent)].contains(.joinDate) { return true }
            return features.text[Int(parent)] < 60 && labelled(features.leadingText(parent, bytes: 120))
        }
        func candidate(_ occurrence: Occurrence) -> Bool {
            guard features.cues[Int(occurrence.node)].contains(.dateValue), features.dateOn[occurrence.node] != nil else { return false }
            if let body = bodies[occurrence.member], body != members[occurrence.member],
               occurrence.node == body || tree.isAncestor(body, of: occurrence.node)
            {
                return false
            }
            let cue = features.cues[Int(occurrence.node)]
            return !cue.contains(.editNotice) && !isJoinDate(occurrence.node) && features.card(of: occurrence.node) != .editor
        }
        let paths = stats(walk) { candidate(occurrences[$0]) }
        var best: (score: Double, path: Int32)?
        for (path, entry) in paths.ordered() {
            let nodes = paths.first(path).nodes
            let values = nodes.compactMap { features.dateOn[$0] }
            let machine = values.filter(\.machine).count
            let named = nodes.filter { features.cues[Int($0)].contains(.dateElement) }.count
            var score = Double(entry.members) * (1 + 0.2 * Double(machine + named) / Double(values.count))
            if entry.members >= 3, Set(values.map(\.date)).count * 2 < entry.members { score *= 0.3 }
            score -= 0.01 * Double(entry.depth)
            if best == nil || score > best!.score { best = (score, path) }
        }
        let bestByMember = best.map { paths.first($0.path).byMember(count: members.count) }
        return members.indices.map { memberIndex in
            let node = bestByMember?[memberIndex]
                ?? occurrences.first { $0.member == memberIndex && candidate($0) }?.node
            // A fuller date inside the chosen one ("Yesterday" shown, the time in a title) wins.
            if let node, let shown = features.dateOn[node], !shown.machine {
                for inner in node + 1 ..< tree[node].end
                where !features.cues[Int(inner)].contains(.editNotice) && !features.cues[Int(tree[inner].parent)].contains(.editNotice) {
                    if let date = features.dateOn[inner], date.machine, date.date.hour != nil || shown.date.hour == nil { return date }
                }
            }
            // A date on the record itself (`data-timestamp`) when none is inside.
            return node.flatMap { features.dateOn[$0] } ?? features.dateOn[members[memberIndex]]
        }
    }
}
