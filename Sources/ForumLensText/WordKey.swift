/// A lowercase word as two integers, for the lexicon lookups every analyzer makes per token:
/// hashing and comparing Strings costs hundreds of instructions a token, two integers a few.
/// Words of up to 15 UTF-8 bytes are packed whole with their length, so equal keys are equal
/// words; a longer word keeps its length (up to 255) and a 64-bit FNV-1a hash of its bytes, so
/// two long words of one length could share a key, with a chance of one in 2⁶⁴.
public struct WordKey: Hashable, Sendable {
    private let low: UInt64
    private let high: UInt64

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
            for (index, byte) in bytes.enumerated() {
                if index < 8 { low |= UInt64(byte) << (8 * index) } else { high |= UInt64(byte) << (8 * (index - 8)) }
            }
        } else {
            low = 0xcbf2_9ce4_8422_2325
            for byte in bytes { low = (low ^ UInt64(byte)) &* 0x100_0000_01b3 }
        }
        // The length in the top byte: a long word's key never equals a short one's.
        self.low = low
        self.high = high | UInt64(min(bytes.count, 255)) << 56
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(low &+ high &* 0x9E37_79B9_7F4A_7C15)
    }
}
