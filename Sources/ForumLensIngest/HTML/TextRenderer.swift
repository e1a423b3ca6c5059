/// How an element lays out its text.
enum TagRole: UInt8 {
    case inline
    /// Starts and ends a paragraph ("\n\n").
    case block
    /// Starts and ends a line ("\n"): list items, table rows, definition terms.
    case line
    /// `<br>`.
    case lineBreak
    /// Separated from its neighbours by a space: table cells.
    case cell
    /// Never rendered: scripts, forms, media, document head.
    case hidden
    case image
    case preformatted

    static func of(_ name: String) -> TagRole {
        switch name {
        case "p", "div", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "table",
             "section", "article", "header", "footer", "aside", "main", "nav", "figure", "figcaption",
             "address", "hr", "fieldset", "details", "center", "tbody", "thead", "tfoot", "form", "menu":
            return .block
        case "li", "tr", "dt", "dd", "summary", "caption", "legend":
            return .line
        case "br": return .lineBreak
        case "td", "th": return .cell
        case "script", "style", "noscript", "template", "svg", "button", "select", "option",
             "textarea", "input", "iframe", "object", "embed", "head", "title", "meta", "link",
             "canvas", "video", "audio", "map", "math", "datalist", "dialog":
            return .hidden
        case "img": return .image
        case "pre", "xmp", "listing", "plaintext": return .preformatted
        default: return .inline
        }
    }
}

/// Renders subtrees as plain text: whitespace collapsed, paragraph breaks kept, invisible
/// characters dropped, smiley images as their alt text. Works on the tree's UTF-8 bytes.
struct TextRenderer {
    let tree: HTMLTree
    let roles: [TagRole]
    private let altID: UInt16?
    private let classID: UInt16?
    private let srcID: UInt16?
    private let styleID: UInt16?
    private let hiddenID: UInt16?

    /// Elements the page hides from readers: by `hidden` or `style` here, by class when the
    /// caller, which reads classes anyway, says so (`hide`).
    private var hidden: [Bool]

    init(tree: HTMLTree) {
        self.tree = tree
        roles = tree.tagNames.map(TagRole.of)
        altID = tree.attributeID("alt")
        classID = tree.attributeID("class")
        srcID = tree.attributeID("src")
        styleID = tree.attributeID("style")
        hiddenID = tree.attributeID("hidden")
        var hidden = Array(repeating: false, count: tree.count)
        // Style values compacted on bytes (lowercase, no spaces) into one reused buffer.
        var compact: [UInt8] = []
        for index in 0 ..< Int32(tree.count) where tree[index].kind == .element && tree[index].count > 0 {
            let node = tree[index]
            for slot in Int(node.start) ..< Int(node.start + node.count) {
                let attribute = tree.attributes[slot]
                if attribute.name == hiddenID {
                    hidden[Int(index)] = true
                } else if attribute.name == styleID {
                    compact.removeAll(keepingCapacity: true)
                    for byte in tree.bytes[Int(attribute.start) ..< Int(attribute.end)] where byte != 0x20 {
                        compact.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
                    }
                    if compact[...].contains(utf8: "display:none") || compact[...].contains(utf8: "visibility:hidden") {
                        hidden[Int(index)] = true
                    }
                }
            }
        }
        self.hidden = hidden
    }

    mutating func hide(_ id: HTMLTree.NodeID) { hidden[Int(id)] = true }

    /// Classes that hide an element from readers (screen-reader copies, collapsed duplicates).
    static let hiddenClasses: Set<String> = [
        "hidden", "hide", "d-none", "sr-only", "visually-hidden", "screen-reader-text", "is-hidden", "invisible",
    ]

    @inline(__always) func role(_ id: HTMLTree.NodeID) -> TagRole { roles[Int(tree[id].tag)] }

    /// Whether the page hides this element from readers (`hidden`, `display:none`, a hiding
    /// class), as the quote-button copies some forums keep inside each post.
    @inline(__always) func isHiddenByMarkup(_ id: HTMLTree.NodeID) -> Bool { hidden[Int(id)] }

    /// The text of `root`'s subtree, leaving out every subtree for which `skip` is true.
    func render(_ root: HTMLTree.NodeID, skip: (HTMLTree.NodeID) -> Bool = { _ in false }) -> String {
        var output = TextOutput()
        render(root, into: &output, skip: skip)
        return output.string
    }

    func render(_ root: HTMLTree.NodeID, into output: inout TextOutput, skip: (HTMLTree.NodeID) -> Bool) {
        // Closing breaks are owed when leaving a block: a stack of (end index, role).
        var closers: [(end: HTMLTree.NodeID, role: TagRole)] = []
        var preformattedEnd: HTMLTree.NodeID = -1
        var index = root
        let end = tree[root].end
        while index < end {
            while let last = closers.last, index >= last.end {
                closers.removeLast()
                output.requestBreak(last.role == .block ? 2 : last.role == .line ? 1 : 0)
                if last.role == .cell { output.requestSpace() }
            }
            let node = tree[index]
            switch node.kind {
            case .comment:
                index += 1
            case .text:
                output.append(tree.textBytes(index), preformatted: index < preformattedEnd)
                index += 1
            case .element:
                let nodeRole = role(index)
                if nodeRole == .hidden || isHiddenByMarkup(index) {
                    index = node.end
                    continue
                }
                if index != root, skip(index) {
                    // A block left out (a quote between two paragraphs) still parts them.
                    if nodeRole == .block { output.requestBreak(2) } else if nodeRole == .line { output.requestBreak(1) }
                    index = node.end
                    continue
                }
                switch nodeRole {
                case .block: output.requestBreak(2)
                case .line: output.requestBreak(1)
                case .lineBreak: output.lineBreak()
                case .cell: output.requestSpace()
                case .image: if let alt = smileyText(index) { output.append(Array(alt.utf8)[...], preformatted: false) }
                case .preformatted:
                    output.requestBreak(2)
                    preformattedEnd = max(preformattedEnd, node.end)
                case .inline, .hidden: break
                }
                if node.end > index + 1, nodeRole != .inline {
                    closers.append((node.end, nodeRole == .preformatted ? .block : nodeRole))
                }
                index += 1
            }
        }
    }

    /// An image's alt text when the image stands for words: smileys, emoji, short alts.
    func smileyText(_ id: HTMLTree.NodeID) -> String? {
        guard let altID, let alt = tree.attribute(altID, of: id)?.collapsingSpaces, !alt.isEmpty else { return nil }
        let hints = ((classID.flatMap { tree.attribute($0, of: id) } ?? "") + " "
            + (srcID.flatMap { tree.attribute($0, of: id) } ?? "")).lowercased()
        let smileyHint = ["smil", "emoji", "emot", "smiley", "/images/smilies", "icon_"].contains { hints.contains($0) }
        return smileyHint || alt.unicodeScalars.count <= 4 ? alt : nil
    }
}

/// Accumulates rendered text: pending breaks and spaces are only written before the next word,
/// so output never starts or ends with whitespace and never doubles it.
struct TextOutput {
    private(set) var bytes: [UInt8] = []
    private var pendingBreak = 0
    private var pendingSpace = false

    /// Room for `capacity` bytes at once: most texts rendered are short, and growing an empty
    /// buffer a few bytes at a time reallocated it several times per text.
    init(capacity: Int = 64) { bytes.reserveCapacity(capacity) }

    var string: String { String(decoding: bytes, as: UTF8.self) }
    var isEmpty: Bool { bytes.isEmpty }

    /// The first `limit` bytes with ASCII letters lowercased (a character cut in two is
    /// repaired, as `String(decoding:)` does).
    func lowercasedPrefix(_ limit: Int) -> String {
        bytes.withUnsafeBufferPointer { all in
            let count = min(limit, all.count)
            return String(unsafeUninitializedCapacity: count) { target in
                for index in 0 ..< count {
                    let byte = all[index]
                    target[index] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                }
                return count
            }
        }
    }

    mutating func requestBreak(_ lines: Int) {
        pendingBreak = max(pendingBreak, lines)
    }

    mutating func requestSpace() { pendingSpace = true }

    /// A `<br>`: consecutive ones add up to a paragraph break.
    mutating func lineBreak() {
        pendingBreak = min(pendingBreak + 1, 2)
    }

    private mutating func flushPending() {
        if !bytes.isEmpty {
            if pendingBreak > 0 {
                bytes.append(0x0A)
                if pendingBreak > 1 { bytes.append(0x0A) }
            } else if pendingSpace {
                bytes.append(0x20)
            }
        }
        pendingBreak = 0
        pendingSpace = false
    }

    mutating func append(_ text: ArraySlice<UInt8>, preformatted: Bool) {
        // Through a buffer pointer: appending slices of the tree's bytes retained and released
        // the whole array for each run.
        text.withUnsafeBufferPointer { append($0, preformatted: preformatted) }
    }

    mutating func append(_ text: UnsafeBufferPointer<UInt8>, preformatted: Bool) {
        var index = 0
        let end = text.count
        while index < end {
            let byte = text[index]
            switch byte {
            case 0x20, 0x09, 0x0D, 0x0C:
                pendingSpace = true
                index += 1
            case 0x0A:
                if preformatted { lineBreak() } else { pendingSpace = true }
                index += 1
            case 0xC2 where index + 1 < end && text[index + 1] == 0xA0:  // no-break space
                pendingSpace = true
                index += 2
            case 0xC2 where index + 1 < end && text[index + 1] == 0xAD:  // soft hyphen
                index += 2
            case 0xE2 where index + 2 < end && text[index + 1] == 0x80 && (0x8B ... 0x8D).contains(text[index + 2]),
                 0xE2 where index + 2 < end && text[index + 1] == 0x81 && text[index + 2] == 0xA0,
                 0xEF where index + 2 < end && text[index + 1] == 0xBB && text[index + 2] == 0xBF:
                index += 3  // zero-width space, joiners, word joiner, BOM
            case 0xE2 where index + 2 < end && text[index + 1] == 0x80 && (0x80 ... 0x8A).contains(text[index + 2]),
                 0xE2 where index + 2 < end && text[index + 1] == 0x80 && text[index + 2] == 0xAF:
                pendingSpace = true  // en/em/thin spaces, narrow no-break space
                index += 3
            default:
                // A run of plain bytes is written at once (most text is such runs).
                var runEnd = index + 1
                while runEnd < end {
                    let next = text[runEnd]
                    if next <= 0x20 || next == 0xC2 || next == 0xE2 || next == 0xEF { break }
                    runEnd += 1
                }
                flushPending()
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[index ..< runEnd]))
                index = runEnd
            }
        }
    }
}

extension String {
    /// Trimmed of ASCII and Unicode whitespace, with invisible characters removed and inner runs
    /// of whitespace collapsed: the form of a name or a date as shown.
    var collapsingSpaces: String {
        var output = TextOutput()
        output.append(Array(utf8)[...], preformatted: false)
        return output.string
    }
}
