import CLibXML2

/// The one place that calls libxml2. It runs the HTML parser with SAX callbacks that build an
/// `HTMLTree` arena directly (no libxml2 DOM is built, so nothing libxml2 allocated outlives
/// `parseHTML`), and hands back an immutable Sendable value.
enum LibXML2 {
    /// Recover from broken markup, stay silent, never touch the network, lift the 10 MB text
    /// and depth-256 limits (without HUGE, libxml2 2.9 silently drops the rest of deep pages),
    /// and ignore the page's own charset declaration: `Charset` has already decided.
    static let options = Int32(
        HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue | HTML_PARSE_IGNORE_ENC.rawValue)
        | Int32(XML_PARSE_HUGE.rawValue)

    private static let initialized: Bool = {
        xmlInitParser()
        return true
    }()

    /// Whether libxml2 can decode `encoding` (iconv names such as `windows-1252`, `Shift_JIS`).
    static func knowsEncoding(_ encoding: String) -> Bool {
        _ = initialized
        guard let handler = xmlFindCharEncodingHandler(encoding) else { return false }
        xmlCharEncCloseFunc(handler)
        return true
    }

    /// The character of the HTML 4 entity `name` (without `&` and `;`), as libxml2 decodes it.
    static func htmlEntity(_ name: UnsafeBufferPointer<UInt8>) -> UInt32? {
        // Entity names are short: a longer run is no entity.
        guard name.count < 16 else { return nil }
        return withUnsafeTemporaryAllocation(of: xmlChar.self, capacity: name.count + 1) { buffer in
            _ = buffer.initialize(from: name)
            buffer[name.count] = 0
            return htmlEntityLookup(buffer.baseAddress).map { UInt32($0.pointee.value) }
        }
    }

    /// Parses `bytes` (in `encoding`) into a tree; elements nested deeper than `depthCap` are
    /// flattened into their ancestor at the cap. What no extractor reads is cut out first
    /// (`UnreadMarkup`) unless `whole`, which the tests compare against. `validUTF8`: whether
    /// the caller already knows the bytes are valid UTF-8 (nil: checked here when they are UTF-8).
    static func parseHTML(
        _ bytes: UnsafeRawBufferPointer, encoding: String, validUTF8: Bool? = nil, depthCap: Int,
        kept: KeptAttributes = .standard, whole: Bool = false, deadline: ContinuousClock.Instant? = nil
    ) -> HTMLTree {
        _ = initialized
        var cut: UnreadMarkup.Cut?
        if !whole, UnreadMarkup.asciiCompatible(encoding) {
            let page = bytes.assumingMemoryBound(to: UInt8.self)
            // On invalid UTF-8 libxml2 reads the rest of the page as Latin-1: values decoded
            // beforehand would differ.
            let isUTF8 = encoding.uppercased() == "UTF-8"
            let moves = isUTF8 && (validUTF8 ?? UTF8Check.scan(page).valid)
            cut = UnreadMarkup.cut(page, moveAttributes: moves, kept: kept)
        }
        // A struct behind a pointer rather than a class: class property access pays dynamic
        // exclusivity checks on every SAX event (a tenth of the parse time, measured).
        let builder = UnsafeMutablePointer<TreeBuilder>.allocate(capacity: 1)
        builder.initialize(to: TreeBuilder(
            depthCap: depthCap, expectedBytes: bytes.count, moved: cut?.moved ?? .init(), keptNames: kept.names, deadline: deadline))
        defer { builder.deinitialize(count: 1).deallocate() }
        guard let context = htmlNewParserCtxt() else { return builder.pointee.finish() }
        defer { htmlFreeParserCtxt(context) }
        if let sax = context.pointee.sax {
            sax.initialize(to: htmlSAXHandler())
            sax.pointee.startElement = startElement
            sax.pointee.endElement = endElement
            sax.pointee.characters = characters
            sax.pointee.ignorableWhitespace = characters
            sax.pointee.cdataBlock = ignoreRawText
            sax.pointee.comment = comment
            sax.pointee.initialized = 1
        }
        context.pointee._private = UnsafeMutableRawPointer(builder)
        if let cut {
            cut.page.withUnsafeBytes { read(context, $0, encoding) }
        } else {
            read(context, bytes, encoding)
        }
        return builder.pointee.finish()
    }

    private static func read(_ context: htmlParserCtxtPtr, _ bytes: UnsafeRawBufferPointer, _ encoding: String) {
        // libxml2 takes an Int32 length; larger inputs are refused before this point.
        let empty: CChar = 0
        let document = withUnsafePointer(to: empty) { emptyBuffer in
            htmlCtxtReadMemory(
                context, bytes.baseAddress?.assumingMemoryBound(to: CChar.self) ?? emptyBuffer,
                Int32(bytes.count), nil, encoding, options)
        }
        if let document { xmlFreeDoc(document) }
    }

    private static func builder(_ context: UnsafeMutableRawPointer?) -> UnsafeMutablePointer<TreeBuilder> {
        let parser = context!.assumingMemoryBound(to: xmlParserCtxt.self)
        return parser.pointee._private.assumingMemoryBound(to: TreeBuilder.self)
    }

    private static let startElement: startElementSAXFunc = { context, name, attributes in
        guard let name else { return }
        builder(context).pointee.startElement(name: name, attributes: attributes)
        stopAtDeadline(context)
    }

    /// Stops the parse once the deadline has passed (looked at every few thousand events).
    private static func stopAtDeadline(_ context: UnsafeMutableRawPointer?) {
        if builder(context).pointee.pastDeadline() { xmlStopParser(context!.assumingMemoryBound(to: xmlParserCtxt.self)) }
    }

    private static let endElement: endElementSAXFunc = { context, name in
        guard let name else { return }
        builder(context).pointee.endElement(name: name)
    }

    private static let characters: charactersSAXFunc = { context, text, length in
        guard let text, length > 0 else { return }
        builder(context).pointee.appendText(UnsafeBufferPointer(start: text, count: Int(length)))
        stopAtDeadline(context)
    }

    // Script and style contents: never message text, so never stored.
    private static let ignoreRawText: cdataBlockSAXFunc = { _, _, _ in }

    private static let comment: commentSAXFunc = { context, value in
        guard let value else { return }
        builder(context).pointee.appendComment(value)
    }
}

/// Accumulates SAX events into an `HTMLTree`.
private struct TreeBuilder {
    private var tree = HTMLTree()
    /// Open elements: node index and the last child appended to it.
    private var stack: [(node: Int32, lastChild: Int32)] = []
    private var tagIDs = Names()
    private var tagNameIDs: [String: UInt16] = [:]
    private var attributeIDs = Names()
    private var attributeNameIDs: [String: UInt16] = [:]
    private let depthCap: Int
    /// Start tags ignored past the depth cap, whose end tags must be ignored too.
    private var overflow = 0
    /// The attributes taken out of the tags before the parse, and each one's name id once used.
    private let moved: UnreadMarkup.MovedAttributes
    private let keptNames: [String]
    private var movedNameIDs: [UInt16]
    /// The last marked tag seen: marks come in order, so a later one is a page's own attribute.
    private var lastMarkedTag = -1

    private let deadline: ContinuousClock.Instant?
    private var events = 0

    init(depthCap: Int, expectedBytes: Int, moved: UnreadMarkup.MovedAttributes, keptNames: [String], deadline: ContinuousClock.Instant?) {
        self.deadline = deadline
        self.depthCap = max(depthCap, 2)
        self.moved = moved
        self.keptNames = keptNames
        movedNameIDs = [UInt16](repeating: .max, count: keptNames.count)
        // The moved values head the byte arena, where their ranges already point.
        tree.bytes = moved.values
        tree.bytes.reserveCapacity(expectedBytes / 2)
        tree.nodes.reserveCapacity(expectedBytes / 40)
        tree.tagNames = ["#document"]
        tagNameIDs["#document"] = 0
        tree.nodes.append(HTMLTree.Node(
            kind: .element, tag: 0, depth: 0, parent: HTMLTree.none, end: 1,
            nextSibling: HTMLTree.none, start: 0, count: 0))
        stack.append((0, HTMLTree.none))
    }

    /// Whether the deadline has passed, looked at every 4,096 events (a clock read costs more
    /// than an event).
    mutating func pastDeadline() -> Bool {
        events &+= 1
        guard let deadline, events & 4095 == 0, ContinuousClock.now >= deadline else { return false }
        tree.stoppedAtDeadline = true
        return true
    }

    mutating func finish() -> HTMLTree {
        while !stack.isEmpty { close() }
        return tree
    }

    private mutating func append(_ node: HTMLTree.Node) -> Int32 {
        let index = Int32(tree.nodes.count)
        tree.nodes.append(node)
        let top = stack.count - 1
        if stack[top].lastChild != HTMLTree.none {
            tree.nodes[Int(stack[top].lastChild)].nextSibling = index
        }
        stack[top].lastChild = index
        return index
    }

    private mutating func close() {
        let (node, _) = stack.removeLast()
        tree.nodes[Int(node)].end = Int32(tree.nodes.count)
    }

    /// Name ids by the address libxml2 gives a name (its dictionary keeps one copy of each):
    /// found without hashing the name, or a Dictionary's SipHash, per element.
    private struct Names {
        private var slots = DenseIDs()
        private var ids: [UInt16] = []

        func id(_ pointer: UnsafePointer<xmlChar>) -> UInt16? {
            slots.existing(Self.key(pointer)).map { ids[Int($0)] }
        }

        mutating func set(_ pointer: UnsafePointer<xmlChar>, _ id: UInt16) {
            _ = slots.id(of: Self.key(pointer))
            ids.append(id)
        }

        private static func key(_ pointer: UnsafePointer<xmlChar>) -> UInt64 { UInt64(UInt(bitPattern: pointer)) }
    }

    private static func intern(
        _ pointer: UnsafePointer<xmlChar>, _ byPointer: inout Names,
        _ byName: inout [String: UInt16], _ names: inout [String]
    ) -> UInt16 {
        if let id = byPointer.id(pointer) { return id }
        let name = String(cString: pointer)
        let id: UInt16
        if let known = byName[name] {
            id = known
        } else {
            id = UInt16(truncatingIfNeeded: names.count)
            names.append(name)
            byName[name] = id
        }
        byPointer.set(pointer, id)
        return id
    }

    mutating func startElement(name: UnsafePointer<xmlChar>, attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        if stack.count > depthCap {
            overflow += 1
            tree.depthCapped = true
            return
        }
        let tag = Self.intern(name, &tagIDs, &tagNameIDs, &tree.tagNames)
        let attributeStart = Int32(tree.attributes.count)
        if let attributes {
            var index = 0
            while let attributeName = attributes[index] {
                if attributeName[0] == UnreadMarkup.MovedAttributes.markerStart, attributes[index + 1] == nil,
                   let tag = markedTag(attributeName + 1)
                {
                    appendMovedAttributes(of: tag)
                    index += 2
                    continue
                }
                let nameID = Self.intern(attributeName, &attributeIDs, &attributeNameIDs, &tree.attributeNames)
                let start = Int32(tree.bytes.count)
                if let value = attributes[index + 1] {
                    tree.bytes.append(contentsOf: UnsafeBufferPointer(start: value, count: Int(xmlStrlen(value))))
                }
                tree.attributes.append(HTMLTree.Attribute(name: nameID, start: start, end: Int32(tree.bytes.count)))
                index += 2
            }
        }
        let index = append(HTMLTree.Node(
            kind: .element, tag: tag, depth: Int32(stack.count), parent: stack[stack.count - 1].node,
            end: 0, nextSibling: HTMLTree.none, start: attributeStart,
            count: Int32(tree.attributes.count) - attributeStart))
        stack.append((index, HTMLTree.none))
    }

    /// The tag a marker's name (the number after its `_`, modulo `markerCycle`) stands for: the
    /// first after the last marked one with that number, if it is near (libxml2 drops a few
    /// tags; a page's own `_12` attribute is no mark).
    private mutating func markedTag(_ digits: UnsafePointer<xmlChar>) -> Int? {
        let cycle = UnreadMarkup.MovedAttributes.markerCycle
        var digit = digits
        guard digit.pointee != 0 else { return nil }
        var number = 0
        while digit.pointee != 0 {
            guard digit.pointee >= 0x30, digit.pointee <= 0x39, number < cycle else { return nil }
            number = number * 10 + Int(digit.pointee - 0x30)
            digit += 1
        }
        guard number < cycle else { return nil }
        let next = lastMarkedTag + 1
        let tag = next + ((number - next % cycle) + cycle) % cycle
        guard tag - next < cycle / 2, tag < moved.tagCount else { return nil }
        lastMarkedTag = tag
        return tag
    }

    private mutating func appendMovedAttributes(of tag: Int) {
        for attribute in moved.attributes[Int(moved.tagStarts[tag]) ..< Int(moved.tagStarts[tag + 1])] {
            var nameID = movedNameIDs[Int(attribute.name)]
            if nameID == .max {
                let name = keptNames[Int(attribute.name)]
                if let known = attributeNameIDs[name] {
                    nameID = known
                } else {
                    nameID = UInt16(truncatingIfNeeded: tree.attributeNames.count)
                    tree.attributeNames.append(name)
                    attributeNameIDs[name] = nameID
                }
                movedNameIDs[Int(attribute.name)] = nameID
            }
            tree.attributes.append(HTMLTree.Attribute(name: nameID, start: attribute.start, end: attribute.end))
        }
    }

    mutating func endElement(name: UnsafePointer<xmlChar>) {
        if overflow > 0 {
            overflow -= 1
            return
        }
        guard let tag = tagIDs.id(name) ?? tagNameIDs[String(cString: name)] else { return }
        // libxml2 balances its events; still, close up to the matching element and no further.
        guard let match = stack.lastIndex(where: { $0.node != 0 && tree.nodes[Int($0.node)].tag == tag }) else { return }
        while stack.count > match { close() }
    }

    mutating func appendText(_ text: UnsafeBufferPointer<xmlChar>) {
        let top = stack.count - 1
        let last = stack[top].lastChild
        if last != HTMLTree.none, last == Int32(tree.nodes.count - 1), tree.nodes[Int(last)].kind == .text {
            tree.bytes.append(contentsOf: text)
            tree.nodes[Int(last)].count += Int32(text.count)
            return
        }
        let start = Int32(tree.bytes.count)
        tree.bytes.append(contentsOf: text)
        _ = append(HTMLTree.Node(
            kind: .text, tag: 0, depth: Int32(stack.count), parent: stack[top].node,
            end: Int32(tree.nodes.count + 1), nextSibling: HTMLTree.none, start: start, count: Int32(text.count)))
    }

    mutating func appendComment(_ value: UnsafePointer<xmlChar>) {
        let start = Int32(tree.bytes.count)
        tree.bytes.append(contentsOf: UnsafeBufferPointer(start: value, count: Int(xmlStrlen(value))))
        _ = append(HTMLTree.Node(
            kind: .comment, tag: 0, depth: Int32(stack.count), parent: stack[stack.count - 1].node,
            end: Int32(tree.nodes.count + 1), nextSibling: HTMLTree.none, start: start,
            count: Int32(tree.bytes.count) - start))
    }
}
