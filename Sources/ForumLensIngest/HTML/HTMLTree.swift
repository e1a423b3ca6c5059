/// An immutable HTML tree in one arena, built by `LibXML2` and read by the extractors.
///
/// Nodes are stored in document (pre-)order, so the subtree of node `i` is exactly the index
/// range `i ..< nodes[i].end`: walks are plain loops, never recursion, whatever the depth.
public struct HTMLTree: Sendable {
    public typealias NodeID = Int32

    public enum Kind: UInt8, Sendable { case element, text, comment }

    public struct Node: Sendable {
        public var kind: Kind
        /// Index into `tagNames` (elements only).
        public var tag: UInt16
        public var depth: Int32
        public var parent: NodeID
        /// One past the last node of this node's subtree.
        public var end: NodeID
        public var nextSibling: NodeID
        /// Text and comments: a byte range of `bytes`. Elements: a range of `attributes`.
        public var start: Int32
        public var count: Int32
    }

    public struct Attribute: Sendable {
        public var name: UInt16
        public var start: Int32
        public var end: Int32
    }

    public internal(set) var nodes: [Node] = []
    public internal(set) var attributes: [Attribute] = []
    /// UTF-8 of every text node, comment and attribute value.
    public internal(set) var bytes: [UInt8] = []
    public internal(set) var tagNames: [String] = []
    public internal(set) var attributeNames: [String] = []
    /// Elements deeper than the depth cap were flattened into their ancestor at the cap.
    public internal(set) var depthCapped = false
    /// Whether the parse was stopped at its deadline (the tree holds the page's beginning).
    public internal(set) var stoppedAtDeadline = false

    public static let none: NodeID = -1

    public var count: Int { nodes.count }

    @inline(__always) public subscript(id: NodeID) -> Node { nodes[Int(id)] }

    public func tagName(_ id: NodeID) -> String {
        let node = self[id]
        return node.kind == .element ? tagNames[Int(node.tag)] : ""
    }

    /// The tag id of `name` in this tree, if any element has it (for fast comparisons).
    public func tagID(_ name: String) -> UInt16? {
        tagNames.firstIndex(of: name).map { UInt16($0) }
    }

    /// Only attributes listed in `UnreadMarkup.readAttributes` are in the tree.
    public func attributeID(_ name: String) -> UInt16? {
        assert(UnreadMarkup.keeps(attribute: name), "attribute \(name) is cut before parsing: list it in UnreadMarkup.readAttributes")
        return attributeNames.firstIndex(of: name).map { UInt16($0) }
    }

    public func children(of id: NodeID) -> ChildSequence { ChildSequence(tree: self, parent: id) }

    public struct ChildSequence: Sequence, IteratorProtocol {
        // The nodes only, not the whole tree: one reference to retain, not five.
        let nodes: [Node]
        var upcoming: NodeID
        init(tree: HTMLTree, parent: NodeID) {
            nodes = tree.nodes
            let node = tree[parent]
            upcoming = node.end > parent + 1 ? parent + 1 : HTMLTree.none
        }
        public mutating func next() -> NodeID? {
            guard upcoming != HTMLTree.none else { return nil }
            defer { upcoming = nodes[Int(upcoming)].nextSibling }
            return upcoming
        }
    }

    /// The value of attribute `name` on element `id`.
    public func attribute(_ name: String, of id: NodeID) -> String? {
        guard let nameID = attributeID(name) else { return nil }
        return attribute(nameID, of: id)
    }

    /// The bytes of attribute `nameID` on element `id`, without making a String.
    func attributeBytes(_ nameID: UInt16, of id: NodeID) -> ArraySlice<UInt8>? {
        let node = self[id]
        guard node.kind == .element else { return nil }
        for index in Int(node.start) ..< Int(node.start + node.count) where attributes[index].name == nameID {
            return bytes[Int(attributes[index].start) ..< Int(attributes[index].end)]
        }
        return nil
    }

    public func attribute(_ nameID: UInt16, of id: NodeID) -> String? {
        attributeBytes(nameID, of: id).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The text of a text or comment node.
    public func text(_ id: NodeID) -> String {
        let node = self[id]
        guard node.kind != .element else { return "" }
        return string(node.start, node.start + node.count)
    }

    /// The raw bytes of a text or comment node.
    public func textBytes(_ id: NodeID) -> ArraySlice<UInt8> {
        let node = self[id]
        return bytes[Int(node.start) ..< Int(node.start + node.count)]
    }

    /// The element just before `id` under the same parent.
    public func previousElement(_ id: NodeID) -> NodeID? {
        let parent = self[id].parent
        guard parent >= 0 else { return nil }
        var previous: NodeID?
        for child in children(of: parent) {
            if child == id { return previous }
            if self[child].kind == .element { previous = child }
        }
        return nil
    }

    public func isAncestor(_ ancestor: NodeID, of id: NodeID) -> Bool {
        id > ancestor && id < self[ancestor].end
    }

    func string(_ start: Int32, _ end: Int32) -> String {
        String(decoding: bytes[Int(start) ..< Int(end)], as: UTF8.self)
    }
}
