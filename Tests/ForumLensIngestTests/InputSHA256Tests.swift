import Foundation
import Testing
@testable import ForumLensIngest

@Suite struct InputSHA256Tests {
    /// FIPS 180-2 appendix B and the NIST example values.
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        ("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
         "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"),
    ])
    func matchesTheFIPSVectors(message: String, digest: String) {
        #expect(SHA256.hex(Array(message.utf8)) == digest)
    }

    @Test func matchesTheMillionAVector() {
        let million = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
        #expect(SHA256.hex(million) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    /// Every length around the padding edges (55/56 and 63/64 bytes into a block), and a
    /// multi-megabyte buffer, against the system's `sha256sum`.
    @Test func matchesSha256sumAcrossPaddingEdgesAndALargeBuffer() throws {
        var generator = SplitMix(seed: 42)
        let large = (0 ..< (5 << 20) + 7).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
        let lengths = [1, 55, 56, 57, 63, 64, 65, 119, 120, 127, 128, 129, 1000]
        for length in lengths + [large.count] {
            let bytes = Array(large.prefix(length))
            let output = try ScratchDirectory.run("/usr/bin/sha256sum", ["-"], input: bytes)
            let expected = String(decoding: output.prefix(64), as: UTF8.self)
            #expect(SHA256.hex(bytes) == expected, "length \(length)")
        }
    }

    @Test func hashesARawBufferWithoutCopying() {
        let bytes = Array("abc".utf8)
        let digest = bytes.withUnsafeBytes { SHA256.hex($0) }
        #expect(digest == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex(UnsafeRawBufferPointer(start: nil, count: 0)) == SHA256.hex([]))
    }
}

/// A small deterministic generator: test data that is the same on every run.
struct SplitMix {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
