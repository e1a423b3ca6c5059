/// The records of an RFC 4180 file (CSV, or TSV with a tab separator): quoted fields may hold
/// separators, doubled quotes and line breaks. It is lenient where exports are sloppy: a quote
/// that does not close a field properly (TSV written without quoting, `"Bonjour" dit-il`) is
/// read as a literal character, and CRLF, LF or CR alone end a record.
struct CSVRecords: Sequence, IteratorProtocol {
    struct Record {
        /// The 1-based line the record starts on.
        var line: Int
        var cells: [String]
    }

    private let bytes: [UInt8]
    private let separator: UInt8
    private var index = 0
    private var line = 1

    /// Records of `bytes` from `start` (past a byte-order mark).
    init(_ bytes: [UInt8], from start: Int = 0, separator: UInt8) {
        self.bytes = bytes
        self.separator = separator
        index = start
    }

    private static let quote = UInt8(ascii: "\"")
    private static let lineFeed = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")

    /// The next record; blank lines are skipped.
    mutating func next() -> Record? {
        while index < bytes.count, bytes[index] == Self.lineFeed || bytes[index] == Self.carriageReturn {
            skipLineBreak()
        }
        guard index < bytes.count else { return nil }
        let startLine = line
        var cells: [String] = []
        while true {
            cells.append(cell())
            if index < bytes.count, bytes[index] == separator {
                index += 1
                continue
            }
            skipLineBreak()
            return Record(line: startLine, cells: cells)
        }
    }

    private mutating func skipLineBreak() {
        guard index < bytes.count else { return }
        if bytes[index] == Self.carriageReturn, index + 1 < bytes.count, bytes[index + 1] == Self.lineFeed { index += 1 }
        index += 1
        line += 1
    }

    private func isEndOfCell(_ position: Int) -> Bool {
        position == bytes.count || bytes[position] == separator
            || bytes[position] == Self.lineFeed || bytes[position] == Self.carriageReturn
    }

    /// One cell, leaving `index` on the separator, the line break or the end.
    private mutating func cell() -> String {
        if index < bytes.count, bytes[index] == Self.quote, let (text, end, lineBreaks) = quotedCell(from: index) {
            index = end
            line += lineBreaks
            return text
        }
        let start = index
        while !isEndOfCell(index) { index += 1 }
        return String(decoding: bytes[start ..< index], as: UTF8.self)
    }

    /// A properly quoted cell starting at `start`: its text, where it ends, and how many line
    /// breaks it holds. Nil when the closing quote is missing or not followed by the end of
    /// the cell, in which case the quote is literal text.
    private func quotedCell(from start: Int) -> (String, Int, Int)? {
        var text = [UInt8]()
        var position = start + 1
        var lineBreaks = 0
        while position < bytes.count {
            let byte = bytes[position]
            if byte == Self.quote {
                if position + 1 < bytes.count, bytes[position + 1] == Self.quote {
                    text.append(Self.quote)
                    position += 2
                    continue
                }
                guard isEndOfCell(position + 1) else { return nil }
                return (String(decoding: text, as: UTF8.self), position + 1, lineBreaks)
            }
            if byte == Self.lineFeed || (byte == Self.carriageReturn && (position + 1 == bytes.count || bytes[position + 1] != Self.lineFeed)) {
                lineBreaks += 1
            }
            text.append(byte)
            position += 1
        }
        return nil
    }
}
