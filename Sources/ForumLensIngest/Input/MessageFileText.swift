/// The text of a message file as UTF-8: byte-order mark dropped, and a file that is not valid
/// UTF-8 read as windows-1252 (what Excel on a French Windows writes), which the caller reports.
enum MessageFileText {
    /// The bytes to parse, where the text starts in them (after a byte-order mark, which is
    /// skipped rather than copied away: message files can be large), and whether they were
    /// transcoded from windows-1252.
    static func utf8(_ bytes: [UInt8]) -> (bytes: [UInt8], start: Int, fromWindows1252: Bool) {
        var start = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
        let isValid = bytes.withUnsafeBufferPointer { UTF8Check.scan(UnsafeBufferPointer(rebasing: $0[start...])).valid }
        if isValid { return (bytes, start, false) }
        return (windows1252ToUTF8(bytes[start...]), 0, true)
    }

    /// windows-1252 to UTF-8; its five unassigned bytes map to the C1 controls, as WHATWG's
    /// decoder does, so nothing is lost.
    static func windows1252ToUTF8(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var output = [UInt8]()
        output.reserveCapacity(bytes.count + bytes.count / 8)
        for byte in bytes {
            let scalar: UInt32 = byte >= 0x80 && byte < 0xA0 ? UInt32(high[Int(byte - 0x80)]) : UInt32(byte)
            appendUTF8(scalar, to: &output)
        }
        return output
    }

    static func appendUTF8(_ scalar: UInt32, to output: inout [UInt8]) {
        switch scalar {
        case 0 ..< 0x80:
            output.append(UInt8(scalar))
        case 0x80 ..< 0x800:
            output.append(UInt8(0xC0 | scalar >> 6))
            output.append(UInt8(0x80 | scalar & 0x3F))
        case 0x800 ..< 0x10000:
            output.append(UInt8(0xE0 | scalar >> 12))
            output.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            output.append(UInt8(0x80 | scalar & 0x3F))
        default:
            output.append(UInt8(0xF0 | scalar >> 18))
            output.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            output.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            output.append(UInt8(0x80 | scalar & 0x3F))
        }
    }

    /// Bytes 0x80–0x9F of windows-1252.
    private static let high: [UInt16] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]
}
