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
}

public enum Charset {
    public static func decide(_ bytes: [UInt8]) -> CharsetDecision {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return CharsetDecision(encoding: "UTF-8", skip: 3) }
        if bytes.starts(with: [0xFF, 0xFE]) { return CharsetDecision(encoding: "UTF-16LE", skip: 2) }
        if bytes.starts(with: [0xFE, 0xFF]) { return CharsetDecision(encoding: "UTF-16BE", skip: 2) }

        let declared = declaredCharset(bytes).map(canonicalName)
        let utf8 = UTF8Check.scan(bytes, allowCutEnd: true)
        switch declared {
        case nil:
            if utf8.valid { return CharsetDecision(encoding: "UTF-8", skip: 0) }
            return CharsetDecision(
                encoding: "windows-1252", skip: 0,
                warning: "no charset declared and the bytes are not UTF-8; read as windows-1252")
        case "UTF-8"?:
            if utf8.valid { return CharsetDecision(encoding: "UTF-8", skip: 0) }
            return CharsetDecision(
                encoding: "windows-1252", skip: 0,
                warning: "declares UTF-8 but is not valid UTF-8; read as windows-1252")
        case let name?:
            // A single-byte page whose bytes are valid UTF-8 with multi-byte sequences was
            // re-saved as UTF-8 under its old meta tag: real Latin-1 text is almost never valid UTF-8.
            if singleByteCharsets.contains(name), utf8.valid, utf8.multibyteSequences > 0 {
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

    static let singleByteCharsets: Set<String> = ["windows-1252", "ISO-8859-15", "iso-8859-2", "windows-1250"]

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
            let lead = base[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length: Int
            var lower: UInt8 = 0x80, upper: UInt8 = 0xBF
            switch lead {
            case 0xC2 ... 0xDF: length = 2
            case 0xE0: length = 3; lower = 0xA0
            case 0xE1 ... 0xEC, 0xEE ... 0xEF: length = 3
            case 0xED: length = 3; upper = 0x9F
            case 0xF0: length = 4; lower = 0x90
            case 0xF1 ... 0xF3: length = 4
            case 0xF4: length = 4; upper = 0x8F
            default: return Result(valid: false, multibyteSequences: multibyte)
            }
            guard index + length <= count else { return Result(valid: allowCutEnd, multibyteSequences: multibyte) }
            let second = base[index + 1]
            guard second >= lower, second <= upper else { return Result(valid: false, multibyteSequences: multibyte) }
            for offset in 2 ..< length where base[index + offset] & 0xC0 != 0x80 {
                return Result(valid: false, multibyteSequences: multibyte)
            }
            multibyte += 1
            index += length
        }
        return Result(valid: true, multibyteSequences: multibyte)
    }

    static func scan(_ bytes: [UInt8], allowCutEnd: Bool = false) -> Result {
        bytes.withUnsafeBufferPointer { scan($0, allowCutEnd: allowCutEnd) }
    }
}
