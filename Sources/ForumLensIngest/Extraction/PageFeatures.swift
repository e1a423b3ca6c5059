/// Cues an element carries by itself: what its tag, class, id, itemprop and href say it is.
struct Cue: OptionSet, Sendable {
    let rawValue: UInt32
    static let authorName = Cue(rawValue: 1 << 0)  // class/itemprop says: author, username, poster
    static let profileLink = Cue(rawValue: 1 << 1)  // a link to a member profile
    static let dateElement = Cue(rawValue: 1 << 2)  // <time>, or class says date/time
    static let dateValue = Cue(rawValue: 1 << 3)  // a date was read from its text or attributes
    static let bodyName = Cue(rawValue: 1 << 4)  // class/itemprop says: content, body, message
    static let quote = Cue(rawValue: 1 << 5)
    static let signature = Cue(rawValue: 1 << 6)
    static let editNotice = Cue(rawValue: 1 << 7)
    static let chrome = Cue(rawValue: 1 << 8)  // buttons, toolbars, share and like bars
    static let postID = Cue(rawValue: 1 << 9)  // id="p1234", "post_42", "comment-17"
    static let hidden = Cue(rawValue: 1 << 10)  // hidden by the page
    static let insideQuote = Cue(rawValue: 1 << 11)
    static let joinDate = Cue(rawValue: 1 << 12)  // "Joined", "Inscription", "Registered"
    static let pageChrome = Cue(rawValue: 1 << 13)  // <nav>, <header>, <footer> of the page, sidebars
    static let quoteTitle = Cue(rawValue: 1 << 14)  // class says: a quote's title line
    static let owner = Cue(rawValue: 1 << 15)  // class `owner`: the owner's user card on Q&A sites
}

/// Per-node facts computed once per page, in two linear passes over the arena: each element's
/// own cues, and subtree sums (text, link text, author and date cues) for the extractor's scoring.
struct PageFeatures {
    let tree: HTMLTree
    var renderer: TextRenderer
    let dates: DateReader
    var cues: [Cue]
    /// Visible non-space bytes in the subtree.
    var text: [Int32]
    var linkText: [Int32]
    var authorCues: [Int32]
    var dateCues: [Int32]
    /// Element signature: tag and normalised classes, interned per page.
    var signature: [Int32]
    /// A coarser signature for paths inside records: tag and first lasting class.
    var pathSignature: [Int32]
    /// How many earlier siblings share the element's path signature (at most 255).
    var siblingOrdinal: [UInt8]
    var signatureNames: [String] = []
    /// The class words and structural attributes behind each signature.
    var signatureWordLists: [[String]] = []
    /// Machine or displayed date read on this node (elements only), with the text shown.
    var dateOn: NodeTable<ReadDate>

    /// The page's title, to recognise post subject lines that repeat it.
    let pageTitle: String?
    /// The thread's number in the page's address (Discourse `/t/slug/1843`), when it shows one.
    let topicID: String?

    let classID: UInt16?
    let authorAttributeIDs: [UInt16]
    /// Attributes that may hold a machine date: their names, indexed by attribute id.
    let dateAttributes: [String?]
    static let dateAttributeNames = [
        "datetime", "data-time", "data-timestamp", "data-datetime", "created-timestamp", "ts", "data-utime",
        "data-date", "content", "title",
    ]
    /// Answers computed on demand and kept for the page: every candidate list asks about
    /// the same elements.
    private let memo: Memo

    private final class Memo {
        var cards: NodeTable<Card>
        var cardKinds: NodeTable<Card>
        var authors: NodeTable<(name: String, strength: Double)?>
        var joinDates: NodeTable<Bool>

        init(count: Int) {
            cards = NodeTable(count: count)
            cardKinds = NodeTable(count: count)
            authors = NodeTable(count: count)
            joinDates = NodeTable(count: count)
        }
    }

    /// A yes-or-no judgement on a node, made once per page.
    func isJoinDate(_ node: HTMLTree.NodeID, judging: () -> Bool) -> Bool {
        if let known = memo.joinDates[node] { return known }
        let found = judging()
        memo.joinDates[node] = found
        return found
    }

    /// How much an element looks like an author's name, and the name: marked as such, a
    /// profile link, or (weaker) a short name-like text of its own, as a bold name in a table
    /// cell. Kept per page: every candidate list asks about the same elements.
    func authorCandidate(_ node: HTMLTree.NodeID) -> (name: String, strength: Double)? {
        // Most elements are ruled out by their size alone, before any lookup.
        let length = text[Int(node)]
        guard length >= 1, length <= 48 else { return nil }
        if let known = memo.authors[node] { return known }
        let found = findAuthorCandidate(node)
        memo.authors[node] = .some(found)
        return found
    }

    private func findAuthorCandidate(_ node: HTMLTree.NodeID) -> (name: String, strength: Double)? {
        let cue = cues[Int(node)]
        let length = text[Int(node)]
        guard tree[node].kind == .element, length >= 1, length <= 48, !cue.contains(.dateValue), !cue.contains(.chrome) else {
            return nil
        }
        let marked = cue.contains(.authorName) || cue.contains(.profileLink)
        guard marked || (length <= 32 && node + 4 >= tree[node].end) else { return nil }
        guard let name = RecordLayout.cleanAuthor(renderer.render(node)) else { return nil }
        var value: Double
        if cue.contains(.authorName) {
            value = cue.contains(.profileLink) ? 1.1 : 1.0
        } else if cue.contains(.profileLink) {
            value = 0.9
        } else if name.contains(":") {
            return nil
        } else {
            value = 0.5
        }
        // Q&A sites show the editor's card before the owner's: prefer the owner.
        if marked {
            switch card(of: node) {
            case .owner: value *= 1.2
            case .editor: value *= 0.5
            case .plain: break
            }
        }
        return (name, value)
    }
    let idID: UInt16?
    let hrefID: UInt16?
    let itempropID: UInt16?

    init(tree: HTMLTree, dates: DateReader, pageTitle: String?, pageURL: String? = nil) {
        self.tree = tree
        self.dates = dates
        self.pageTitle = pageTitle
        topicID = pageURL.flatMap { url in
            let path = url.split(separator: "?").first.map { $0.split(separator: "/") } ?? []
            guard let t = path.lastIndex(of: "t") else { return nil }
            return path[(t + 1)...].first { $0.allSatisfy(\.isNumber) }.map(String.init)
        }
        renderer = TextRenderer(tree: tree)
        let count = tree.count
        cues = Array(repeating: [], count: count)
        text = Array(repeating: 0, count: count)
        linkText = Array(repeating: 0, count: count)
        authorCues = Array(repeating: 0, count: count)
        dateCues = Array(repeating: 0, count: count)
        signature = Array(repeating: -1, count: count)
        pathSignature = Array(repeating: -1, count: count)
        siblingOrdinal = Array(repeating: 0, count: count)
        dateOn = NodeTable(count: count)
        memo = Memo(count: count)
        classID = tree.attributeID("class")
        authorAttributeIDs = ["data-author", "author", "data-username", "data-user"].compactMap { tree.attributeID($0) }
        var dateAttributes = [String?](repeating: nil, count: tree.attributeNames.count)
        for name in Self.dateAttributeNames {
            if let id = tree.attributeID(name) { dateAttributes[Int(id)] = name }
        }
        self.dateAttributes = dateAttributes
        idID = tree.attributeID("id")
        hrefID = tree.attributeID("href")
        itempropID = tree.attributeID("itemprop")
        markCues()
        countSiblings()
        completeDates()
        sumSubtrees()
    }

    func classTokens(_ id: HTMLTree.NodeID) -> [Substring] {
        guard let classID, let value = tree.attribute(classID, of: id) else { return [] }
        return value.classWords
    }

    func idValue(_ id: HTMLTree.NodeID) -> String? { idID.flatMap { tree.attribute($0, of: id) } }

    /// The first visible bytes of an element's text, lowercased (ASCII) and with whitespace
    /// collapsed: enough to test how a line starts without rendering it.
    func leadingText(_ node: HTMLTree.NodeID, bytes limit: Int = 48) -> String {
        var output = TextOutput(capacity: limit + 16)
        var index = node + 1
        while index < tree[node].end, output.bytes.count < limit {
            let entry = tree[index]
            if entry.kind == .element, cues[Int(index)].contains(.hidden) || renderer.role(index) == .hidden {
                index = entry.end
                continue
            }
            if entry.kind == .text { output.append(tree.textBytes(index), preformatted: false) }
            output.requestSpace()
            index += 1
        }
        return output.lowercasedPrefix(limit)
    }

    /// A name given as an attribute of a record itself (`data-author`, `author`).
    func authorAttribute(of id: HTMLTree.NodeID) -> String? {
        for attribute in authorAttributeIDs {
            if let value = tree.attribute(attribute, of: id)?.collapsingSpaces, !value.isEmpty { return value }
        }
        return nil
    }

    enum Card { case owner, editor, plain }

    /// Whether a name or date sits in the owner's user card or in an editor's ("edited Mar 4"),
    /// as Q&A sites show both.
    func card(of node: HTMLTree.NodeID) -> Card {
        let parent = tree[node].parent
        if let known = memo.cards[parent] { return known }
        let found = findCard(from: parent)
        memo.cards[parent] = found
        return found
    }

    private func findCard(from start: HTMLTree.NodeID) -> Card {
        var card = start
        for _ in 0 ..< 4 where card > 0 {
            let kind = cardKind(card)
            if kind != .plain { return kind }
            card = tree[card].parent
        }
        return .plain
    }

    /// What one element says by itself: an owner's card (class `owner`), an editor's (a short
    /// block saying "edited …"), or neither. Ancestors are shared by many names: kept.
    private func cardKind(_ node: HTMLTree.NodeID) -> Card {
        if let known = memo.cardKinds[node] { return known }
        var kind = Card.plain
        if cues[Int(node)].contains(.owner) {
            kind = .owner
        } else if text[Int(node)] < 160 {
            let words = leadingText(node, bytes: 200)
            if Self.editorWords.contains(where: words.contains) { kind = .editor }
        }
        memo.cardKinds[node] = kind
        return kind
    }

    private static let editorWords = ["edited", "modifié", "bearbeitet", "modificato", "editado"]

    // MARK: - Pass 1: own cues, in document order (so "inside a quote" is known)

    /// An element kind as this page numbers its signatures.
    private struct Kind {
        var cue: Cue
        var signature: Int32
        var pathSignature: Int32
    }

    private mutating func markCues() {
        var signatureIDs = DenseIDs()
        var kindIDs = DenseIDs()
        var kinds: [Kind] = []
        let kindAttributes = ElementKind.Attributes(tree: tree)
        let blockquoteTag = tree.tagID("blockquote")
        let anchorTag = tree.tagID("a")
        // First the kinds (and what their classes hide), so that rendering while reading
        // dates below already leaves hidden copies out.
        for index in 0 ..< Int32(tree.count) where tree[index].kind == .element {
            let key = kindAttributes.key(index)
            let id = Int(kindIDs.id(of: UInt64(bitPattern: Int64(key))))
            if id == kinds.count {
                let read = ElementKind.of(index, key: key, in: kindAttributes)
                kinds.append(Kind(
                    cue: read.cue, signature: intern(read.signature, in: &signatureIDs),
                    pathSignature: intern(read.pathSignature, in: &signatureIDs)))
            }
            let kind = kinds[id]
            signature[Int(index)] = kind.signature
            pathSignature[Int(index)] = kind.pathSignature
            cues[Int(index)] = kind.cue
            if kind.cue.contains(.hidden) { renderer.hide(index) }
        }
        var quoteEnd: HTMLTree.NodeID = -1
        var hiddenEnd: HTMLTree.NodeID = -1
        for index in 0 ..< Int32(tree.count) {
            let node = tree[index]
            if node.kind != .element {
                if node.kind == .text, index >= hiddenEnd, index >= quoteEnd, node.count <= 160, node.count >= 4 {
                    markDateText(index)
                }
                continue
            }
            var cue = cues[Int(index)]
            if let idID, let identifier = tree.attributeBytes(idID, of: index) { cue.formUnion(ClassReading.idCue(ofID: identifier)) }
            if index < quoteEnd {
                // Names and dates quoted from another post are not this record's.
                cue.insert(.insideQuote)
                cue.subtract([.authorName, .dateElement, .joinDate])
            }
            if node.tag == anchorTag, index >= quoteEnd, let hrefID, let href = tree.attributeBytes(hrefID, of: index), ClassReading.isProfileLink(href) {
                cue.insert(.profileLink)
            }
            if renderer.isHiddenByMarkup(index) {
                cue.insert(.hidden)
                hiddenEnd = max(hiddenEnd, node.end)
            }
            // vBulletin 4 keeps each post's own words in `blockquote.postcontent`.
            if cue.contains(.signature) {
                cue.remove(.quote)
            } else if node.tag == blockquoteTag, !cue.contains(.bodyName) {
                cue.insert(.quote)
            }
            if cue.contains(.quote) { quoteEnd = max(quoteEnd, node.end) }
            cues[Int(index)] = cue
            if !cue.contains(.insideQuote) { markMachineDate(index) }
        }
    }

    /// A signature's page-wide id.
    private mutating func intern(_ signature: ElementKind.Signature, in ids: inout DenseIDs) -> Int32 {
        let id = ids.id(of: UInt64(bitPattern: Int64(signature.key)))
        if id == signatureNames.count {
            signatureNames.append(signature.name)
            signatureWordLists.append(signature.words)
        }
        return id
    }

    private mutating func markMachineDate(_ index: HTMLTree.NodeID) {
        let node = tree[index]
        guard node.count > 0 else { return }
        // Machine attributes before a title, whatever their order (Vanilla and Discourse write
        // a zone-less local `title` before the `datetime` or `data-time` that has the zone).
        for titles in [false, true] {
            for attribute in Int(node.start) ..< Int(node.start + node.count) {
                if markMachineDate(index, attribute: attribute, title: titles) { return }
            }
        }
    }

    /// Reads the date of one attribute (titles only, or all but titles); whether it held one.
    private mutating func markMachineDate(_ index: HTMLTree.NodeID, attribute: Int, title titles: Bool) -> Bool {
        let node = tree[index]
        let nameID = tree.attributes[attribute].name
        guard let name = dateAttributes[Int(nameID)], (name == "title") == titles else { return false }
        let start = tree.attributes[attribute].start
        let end = tree.attributes[attribute].end
        // Most titles and contents hold no date: judged on bytes before a String is made.
        guard end > start, end - start < 80, dates.mayHoldDate(tree.bytes[Int(start) ..< Int(end)]) else { return false }
        let value = tree.string(start, end)
        if name == "content", itempropID.flatMap({ tree.attribute($0, of: index) })?.lowercased().contains("date") != true { return false }
        guard let date = dates.machine(value) ?? (name == "title" ? dates.displayed(value)?.date : nil) else { return false }
        // The text shown for the date, unless the attribute sits on a whole post.
        let shown = node.end - index <= 12 ? renderer.render(index).collapsingSpaces : ""
        dateOn[index] = ReadDate(date: date, shown: shown.isEmpty ? value : shown, machine: true)
        cues[Int(index)].insert(.dateValue)
        return true
    }

    private mutating func markDateText(_ index: HTMLTree.NodeID) {
        let parent = tree[index].parent
        guard parent >= 0, dateOn[parent] == nil, !cues[Int(parent)].contains(.insideQuote) else { return }
        let bytes = tree.textBytes(index)
        // A digit is enough to try; short texts without one may still name a day ("Yesterday").
        guard bytes.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) || (bytes.count < 40 && dates.mayHoldDate(bytes)) else { return }
        let textValue = String(decoding: bytes, as: UTF8.self)
        guard var match = dates.displayed(textValue) else { return }
        // A date and its time in separate nodes ("August 29, 2011<br>6:24 am"): read the
        // element's whole text when it is short.
        if match.date.hour == nil, tree[parent].end - parent <= 8 {
            let whole = renderer.render(parent)
            if whole.utf8.count <= 100, let fuller = dates.displayed(whole), fuller.date.hour != nil { match = fuller }
        }
        dateOn[parent] = ReadDate(date: match.date, shown: match.shown, machine: false)
        cues[Int(parent)].insert(.dateValue)
    }

    private mutating func countSiblings() {
        // Counts by path signature (dense ids), reset after each parent.
        var seen = [UInt8](repeating: 0, count: signatureNames.count)
        var touched: [Int32] = []
        for parent in 0 ..< Int32(tree.count) where tree[parent].kind == .element && tree[parent].end > parent + 1 {
            for signature in touched { seen[Int(signature)] = 0 }
            touched.removeAll(keepingCapacity: true)
            for child in tree.children(of: parent) where tree[child].kind == .element {
                let signature = pathSignature[Int(child)]
                let ordinal = seen[Int(signature)]
                if ordinal == 0 { touched.append(signature) }
                siblingOrdinal[Int(child)] = ordinal
                seen[Int(signature)] = ordinal == 255 ? 255 : ordinal + 1
            }
        }
    }

    /// A day read without its time ("Yesterday" in a span, ", 11:24 AM" beside it): the
    /// small element around it may show both.
    private mutating func completeDates() {
        for (node, read) in zip(dateOn.nodes, dateOn.values) where read.date.hour == nil {
            var context = tree[node].parent
            for _ in 0 ..< 2 where context > 0 && tree[context].end - context <= 12 {
                let whole = renderer.render(context)
                if whole.utf8.count <= 100, let fuller = dates.displayed(whole), fuller.date.hour != nil {
                    // The day as read (a title may pin "Yesterday" down), the time as shown.
                    var date = read.date
                    date.hour = fuller.date.hour
                    date.minute = fuller.date.minute
                    date.second = fuller.date.second
                    date.utcOffset = fuller.date.utcOffset
                    dateOn[node] = ReadDate(date: date, shown: fuller.shown, machine: read.machine)
                    break
                }
                context = tree[context].parent
            }
        }
    }

    // MARK: - Pass 2: subtree sums, in reverse document order

    private mutating func sumSubtrees() {
        let linkTag = tree.tagID("a")
        var index = Int32(tree.count) - 1
        while index >= 0 {
            let node = tree[index]
            let i = Int(index)
            switch node.kind {
            case .text:
                var visible: Int32 = 0
                for byte in tree.textBytes(index) where byte > 0x20 { visible += 1 }
                text[i] = visible
            case .element:
                let cue = cues[i]
                if cue.contains(.hidden) || renderer.role(index) == .hidden {
                    text[i] = 0
                    linkText[i] = 0
                }
                if node.tag == linkTag { linkText[i] = text[i] }
                if cue.contains(.authorName) || cue.contains(.profileLink) { authorCues[i] += 1 }
                if cue.contains(.dateValue) { dateCues[i] += 1 }
            case .comment:
                break
            }
            let parent = Int(node.parent)
            if parent >= 0, !(cues[i].contains(.hidden)) {
                text[parent] += text[i]
                linkText[parent] += linkText[i]
                // Names and dates in edit notices and signatures do not make their
                // container a post header.
                if cues[i].isDisjoint(with: [.editNotice, .signature]) {
                    authorCues[parent] += authorCues[i]
                    dateCues[parent] += dateCues[i]
                }
            }
            index -= 1
        }
    }
}

/// A date read on the page: its value and the text shown for it.
struct ReadDate {
    var date: ForumDate
    var shown: String
    var machine: Bool
}
