import Foundation

/// What ForumLens never reads, cut out before libxml2 parses a page: the contents of script
/// and style elements (inline CSS and JavaScript are a third of the bytes of saved pages, and
/// libxml2 2.9 reads them one character at a time) and the attributes no extractor reads
/// (SVG paths, event handlers, `aria-*`, tracking data: libxml2 reads each value a character
/// at a time into a buffer it allocates and grows). The tree is otherwise the same: the same
/// nodes, texts and read attributes (`HTMLUnreadMarkupTests` checks it). Code that reads an
/// attribute must list its name in `readAttributes`; `HTMLTree.attributeID` asserts it.
///
/// The scan follows libxml2 2.9's HTML tokenizer (recovery mode) wherever it decides what is
/// markup: comments end at `-->` or `--!>`; in a start tag a quoted value may hold `<` and `>`
/// while an unquoted one runs to a blank or `>` (so `<script src=x/>` is not empty); a bogus
/// attribute runs to a blank, `>` or `/>`; an end tag runs to the next `>`; raw text ends at
/// `</` followed by the element's name. Whatever it cannot follow (an unclosed comment, tag or
/// quote, a NUL byte, an unusual doctype) ends the cutting: the rest is parsed as it is.
///
/// On valid UTF-8 pages the read attributes leave the tags too: the scan decodes their values
/// as libxml2 would (`MovedAttributes`) and each tag keeps a single short `_N` that the tree
/// builder swaps back for them. libxml2 spends a tenth of a page's parse on attribute values
/// otherwise (a buffer allocated and grown per value, each character decoded twice).
enum UnreadMarkup {
    /// Attributes the extractors read.
    static let readAttributes = [
        "class", "id", "href", "src", "alt", "title", "style", "hidden", "rel", "itemprop", "itemtype", "content",
        "name", "property", "http-equiv", "charset", "lang", "xml:lang", "datetime", "ts", "created-timestamp",
        "author", "component", "data-role", "data-author", "data-user", "data-username", "data-time",
        "data-timestamp", "data-datetime", "data-date", "data-utime", "data-source", "data-quote", "data-topic", "data-postid",
        "data-post", "data-pid", "data-ipsquote-username", "data-ipsquote-contentcommentid",
    ]

    /// Whether attributes called `name` are kept in the tree (by the extractors' list).
    static func keeps(attribute name: String) -> Bool { KeptAttributes.standard.keeps(name) }

    /// A hash of a name as libxml2 reads it (ASCII letters lowercased; on the bytes names are
    /// made of, `| 0x20` changes nothing else). A name whose 64-bit hash equals a read one's
    /// would be kept (under the read name, on UTF-8 pages): the odds are negligible.
    fileprivate static func nameHash(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        bytes.reduce(0xCBF2_9CE4_8422_2325) { nameHash($0, $1) }
    }

    fileprivate static func nameHash(_ hash: UInt64, _ byte: UInt8) -> UInt64 { (hash ^ UInt64(byte | 0x20)) &* 0x100_0000_01B3 }

    /// What libxml2 parses instead of a page, and the attributes taken out of its tags.
    struct Cut {
        var page: [UInt8]
        var moved: MovedAttributes
    }

    /// The read attributes of the tags of a UTF-8 page, values decoded as libxml2 decodes them.
    /// The tag marked with an attribute named `_N` (no value: libxml2 then allocates nothing)
    /// had the attributes `attributes[tagStarts[T] ..< tagStarts[T + 1]]`, T the first tag
    /// after the last marked one with T modulo `markerCycle` = N.
    struct MovedAttributes {
        static let markerStart: UInt8 = 0x5F  // `_`
        /// Markers count modulo this: libxml2 2.9 keeps every attribute name in a dictionary
        /// that stops growing at 16,384 buckets, so a million distinct names (a page of a
        /// million posts) made each lookup walk a long chain.
        static let markerCycle = 4096

        /// The values' bytes, one after the other: the start of the tree's byte arena.
        var values: [UInt8] = []
        /// Each attribute's index in the kept names and its bytes in `values`.
        var attributes: [(name: UInt8, start: Int32, end: Int32)] = []
        var tagStarts: [Int32] = [0]

        var tagCount: Int { tagStarts.count - 1 }
    }

    /// The page without what is never read (attributes not in `kept`); nil when nothing was
    /// cut. Only for encodings where these ASCII bytes mean themselves (`asciiCompatible`);
    /// `moveAttributes` only for valid UTF-8.
    static func cut(_ page: UnsafeBufferPointer<UInt8>, moveAttributes: Bool = false, kept: KeptAttributes = .standard) -> Cut? {
        guard let base = page.baseAddress, !page.isEmpty, memchr(base, 0, page.count) == nil else { return nil }
        return byteClasses.withUnsafeBufferPointer { classes in kept.slots.withUnsafeBufferPointer { read in
            var scanner = Scanner(
                base: base, count: page.count, classes: classes.baseAddress!, readAttributes: read.baseAddress!,
                movesAttributes: moveAttributes)
            scanner.scan()
            guard !scanner.cuts.isEmpty else { return nil }
            var output: [UInt8] = []
            output.reserveCapacity(page.count)
            var copied = 0
            for (start, end, marker) in scanner.cuts {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: page[copied ..< start]))
                if marker >= 0 { output.append(contentsOf: " _\(marker % MovedAttributes.markerCycle)".utf8) }
                copied = end
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: page[copied...]))
            return Cut(page: output, moved: scanner.moved)
        } }
    }

    private static let blank: UInt8 = 1, letter: UInt8 = 2, nameStart: UInt8 = 4, nameByte: UInt8 = 8

    /// What each byte is to libxml2's HTML tokenizer: a blank, a letter, a name's first
    /// character (a letter, `_`, `:` or `.`), or one of a name's (also digits and `-`).
    private static let byteClasses: [UInt8] = (0 ... 255).map { (byte: Int) -> UInt8 in
        let isLetter = (0x41 ... 0x5A).contains(byte) || (0x61 ... 0x7A).contains(byte)
        let isNameStart = isLetter || byte == 0x5F || byte == 0x3A || byte == 0x2E
        let isNameByte = isNameStart || byte == 0x2D || (0x30 ... 0x39).contains(byte)
        return ([0x20, 0x09, 0x0A, 0x0D].contains(byte) ? blank : 0) | (isLetter ? letter : 0)
            | (isNameStart ? nameStart : 0) | (isNameByte ? nameByte : 0)
    }

    /// Encodings in which `<`, `>`, quotes, `-` and ASCII letters are always those characters.
    static func asciiCompatible(_ encoding: String) -> Bool {
        let name = encoding.lowercased()
        return name == "utf-8" || name == "utf8" || name == "us-ascii" || name == "ascii"
            || name.hasPrefix("windows-125") || name.hasPrefix("iso-8859-")
    }

    private struct Scanner {
        let base: UnsafePointer<UInt8>
        let count: Int
        let classes: UnsafePointer<UInt8>
        let readAttributes: UnsafePointer<UInt64>
        let movesAttributes: Bool
        var position = 0
        /// Byte ranges to leave out, in order, each replaced by the marker of a tag's moved
        /// attributes when `marker` is not -1.
        var cuts: [(start: Int, end: Int, marker: Int)] = []
        var moved = MovedAttributes()

        mutating func scan() {
            while let (start, end) = nextRawText() { cuts.append((start, end, -1)) }
        }

        /// The next non-empty script or style content, as a byte range; nil at the end or
        /// where the scan stops following the markup.
        mutating func nextRawText() -> (Int, Int)? {
            while let open = find(0x3C, from: position) {
                let next = byte(open + 1)
                if next == 0x21 {  // <!
                    guard let after = skipDeclaration(at: open) else { return nil }
                    position = after
                } else if next == 0x3F {  // <? a processing instruction, to the next `>`
                    guard isNameStart(byte(open + 2)), let close = find(0x3E, from: open + 2) else { return nil }
                    position = close + 1
                } else if next == 0x2F {  // </
                    var index = open + 2
                    guard isNameStart(byte(index)) else {
                        position = open + 2
                        continue
                    }
                    while isNameByte(byte(index)) { index += 1 }
                    guard let close = find(0x3E, from: index) else { return nil }
                    position = close + 1
                } else if isLetter(next) {
                    var index = open + 1
                    while isNameByte(byte(index)) { index += 1 }
                    let name = rawElementName(open + 1, index)
                    guard let (after, selfClosing) = endOfStartTag(from: index) else { return nil }
                    position = after
                    guard let name, !selfClosing else { continue }
                    guard let close = findEndTag(name, from: after) else { return nil }
                    position = close
                    guard close > after else { continue }
                    // libxml2 reads an end tag or a start tag (which may close the element)
                    // before raw text: contents starting so are not followed.
                    let first = byte(after + 1)
                    if byte(after) == 0x3C, first == 0x2F || isLetter(first) || first == 0x5F || first == 0x3A { return nil }
                    return (after, close)
                } else {
                    position = open + 1
                }
            }
            return nil
        }

        /// After `<!`: a comment, a doctype, or text (`<![CDATA[` and others are text to libxml2).
        private func skipDeclaration(at open: Int) -> Int? {
            if byte(open + 2) == 0x2D, byte(open + 3) == 0x2D {
                // The comment ends at the first `-->` or `--!>` after `<!--`.
                var index = open + 4
                while let dash = find(0x2D, from: index) {
                    if byte(dash + 1) == 0x2D {
                        if byte(dash + 2) == 0x3E { return dash + 3 }
                        if byte(dash + 2) == 0x21, byte(dash + 3) == 0x3E { return dash + 4 }
                    }
                    index = dash + 1
                }
                return nil
            }
            guard matchesLowercased("doctype", at: open + 2) else { return open + 1 }
            // libxml2 ends a doctype at its first `>` after quoted literals: quotes that
            // would hold that `>` are not followed.
            guard let close = find(0x3E, from: open + 9) else { return nil }
            var index = open + 9
            while index < close {
                let current = base[index]
                if current == 0x3C { return nil }
                if current == 0x22 || current == 0x27 {
                    guard let quote = find(current, from: index + 1), quote < close else { return nil }
                    index = quote + 1
                } else {
                    index += 1
                }
            }
            return close + 1
        }

        /// The end of a start tag whose name ends at `index`: the position after its `>`, and
        /// whether it ends with `/>` (libxml2 then opens no raw text).
        private mutating func endOfStartTag(from start: Int) -> (Int, Bool)? {
            var index = start
            let firstCut = cuts.count
            let firstMoved = moved.attributes.count
            let firstValueByte = moved.values.count
            func giveUp(_ scanner: inout Scanner) -> (Int, Bool)? {
                scanner.cuts.removeSubrange(firstCut...)
                scanner.moved.attributes.removeSubrange(firstMoved...)
                scanner.moved.values.removeSubrange(firstValueByte...)
                return nil
            }
            while true {
                while isBlank(byte(index)) { index += 1 }
                let current = byte(index)
                if current == 0 { return giveUp(&self) }
                let selfClosing = current == 0x2F && byte(index + 1) == 0x3E
                if current == 0x3E || selfClosing {
                    if movesAttributes, index > start {
                        var marker = -1
                        if moved.attributes.count > firstMoved {
                            marker = moved.tagCount
                            moved.tagStarts.append(Int32(moved.attributes.count))
                        }
                        cuts.append((start, index, marker))
                    }
                    return selfClosing ? (index + 2, true) : (index + 1, false)
                }
                if isNameStart(current) {
                    let nameStart = index
                    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
                    while isNameByte(byte(index)) {
                        hash = UnreadMarkup.nameHash(hash, base[index])
                        index += 1
                    }
                    let nameEnd = index
                    var value = nameEnd ..< nameEnd
                    while isBlank(byte(index)) { index += 1 }
                    if byte(index) == 0x3D {  // =
                        index += 1
                        while isBlank(byte(index)) { index += 1 }
                        let quote = byte(index)
                        if quote == 0x22 || quote == 0x27 {
                            guard let close = find(quote, from: index + 1) else { return giveUp(&self) }
                            value = index + 1 ..< close
                            index = close + 1
                        } else {
                            let valueStart = index
                            while index < count, !isBlank(base[index]), base[index] != 0x3E { index += 1 }
                            value = valueStart ..< index
                        }
                    } else {
                        index = nameEnd
                    }
                    let read = KeptAttributes.index(hash, in: readAttributes)
                    if movesAttributes {
                        // libxml2 keeps the first of two attributes of one name.
                        if let read, !moved.attributes[firstMoved...].contains(where: { Int($0.name) == read }) {
                            let valueStart = Int32(moved.values.count)
                            appendValue(value)
                            moved.attributes.append((UInt8(read), valueStart, Int32(moved.values.count)))
                        }
                    } else if read == nil {
                        cuts.append((nameStart, index, -1))
                    }
                } else {
                    // A bogus attribute: dropped up to a blank or the end of the tag.
                    while index < count, !isBlank(base[index]), base[index] != 0x3E,
                          !(base[index] == 0x2F && byte(index + 1) == 0x3E)
                    {
                        index += 1
                    }
                }
            }
        }

        /// Appends an attribute value as libxml2 2.9 hands it over: character references and
        /// the HTML 4 entities it knows (directly followed by `;`) decoded, everything else as
        /// it is; a reference to a character XML forbids (`&#0;`, `&#1;`, a surrogate) ends the
        /// value there, as the NUL byte libxml2 writes for it does.
        private mutating func appendValue(_ value: Range<Int>) {
            var index = value.lowerBound
            while index < value.upperBound {
                guard let ampersand = find(0x26, from: index, before: value.upperBound) else { break }
                moved.values.append(contentsOf: UnsafeBufferPointer(start: base + index, count: ampersand - index))
                index = ampersand + 1
                if index < value.upperBound, base[index] == 0x23 {  // #
                    let (character, after) = characterReference(from: index + 1, to: value.upperBound)
                    guard character != 0 else { return }
                    appendUTF8(character)
                    index = after
                    continue
                }
                var nameEnd = index
                while nameEnd < value.upperBound, isNameByte(base[nameEnd]) { nameEnd += 1 }
                if nameEnd > index, nameEnd < value.upperBound, base[nameEnd] == 0x3B,
                   let character = LibXML2.htmlEntity(UnsafeBufferPointer(start: base + index, count: nameEnd - index))
                {
                    appendUTF8(character)
                    index = nameEnd + 1
                } else {
                    moved.values.append(0x26)
                }
            }
            moved.values.append(contentsOf: UnsafeBufferPointer(start: base + index, count: value.upperBound - index))
        }

        /// The character of `&#…` (digits from `start`) and where the reference ends; 0 for
        /// none or one XML forbids. Like libxml2: digits up to the first other byte, a `;`
        /// after them skipped, values past U+10FFFF no longer grown.
        private func characterReference(from start: Int, to end: Int) -> (UInt32, Int) {
            var index = start
            var value: UInt32 = 0
            let hex = index < end && base[index] | 0x20 == 0x78  // x or X
            if hex { index += 1 }
            while index < end {
                let digit: UInt32
                switch base[index] {
                case 0x30 ... 0x39: digit = UInt32(base[index] - 0x30)
                case 0x61 ... 0x66 where hex: digit = UInt32(base[index] - 0x61 + 10)
                case 0x41 ... 0x46 where hex: digit = UInt32(base[index] - 0x41 + 10)
                default: digit = .max
                }
                guard digit != .max else { break }
                if value < 0x110000 { value = value * (hex ? 16 : 10) + digit }
                index += 1
            }
            if index < end, base[index] == 0x3B { index += 1 }
            let allowed = value == 0x9 || value == 0xA || value == 0xD || (0x20 ... 0xD7FF).contains(value)
                || (0xE000 ... 0xFFFD).contains(value) || (0x10000 ... 0x10FFFF).contains(value)
            return (allowed ? value : 0, index)
        }

        private mutating func appendUTF8(_ character: UInt32) {
            switch character {
            case ..<0x80: moved.values.append(UInt8(character))
            case ..<0x800: moved.values.append(contentsOf: [UInt8(0xC0 | character >> 6), UInt8(0x80 | character & 0x3F)])
            case ..<0x10000:
                moved.values.append(contentsOf: [
                    UInt8(0xE0 | character >> 12), UInt8(0x80 | character >> 6 & 0x3F), UInt8(0x80 | character & 0x3F),
                ])
            default:
                moved.values.append(contentsOf: [
                    UInt8(0xF0 | character >> 18), UInt8(0x80 | character >> 12 & 0x3F),
                    UInt8(0x80 | character >> 6 & 0x3F), UInt8(0x80 | character & 0x3F),
                ])
            }
        }

        /// `script` or `style` when the tag name in `start ..< end` is one of them.
        private func rawElementName(_ start: Int, _ end: Int) -> StaticString? {
            if end - start == 6, matchesLowercased("script", at: start) { return "script" }
            if end - start == 5, matchesLowercased("style", at: start) { return "style" }
            return nil
        }

        /// Where the raw text from `start` ends: at the first `</name` in any case, which
        /// libxml2 reads as the end tag when no name character follows (`</scripty` ends the
        /// raw text but not the element, and is not followed).
        private func findEndTag(_ name: StaticString, from start: Int) -> Int? {
            var index = start
            while let open = find(0x3C, from: index) {
                if byte(open + 1) == 0x2F, matchesLowercased(name, at: open + 2) {
                    return isNameByte(byte(open + 2 + name.utf8CodeUnitCount)) ? nil : open
                }
                index = open + 1
            }
            return nil
        }

        private func matchesLowercased(_ word: StaticString, at start: Int) -> Bool {
            guard start + word.utf8CodeUnitCount <= count else { return false }
            for offset in 0 ..< word.utf8CodeUnitCount where base[start + offset] | 0x20 != word.utf8Start[offset] {
                return false
            }
            return true
        }

        private func find(_ target: UInt8, from start: Int, before end: Int? = nil) -> Int? {
            let end = end ?? count
            guard start < end, let found = memchr(base + start, Int32(target), end - start) else { return nil }
            return UnsafePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self)) - base
        }

        /// The byte at `index`, or 0 past the end (pages with a NUL are never scanned).
        private func byte(_ index: Int) -> UInt8 { index < count ? base[index] : 0 }
        private func isBlank(_ byte: UInt8) -> Bool { classes[Int(byte)] & UnreadMarkup.blank != 0 }
        private func isLetter(_ byte: UInt8) -> Bool { classes[Int(byte)] & UnreadMarkup.letter != 0 }
        private func isNameStart(_ byte: UInt8) -> Bool { classes[Int(byte)] & UnreadMarkup.nameStart != 0 }
        private func isNameByte(_ byte: UInt8) -> Bool { classes[Int(byte)] & UnreadMarkup.nameByte != 0 }
    }
}

/// The attribute names kept in the tree: those the extractors read (`UnreadMarkup.readAttributes`
/// and what the built-in engines' selectors test), and those the loaded site profiles test.
public struct KeptAttributes: Sendable {
    public static let standard = KeptAttributes(names: UnreadMarkup.readAttributes)
        .adding(Engine.all.flatMap { $0.profile.attributeNames }.sorted())

    /// At most 200 names: indexes are stored in a byte, slots must stay mostly empty.
    public static let capacity = 200

    public let names: [String]
    /// The names' hashes in an open-addressing table (0: empty), looked up for every attribute
    /// of every page; the low byte of the next 256 slots is the name's index in `names`.
    let slots: [UInt64]

    private init(names: [String]) {
        self.names = names
        var slots = [UInt64](repeating: 0, count: 512)
        for (index, name) in names.enumerated() {
            let hash = UnreadMarkup.nameHash(Array(name.lowercased().utf8)[...])
            var slot = Int(hash >> 56)
            while slots[slot] != 0, slots[slot] != hash { slot = (slot + 1) & 255 }
            slots[slot] = hash
            slots[256 + slot] = UInt64(index)
        }
        self.slots = slots
    }

    /// These names and `more` (lower-cased; beyond `capacity`, the rest are left out).
    public func adding(_ more: some Sequence<String>) -> KeptAttributes {
        var all = names
        for name in more.map({ $0.lowercased() }) where !all.contains(name) && all.count < Self.capacity { all.append(name) }
        return KeptAttributes(names: all)
    }

    func keeps(_ name: String) -> Bool {
        slots.withUnsafeBufferPointer { Self.index(UnreadMarkup.nameHash(Array(name.utf8)[...]), in: $0.baseAddress!) != nil }
    }

    /// The index in `names` of the name with this hash, if it is kept.
    static func index(_ hash: UInt64, in slots: UnsafePointer<UInt64>) -> Int? {
        var slot = Int(hash >> 56)
        while slots[slot] != 0 {
            if slots[slot] == hash { return Int(slots[256 + slot]) }
            slot = (slot + 1) & 255
        }
        return nil
    }
}
