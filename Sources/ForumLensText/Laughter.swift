/// Laughter as forums and tweets type it, however long: haha, ahahah, hehe, hihi, lol, lool,
/// lolol, lmao, lmfao, rofl, mdr, mdrrr, ptdr, xptdr. It ends a negation's scope, as an emoticon
/// does, and the sentiment analyzer reads it at least as "haha".
public enum Laughter {
    /// Whether a token is laughter: first by the first letter its key holds, without the String.
    public static func contains(_ token: Token) -> Bool {
        if let first = token.key.firstByte, !mayStart(first) { return false }
        return contains(token.lowercased)
    }

    /// Whether `word` (lowercase) is laughter. Asked of most words: those whose first letter
    /// starts no laughter go at once.
    public static func contains(_ word: String) -> Bool {
        guard let first = word.utf8.first, mayStart(first) else { return false }
        var word = word
        return word.withUTF8 { bytes in
            guard bytes.count >= 3 else { return false }
            switch first {
            case UInt8(ascii: "a"), UInt8(ascii: "h"):
                // ha, he or hi alternating or repeated, at least two of each letter.
                return twoOfEach(UInt8(ascii: "h"), UInt8(ascii: "a"), in: bytes) || twoOfEach(UInt8(ascii: "h"), UInt8(ascii: "e"), in: bytes)
                    || twoOfEach(UInt8(ascii: "h"), UInt8(ascii: "i"), in: bytes)
            case UInt8(ascii: "l") where bytes.last == UInt8(ascii: "l"):
                // lol, lool, lolol.
                return bytes.contains(UInt8(ascii: "o")) && bytes.allSatisfy { $0 == UInt8(ascii: "l") || $0 == UInt8(ascii: "o") }
            default:
                // An acronym, its last letter repeated: mdrrr, ptdrrr, lmaooo.
                var end = bytes.count
                while end > 1, bytes[end - 1] == bytes[end - 2] { end -= 1 }
                return acronyms.contains { $0.elementsEqual(bytes[..<end]) }
            }
        }
    }

    static func mayStart(_ first: UInt8) -> Bool {
        switch first {
        case UInt8(ascii: "a"), UInt8(ascii: "h"), UInt8(ascii: "l"), UInt8(ascii: "m"), UInt8(ascii: "p"), UInt8(ascii: "r"), UInt8(ascii: "x"): true
        default: false
        }
    }

    /// Whether `bytes` are only `a` and `b`, at least two of each.
    static func twoOfEach(_ a: UInt8, _ b: UInt8, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var (countA, countB) = (0, 0)
        for byte in bytes {
            if byte == a { countA += 1 } else if byte == b { countB += 1 } else { return false }
        }
        return countA >= 2 && countB >= 2
    }

    static let acronyms: [[UInt8]] = ["lmao", "lmfao", "rofl", "roflmao", "mdr", "ptdr", "xptdr"].map { Array($0.utf8) }
}
