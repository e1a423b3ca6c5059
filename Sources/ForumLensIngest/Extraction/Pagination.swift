/// Where a page sits in its thread, as the page says it ("Page 2 sur 3", "Page 2 of 3",
/// "Seite 2 von 3"): lets a thread be written as soon as all its pages are read.
public struct Pagination: Sendable, Equatable, Codable {
    /// 1-based.
    public var page: Int
    public var count: Int

    /// From the title first (phpBB and many others put it there), else from a short text
    /// that names a page, read on with the texts that follow it (`Page <b>2</b> sur <b>3</b>`).
    static func read(tree: HTMLTree, title: String?) -> Pagination? {
        if let title, let found = parse(Array(title.utf8)[...]) { return found }
        for index in 0 ..< Int32(tree.count) where tree[index].kind == .text && tree[index].count <= 80 {
            let text = tree.textBytes(index)
            guard mayNamePage(text) else { continue }
            // The words split over a few nodes of one element: read up to 80 more bytes.
            var snippet = Array(text)
            var next = index + 1
            let end = tree[tree[index].parent].end
            while next < end, snippet.count < 160 {
                if tree[next].kind == .text { snippet += tree.textBytes(next) }
                next += 1
            }
            if let found = parse(snippet[...]) { return found }
        }
        return nil
    }

    /// Whether `pag` or `seit` occurs in any case: every short text of the page is tried.
    private static func mayNamePage(_ text: ArraySlice<UInt8>) -> Bool {
        text.withUnsafeBufferPointer { bytes in
            var index = 0
            while index + 3 <= bytes.count {
                let first = bytes[index] | 0x20, second = bytes[index + 1] | 0x20, third = bytes[index + 2] | 0x20
                if first == 0x70, second == 0x61, third == 0x67 { return true }  // pag
                if first == 0x73, second == 0x65, third == 0x69 { return true }  // sei
                index += 1
            }
            return false
        }
    }

    private static let pageWords = ["page", "seite", "pagina"].map { Array($0.utf8) }
    private static let ofWords = ["sur", "of", "de", "von", "di", "/"].map { Array($0.utf8) }

    /// `page N of M` in any case, with blanks, `:` or non-breaking spaces between.
    static func parse(_ bytes: ArraySlice<UInt8>) -> Pagination? {
        let lower = bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        var start = 0
        while start < lower.count {
            guard let word = pageWords.first(where: { lower[start...].starts(with: $0) }) else {
                start += 1
                continue
            }
            var index = start + word.count
            if let page = number(lower, &index), skipWord(lower, &index), let count = number(lower, &index),
               page >= 1, page <= count, count <= 1_000_000
            {
                return Pagination(page: page, count: count)
            }
            start += 1
        }
        return nil
    }

    private static func skipBlanks(_ bytes: [UInt8], _ index: inout Int) {
        while index < bytes.count {
            if bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == 0x0A || bytes[index] == 0x3A {
                index += 1
            } else if bytes[index] == 0xC2, index + 1 < bytes.count, bytes[index + 1] == 0xA0 {
                index += 2
            } else {
                return
            }
        }
    }

    private static func number(_ bytes: [UInt8], _ index: inout Int) -> Int? {
        skipBlanks(bytes, &index)
        var value = 0
        let first = index
        while index < bytes.count, bytes[index].isDigit, index - first < 7 {
            value = value * 10 + Int(bytes[index] - 0x30)
            index += 1
        }
        return index > first ? value : nil
    }

    private static func skipWord(_ bytes: [UInt8], _ index: inout Int) -> Bool {
        skipBlanks(bytes, &index)
        guard let word = ofWords.first(where: { bytes[index...].starts(with: $0) }) else { return false }
        index += word.count
        return true
    }
}
