import ForumLensCore

/// How spreadsheets want their CSV: RFC 4180 with commas (the default), with a UTF-8 byte order
/// mark for Excel (`--excel`: without it Excel reads UTF-8 as a legacy code page and breaks the
/// accents), or French Excel's (`--csv-dialect excel-fr`: `;` between fields, a decimal comma,
/// and the mark).
public struct CSVDialect: Sendable, Equatable {
    public var separator: UInt8
    public var decimalComma: Bool
    public var byteOrderMark: Bool

    public init(separator: UInt8 = UInt8(ascii: ","), decimalComma: Bool = false, byteOrderMark: Bool = false) {
        self.separator = separator
        self.decimalComma = decimalComma
        self.byteOrderMark = byteOrderMark
    }

    public static let standard = CSVDialect()
    public static let excel = CSVDialect(byteOrderMark: true)
    public static let excelFrench = CSVDialect(separator: UInt8(ascii: ";"), decimalComma: true, byteOrderMark: true)
}

/// RFC 4180 rows, UTF-8, CRLF: fields with separators, quotes or line breaks are quoted; text
/// cells that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR first) get a
/// leading apostrophe; numbers are written as numbers (with the dialect's decimal mark).
public struct CSVText {
    public private(set) var bytes: [UInt8] = []
    private var fieldsInRow = 0
    public let dialect: CSVDialect
    public var separator: UInt8 { dialect.separator }

    public init(separator: UInt8 = UInt8(ascii: ",")) {
        dialect = CSVDialect(separator: separator)
    }

    public init(dialect: CSVDialect) {
        self.dialect = dialect
    }

    public mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        fieldsInRow = 0
    }

    private mutating func separate() {
        if fieldsInRow > 0 { bytes.append(separator) }
        fieldsInRow += 1
    }

    public mutating func text(_ value: String?) {
        separate()
        guard var value, !value.isEmpty else { return }
        value.withUTF8 { utf8 in
            let risky = [UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D].contains(utf8[0])
            var quotes = false, needsQuotes = risky
            for byte in utf8 where byte == separator || byte == 0x22 || byte == 0x0A || byte == 0x0D {
                needsQuotes = true
                if byte == 0x22 { quotes = true; break }
            }
            if needsQuotes { bytes.append(0x22) }
            if risky { bytes.append(UInt8(ascii: "'")) }
            if quotes {
                for byte in utf8 {
                    if byte == 0x22 { bytes.append(0x22) }
                    bytes.append(byte)
                }
            } else {
                bytes.append(contentsOf: utf8)
            }
            if needsQuotes { bytes.append(0x22) }
        }
    }

    public mutating func number(_ value: Int?) {
        separate()
        if let value { bytes.append(contentsOf: String(value).utf8) }
    }

    /// Whole numbers without a decimal part, as the JSON writer writes them.
    public mutating func number(_ value: Double?) {
        separate()
        guard let value, value.isFinite else { return }
        let written = value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
        for byte in written.utf8 { bytes.append(byte == UInt8(ascii: ".") && dialect.decimalComma ? UInt8(ascii: ",") : byte) }
    }

    /// A result's field as one cell: numbers as numbers, lists of texts joined with `; `,
    /// anything else as its JSON.
    public mutating func cell(_ value: JSONValue?) {
        switch value {
        case nil, .null?: text(nil)
        case let .number(number)?: self.number(number)
        case let .bool(flag)?: text(flag ? "true" : "false")
        case let .string(value)?: text(value)
        case let .array(items)? where items.allSatisfy({ if case .string = $0 { true } else { false } }):
            text(items.map { if case let .string(value) = $0 { value } else { "" } }.joined(separator: "; "))
        case let value?: text(value.description)
        }
    }

    /// UTF-8's byte order mark, first in a file for Excel.
    public mutating func byteOrderMark() { bytes.append(contentsOf: [0xEF, 0xBB, 0xBF]) }

    public mutating func endRow() {
        bytes.append(contentsOf: [0x0D, 0x0A])
        fieldsInRow = 0
    }

    public mutating func header(_ names: [String]) {
        for name in names {
            separate()
            bytes.append(contentsOf: name.utf8)
        }
        endRow()
    }
}
