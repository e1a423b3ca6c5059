import ForumLensCore

/// The message a thread opens with when the page renders it apart from the replies: the
/// question above the answers, the submission above the comments, the blog post above its
/// comment thread. Found before the first reply, by a body like the replies' bodies, else by
/// the largest block of prose there, with the author and date around it.
struct OpeningPost {
    var container: HTMLTree.NodeID
    var body: HTMLTree.NodeID
    var author: String?
    var authorNode: HTMLTree.NodeID?
    var date: ReadDate?
    var role: MessageRole

    init?(layout: borrowing RecordLayout, features: borrowing PageFeatures, pageType: String?) {
        let tree = features.tree
        guard let first = layout.members.first, first > 1 else { return nil }
        let usual = Self.usualBodySignature(layout, features)
        var sameKind: HTMLTree.NodeID?
        var prose: (node: HTMLTree.NodeID, score: Double)?
        var index: HTMLTree.NodeID = 1
        while index < first {
            let node = tree[index]
            guard node.kind == .element else {
                index += 1
                continue
            }
            let cue = features.cues[Int(index)]
            if cue.contains(.hidden) || cue.contains(.pageChrome) || cue.contains(.quote) || Self.isPageFrame(index, tree) {
                index = node.end
                continue
            }
            // Only blocks that end before the first reply (not the frames holding the replies).
            if node.end <= first {
                let text = features.text[Int(index)]
                let links = features.linkText[Int(index)]
                if text >= 20, links * 10 < text * 3, let usual, features.pathSignature[Int(index)] == usual { sameKind = index }
                if text >= 80, links * 10 < text * 3, cue.contains(.bodyName) || tree.tagName(index) == "article" {
                    // Like a reply's body: named as a body, and without the byline inside.
                    let named = cue.contains(.bodyName) ? 1.3 : 1
                    let bylined = features.authorCues[Int(index)] + features.dateCues[Int(index)] > 0 ? 0.3 : 1
                    let score = Double(text - links) * named * bylined
                    if prose == nil || score > prose!.score { prose = (index, score) }
                }
            }
            index += 1
        }
        guard let body = sameKind ?? prose?.node else { return nil }
        self.body = body
        // The widest block around the body that holds none of the replies.
        var container = body
        for _ in 0 ..< 8 {
            let parent = tree[container].parent
            guard parent > 0, tree[parent].end <= first, !features.cues[Int(parent)].contains(.pageChrome),
                  !Self.isPageFrame(parent, tree)
            else { break }
            container = parent
        }
        self.container = container
        (author, authorNode) = Self.author(in: container, outside: body, features: features)
        date = Self.date(in: container, outside: body, features: features)
        guard author != nil || date != nil || sameKind != nil else { return nil }
        let repliesAreComments = layout.members.contains { member in
            features.classTokens(member).contains { $0.lowercased().contains("comment") }
        }
        let articleLike = pageType == "article" || tree.tagName(container) == "article" || tree.tagName(body) == "article"
        role = repliesAreComments && articleLike && sameKind == nil ? .article : .post
    }

    /// The path signature most replies' bodies share.
    private static func usualBodySignature(_ layout: RecordLayout, _ features: PageFeatures) -> Int32? {
        var counts: [Int32: Int] = [:]
        for (member, body) in zip(layout.members, layout.bodies) {
            guard let body, body != member else { continue }
            // A bare `div` or `td` says nothing about being a body.
            let signature = features.pathSignature[Int(body)]
            guard features.signatureNames[Int(signature)].last != "." else { continue }
            counts[signature, default: 0] += 1
        }
        return counts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
    }

    private static func isPageFrame(_ node: HTMLTree.NodeID, _ tree: HTMLTree) -> Bool {
        ["nav", "footer", "aside", "menu"].contains(tree.tagName(node))
    }

    private static func author(
        in container: HTMLTree.NodeID, outside body: HTMLTree.NodeID, features: PageFeatures
    ) -> (String?, HTMLTree.NodeID?) {
        let tree = features.tree
        var node = container
        while node < tree[container].end {
            if node == body {
                node = tree[body].end
                continue
            }
            let cue = features.cues[Int(node)]
            if tree[node].kind == .element, cue.contains(.authorName) || cue.contains(.profileLink), !cue.contains(.hidden),
               features.text[Int(node)] <= 48, features.card(of: node) != .editor,
               let name = RecordLayout.cleanAuthor(features.renderer.render(node))
            {
                return (name, node)
            }
            node += 1
        }
        return (nil, nil)
    }

    private static func date(in container: HTMLTree.NodeID, outside body: HTMLTree.NodeID, features: PageFeatures) -> ReadDate? {
        let tree = features.tree
        var found: ReadDate?
        var node = container
        while node < tree[container].end {
            if node == body {
                node = tree[body].end
                continue
            }
            if let date = features.dateOn[node], !features.cues[Int(node)].contains(.joinDate),
               !features.cues[Int(node)].contains(.editNotice), features.card(of: node) != .editor
            {
                if date.machine { return date }
                found = found ?? date
            }
            node += 1
        }
        return found
    }
}
