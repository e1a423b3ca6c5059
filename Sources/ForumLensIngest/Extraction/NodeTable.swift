/// Values kept for some nodes of a page, found by node id without hashing: a slot per node,
/// the values apart. Dictionaries keyed by node id ran SipHash on every lookup, and the
/// extractor looks nodes up millions of times per run.
struct NodeTable<Value> {
    private var slots: [Int32]
    /// The nodes with a value, in the order they got it, and their values.
    private(set) var nodes: [HTMLTree.NodeID] = []
    private(set) var values: [Value] = []

    init(count: Int) { slots = Array(repeating: -1, count: count) }

    /// Values are set or replaced, never removed.
    subscript(node: HTMLTree.NodeID) -> Value? {
        get {
            let slot = slots[Int(node)]
            return slot < 0 ? nil : values[Int(slot)]
        }
        set {
            guard let newValue else { preconditionFailure("NodeTable values are never removed") }
            let slot = slots[Int(node)]
            if slot >= 0 {
                values[Int(slot)] = newValue
            } else {
                slots[Int(node)] = Int32(values.count)
                nodes.append(node)
                values.append(newValue)
            }
        }
    }
}

/// A set of a page's nodes as one flag per node: membership is tested on every node of
/// every record, where a `Set` hashed each test.
struct NodeSet {
    private var flags: [Bool]

    init<Nodes: Sequence>(_ nodes: Nodes, count: Int) where Nodes.Element == HTMLTree.NodeID {
        flags = Array(repeating: false, count: count)
        for node in nodes { flags[Int(node)] = true }
    }

    @inline(__always) func contains(_ node: HTMLTree.NodeID) -> Bool { flags[Int(node)] }
}
