/// Laughter as forums and tweets type it, however long: haha, ahahah, hehe, hihi, lol, lool,
/// lolol, lmao, lmfao, rofl, mdr, mdrrr, ptdr, xptdr. It ends a negation's scope, as an emoticon
/// does, and the sentiment analyzer reads it at least as "haha".
public enum Laughter {
    /// Whether `word` (lowercase) is laughter.
    public static func contains(_ word: String) -> Bool {
        var word = word
        return word.withUTF8 { bytes in
            guard bytes.count >= 3, bytes.allSatisfy({ (0x61 ... 0x7A).contains($0) }) else { return false }
            // Two letters alternating or repeated (ha, he, hi; lo … l): at least two of each.
            func only(_ a: UInt8, _ b: UInt8) -> Bool {
                bytes.count >= 4 && bytes.allSatisfy { $0 == a || $0 == b } && bytes.filter { $0 == a }.count >= 2 && bytes.filter { $0 == b }.count >= 2
            }
            if only(UInt8(ascii: "h"), UInt8(ascii: "a")) || only(UInt8(ascii: "h"), UInt8(ascii: "e")) || only(UInt8(ascii: "h"), UInt8(ascii: "i")) {
                return true
            }
            if bytes.first == UInt8(ascii: "l"), bytes.last == UInt8(ascii: "l"), bytes.allSatisfy({ $0 == UInt8(ascii: "l") || $0 == UInt8(ascii: "o") }),
               bytes.contains(UInt8(ascii: "o")) {
                return true
            }
            // An acronym, its last letter repeated: mdrrr, ptdrrr, lmaooo.
            var end = bytes.count
            while end > 1, bytes[end - 1] == bytes[end - 2] { end -= 1 }
            return acronyms.contains { $0.elementsEqual(bytes[..<end]) }
        }
    }

    static let acronyms: [[UInt8]] = ["lmao", "lmfao", "rofl", "roflmao", "mdr", "ptdr", "xptdr"].map { Array($0.utf8) }
}
