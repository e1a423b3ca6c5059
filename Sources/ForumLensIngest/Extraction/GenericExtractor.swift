import Foundation
import ForumLensCore

/// Finds the posts of a forum it has never seen: the repeated records of the page that carry
/// an author, a date and a body (DESIGN.md, "The generic extractor"), then each record's
/// fields at the places most records keep them.
public struct GenericExtractor: Extractor {
    public let name = "generic"

    public init() {}

    public func extract(_ page: ParsedPage) -> ExtractedPage {
        // A constant: every function and closure below borrows it rather than copying its arrays.
        let features = PageFeatures(
            tree: page.tree, dates: DateReader(context: page.dateContext, tree: page.tree), pageTitle: page.metadata.title,
            pageURL: page.metadata.url)
        let candidateList = RecordGroups.candidates(features)
        var evaluated: [(score: Double, group: RecordGroup, layout: RecordLayout)] = []
        var notes: [String] = []
        // The layout analysis costs most: only for lists the quick score does not rule out.
        let bar = 0.2 * (candidateList.first?.score ?? 0)
        for group in candidateList.prefix(6) where group.score >= bar {
            let layout = RecordLayout(members: group.members, features: features)
            var score = group.score * (0.5 + layout.authorShare) * (0.5 + layout.dateShare) * (0.5 + layout.bodyShare)
                * (0.2 + layout.bodyTextRatio(features))
            // A list gathered by one shared class may mix kinds of elements (post cells and
            // comment cells): the more kinds, the less it looks like one list of posts.
            score *= 0.5 + 0.5 * Self.purity(group.members, features)
            // Classless generic containers repeat for layout reasons more often than for posts.
            if group.key.hasSuffix("."), ["div.", "span.", "li.", "td.", "tr.", "table.", "p.", "section."].contains(group.key) {
                score *= 0.5
            }
            evaluated.append((score, group, layout))
        }
        // Lists inside lists: a list whose items wrap several posts of a good list is a frame;
        // a list whose items sit inside posts that have words of their own is their comments.
        // By index, with the lists and shares taken out once: the pairs below are many.
        let lists = evaluated.map(\.group.members)
        let postLike = evaluated.map { $0.layout.authorShare >= 0.6 && $0.layout.bodyShare >= 0.6 && $0.layout.dateShare >= 0.5 }
        for index in evaluated.indices {
            for other in evaluated.indices where other != index && postLike[other] {
                let nesting = ListNesting(outer: lists[index], inner: lists[other], features: features)
                let reverse = ListNesting(outer: lists[other], inner: lists[index], features: features)
                // Comments hang under the posts of one consistent list, not under a page block.
                let postList = lists[other].count >= 2 && Self.purity(lists[other], features) >= 0.7
                if nesting.outerWrapsInner || (reverse.innerIsSubList && postList) {
                    if page.explain {
                        notes.append("\(evaluated[index].group.key): \(nesting.outerWrapsInner ? "a frame around" : "comments under") \(evaluated[other].group.key)")
                    }
                    evaluated[index].score *= 0.2
                    break
                }
            }
        }
        // Of a threaded wrapper and the post inside it, the wrapper keeps who answers whom.
        let demoted = evaluated.map(\.score)
        for index in evaluated.indices {
            for other in evaluated.indices where other != index {
                let nesting = ListNesting(outer: lists[index], inner: lists[other], features: features)
                if nesting.outerThreadsInner { evaluated[index].score = max(demoted[index], demoted[other] * 1.05) }
            }
        }
        if page.explain {
            for entry in evaluated.sorted(by: { $0.score > $1.score }) {
                let layout = entry.layout
                notes.append(String(
                    format: "%@ ×%d: quick %.2f, authors %.0f%%, dates %.0f%%, bodies %.0f%% → %.2f",
                    entry.group.key, entry.group.members.count, entry.group.score, 100 * layout.authorShare,
                    100 * layout.dateShare, 100 * layout.bodyShare, entry.score))
            }
        }
        let best = evaluated.max { $0.score < $1.score }
        guard let best else {
            return ExtractedPage(extractor: name, messages: [], confidence: 0, notes: notes + ["no repeated post container found"])
        }
        if page.explain {
            for (index, body) in best.layout.bodies.enumerated() {
                let place = body.map { features.signatureNames[Int(features.signature[Int($0)])] } ?? "none"
                notes.append("record \(index + 1): body \(place), author \(best.layout.authors[index] ?? "none"), date \(best.layout.dates[index]?.shown ?? "none")")
            }
        }
        let opening = OpeningPost(layout: best.layout, features: features, pageType: page.metadata.pageType)
        let (messages, generated) = Self.messages(best.layout, opening: opening, features: features)
        let confidence = Self.confidence(best.layout, messages: messages)
        return ExtractedPage(
            extractor: name, messages: messages, confidence: confidence, generatedIDs: generated,
            notes: ["posts: \(best.group.key) ×\(best.group.members.count)\(opening == nil ? "" : ", and an opening post apart")"] + notes)
    }

    /// The share of members with the list's most common full signature.
    static func purity(_ members: [HTMLTree.NodeID], _ features: PageFeatures) -> Double {
        var counts: [Int32: Int] = [:]
        for member in members { counts[features.signature[Int(member)], default: 0] += 1 }
        return Double(counts.values.max() ?? 0) / Double(max(1, members.count))
    }

    static func confidence(_ layout: RecordLayout, messages: [Message]) -> Double {
        guard !messages.isEmpty else { return 0 }
        let fields = 0.4 * layout.authorShare + 0.3 * layout.dateShare + 0.3 * layout.bodyShare
        let repeated = min(1, Double(layout.members.count) / 3)
        return (fields * (0.6 + 0.4 * repeated) * 100).rounded() / 100
    }

    /// The records' messages; `givenIDs` (by record, from a profile's permalinks) before the
    /// records' own `id` attributes; `parents` (by record, the index of the record it answers,
    /// from a profile's depths) instead of the records' nesting.
    static func messages(
        _ layout: RecordLayout, opening: OpeningPost?, features: PageFeatures, givenIDs: [String?] = [], parents: [Int?]? = nil
    ) -> ([Message], Set<String>) {
        let tree = features.tree
        var messages: [Message] = []
        var usedIDs = Set<String>()
        var generated = Set<String>()
        var idOfMember: [HTMLTree.NodeID: String] = [:]
        var enclosing: [HTMLTree.NodeID] = []
        func identifier(of node: HTMLTree.NodeID, given: String? = nil) -> String {
            var id = (given ?? features.idValue(node))?.collapsingSpaces ?? ""
            if id.isEmpty || usedIDs.contains(id) {
                id = "m\(messages.count + 1)"
                generated.insert(id)
            }
            usedIDs.insert(id)
            return id
        }
        // The opening post, when rendered apart: top-level replies answer it.
        var root: String?
        if let opening {
            let post = PostText(body: opening.body, features: features, nestedRecords: layout.memberSet)
            let firstText = layout.bodies.first.flatMap { $0 }.map { features.renderer.render($0) }
            if !post.text.isEmpty, post.text != firstText {
                let id = identifier(of: opening.container)
                root = id
                var quotes = post.quotes
                for (quoteIndex, target) in post.quoteTargets.enumerated() { quotes[quoteIndex].messageID = target }
                messages.append(Message(
                    id: id, position: 1, role: opening.role, author: opening.author,
                    authorID: opening.authorNode.flatMap { authorID(of: $0, features) },
                    published: opening.date?.date.iso8601(), publishedText: opening.date?.shown,
                    text: post.text, quotes: quotes))
            }
        }
        // When most records show an author or a date, one with neither is an ad or a footer.
        let signed = layout.members.indices.filter { layout.authors[$0] != nil || layout.dates[$0] != nil }.count
        let requireSignature = signed * 5 >= layout.members.count * 3
        for (index, member) in layout.members.enumerated() {
            while let top = enclosing.last, !tree.isAncestor(top, of: member) { enclosing.removeLast() }
            defer { enclosing.append(member) }
            guard let body = layout.bodies[index] else { continue }
            if requireSignature, layout.authors[index] == nil, layout.dates[index] == nil { continue }
            if isNavigation(body, layout: layout, features: features) { continue }
            let post = PostText(body: body, features: features, nestedRecords: layout.memberSet)
            // Records with neither words nor an author are empty shells (deleted posts), not posts.
            if post.text.isEmpty, post.quotes.isEmpty, layout.authors[index] == nil { continue }
            let id = identifier(of: member, given: index < givenIDs.count ? givenIDs[index] : nil)
            idOfMember[member] = id
            var quotes = post.quotes
            for (quoteIndex, target) in post.quoteTargets.enumerated() { quotes[quoteIndex].messageID = target }
            let date = layout.dates[index]
            let role: MessageRole = index == 0 && root == nil && isArticle(member, among: layout, features) ? .article : .post
            messages.append(Message(
                id: id, position: messages.count + 1, role: role, author: layout.authors[index],
                authorID: layout.authorNodes[index].flatMap { authorID(of: $0, features) },
                published: date?.date.iso8601(), publishedText: date?.shown, text: post.text, quotes: quotes,
                replyTo: (parents.map { $0[index].flatMap { idOfMember[layout.members[$0]] } } ?? enclosing.last.flatMap { idOfMember[$0] }) ?? root))
            // Comments under an article answer it unless they answer another comment.
            if role == .article { root = id }
        }
        return (messages, generated)
    }

    /// A blog post or news story heading a list of comments: an `article` (or `hentry`/`post`
    /// entry) unlike the other records, which call themselves comments.
    static func isArticle(_ member: HTMLTree.NodeID, among layout: RecordLayout, _ features: PageFeatures) -> Bool {
        guard layout.members.count > 1 else { return false }
        let others = layout.members.dropFirst()
        let comments = others.filter { features.classTokens($0).contains { $0.lowercased().contains("comment") } }.count
        guard comments * 2 > others.count, features.signature[Int(member)] != features.signature[Int(others.first!)] else {
            return false
        }
        let words = features.classTokens(member).map { $0.lowercased() }
        return !words.contains { $0.contains("comment") }
            && (features.tree.tagName(member) == "article" || words.contains { ["hentry", "post", "entry", "article", "type-post", "story"].contains($0) })
    }

    /// A record whose own words are mostly links, and which wraps most other records, is a
    /// page frame ("Previous thread · Next thread") around the posts, not a post.
    static func isNavigation(_ body: HTMLTree.NodeID, layout: RecordLayout, features: PageFeatures) -> Bool {
        var text = features.text[Int(body)]
        var links = features.linkText[Int(body)]
        var nested = 0
        var index = body + 1
        while index < features.tree[body].end {
            if layout.memberSet.contains(index) {
                text -= features.text[Int(index)]
                links -= features.linkText[Int(index)]
                nested += 1
                index = features.tree[index].end
            } else {
                index += 1
            }
        }
        return nested >= max(2, layout.members.count / 2) && text > 0 && links * 2 > text
    }

    /// The member id in a profile link: `memberlist.php?mode=viewprofile&u=42` → `42`,
    /// `/members/carole.1234/` → `1234`, `/u/carole` → `carole`.
    static func authorID(of node: HTMLTree.NodeID, _ features: PageFeatures) -> String? {
        let tree = features.tree
        var link: HTMLTree.NodeID? = tree.tagName(node) == "a" ? node : nil
        if link == nil {
            link = (node ..< tree[node].end).first { tree.tagName($0) == "a" && features.cues[Int($0)].contains(.profileLink) }
        }
        guard let link, let href = features.hrefID.flatMap({ tree.attribute($0, of: link) }) else { return nil }
        let lower = href.lowercased()
        for key in ["u=", "uid=", "userid=", "user_id=", "showuser=", "id="] {
            // The byte test first: Foundation's `range(of:)` is slow, and most keys are absent.
            if lower.contains(key), let range = lower.range(of: key), range.lowerBound == lower.startIndex || "?&;".contains(lower[lower.index(before: range.lowerBound)]) {
                let value = href[range.upperBound...].prefix { $0 != "&" && $0 != "#" && $0 != ";" }
                if !value.isEmpty { return String(value) }
            }
        }
        let path = href.split(separator: "?").first.map(String.init) ?? href
        guard let last = path.split(separator: "/").last(where: { !$0.isEmpty }) else { return nil }
        if let dot = last.lastIndex(of: "."), last[last.index(after: dot)...].allSatisfy(\.isNumber) {
            return String(last[last.index(after: dot)...])
        }
        return last.contains(".") ? nil : String(last)
    }
}
