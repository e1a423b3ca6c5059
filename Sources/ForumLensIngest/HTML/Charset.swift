/// Decides how a page's bytes are decoded, before libxml2 sees them (DESIGN.md, "Reliability"):
/// a UTF-8 BOM wins over the meta tag; otherwise the declared charset is checked against the
/// bytes, because saved pages often keep a meta tag that no longer tells the truth.
public struct CharsetDecision: Sendable, Equatable {
    /// The encoding name handed to libxml2.
    public var encoding: String
    /// Bytes to skip at the start (a BOM).
    public var skip: Int
    /// Why the page's own declaration was not followed, when it was not.
    public var warning: String?
    /// UTF-8 with bytes that are not (parts saved in another charset): valid sequences are
    /// kept and each other byte read as windows-1252 (`Charset.repairingUTF8`).
    public var repair = false
}

public enum Charset {
    public static func decide(_ bytes: [UInt8]) -> CharsetDecision {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return CharsetDecision(encoding: "UTF-8", skip: 3) }
        if bytes.starts(with: [0xFF, 0xFE]) { return CharsetDecision(encoding: "UTF-16LE", skip: 2) }
        if bytes.starts(with: [0xFE, 0xFF]) { return CharsetDecision(encoding: "UTF-16BE", skip: 2) }

        if let order = utf16WithoutMark(bytes) {
            return CharsetDecision(encoding: order, skip: 0, warning: "UTF-16 without a byte order mark; read as \(order)")
        }
        let declared = declaredCharset(bytes).map(canonicalName)
        let utf8 = UTF8Check.scan(bytes, allowCutEnd: true)
        switch declared {
        case nil:
            if utf8.valid { return CharsetDecision(encoding: "UTF-8", skip: 0) }
            return CharsetDecision(
                encoding: "UTF-8", skip: 0,
                warning: "no charset declared and the bytes are not all UTF-8; the others read as windows-1252", repair: true)
        case "UTF-8"?:
            if utf8.valid { return CharsetDecision(encoding: "UTF-8", skip: 0) }
            return CharsetDecision(
                encoding: "UTF-8", skip: 0,
                warning: "declares UTF-8 but is not all valid UTF-8; the other bytes read as windows-1252", repair: true)
        case let name?:
            // A page whose bytes are valid UTF-8 with multi-byte sequences was re-saved as UTF-8
            // under its old meta tag: text in another charset is almost never valid UTF-8.
            if !name.uppercased().hasPrefix("UTF-16"), !name.uppercased().hasPrefix("UTF-32"), utf8.valid, utf8.multibyteSequences > 0 {
                return CharsetDecision(
                    encoding: "UTF-8", skip: 0,
                    warning: "declares \(name) but the bytes are UTF-8; read as UTF-8")
            }
            if LibXML2.knowsEncoding(name) { return CharsetDecision(encoding: name, skip: 0) }
            return CharsetDecision(
                encoding: utf8.valid ? "UTF-8" : "windows-1252", skip: 0,
                warning: "unknown charset \(name); read as \(utf8.valid ? "UTF-8" : "windows-1252")")
        }
    }

    /// Latin-1 and its relatives as browsers read them: the WHATWG encoding standard maps the
    /// `iso-8859-1` and `us-ascii` labels to windows-1252, whose extra letters (œ, €, ’) French
    /// pages use while declaring Latin-1.
    static func canonicalName(_ label: String) -> String {
        let lower = label.lowercased()
        switch lower {
        case "utf-8", "utf8", "unicode-1-1-utf-8": return "UTF-8"
        case "iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "us-ascii", "ascii", "cp1252",
             "windows-1252", "x-cp1252", "iso_8859-1", "cp819", "ibm819":
            return "windows-1252"
        case "iso-8859-15", "iso8859-15", "latin-9", "latin9", "l9": return "ISO-8859-15"
        default: return label
        }
    }

    /// UTF-16 without a byte order mark, told by its zero bytes: HTML's markup is ASCII, whose
    /// UTF-16 has a zero in every other byte (odd ones little-endian, even ones big-endian).
    static func utf16WithoutMark(_ bytes: [UInt8]) -> String? {
        let sample = bytes.prefix(4096)
        guard sample.count >= 64 else { return nil }
        var zeros = (even: 0, odd: 0)
        for (index, byte) in sample.enumerated() where byte == 0 {
            if index % 2 == 0 { zeros.even += 1 } else { zeros.odd += 1 }
        }
        let half = sample.count / 2
        if zeros.odd * 10 > half * 6, zeros.even * 20 < half { return "UTF-16LE" }
        if zeros.even * 10 > half * 6, zeros.odd * 20 < half { return "UTF-16BE" }
        return nil
    }

    /// UTF-16 bytes (no byte order mark) as UTF-8; an odd last byte and lone surrogates become
    /// U+FFFD.
    public static func utf8(fromUTF16 bytes: ArraySlice<UInt8>, bigEndian: Bool) -> [UInt8] {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2 + 1)
        var index = bytes.startIndex
        while index + 1 < bytes.endIndex {
            let (first, second) = (UInt16(bytes[index]), UInt16(bytes[index + 1]))
            units.append(bigEndian ? first << 8 | second : second << 8 | first)
            index += 2
        }
        if index < bytes.endIndex { units.append(0xFFFD) }
        return Array(String(decoding: units, as: UTF16.self).utf8)
    }

    /// `bytes` as UTF-8: valid sequences kept, every other byte read as windows-1252 (a page
    /// whose parts were saved in two charsets, or with stray Latin-1 bytes). Also how many
    /// bytes were read so.
    public static func repairingUTF8(_ bytes: [UInt8]) -> (bytes: [UInt8], repaired: Int) {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8)
        var repaired = 0
        var index = 0
        bytes.withUnsafeBufferPointer { buffer in
            while index < buffer.count {
                let length = UTF8Check.sequenceLength(buffer, at: index)
                if length > 0 {
                    out.append(contentsOf: buffer[index ..< index + length])
                    index += length
                    continue
                }
                let byte = buffer[index]
                let scalar = (0x80 ... 0x9F).contains(byte) ? windows1252High[Int(byte) - 0x80] : UInt32(byte)
                out.append(contentsOf: String(Character(Unicode.Scalar(scalar)!)).utf8)
                repaired += 1
                index += 1
            }
        }
        return (out, repaired)
    }

    /// windows-1252's letters at 0x80…0x9F (the five it leaves undefined read as their C1 code).
    private static let windows1252High: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]

    /// The charset named by the first `<meta charset>`, `<meta http-equiv=content-type>` or XML
    /// declaration in the first 4 KB, as browsers pre-scan it.
    static func declaredCharset(_ bytes: [UInt8]) -> String? {
        let head = bytes.prefix(4096).map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
        var index = 0
        while let found = find(Array("charset".utf8), in: head, from: index) {
            index = found + 7
            var cursor = index
            while cursor < head.count, head[cursor] == 0x20 || head[cursor] == 0x09 { cursor += 1 }
            guard cursor < head.count, head[cursor] == UInt8(ascii: "=") else { continue }
            cursor += 1
            while cursor < head.count, head[cursor] == 0x20 || head[cursor] == 0x22 || head[cursor] == 0x27 { cursor += 1 }
            let start = cursor
            while cursor < head.count, isLabelByte(head[cursor]) { cursor += 1 }
            if cursor > start { return String(decoding: head[start ..< cursor], as: UTF8.self) }
        }
        if head.starts(with: Array("<?xml".utf8)), let found = find(Array("encoding=".utf8), in: head, from: 0) {
            var cursor = found + 9
            if cursor < head.count, head[cursor] == 0x22 || head[cursor] == 0x27 { cursor += 1 }
            let start = cursor
            while cursor < head.count, isLabelByte(head[cursor]) { cursor += 1 }
            if cursor > start { return String(decoding: head[start ..< cursor], as: UTF8.self) }
        }
        return nil
    }

    private static func isLabelByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D || byte == 0x5F
            || byte == 0x3A || byte == 0x2E
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard needle.count <= haystack.count else { return nil }
        var index = start
        while index + needle.count <= haystack.count {
            if haystack[index] == needle[0], haystack[index ..< index + needle.count].elementsEqual(needle) {
                return index
            }
            index += 1
        }
        return nil
    }
}

/// A strict UTF-8 validator (no overlongs, no surrogates, nothing past U+10FFFF) that skips
/// ASCII eight bytes at a time, so that a large mostly-ASCII file costs little.
enum UTF8Check {
    struct Result { var valid: Bool; var multibyteSequences: Int }

    /// `allowCutEnd`: a sequence cut by the end of the bytes (a truncated page) is no reason
    /// to read the rest as Latin-1.
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, allowCutEnd: Bool = false) -> Result {
        guard let base = bytes.baseAddress else { return Result(valid: true, multibyteSequences: 0) }
        let count = bytes.count
        var multibyte = 0
        var index = 0
        while index < count {
            if index + 8 <= count {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 == 0 {
                    index += 8
                    continue
                }
            }
            if base[index] < 0x80 {
                index += 1
                continue
            }
            let length = sequenceLength(bytes, at: index)
            guard length > 0 else {
                // A sequence cut by the end of the bytes.
                let cut = index + expectedLength(base[index]) > count && expectedLength(base[index]) > 0
                return Result(valid: cut && allowCutEnd, multibyteSequences: multibyte)
            }
            multibyte += 1
            index += length
        }
        return Result(valid: true, multibyteSequences: multibyte)
    }

    /// How long the sequence a lead byte opens is, 0 for a byte that opens none.
    private static func expectedLength(_ lead: UInt8) -> Int {
        switch lead {
        case 0x00 ..< 0x80: 1
        case 0xC2 ... 0xDF: 2
        case 0xE0 ... 0xEF: 3
        case 0xF0 ... 0xF4: 4
        default: 0
        }
    }

    /// The length of the valid UTF-8 sequence at `index` (1 for ASCII), 0 when it is not one.
    static func sequenceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let lead = bytes[index]
        let length = expectedLength(lead)
        guard length > 1 else { return length }
        guard index + length <= bytes.count else { return 0 }
        var lower: UInt8 = 0x80, upper: UInt8 = 0xBF
        switch lead {
        case 0xE0: lower = 0xA0
        case 0xED: upper = 0x9F
        case 0xF0: lower = 0x90
        case 0xF4: upper = 0x8F
        default: break
        }
        guard bytes[index + 1] >= lower, bytes[index + 1] <= upper else { return 0 }
        for offset in 2 ..< length where bytes[index + offset] & 0xC0 != 0x80 { return 0 }
        return length
    }

    static func scan(_ bytes: [UInt8], allowCutEnd: Bool = false) -> Result {
        bytes.withUnsafeBufferPointer { scan($0, allowCutEnd: allowCutEnd) }
    }
}
