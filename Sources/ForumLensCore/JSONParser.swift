extension JSONValue {
    /// Where a text stops being JSON (byte offset, 0-based) and why.
    public struct SyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
        public var offset: Int
        public var reason: String
        public var description: String { "at byte \(offset + 1): \(reason)" }
    }

    /// The byte a one-character escape stands for (`\n`, `\"`, `\/`…); nil for `\u` and
    /// for what is no escape.
    public static func escapedByte(_ escape: UInt8) -> UInt8? {
        switch escape {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): escape
        case UInt8(ascii: "b"): 0x08
        case UInt8(ascii: "f"): 0x0C
        case UInt8(ascii: "n"): 0x0A
        case UInt8(ascii: "r"): 0x0D
        case UInt8(ascii: "t"): 0x09
        default: nil
        }
    }

    /// Parses one JSON value (RFC 8259) keeping each object's keys in the document's order, which
    /// `Codable` does not: a report read back and written again comes out the same.
    /// Nesting deeper than `maxDepth` is an error rather than a stack overflow.
    public static func parse(_ bytes: [UInt8], maxDepth: Int = 512) throws(SyntaxError) -> JSONValue {
        try bytes.withUnsafeBufferPointer { buffer throws(SyntaxError) in
            var parser = Parser(bytes: buffer, maxDepth: maxDepth)
            let value = try parser.value(depth: 0)
            parser.skipSpace()
            guard parser.index == buffer.count else { throw parser.fail("text after the value") }
            return value
        }
    }

    private struct Parser {
        let bytes: UnsafeBufferPointer<UInt8>
        let maxDepth: Int
        var index = 0

        init(bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int) {
            self.bytes = bytes
            self.maxDepth = maxDepth
        }

        func fail(_ reason: String) -> SyntaxError { SyntaxError(offset: index, reason: reason) }

        mutating func skipSpace() {
            while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D || bytes[index] == 0x09 {
                index += 1
            }
        }

        mutating func value(depth: Int) throws(SyntaxError) -> JSONValue {
            skipSpace()
            guard index < bytes.count else { throw fail("a value expected, the text ends") }
            switch bytes[index] {
            case UInt8(ascii: "{"):
                guard depth < maxDepth else { throw fail("nested deeper than \(maxDepth)") }
                index += 1
                var fields: [(key: String, value: JSONValue)] = []
                skipSpace()
                if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
                    index += 1
                    return .object(fields)
                }
                while true {
                    skipSpace()
                    guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw fail("a key in quotes expected") }
                    let key = try string()
                    skipSpace()
                    try expect(UInt8(ascii: ":"))
                    fields.append((key, try value(depth: depth + 1)))
                    skipSpace()
                    if try closes(UInt8(ascii: "}")) { return .object(fields) }
                }
            case UInt8(ascii: "["):
                guard depth < maxDepth else { throw fail("nested deeper than \(maxDepth)") }
                index += 1
                var values: [JSONValue] = []
                skipSpace()
                if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
                    index += 1
                    return .array(values)
                }
                while true {
                    values.append(try value(depth: depth + 1))
                    skipSpace()
                    if try closes(UInt8(ascii: "]")) { return .array(values) }
                }
            case UInt8(ascii: "\""):
                return .string(try string())
            case UInt8(ascii: "t"):
                try literal("true")
                return .bool(true)
            case UInt8(ascii: "f"):
                try literal("false")
                return .bool(false)
            case UInt8(ascii: "n"):
                try literal("null")
                return .null
            default:
                return .number(try number())
            }
        }

        /// After a member: `,` goes on, `close` ends the container.
        mutating func closes(_ close: UInt8) throws(SyntaxError) -> Bool {
            guard index < bytes.count else { throw fail("'\(Character(Unicode.Scalar(close)))' expected, the text ends") }
            if bytes[index] == close {
                index += 1
                return true
            }
            try expect(UInt8(ascii: ","))
            return false
        }

        mutating func expect(_ byte: UInt8) throws(SyntaxError) {
            guard index < bytes.count, bytes[index] == byte else { throw fail("'\(Character(Unicode.Scalar(byte)))' expected") }
            index += 1
        }

        mutating func literal(_ word: StaticString) throws(SyntaxError) {
            let count = word.utf8CodeUnitCount
            guard index + count <= bytes.count,
                  (0 ..< count).allSatisfy({ bytes[index + $0] == word.utf8Start[$0] })
            else { throw fail("'\(word)' expected") }
            index += count
        }

        mutating func number() throws(SyntaxError) -> Double {
            let start = index
            while index < bytes.count, Self.numberBytes.contains(bytes[index]) { index += 1 }
            guard index > start, let value = Double(String(decoding: UnsafeBufferPointer(rebasing: bytes[start ..< index]), as: UTF8.self)),
                  value.isFinite
            else {
                index = start
                throw fail("a value expected")
            }
            return value
        }

        static let numberBytes = Set("0123456789+-.eE".utf8)

        /// A string, the opening quote at `index`; escapes decoded, invalid UTF-8 repaired.
        mutating func string() throws(SyntaxError) -> String {
            index += 1
            var out: [UInt8] = []
            var start = index
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") {
                    out += bytes[start ..< index]
                    index += 1
                    return String(decoding: out, as: UTF8.self)
                }
                if byte < 0x20 { throw fail("a control character inside a string") }
                guard byte == UInt8(ascii: "\\") else {
                    index += 1
                    continue
                }
                out += bytes[start ..< index]
                index += 1
                guard index < bytes.count else { break }
                let escaped = bytes[index]
                index += 1
                if let byte = JSONValue.escapedByte(escaped) {
                    out.append(byte)
                } else if escaped == UInt8(ascii: "u") {
                    var scalar = try hex4()
                    // A surrogate pair: the high half, then `\u` and the low half.
                    if (0xD800 ..< 0xDC00).contains(scalar), index + 1 < bytes.count,
                       bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u")
                    {
                        index += 2
                        let low = try hex4()
                        scalar = (0xDC00 ..< 0xE000).contains(low) ? 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00) : 0xFFFD
                    }
                    out += String(Character(Unicode.Scalar(scalar) ?? "\u{FFFD}")).utf8
                } else {
                    index -= 1
                    throw fail("an unknown escape '\\\(Character(Unicode.Scalar(escaped)))'")
                }
                start = index
            }
            throw fail("a string not closed")
        }

        mutating func hex4() throws(SyntaxError) -> UInt32 {
            guard index + 4 <= bytes.count,
                  let value = UInt32(String(decoding: UnsafeBufferPointer(rebasing: bytes[index ..< index + 4]), as: UTF8.self), radix: 16)
            else { throw fail("four hex digits expected after \\u") }
            index += 4
            return value
        }
    }
}
