import ForumLensCore

/// A message's own words and its quotes, from its body element: quotes go to `quotes` with
/// their author, signatures, "edited by" footers, buttons and nested replies are left out.
struct PostText {
    var text: String
    var quotes: [Quote]
    /// Message references the quotes link to (`#p1200`, `data-source="post: 1200"`), by quote.
    var quoteTargets: [String?]
}

extension PostText {
    /// The text before a line of underscores alone: phpBB 2 writes the signature after
    /// `_________________` inside the post's own text, with no element around it.
    static func withoutSignatureLine(_ text: String) -> String {
        guard text.contains("__________") else { return text }
        var kept: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.count >= 10, trimmed.allSatisfy({ $0 == "_" }) { break }
            kept.append(line)
        }
        return kept.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    init(body: HTMLTree.NodeID, features: borrowing PageFeatures, nestedRecords: borrowing NodeSet) {
        let tree = features.tree
        var quoteNodes: [HTMLTree.NodeID] = []
        var headers = Set<HTMLTree.NodeID>()
        func skip(_ node: HTMLTree.NodeID) -> Bool {
            let cue = features.cues[Int(node)]
            if nestedRecords.contains(node) || cue.contains(.hidden) { return true }
            if cue.contains(.quote) || PostText.isLabelledQuote(node, features) {
                quoteNodes.append(node)
                return true
            }
            if headers.contains(node) || PostText.isPostNumberLink(node, features) || PostText.isActionLink(node, features)
                || PostText.isSubjectLine(node, features) {
                return true
            }
            if cue.contains(.signature) || cue.contains(.chrome) { return true }
            if cue.contains(.editNotice) || PostText.isEditNotice(node, features) { return true }
            if PostText.isQuoteHeader(node, features) {
                headers.insert(node)
                return true
            }
            return false
        }
        text = PostText.withoutSignatureLine(features.renderer.render(body, skip: skip))
        var quotes: [Quote] = []
        var targets: [String?] = []
        // Quotes nested in quotes are listed after their parent, without repeating their words.
        var pending = quoteNodes
        var index = 0
        while index < pending.count {
            let quote = pending[index]
            index += 1
            var inner: [HTMLTree.NodeID] = []
            let header = PostText.headerInside(quote, features)
            var attribution: HTMLTree.NodeID?
            var words = features.renderer.render(quote) { node in
                let cue = features.cues[Int(node)]
                if cue.contains(.quote) || PostText.isLabelledQuote(node, features) {
                    inner.append(node)
                    return true
                }
                if attribution == nil, features.text[Int(node)] * 2 < features.text[Int(quote)], PostText.isAttribution(node, features) {
                    attribution = node
                    return true
                }
                return node == header || cue.contains(.hidden) || cue.contains(.chrome) || PostText.isQuoteHeader(node, features)
            }
            // A quote frame around a single quote (`aside.quote > div.title + blockquote`, or
            // XenForo 1's `div.bbCodeQuote > blockquote > div.quote`) is one quote.
            while words.isEmpty, inner.count == 1 {
                let only = inner.removeFirst()
                words = features.renderer.render(only) { node in
                    let cue = features.cues[Int(node)]
                    if cue.contains(.quote) {
                        inner.append(node)
                        return true
                    }
                    return cue.contains(.hidden) || cue.contains(.chrome)
                }
            }
            let outsideHeader = tree.previousElement(quote).flatMap { PostText.isQuoteHeader($0, features) ? $0 : nil }
            let author = PostText.quoteAuthor(quote: quote, header: header ?? outsideHeader, features: features)
                ?? attribution.flatMap { PostText.authorFromHeaderLine(features.renderer.render($0)) }
            quotes.append(Quote(author: author, text: words))
            targets.append(PostText.quoteTarget(quote: quote, header: header ?? outsideHeader, features: features))
            pending.insert(contentsOf: inner, at: index)
        }
        self.quotes = quotes
        quoteTargets = targets
    }

    private static let quoteLabels: Set<String> = [
        "citation:", "citation :", "citation", "quote:", "quote", "zitat:", "zitat", "citazione:", "cita:",
        "citação:", "citaat:", "引用:", "引用",
    ]

    /// An unmarked quote as vBulletin 3 prints it: a block whose first line is only a label
    /// ("Citation:", "Quote:") followed by the quoted words.
    static func isLabelledQuote(_ node: HTMLTree.NodeID, _ features: PageFeatures) -> Bool {
        let tree = features.tree
        guard features.renderer.role(node) == .block, features.text[Int(node)] > 20 else { return false }
        var index = node + 1
        while index < tree[node].end, index < node + 6 {
            // Labels are short: longer first lines are not worth a string.
            if tree[index].kind == .text, tree[index].count <= 24 {
                let line = tree.text(index).collapsingSpaces.lowercased()
                if !line.isEmpty { return quoteLabels.contains(line) }
            } else if tree[index].kind == .text, tree.textBytes(index).contains(where: { $0 > 0x20 }) {
                return false
            }
            index += 1
        }
        return false
    }

    private static let attributionStarts = ["envoyé par", "originally posted by", "posted by", "zitat von", "messaggio di", "quote from", "citation de"]

    /// The "Envoyé par X" / "Originally Posted by X" line inside a quote.
    static func isAttribution(_ node: HTMLTree.NodeID, _ features: PageFeatures) -> Bool {
        guard features.text[Int(node)] < 80, features.renderer.role(node) != .inline else { return false }
        let line = features.renderer.render(node).lowercased()
        return attributionStarts.contains { line.hasPrefix($0) }
    }

    /// A post's subject heading ("Re: thread title", or the title itself): page furniture that
    /// some engines print above each post's words.
    static func isSubjectLine(_ node: HTMLTree.NodeID, _ features: PageFeatures) -> Bool {
        let tag = features.tree.tagName(node)
        guard tag.count == 2, tag.first == "h", features.text[Int(node)] < 300 else { return false }
        let heading = features.renderer.render(node).lowercased()
        for prefix in ["re:", "re :", "rép:", "rép :", "aw:", "sv:", "r:", "odp:"] where heading.hasPrefix(prefix) { return true }
        guard heading.count >= 8, let title = features.pageTitle?.lowercased() else { return false }
        return title.contains(heading)
    }

    /// A permalink showing the post's number ("#12"): page furniture inside some bodies.
    static func isPostNumberLink(_ node: HTMLTree.NodeID, _ features: PageFeatures) -> Bool {
        let length = features.text[Int(node)]
        guard length >= 2, length <= 8, features.tree.tagName(node) == "a" else { return false }
        let words = features.renderer.render(node)
        return words.first == "#" && words.dropFirst().allSatisfy(\.isNumber)
    }

    /// A link whose whole text is an action on the post ("reply", « répondre », "quote"):
    /// a button drawn as a link inside the body (Agreper's `<sup><a>reply</a></sup>`, bbPress's
    /// `a.reply`), not the author's words.
    static func isActionLink(_ node: HTMLTree.NodeID, _ features: PageFeatures) -> Bool {
        let length = features.text[Int(node)]
        guard length >= 2, length <= 12, features.tree.tagName(node) == "a" else { return false }
        return actionWords.contains(features.renderer.render(node).lowercased())
    }

    private static let actionWords: Set<String> = [
        "reply", "quote", "report", "share", "permalink", "flag", "répondre", "citer", "signaler", "partager", "antworten",
        "zitieren", "melden", "rispondi", "cita", "segnala", "responder", "citar", "denunciar", "回复", "引用", "举报",
    ]

    private static let editStarts = [
        "last edited", "edited by", "edited ", "dernière édition", "derniere edition", "message édité",
        "message edité", "édité par", "modifié par", "dernière modification", "modifié le", "zuletzt bearbeitet",
        "bearbeitet von", "ultima modifica", "modificato da", "última edição", "editado por", "última edición",
        "this post was last modified", "« dernière édition", "« last edit", "last edit:", "最后编辑", "本帖最后由",
    ]

    /// A short element that says the message was edited ("Dernière édition par X le …").
    static func isEditNotice(_ node: HTMLTree.NodeID, _ features: PageFeatures) -> Bool {
        let length = features.text[Int(node)]
        guard length > 8, length < 240, features.renderer.role(node) != .inline else { return false }
        let start = features.leadingText(node)
        return editStarts.contains { start.hasPrefix($0) }
    }

    private static let headerWords = [
        "a écrit", "a ecrit", "wrote", "said", "a dit", "schrieb", "ha scritto", "escreveu", "escribió",
        "citation", "quote", "originally posted", "envoyé par", "zitat", "citazione", "citação", "cita de", "引用",
        "posted by",
    ]

    /// A quote's title line: `cite`, an element classed as a quote header, or a short line such
    /// as "Carole a écrit :" right before or at the top of a quote.
    static func isQuoteHeader(_ node: HTMLTree.NodeID, _ features: PageFeatures) -> Bool {
        let tree = features.tree
        guard features.cues[Int(node)].contains(.quoteTitle) else { return false }
        // Only a header when a quote follows it.
        var sibling = tree[node].nextSibling
        while sibling != HTMLTree.none, tree[sibling].kind != .element { sibling = tree[sibling].nextSibling }
        return sibling != HTMLTree.none && features.cues[Int(sibling)].contains(.quote)
    }

    /// The title line inside a quote: a `cite`, an element classed as the quote's title, or a
    /// short first line ending in "a écrit :" / "wrote:" — never the wrapper of the quoted words.
    static func headerInside(_ quote: HTMLTree.NodeID, _ features: PageFeatures) -> HTMLTree.NodeID? {
        let tree = features.tree
        let quoteText = features.text[Int(quote)]
        var index = quote + 1
        var firstElement: HTMLTree.NodeID?
        while index < tree[quote].end {
            let node = tree[index]
            guard node.kind == .element else {
                index += 1
                continue
            }
            if features.cues[Int(index)].contains(.quote) {
                index = node.end
                continue
            }
            let small = features.text[Int(index)] * 5 < quoteText * 3 || quoteText < 12
            // A title followed by a quote of its own belongs to that inner quote.
            if small, tree.tagName(index) == "cite" || isTitleClassed(index, features), !isQuoteHeader(index, features) {
                return index
            }
            // The header of a quote nested in this one (SMF writes it before that quote).
            if isQuoteHeader(index, features) {
                index = node.end
                continue
            }
            // The first element with words of its own, not a wrapper of the whole quote (HFR's
            // `table.citation > tbody > tr > td` holds its `b` "X a écrit :" inside).
            if firstElement == nil, features.text[Int(index)] > 0, features.text[Int(index)] * 5 < quoteText * 3 { firstElement = index }
            index += 1
        }
        if let first = firstElement, features.text[Int(first)] * 5 < quoteText * 3, looksLikeQuoteHeader(first, features) {
            return first
        }
        return nil
    }

    private static func isTitleClassed(_ node: HTMLTree.NodeID, _ features: PageFeatures) -> Bool {
        features.classTokens(node).contains { token in
            let lower = token.lowercased()
            return ["title", "head", "citation", "attribution", "author", "cite", "postedby", "posted-by"].contains(where: lower.contains)
                && !lower.contains("content")
        }
    }

    static func looksLikeQuoteHeader(_ node: HTMLTree.NodeID, _ features: PageFeatures) -> Bool {
        let tree = features.tree
        if tree.tagName(node) == "cite" { return true }
        let tokens = features.classTokens(node).map { $0.lowercased() }
        if tokens.contains(where: { $0.contains("title") || $0.contains("head") || $0.contains("author") || $0.contains("cite") || $0.contains("attribution") }) {
            return features.text[Int(node)] < 200
        }
        guard features.text[Int(node)] < 120 else { return false }
        let words = features.renderer.render(node).lowercased()
        return headerWords.contains { words.contains($0) } && (words.hasSuffix(":") || words.hasSuffix(": ") || words.contains(":"))
    }

    /// The quoted author: a data attribute, else the name in the header line.
    static func quoteAuthor(quote: HTMLTree.NodeID, header: HTMLTree.NodeID?, features: PageFeatures) -> String? {
        let tree = features.tree
        for attribute in ["data-author", "data-quote", "data-ipsquote-username", "data-username", "data-user"] {
            if let value = tree.attribute(attribute, of: quote)?.collapsingSpaces, !value.isEmpty { return value }
        }
        guard let header else { return nil }
        // A profile link in the header names the author.
        for node in header ..< tree[header].end where features.cues[Int(node)].contains(.profileLink) {
            if let name = RecordLayout.cleanAuthor(features.renderer.render(node)) { return name }
        }
        return authorFromHeaderLine(features.renderer.render(header))
    }

    /// "Carole a écrit :", "Citation de : Paul le 13 mars", "Originally Posted by X",
    /// "Quote from: X on …", "X said:", "X wrote: (date)".
    static func authorFromHeaderLine(_ line: String) -> String? {
        // Dates in parentheses ("(03-13-2016, 07:15 AM)Ingrid Wrote:") are not part of the name.
        var text = ""
        var depth = 0
        for character in line {
            if character == "(" { depth += 1 } else if character == ")" { depth = max(0, depth - 1) } else if depth == 0 { text.append(character) }
        }
        text = text.collapsingSpaces
        let lower = text.lowercased()
        let leading = ["originally posted by", "citation de :", "citation de:", "citation de", "quote from:", "quote from",
                       "quote:", "citation :", "citation:", "envoyé par", "zitat von", "zitat:", "cita de", "citazione di",
                       "posted by", "quoting"]
        for prefix in leading where lower.hasPrefix(prefix) {
            text = String(text.dropFirst(prefix.count)).collapsingSpaces
            for stop in [" le ", " on ", " am ", " il ", " em ", " el ", " (", " at ", " » ", "\n"] {
                if let range = text.range(of: stop) { text = String(text[..<range.lowerBound]) }
            }
            return RecordLayout.cleanAuthor(text.trimmingCharacters(in: Set(":»« ")))
        }
        let trailing = [" a écrit", " a ecrit", " wrote", " said", " a dit", " schrieb", " ha scritto", " escreveu", " escribió", " dijo"]
        for suffix in trailing {
            if let range = lower.range(of: suffix) {
                let name = String(text[..<text.index(text.startIndex, offsetBy: lower.distance(from: lower.startIndex, to: range.lowerBound))])
                return RecordLayout.cleanAuthor(name.trimmingCharacters(in: Set(":»«@ ")))
            }
        }
        return nil
    }

    /// The message a quote points at: a link to a post (`#p1200`, `?p=1200`, `/post-1200`) or
    /// a `data-source`/`data-post` attribute. Returned as written; matched by number later.
    static func quoteTarget(quote: HTMLTree.NodeID, header: HTMLTree.NodeID?, features: PageFeatures) -> String? {
        let tree = features.tree
        // A quote from another topic (Discourse's `data-topic`) answers no message of this one.
        if let topic = tree.attribute("data-topic", of: quote), let own = features.topicID, topic != own { return nil }
        for attribute in ["data-source", "data-post", "data-ipsquote-contentcommentid", "data-postid", "data-pid"] {
            if let value = tree.attribute(attribute, of: quote), value.contains(where: \.isNumber) { return value }
        }
        // The quote's own header first, then the quote, but not the quotes nested in it (nor
        // their headers, which SMF writes inside the outer quote).
        var regions = [quote]
        if let header, !tree.isAncestor(quote, of: header) { regions.insert(header, at: 0) }
        for region in regions {
            var node = region
            while node < tree[region].end {
                if node != region, node != header, features.cues[Int(node)].contains(.quote) || isQuoteHeader(node, features) {
                    node = tree[node].end
                    continue
                }
                if tree.tagName(node) == "a", let href = features.hrefID.flatMap({ tree.attribute($0, of: node) }),
                   let target = postReference(in: href)
                {
                    return target
                }
                node += 1
            }
        }
        return nil
    }

    /// `viewtopic.php?p=1200#p1200` → `p1200`; `showthread.php?p=5#post5` → `post5`; `#comment-17`.
    static func postReference(in href: String) -> String? {
        if let hash = href.lastIndex(of: "#") {
            let fragment = String(href[href.index(after: hash)...])
            if fragment.contains(where: \.isNumber), CueWords.isPostID(fragment.lowercased()) { return fragment }
        }
        let lower = href.lowercased()
        for key in ["?p=", "&p=", "?pid=", "&pid=", "/post-", "/posts/", "?post=", "&post=", "/p/", "msg="] {
            if lower.contains(key), let range = lower.range(of: key) {
                let digits = lower[range.upperBound...].prefix(while: \.isNumber)
                if !digits.isEmpty { return String(digits) }
            }
        }
        return nil
    }
}

private extension String {
    func trimmingCharacters(in set: Set<Character>) -> String {
        var slice = Substring(self)
        while let first = slice.first, set.contains(first) { slice.removeFirst() }
        while let last = slice.last, set.contains(last) { slice.removeLast() }
        return String(slice)
    }
}
