import ForumLensCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One line of JSONL read straight from its bytes: a JSON object whose wanted top-level
/// members are kept as strings (numbers verbatim, so an id `1.50` or `12345678901234567890`
/// survives), with every other value checked and skipped without being decoded. Faster than a
/// Decodable per line, and exact about ids.
struct JSONLine {
    enum Value: Equatable {
        case string(String)
        /// The number's text as written.
        case number(String)
        case null
        /// A boolean, object or array, named for the problem message.
        case other(String)
    }

    struct SyntaxError: Error, Equatable {
        var column: Int
        var expected: String

        var reason: String { "invalid JSON at column \(column): \(expected)" }
    }

    /// The member names a reader wants; each gets a slot, matched on the raw key bytes.
    struct Fields: Sendable {
        let names: [String]
        fileprivate let keys: [[UInt8]]

        init(_ names: [String]) {
            self.names = names
            keys = names.map { Array($0.utf8) }
        }

        fileprivate func slot(_ key: UnsafeBufferPointer<UInt8>) -> Int? {
            keys.firstIndex { $0.count == key.count && $0.withUnsafeBufferPointer { memcmp($0.baseAddress!, key.baseAddress!, key.count) == 0 } }
        }
    }

    /// The value of each wanted member, by slot (a repeated name: the last one wins).
    private(set) var values: [Value?]

    subscript(slot: Int) -> Value? { values[slot] }

    /// Parses `line` as one JSON object; anything else is a syntax error saying what it is.
    static func parse(_ line: UnsafeBufferPointer<UInt8>, fields: Fields) -> Result<JSONLine, SyntaxError> {
        var parser = Parser(bytes: line, fields: fields)
        do throws(SyntaxError) {
            parser.skipSpace()
            guard parser.peek() == UInt8(ascii: "{") else {
                let found = parser.peek().map(describeStart) ?? "nothing"
                throw SyntaxError(column: parser.index + 1, expected: "expected an object, found \(found)")
            }
            let object = try parser.object()
            parser.skipSpace()
            guard parser.index == line.count else {
                throw SyntaxError(column: parser.index + 1, expected: "unexpected text after the object")
            }
            return .success(object)
        } catch {
            return .failure(error)
        }
    }

    private static func describeStart(_ byte: UInt8) -> String {
        switch byte {
        case UInt8(ascii: "["): "an array"
        case UInt8(ascii: "\""): "a string"
        case UInt8(ascii: "t"), UInt8(ascii: "f"): "a boolean"
        case UInt8(ascii: "n"): "null"
        case UInt8(ascii: "-"), UInt8(ascii: "0") ... UInt8(ascii: "9"): "a number"
        default: "\"\(String(decoding: [byte], as: UTF8.self))\""
        }
    }

    private struct Parser {
        let bytes: UnsafeBufferPointer<UInt8>
        let fields: Fields
        var index = 0
        var depth = 0
        static let maximumDepth = 512

        func peek() -> UInt8? { index < bytes.count ? bytes[index] : nil }

        mutating func skipSpace() {
            while index < bytes.count {
                switch bytes[index] {
                case 0x20, 0x09, 0x0A, 0x0D: index += 1
                default: return
                }
            }
        }

        func fail(_ expected: String) -> SyntaxError { SyntaxError(column: index + 1, expected: expected) }

        mutating func expect(_ byte: UInt8, _ what: String) throws(SyntaxError) {
            skipSpace()
            guard peek() == byte else { throw fail("expected \(what)") }
            index += 1
        }

        /// The top-level object: wanted members kept, others checked and skipped.
        mutating func object() throws(SyntaxError) -> JSONLine {
            var line = JSONLine(values: Array(repeating: nil, count: fields.keys.count))
            index += 1
            skipSpace()
            if peek() == UInt8(ascii: "}") {
                index += 1
                return line
            }
            while true {
                skipSpace()
                guard peek() == UInt8(ascii: "\"") else { throw fail("expected a member name in quotes") }
                let slot = try key()
                try expect(UInt8(ascii: ":"), "':' after a member name")
                skipSpace()
                if let slot {
                    line.values[slot] = try value()
                } else {
                    try skipValue()
                }
                skipSpace()
                switch peek() {
                case UInt8(ascii: ","): index += 1
                case UInt8(ascii: "}"): index += 1; return line
                default: throw fail("expected ',' or '}'")
                }
            }
        }

        mutating func value() throws(SyntaxError) -> Value {
            guard let byte = peek() else { throw fail("expected a value") }
            switch byte {
            case UInt8(ascii: "\""): return .string(try string())
            case UInt8(ascii: "-"), UInt8(ascii: "0") ... UInt8(ascii: "9"): return .number(try number())
            case UInt8(ascii: "t"): try literal("true"); return .other("a boolean")
            case UInt8(ascii: "f"): try literal("false"); return .other("a boolean")
            case UInt8(ascii: "n"): try literal("null"); return .null
            case UInt8(ascii: "{"): try skipContainer(close: UInt8(ascii: "}"), members: true); return .other("an object")
            case UInt8(ascii: "["): try skipContainer(close: UInt8(ascii: "]"), members: false); return .other("an array")
            default: throw fail("expected a value")
            }
        }

        /// Any value, checked but not kept: strings are not decoded.
        mutating func skipValue() throws(SyntaxError) {
            guard let byte = peek() else { throw fail("expected a value") }
            switch byte {
            case UInt8(ascii: "\""): try skipString()
            case UInt8(ascii: "-"), UInt8(ascii: "0") ... UInt8(ascii: "9"): try skipNumber()
            case UInt8(ascii: "t"): try literal("true")
            case UInt8(ascii: "f"): try literal("false")
            case UInt8(ascii: "n"): try literal("null")
            case UInt8(ascii: "{"): try skipContainer(close: UInt8(ascii: "}"), members: true)
            case UInt8(ascii: "["): try skipContainer(close: UInt8(ascii: "]"), members: false)
            default: throw fail("expected a value")
            }
        }

        /// A member name: its slot among the wanted fields, nil for any other name.
        mutating func key() throws(SyntaxError) -> Int? {
            let start = index + 1
            if let end = plainStringEnd(from: start) {
                index = end + 1
                return fields.slot(UnsafeBufferPointer(rebasing: bytes[start ..< end]))
            }
            let decoded = Array(try string().utf8)
            return decoded.withUnsafeBufferPointer { fields.slot($0) }
        }

        mutating func literal(_ word: StaticString) throws(SyntaxError) {
            let count = word.utf8CodeUnitCount
            guard index + count <= bytes.count,
                  (0 ..< count).allSatisfy({ bytes[index + $0] == word.utf8Start[$0] })
            else { throw fail("expected a value") }
            index += count
        }

        /// A nested object or array, checked but not kept.
        mutating func skipContainer(close: UInt8, members: Bool) throws(SyntaxError) {
            depth += 1
            defer { depth -= 1 }
            guard depth < Self.maximumDepth else { throw fail("nesting deeper than \(Self.maximumDepth) levels") }
            index += 1
            skipSpace()
            if peek() == close {
                index += 1
                return
            }
            while true {
                skipSpace()
                if members {
                    guard peek() == UInt8(ascii: "\"") else { throw fail("expected a member name in quotes") }
                    try skipString()
                    try expect(UInt8(ascii: ":"), "':' after a member name")
                    skipSpace()
                }
                try skipValue()
                skipSpace()
                if peek() == UInt8(ascii: ",") {
                    index += 1
                } else if peek() == close {
                    index += 1
                    return
                } else {
                    throw fail(members ? "expected ',' or '}'" : "expected ',' or ']'")
                }
            }
        }

        mutating func number() throws(SyntaxError) -> String {
            let start = index
            try skipNumber()
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start ..< index]), as: UTF8.self)
        }

        mutating func skipNumber() throws(SyntaxError) {
            if peek() == UInt8(ascii: "-") { index += 1 }
            guard let first = peek(), isDigit(first) else { throw fail("expected a digit") }
            index += 1
            if first != UInt8(ascii: "0") { skipDigits() }
            if peek() == UInt8(ascii: ".") {
                index += 1
                guard let digit = peek(), isDigit(digit) else { throw fail("expected a digit after '.'") }
                skipDigits()
            }
            if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
                index += 1
                if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { index += 1 }
                guard let digit = peek(), isDigit(digit) else { throw fail("expected a digit in the exponent") }
                skipDigits()
            }
        }

        private func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

        private mutating func skipDigits() {
            while let byte = peek(), isDigit(byte) { index += 1 }
        }

        /// Where a string starting at `start` (just after its opening quote) ends, when it
        /// has no escapes: the closing quote, found with memchr. Nil when it has escapes or
        /// no end, for the byte-by-byte path.
        func plainStringEnd(from start: Int) -> Int? {
            guard start < bytes.count, let base = bytes.baseAddress,
                  let found = memchr(base + start, Int32(UInt8(ascii: "\"")), bytes.count - start)
            else { return nil }
            let end = UnsafeRawPointer(found) - UnsafeRawPointer(base)
            if end > start, memchr(base + start, Int32(UInt8(ascii: "\\")), end - start) != nil { return nil }
            return end
        }

        mutating func skipString() throws(SyntaxError) {
            if let end = plainStringEnd(from: index + 1) {
                index = end + 1
            } else {
                _ = try string()
            }
        }

        /// A string at `index` (which holds the opening quote). Without escapes, one slice
        /// becomes the String; with escapes, bytes are assembled first.
        mutating func string() throws(SyntaxError) -> String {
            let start = index + 1
            if let end = plainStringEnd(from: start) {
                index = end + 1
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[start ..< end]), as: UTF8.self)
            }
            // With escapes: runs between them are copied whole.
            var decoded = [UInt8]()
            decoded.reserveCapacity(min(bytes.count - start, 256))
            index = start
            while index < bytes.count {
                // A local cursor: the loop then runs in a register, not through `self`.
                let runStart = index
                var cursor = index
                while cursor < bytes.count, bytes[cursor] != UInt8(ascii: "\""), bytes[cursor] != UInt8(ascii: "\\") { cursor += 1 }
                index = cursor
                decoded.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart ..< index]))
                guard index < bytes.count else { break }
                if bytes[index] == UInt8(ascii: "\"") {
                    index += 1
                    return String(decoding: decoded, as: UTF8.self)
                }
                index += 1
                guard let escape = peek() else { break }
                index += 1
                if let byte = JSONValue.escapedByte(escape) {
                    decoded.append(byte)
                } else if escape == UInt8(ascii: "u") {
                    MessageFileText.appendUTF8(try unicodeEscape(), to: &decoded)
                } else {
                    index -= 1
                    throw fail("invalid escape \\\(String(decoding: [escape], as: UTF8.self))")
                }
            }
            throw fail("unterminated string")
        }

        /// The scalar of `\uXXXX` (the `\u` already read), joining a surrogate pair; a lone
        /// surrogate becomes U+FFFD.
        private mutating func unicodeEscape() throws(SyntaxError) -> UInt32 {
            let unit = try hex4()
            guard (0xD800 ... 0xDBFF).contains(unit) else {
                return (0xDC00 ... 0xDFFF).contains(unit) ? 0xFFFD : unit
            }
            guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                return 0xFFFD
            }
            let saved = index
            index += 2
            let low = try hex4()
            guard (0xDC00 ... 0xDFFF).contains(low) else {
                index = saved
                return 0xFFFD
            }
            return 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
        }

        private mutating func hex4() throws(SyntaxError) -> UInt32 {
            guard index + 4 <= bytes.count else { throw fail("expected four hex digits after \\u") }
            var value: UInt32 = 0
            for _ in 0 ..< 4 {
                let byte = bytes[index]
                let digit: UInt32
                switch byte {
                case 0x30 ... 0x39: digit = UInt32(byte - 0x30)
                case 0x41 ... 0x46: digit = UInt32(byte - 0x41 + 10)
                case 0x61 ... 0x66: digit = UInt32(byte - 0x61 + 10)
                default: throw fail("expected four hex digits after \\u")
                }
                value = value << 4 | digit
                index += 1
            }
            return value
        }
    }
}
