/// A MIME header block (RFC 5322/2045) as MHTML files carry it: names are matched without
/// case, folded lines are unfolded, and the block ends at the first empty line.
struct MIMEHeaders {
    private(set) var fields: [(name: String, value: String)] = []

    /// Where the body starts: just after the empty line that ends the block.
    private(set) var bodyStart: Int

    /// Parses the header block starting at `start`. Returns nil when the first line is not a
    /// header (`Name: value`), which is how "not MIME at all" is told.
    init?(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) {
        var position = start
        var lines: [ArraySlice<UInt8>] = []
        while position < bytes.count {
            let lineEnd = Self.endOfLine(bytes, from: position)
            var line = bytes[position ..< lineEnd]
            position = min(lineEnd + 1, bytes.count)
            if line.last == 0x0D { line = line.dropLast() }
            if line.isEmpty { break }
            if let first = line.first, first == 0x20 || first == 0x09, !lines.isEmpty {
                // A folded line continues the previous field.
                lines[lines.count - 1] = ArraySlice(lines[lines.count - 1] + [0x20] + line.drop { $0 == 0x20 || $0 == 0x09 })
            } else {
                lines.append(ArraySlice(line))
            }
        }
        bodyStart = position
        for (number, line) in lines.enumerated() {
            guard let colon = line.firstIndex(of: 0x3A), colon > line.startIndex,
                  !line[line.startIndex ..< colon].contains(where: { $0 == 0x20 || $0 == 0x09 })
            else {
                if number == 0 { return nil }
                continue
            }
            let name = String(decoding: line[line.startIndex ..< colon], as: UTF8.self).lowercased()
            let value = String(decoding: line[(colon + 1)...], as: UTF8.self).trimmingSpaces()
            fields.append((name, value))
        }
        if fields.isEmpty { return nil }
    }

    /// The first field named `name` (lower case).
    subscript(name: String) -> String? {
        fields.first { $0.name == name }?.value
    }

    /// A structured field's main value, lower-cased (`multipart/related`), and its parameters
    /// (`boundary`, `charset`, `start`) with quotes and backslash escapes removed.
    static func parameterized(_ value: String) -> (value: String, parameters: [String: String]) {
        var parts: [String] = []
        var current = ""
        var quoted = false
        var escaped = false
        for character in value {
            if escaped {
                current.append(character)
                escaped = false
            } else if quoted, character == "\\" {
                escaped = true
            } else if character == "\"" {
                quoted.toggle()
            } else if character == ";", !quoted {
                parts.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        parts.append(current)
        let main = parts[0].trimmingSpaces().lowercased()
        var parameters: [String: String] = [:]
        for part in parts.dropFirst() {
            guard let equals = part.firstIndex(of: "=") else { continue }
            let name = part[..<equals].trimmingSpaces().lowercased()
            let parameter = part[part.index(after: equals)...].trimmingSpaces()
            if parameters[name] == nil { parameters[name] = parameter }
        }
        return (main, parameters)
    }

    static func endOfLine(_ bytes: UnsafeBufferPointer<UInt8>, from position: Int) -> Int {
        var index = position
        while index < bytes.count, bytes[index] != 0x0A { index += 1 }
        return index
    }
}

public extension StringProtocol where UTF8View: BidirectionalCollection {
    /// Without leading and trailing spaces, tabs and line breaks (found on the UTF-8 bytes:
    /// they are all ASCII, so the cut falls between characters).
    func trimmingSpaces() -> String {
        let isSpace: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D || $0 == 0x0A }
        guard let first = utf8.firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = utf8.lastIndex(where: { !isSpace($0) })!
        return String(self[first ... last])
    }
}

/// The two MIME content transfer encodings that need decoding.
enum TransferDecoding {
    /// Quoted-printable (RFC 2045 §6.7): `=XX` is a byte, `=` at the end of a line (trailing
    /// blanks allowed) joins the lines; an `=` that is neither is kept, as mail readers do.
    static func quotedPrintable(_ input: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var output = [UInt8]()
        output.reserveCapacity(input.count)
        var index = 0
        let count = input.count
        while index < count {
            let byte = input[index]
            guard byte == 0x3D else {
                output.append(byte)
                index += 1
                continue
            }
            if index + 2 < count, let high = hexValue(input[index + 1]), let low = hexValue(input[index + 2]) {
                output.append(high << 4 | low)
                index += 3
                continue
            }
            // A soft line break: "=" then optional blanks then CRLF or LF (or the end).
            var next = index + 1
            while next < count, input[next] == 0x20 || input[next] == 0x09 { next += 1 }
            if next == count {
                index = next
            } else if input[next] == 0x0A {
                index = next + 1
            } else if input[next] == 0x0D, next + 1 < count, input[next + 1] == 0x0A {
                index = next + 2
            } else {
                output.append(byte)
                index += 1
            }
        }
        return output
    }

    /// Base64 (RFC 2045 §6.8): characters outside the alphabet (line breaks) are skipped, and
    /// decoding stops at the padding.
    static func base64(_ input: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var output = [UInt8]()
        output.reserveCapacity(input.count / 4 * 3)
        var accumulator: UInt32 = 0
        var bits = 0
        for byte in input {
            let value: UInt32
            switch byte {
            case 0x41 ... 0x5A: value = UInt32(byte - 0x41)
            case 0x61 ... 0x7A: value = UInt32(byte - 0x61 + 26)
            case 0x30 ... 0x39: value = UInt32(byte - 0x30 + 52)
            case 0x2B, 0x2D: value = 62
            case 0x2F, 0x5F: value = 63
            case 0x3D: return output
            default: continue
            }
            accumulator = accumulator << 6 | value
            bits += 6
            if bits >= 8 {
                bits -= 8
                output.append(UInt8(truncatingIfNeeded: accumulator >> UInt32(bits)))
            }
        }
        return output
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30 ... 0x39: byte - 0x30
        case 0x41 ... 0x46: byte - 0x41 + 10
        case 0x61 ... 0x66: byte - 0x61 + 10
        default: nil
        }
    }
}
