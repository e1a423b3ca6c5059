import Testing
@testable import ForumLensIngest

/// The small tables the extractor uses instead of hashed dictionaries and sets, and the byte
/// search that replaced Foundation's.
@Suite struct ExtractionTablesTests {
    @Test func denseIDsNumberKeysInTheOrderMetAcrossGrowth() {
        var ids = DenseIDs()
        // Past the first 1,024 slots, so the table grows (twice) while keeping its ids.
        let keys = (0 ..< 3000).map { UInt64($0) &* 0x9E37_79B9_7F4A_7C15 ^ 0xABCD }
        for (expected, key) in keys.enumerated() { #expect(ids.id(of: key) == Int32(expected)) }
        #expect(ids.count == 3000)
        #expect(ids.id(of: keys[1234]) == 1234)
        #expect(ids.existing(keys[2999]) == 2999)
        #expect(ids.existing(42) == nil)
        #expect(ids.count == 3000)
    }

    @Test func denseIDsTellAdjacentAddressesApart() {
        // Tag names are found by address: aligned pointers differ only in a few low bits.
        var ids = DenseIDs()
        let base: UInt64 = 0x7F3A_1200_0000
        for offset in 0 ..< 500 { #expect(ids.id(of: base + UInt64(offset * 16)) == Int32(offset)) }
        #expect(ids.existing(base + 8) == nil)
    }

    @Test func nodeTableKeepsValuesInTheOrderSet() {
        var table = NodeTable<String>(count: 10)
        table[7] = "seven"
        table[2] = "two"
        table[7] = "sept"
        #expect(table[7] == "sept")
        #expect(table[2] == "two")
        #expect(table[3] == nil)
        #expect(table.nodes == [7, 2])
        #expect(table.values == ["sept", "two"])
    }

    @Test func nodeSetHoldsItsNodesOnly() {
        let set = NodeSet([1, 4, 9], count: 10)
        #expect((0 ..< 10).filter { set.contains($0) } == [1, 4, 9])
    }

    @Test(arguments: [
        ("member-name", "name", true),
        ("name", "name", true),
        ("nam", "name", false),
        ("aaab", "aab", true),  // the first byte repeats before the match
        ("abcabd", "abd", true),  // at the very end
        ("abcab", "abd", false),
        ("inscrit le", "", true),
        ("dernière visite", "ière", true),
    ])
    func byteSearchFindsSubstrings(haystack: String, needle: String, found: Bool) {
        #expect(haystack.contains(needle) == found)
        #expect(Array(haystack.utf8)[...].contains(utf8: needle) == found)
    }

    private func hash(_ parts: [String], seed: Int = 7) -> Int {
        var hasher = ByteHash(seed: seed)
        for part in parts { Array(part.utf8).withUnsafeBytes { hasher.combine(bytes: $0) } }
        return hasher.finalize()
    }

    @Test func byteHashTellsByteStringsApart() {
        #expect(hash(["post bg1"]) == hash(["post bg1"]))
        #expect(hash(["post bg1"]) != hash(["post bg2"]))
        #expect(hash(["post bg1"]) != hash(["post bg1"], seed: 8))
        // Where one part ends is part of the key, at any length around the eight-byte words.
        #expect(hash(["ab", "c"]) != hash(["a", "bc"]))
        #expect(hash(["abcdefgh", ""]) != hash(["abcdefg", "h"]))
        #expect(hash(["abcdefgh"]) != hash(["abcdefgh", ""]))
        // Every class string of a realistic page gets its own key.
        let classes = (0 ..< 5000).map { "post post-\($0) bg\($0 % 2)" }
        #expect(Set(classes.map { hash([$0]) }).count == classes.count)
    }

    @Test func renderedTextsLowercaseTheirLeadingBytesAndRepairCutCharacters() {
        var output = TextOutput()
        output.append(Array("  Membre  DEPUIS\u{00A0}: Décembre".utf8)[...], preformatted: false)
        #expect(output.string == "Membre DEPUIS : Décembre")
        #expect(output.lowercasedPrefix(100) == "membre depuis : décembre")
        // "é" is two bytes: a prefix ending between them ends with a replacement character.
        #expect(output.lowercasedPrefix(18) == "membre depuis : d\u{FFFD}")
    }

    @Test func classWordsSplitAtAnyASCIIWhitespace() {
        #expect(" post\r\nbg1\tis-unread \u{0C}x ".classWords == ["post", "bg1", "is-unread", "x"])
        #expect("".classWords.isEmpty)
        #expect(ClassReading.read("Post\r\nBG1").words == ["post", "bg#"])
    }
}

/// What may be an author's name: counts, labels and bare numbers are not; handles are, even
/// those that start with a digit.
@Suite struct AuthorNameTests {
    @Test(arguments: ["22 Posts", "65.9k", "(3 children)", "Joined: Apr 2002", "Auteur :", "1234", "12h", ""])
    func notNames(_ text: String) {
        #expect(RecordLayout.cleanAuthor(text) == nil, "\(text)")
    }

    @Test(arguments: [("2kwatts", "2kwatts"), ("by Karine", "Karine"), ("lil' homie", "lil' homie"), ("Posted by  Mora1651", "Mora1651")])
    func names(_ text: String, _ name: String) {
        #expect(RecordLayout.cleanAuthor(text) == name)
    }
}
