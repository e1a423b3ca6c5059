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

/// Dense ids (0, 1, 2…, in the order met) for 64-bit hashes: an open-addressing table, where a
/// Dictionary would hash each of the many lookups again with SipHash.
struct DenseIDs {
    private var keys: [UInt64]
    private var ids: [Int32]
    private(set) var count = 0

    /// Room for `capacity` keys before growing. Small by default: pages make a dozen tables,
    /// most of which stay small.
    init(capacity: Int = 32) {
        var slots = 64
        while slots < capacity * 2 { slots *= 2 }
        keys = [UInt64](repeating: 0, count: slots)
        ids = [Int32](repeating: -1, count: slots)
    }

    mutating func id(of key: UInt64) -> Int32 {
        if count * 2 >= keys.count { grow() }
        let slot = slot(of: key)
        if ids[slot] < 0 {
            keys[slot] = key
            ids[slot] = Int32(count)
            count += 1
        }
        return ids[slot]
    }

    /// The id of a key already met, without adding it.
    func existing(_ key: UInt64) -> Int32? {
        let slot = slot(of: key)
        return ids[slot] >= 0 ? ids[slot] : nil
    }

    /// The key's slot, or the empty slot where it goes.
    private func slot(of key: UInt64) -> Int {
        let mask = keys.count - 1
        // The keys are hashes or addresses: a multiply spreads them over the slots.
        var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
        while ids[slot] >= 0, keys[slot] != key { slot = (slot + 1) & mask }
        return slot
    }

    private mutating func grow() {
        let old = zip(keys, ids).filter { $0.1 >= 0 }
        keys = [UInt64](repeating: 0, count: keys.count * 2)
        ids = [Int32](repeating: -1, count: keys.count)
        for (key, id) in old {
            let slot = slot(of: key)
            keys[slot] = key
            ids[slot] = id
        }
    }
}

/// A 64-bit hash of short byte strings (class attributes and the like), eight bytes per
/// multiply: Swift's `Hasher` (SipHash) cost a third of reading element kinds.
struct ByteHash {
    private var state: UInt64

    init(seed: Int) { state = UInt64(bitPattern: Int64(seed)) }

    mutating func combine(_ value: UInt64) {
        state = (state ^ value) &* 0x9E37_79B9_7F4A_7C15
        state = state << 31 | state >> 33
    }

    mutating func combine(bytes: UnsafeRawBufferPointer) {
        var offset = 0
        while offset + 8 <= bytes.count {
            combine(bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            offset += 8
        }
        // The length goes with the last word, so that bytes of two strings cannot run together.
        var last = UInt64(bytes.count) << 56
        var shift: UInt64 = 0
        while offset < bytes.count {
            last ^= UInt64(bytes[offset]) << shift
            shift += 8
            offset += 1
        }
        combine(last)
    }

    /// The state mixed so that every bit depends on every input bit (MurmurHash3's finaliser).
    func finalize() -> Int {
        var value = state
        value = (value ^ value >> 33) &* 0xFF51_AFD7_ED55_8CCD
        value = (value ^ value >> 33) &* 0xC4CE_B9FE_1A85_EC53
        return Int(bitPattern: UInt(value ^ value >> 33))
    }
}
