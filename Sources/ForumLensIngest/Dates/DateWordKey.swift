/// A word folded to lower-case unaccented Latin letters and packed five bits a letter into a
/// `UInt64` ("Févr" → f,e,v,r): words compare and hash as integers, with no String built per
/// token. Twelve letters fit; a longer word, or one with letters outside Latin, has key 0 and
/// means nothing to the date grammar.
enum DateWordKey {
    static let maxLetters = 12

    /// What `fold` returns for a letter the vocabulary cannot hold (Greek, Cyrillic, …): it
    /// still belongs to the word, so "v2.3.14" and "αβγ12" are seen as glued to a word.
    static let foreignLetter: UInt16 = 0x8000

    /// The 5-bit codes (a = 1 … z = 26) of a Latin letter: one in the low bits, a second one
    /// above it for ß, æ and œ; `foreignLetter` for another script's letter; 0 for a non-letter.
    @inline(__always)
    static func fold(_ scalar: UInt32) -> UInt16 {
        switch scalar {
        case 0x41 ... 0x5A: return UInt16(scalar - 0x40)
        case 0x61 ... 0x7A: return UInt16(scalar - 0x60)
        case 0xAA: return 1                               // ª
        case 0xBA: return 15                              // º, as in 1º
        case 0xC0 ... 0xFF: return latin1[Int(scalar - 0xC0)]
        case 0x100 ... 0x17F: return latinExtendedA[Int(scalar - 0x100)]
        case 0x180 ... 0x24F, 0x370 ... 0x1FFF: return foreignLetter
        default: return 0
        }
    }

    /// Diacritics of decomposed text ("e" + U+0301): part of the word, no letter of their own.
    @inline(__always)
    static func isCombiningMark(_ scalar: UInt32) -> Bool { (0x300 ... 0x36F).contains(scalar) }

    @inline(__always)
    static func isApostrophe(_ scalar: UInt32) -> Bool { scalar == 0x27 || scalar == 0x2019 }

    /// Base letters of U+00C0…U+00FF ("1" marks ß → ss, "2" æ → ae, "3" œ → oe, "_" a non-letter).
    private static let latin1 = codes("aaaaaa2ceeeeiiiidnooooo_ouuuuyt1aaaaaa2ceeeeiiiidnooooo_ouuuuyty")
    /// Base letters of U+0100…U+017F.
    private static let latinExtendedA = codes(
        "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiii" + "iiiiiiiijjkkkllllllllllnnnnnnnnnoooooo33rrrr"
            + "rrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs")

    private static func codes(_ table: String) -> [UInt16] {
        table.unicodeScalars.map { scalar -> UInt16 in
            switch scalar {
            case "1": return 19 | 19 << 5
            case "2": return 1 | 5 << 5
            case "3": return 15 | 5 << 5
            case "_": return 0
            default: return UInt16(scalar.value - 0x60)
            }
        }
    }

    /// Adds a letter's codes to a key being built; the key becomes 0 past `maxLetters`.
    @inline(__always)
    static func append(_ folded: UInt16, to key: inout UInt64, length: inout Int) {
        if folded == foreignLetter {
            length = maxLetters + 1
            key = 0
            return
        }
        var codes = folded
        while codes != 0 {
            length += 1
            key = length > maxLetters ? 0 : key << 5 | UInt64(codes & 31)
            codes >>= 5
        }
    }

    /// The keys of the words of a phrase, as the tokeniser will see them ("avant-hier" →
    /// avant, hier; "l'altro ieri" → laltro, ieri), with each word's letter count.
    static func words(of phrase: String) -> [(key: UInt64, length: Int)] {
        var result: [(key: UInt64, length: Int)] = []
        var key: UInt64 = 0, length = 0
        let scalars = Array(phrase.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            let folded = fold(scalar.value)
            if folded != 0 {
                append(folded, to: &key, length: &length)
            } else if isCombiningMark(scalar.value) {
                continue
            } else if isApostrophe(scalar.value), length > 0, index + 1 < scalars.count,
                      fold(scalars[index + 1].value) != 0 {
                continue
            } else if length > 0 {
                result.append((key, length))
                key = 0
                length = 0
            }
        }
        if length > 0 { result.append((key, length)) }
        return result
    }
}
