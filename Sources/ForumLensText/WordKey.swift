/// A lowercase word as two integers, for the lexicon lookups every analyzer makes per token:
/// hashing and comparing Strings costs hundreds of instructions a token, two integers a few.
/// Words of up to 15 UTF-8 bytes are packed whole with their length, so equal keys are equal
/// words; a longer word keeps its length (up to 255) and a 64-bit FNV-1a hash of its bytes, so
/// two long words of one length could share a key, with a chance of one in 2⁶⁴.
public struct WordKey: Hashable, Sendable {
    @usableFromInline let low: UInt64
    @usableFromInline let high: UInt64

    /// The key of `word` as it is (lexicons and tokens are lowercase already).
    public init(_ word: String) {
        var word = word
        self = word.withUTF8 { Self(utf8: $0) }
    }

    /// The key of a word's UTF-8 bytes (lowercase, NFC).
    public init(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        var low: UInt64 = 0
        var high: UInt64 = 0
        if bytes.count <= 15 {
            for index in 0 ..< min(bytes.count, 8) { low |= UInt64(bytes[index]) << (8 * index) }
            for index in min(bytes.count, 8) ..< bytes.count { high |= UInt64(bytes[index]) << (8 * (index - 8)) }
        } else {
            low = 0xcbf2_9ce4_8422_2325
            for byte in bytes { low = (low ^ UInt64(byte)) &* 0x100_0000_01b3 }
        }
        // The length in the top byte: a long word's key never equals a short one's.
        self.low = low
        self.high = high | UInt64(min(bytes.count, 255)) << 56
    }

    /// The key of a word of up to 15 bytes already packed, little-endian, in two integers.
    @inlinable init(packed low: UInt64, _ high: UInt64, count: Int) {
        self.low = low
        self.high = high | UInt64(count) << 56
    }

    /// The word itself, when it is short enough to be packed whole (up to 15 bytes), its
    /// bytes little-endian in `low` then `high`.
    public var packedBytes: (low: UInt64, high: UInt64, count: Int)? {
        let count = Int(high >> 56)
        return count <= 15 ? (low, high & 0x00FF_FFFF_FFFF_FFFF, count) : nil
    }

    /// The word's first byte, when it is packed whole (nil for an empty or a longer word).
    public var firstByte: UInt8? {
        guard let packed = packedBytes, packed.count > 0 else { return nil }
        return UInt8(truncatingIfNeeded: packed.low)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(mixed)
    }

    /// Both halves in one well-spread integer, for `WordTable`'s slots.
    @inlinable var mixed: UInt64 {
        let value = (low ^ (high &* 0x9E37_79B9_7F4A_7C15)) &* 0xBF58_476D_1CE4_E5B9
        return value ^ (value >> 31)
    }
}

/// A table from words to values for the lookups made per token: open addressing on
/// `WordKey.mixed`, a few instructions a lookup where a Dictionary's `Hasher` takes hundreds.
/// Built once, then read.
public struct WordTable<Value: Sendable>: Sendable {
    @usableFromInline var keys: [WordKey?]
    @usableFromInline var values: [Value?]
    @usableFromInline var mask: Int
    /// How many words the table holds.
    public var count: Int { storedCount }
    @usableFromInline var storedCount = 0

    public init(minimumCapacity: Int = 8) {
        var size = 16
        while size < minimumCapacity * 2 { size *= 2 }
        keys = Array(repeating: nil, count: size)
        values = Array(repeating: nil, count: size)
        mask = size - 1
    }

    public init<S: Sequence>(_ pairs: S) where S.Element == (WordKey, Value) {
        // Sized once: growing rebuilds the table (a lexicon of 30,000 words grew twelve times).
        self.init(minimumCapacity: pairs.underestimatedCount)
        for (key, value) in pairs { self[key] = value }
    }

    public subscript(key: WordKey) -> Value? {
        @inlinable get {
            var slot = Int(truncatingIfNeeded: key.mixed) & mask
            while let stored = keys[slot] {
                if stored == key { return values[slot] }
                slot = (slot + 1) & mask
            }
            return nil
        }
        @inlinable set {
            guard let newValue else { return remove(key) }
            if (storedCount + 1) * 2 > keys.count { grow() }
            var slot = Int(truncatingIfNeeded: key.mixed) & mask
            while let stored = keys[slot], stored != key { slot = (slot + 1) & mask }
            if keys[slot] == nil { storedCount += 1 }
            keys[slot] = key
            values[slot] = newValue
        }
    }

    /// Whether the table holds `key`: its keys only, the value not fetched (nor, for a list,
    /// retained and released).
    @inlinable public func contains(_ key: WordKey) -> Bool {
        var slot = Int(truncatingIfNeeded: key.mixed) & mask
        while let stored = keys[slot] {
            if stored == key { return true }
            slot = (slot + 1) & mask
        }
        return false
    }

    /// Every key and value, in no particular order.
    public var pairs: [(key: WordKey, value: Value)] {
        zip(keys, values).compactMap { key, value in key.flatMap { key in value.map { (key, $0) } } }
    }

    @usableFromInline mutating func grow() {
        let (oldKeys, oldValues) = (keys, values)
        self = WordTable(minimumCapacity: keys.count)
        for slot in oldKeys.indices {
            if let key = oldKeys[slot], let value = oldValues[slot] { self[key] = value }
        }
    }

    @usableFromInline mutating func remove(_ key: WordKey) {
        guard contains(key) else { return }
        let rest = pairs.filter { $0.key != key }
        self = WordTable(minimumCapacity: max(8, rest.count))
        for (key, value) in rest { self[key] = value }
    }
}
