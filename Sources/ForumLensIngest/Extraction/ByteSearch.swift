import Foundation

/// Substring tests on UTF-8 bytes (libc's `memchr` finds each candidate start; `memmem` is a
/// GNU extension Swift's Glibc module does not show). Foundation's `String.contains` goes
/// through CFString and took a third of the extraction time (measured with perf); the words
/// tested here are plain.
enum ByteSearch {
    static func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !needle.isEmpty else { return true }
        guard needle.count <= haystack.count, let text = haystack.baseAddress, let pattern = needle.baseAddress else { return false }
        let first = Int32(pattern.pointee)
        let lastStart = text + (haystack.count - needle.count)
        var cursor = text
        while cursor <= lastStart {
            guard let found = memchr(cursor, first, lastStart - cursor + 1) else { return false }
            let start = UnsafePointer(found.assumingMemoryBound(to: UInt8.self))
            if memcmp(start, pattern, needle.count) == 0 { return true }
            cursor = start + 1
        }
        return false
    }
}

extension String {
    func contains(_ needle: String) -> Bool {
        var haystack = self
        var needle = needle
        return haystack.withUTF8 { text in needle.withUTF8 { ByteSearch.contains(text, $0) } }
    }
}

extension ArraySlice<UInt8> {
    /// Whether these bytes hold `needle`'s UTF-8, without making a String of them.
    func contains(utf8 needle: String) -> Bool {
        var needle = needle
        return withUnsafeBufferPointer { text in needle.withUTF8 { ByteSearch.contains(text, $0) } }
    }
}

extension String {
    /// The words of a class attribute, split at ASCII whitespace on bytes (a split on
    /// Characters compared each one as a string, and kept "\r\n" inside a word).
    var classWords: [Substring] {
        var words: [Substring] = []
        var start: String.Index?
        var index = utf8.startIndex
        while index != utf8.endIndex {
            let byte = utf8[index]
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C {
                if let wordStart = start { words.append(self[wordStart ..< index]) }
                start = nil
            } else if start == nil {
                start = index
            }
            index = utf8.index(after: index)
        }
        if let wordStart = start { words.append(self[wordStart...]) }
        return words
    }
}
