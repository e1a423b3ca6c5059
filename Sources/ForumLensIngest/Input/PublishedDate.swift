/// The `published` of a message file: an ISO 8601 date or date-time is normalised to the
/// report's form; anything else is only kept as `published_text` (the date parser of the HTML
/// extractors is not used here: a message file's dates are the user's own data).
enum PublishedDate {
    /// `2010-04-30` stays; `2010-04-30 14:02` becomes `2010-04-30T14:02:00`; an offset or `Z`
    /// is kept (`+0200` written `+02:00`), fractions of a second too. Nil when not ISO 8601.
    static func iso8601(_ text: String) -> String? {
        var scanner = DigitScanner(Array(text.utf8))
        guard let year = scanner.digits(4), scanner.skip("-"),
              let month = scanner.digits(2), scanner.skip("-"),
              let day = scanner.digits(2),
              (1 ... 12).contains(month), (1 ... RFC2822Date.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        var output: [UInt8] = []
        output.reserveCapacity(32)
        append(year, width: 4, to: &output)
        output.append(UInt8(ascii: "-"))
        append(month, width: 2, to: &output)
        output.append(UInt8(ascii: "-"))
        append(day, width: 2, to: &output)
        if scanner.atEnd { return String(decoding: output, as: UTF8.self) }

        guard scanner.skip("T") || scanner.skip("t") || scanner.skip(" "),
              let hour = scanner.digits(2), scanner.skip(":"),
              let minute = scanner.digits(2)
        else { return nil }
        var second = 0
        var fraction: ArraySlice<UInt8> = []
        if scanner.skip(":") {
            guard let value = scanner.digits(2) else { return nil }
            second = value
            if scanner.skip(".") || scanner.skip(",") {
                fraction = scanner.digitRun()
                guard !fraction.isEmpty else { return nil }
            }
        }
        // 24:00:00 is ISO's end of day; 60 seconds is a leap second.
        guard hour < 24 || (hour == 24 && minute == 0 && second == 0 && fraction.allSatisfy { $0 == UInt8(ascii: "0") }),
              minute < 60, second <= 60
        else { return nil }
        output.append(UInt8(ascii: "T"))
        append(hour, width: 2, to: &output)
        output.append(UInt8(ascii: ":"))
        append(minute, width: 2, to: &output)
        output.append(UInt8(ascii: ":"))
        append(second, width: 2, to: &output)
        if !fraction.isEmpty {
            output.append(UInt8(ascii: "."))
            output += fraction
        }

        _ = scanner.skip(" ")
        if scanner.atEnd { return String(decoding: output, as: UTF8.self) }
        if scanner.skip("Z") || scanner.skip("z") || scanner.skipWord("UTC") || scanner.skipWord("GMT") {
            output.append(UInt8(ascii: "Z"))
            return scanner.atEnd ? String(decoding: output, as: UTF8.self) : nil
        }
        if scanner.skip("+") {
            output.append(UInt8(ascii: "+"))
        } else if scanner.skip("-") {
            output.append(UInt8(ascii: "-"))
        } else {
            return nil
        }
        guard let offsetHours = scanner.digits(2, moreMayFollow: true), offsetHours <= 14 else { return nil }
        var offsetMinutes = 0
        if !scanner.atEnd {
            _ = scanner.skip(":")
            guard let value = scanner.digits(2), value < 60 else { return nil }
            offsetMinutes = value
        }
        guard scanner.atEnd else { return nil }
        append(offsetHours, width: 2, to: &output)
        output.append(UInt8(ascii: ":"))
        append(offsetMinutes, width: 2, to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// `value` in decimal, zero-padded to `width` digits.
    private static func append(_ value: Int, width: Int, to output: inout [UInt8]) {
        var divisor = 1
        for _ in 1 ..< width { divisor *= 10 }
        var rest = value
        while divisor > 0 {
            output.append(UInt8(ascii: "0") + UInt8(rest / divisor % 10))
            rest %= divisor
            divisor /= 10
        }
    }

    private struct DigitScanner {
        let bytes: [UInt8]
        var index = 0

        /// Blanks around the text are not part of it.
        init(_ bytes: [UInt8]) {
            let isBlank: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D || $0 == 0x0A }
            let start = bytes.firstIndex { !isBlank($0) } ?? bytes.count
            let end = (bytes.lastIndex { !isBlank($0) } ?? -1) + 1
            self.bytes = start < end ? Array(bytes[start ..< end]) : []
        }

        var atEnd: Bool { index == bytes.count }

        /// Exactly `count` ASCII digits; unless `moreMayFollow` (`+0200`), not followed by a
        /// digit, which would be another format (a year 20100).
        mutating func digits(_ count: Int, moreMayFollow: Bool = false) -> Int? {
            guard index + count <= bytes.count else { return nil }
            var value = 0
            for offset in 0 ..< count {
                let byte = bytes[index + offset]
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            if !moreMayFollow, index + count < bytes.count, bytes[index + count] >= 0x30, bytes[index + count] <= 0x39 { return nil }
            index += count
            return value
        }

        mutating func digitRun() -> ArraySlice<UInt8> {
            let start = index
            while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 { index += 1 }
            return bytes[start ..< index]
        }

        mutating func skip(_ character: Unicode.Scalar) -> Bool {
            guard index < bytes.count, bytes[index] == UInt8(ascii: character) else { return false }
            index += 1
            return true
        }

        mutating func skipWord(_ word: StaticString) -> Bool {
            let count = word.utf8CodeUnitCount
            guard bytes.count - index >= count,
                  (0 ..< count).allSatisfy({ bytes[index + $0] == word.utf8Start[$0] })
            else { return false }
            index += count
            return true
        }
    }
}
