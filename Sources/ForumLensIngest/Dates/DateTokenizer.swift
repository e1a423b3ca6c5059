/// One piece of a text as the date grammar sees it: a run of digits, a word, one punctuation
/// mark, or one CJK character. Whitespace is not a token; `spaceBefore` keeps whether it was
/// there, because "14-03-2016" and "14 - 03" are different things.
struct DateToken {
    enum Kind: UInt8 { case number, word, punct, ideograph }

    var kind: Kind
    var spaceBefore: Bool
    /// Number of digits of a number.
    var digits: Int
    /// A word of two or more ASCII capitals (zone abbreviations are read only so: "EST", not "est").
    var isCapitals: Bool
    /// UTF-8 offsets in the text.
    var start: Int, end: Int
    /// A number's value, a punctuation mark's scalar (dashes as "-", fullwidth forms as ASCII),
    /// an ideograph's scalar.
    var value: Int
    /// A word's `DateWordKey`, 0 when it has none.
    var key: UInt64
    /// A word's meaning for dates, nil for most words.
    var word: DateWord?
}

/// A hand-written scanner over UTF-8 bytes: no `Regex`, no `Character`s, no String per word.
enum DateTokenizer {
    /// True when `bytes` may hold a date: a digit, or a word or CJK character that can make a
    /// date without one ("yesterday", "ago", "l'instant", 昨天). Allocates nothing; most
    /// snippets an extractor tries stop here.
    static func mayHoldDate(_ bytes: UnsafeBufferPointer<UInt8>, vocabulary: DateVocabulary) -> Bool {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte >= 0x30 && byte <= 0x39 { return true }
            if byte < 0x80 && !isASCIILetter(byte) {
                index += 1
                continue
            }
            let (scalar, length) = decode(bytes, at: index)
            if DateWordKey.fold(scalar) != 0 {
                let word = readWord(bytes, from: index)
                if vocabulary.isTrigger(word.key) { return true }
                index = word.end
                continue
            }
            switch scalar {
            case 0xFF10 ... 0xFF19, 0x6628, 0x4ECA, 0x524D, 0x521A, 0x525B: return true // digits, 昨今前刚剛
            default: index += length
            }
        }
        return false
    }

    static func tokenize(_ bytes: UnsafeBufferPointer<UInt8>, vocabulary: DateVocabulary) -> [DateToken] {
        var tokens: [DateToken] = []
        tokens.reserveCapacity(16)
        var index = 0
        var spaceBefore = true
        while index < bytes.count {
            let (scalar, length) = decode(bytes, at: index)
            let start = index
            var token = DateToken(kind: .punct, spaceBefore: spaceBefore, digits: 0, isCapitals: false,
                                  start: start, end: start + length, value: Int(scalar), key: 0, word: nil)
            if let digit = digitValue(scalar) {
                var value = digit, digits = 1
                index += length
                while index < bytes.count {
                    let (next, nextLength) = decode(bytes, at: index)
                    guard let nextDigit = digitValue(next) else { break }
                    if digits < 18 { value = value * 10 + nextDigit }
                    digits += 1
                    index += nextLength
                }
                token.kind = .number
                token.value = value
                token.digits = digits
            } else if DateWordKey.fold(scalar) != 0 {
                let word = readWord(bytes, from: index)
                index = word.end
                token.kind = .word
                token.key = word.key
                token.isCapitals = word.isCapitals
                token.word = word.key == 0 ? nil : vocabulary.word(word.key)
            } else if isSpace(scalar) || DateWordKey.isCombiningMark(scalar) {
                index += length
                spaceBefore = spaceBefore || isSpace(scalar)
                continue
            } else {
                index += length
                if isIdeograph(scalar) {
                    token.kind = .ideograph
                } else {
                    token.value = Int(normalizedPunctuation(scalar))
                }
            }
            token.end = index
            tokens.append(token)
            spaceBefore = false
        }
        return tokens
    }

    /// Reads the letters of a word from `start`, keeping apostrophes between letters
    /// ("aujourd'hui" is one word) and skipping combining marks.
    private static func readWord(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int)
        -> (key: UInt64, end: Int, isCapitals: Bool) {
        var key: UInt64 = 0, length = 0, index = start
        var capitals = true
        while index < bytes.count {
            let (scalar, size) = decode(bytes, at: index)
            let folded = DateWordKey.fold(scalar)
            if folded != 0 {
                DateWordKey.append(folded, to: &key, length: &length)
                capitals = capitals && scalar >= 0x41 && scalar <= 0x5A
            } else if DateWordKey.isCombiningMark(scalar) {
                capitals = false
            } else if DateWordKey.isApostrophe(scalar), index + size < bytes.count,
                      DateWordKey.fold(decode(bytes, at: index + size).scalar) != 0 {
                capitals = false
            } else {
                break
            }
            index += size
        }
        return (length > DateWordKey.maxLetters ? 0 : key, index, capitals && length >= 2)
    }

    /// Decodes the scalar at `index`; a malformed sequence reads as U+FFFD, one byte long.
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (scalar: UInt32, length: Int) {
        let lead = UInt32(bytes[index])
        if lead < 0x80 { return (lead, 1) }
        let count = bytes.count
        func continuation(_ offset: Int) -> UInt32? {
            guard index + offset < count else { return nil }
            let byte = UInt32(bytes[index + offset])
            return byte & 0xC0 == 0x80 ? byte & 0x3F : nil
        }
        if lead & 0xE0 == 0xC0, let b1 = continuation(1) {
            return ((lead & 0x1F) << 6 | b1, 2)
        }
        if lead & 0xF0 == 0xE0, let b1 = continuation(1), let b2 = continuation(2) {
            return ((lead & 0x0F) << 12 | b1 << 6 | b2, 3)
        }
        if lead & 0xF8 == 0xF0, let b1 = continuation(1), let b2 = continuation(2), let b3 = continuation(3) {
            return ((lead & 0x07) << 18 | b1 << 12 | b2 << 6 | b3, 4)
        }
        return (0xFFFD, 1)
    }

    @inline(__always)
    private static func isASCIILetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }

    @inline(__always)
    private static func digitValue(_ scalar: UInt32) -> Int? {
        switch scalar {
        case 0x30 ... 0x39: return Int(scalar - 0x30)
        case 0xFF10 ... 0xFF19: return Int(scalar - 0xFF10)   // fullwidth, in CJK pages
        default: return nil
        }
    }

    private static func isSpace(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x09 ... 0x0D, 0x20, 0xA0, 0x1680, 0x2000 ... 0x200D, 0x2028, 0x2029, 0x202F, 0x205F,
             0x2060, 0x3000, 0xFEFF:
            return true
        default:
            return false
        }
    }

    /// CJK ideographs, kana and hangul: each is a token, since these scripts put no spaces
    /// between words (2024年5月2日, 3天前).
    private static func isIdeograph(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x2E80 ... 0x2FFF, 0x3040 ... 0x9FFF, 0xAC00 ... 0xD7AF, 0xF900 ... 0xFAFF, 0x20000 ... 0x3FFFF:
            return true
        default:
            return false
        }
    }

    /// Dashes read as "-", and the fullwidth or ideographic forms of , : / ( ) as their ASCII.
    private static func normalizedPunctuation(_ scalar: UInt32) -> UInt32 {
        switch scalar {
        case 0x2010 ... 0x2015, 0x2212, 0xFF0D: return 0x2D
        case 0xFF0C, 0x3001: return 0x2C
        case 0xFF1A: return 0x3A
        case 0xFF0F: return 0x2F
        case 0xFF08: return 0x28
        case 0xFF09: return 0x29
        default: return scalar
        }
    }
}
