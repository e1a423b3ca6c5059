import Foundation

/// A message's text as the analyzers read it: NFC, typographic apostrophes and quotes made
/// plain, zero-width and soft-hyphen characters removed, the HTML escapes tweets and some
/// exports leave in plain text (`&amp;`, `&gt;`, `&lt;`, `&quot;`) read as their character
/// (else "&gt;" is the word "gt"), and for each scalar left the offset
/// of the scalar it came from in the original text, so that what analyzers find is reported
/// in the message's own offsets (Unicode scalars, DESIGN.md).
public struct NormalizedText: Sendable {
    public let scalars: [Unicode.Scalar]
    /// For each scalar, its offset in the original text; one more entry, the original length.
    public let originalOffsets: [Int]

    public init(_ text: String) {
        // Plain ASCII without a backtick or an ampersand (most English messages): nothing to
        // map, drop or compose, each byte a scalar at its own offset. Checked while copied (of
        // a text that is not plain, only the bytes before the first that is not are copied for
        // nothing); the offsets filled in a loop (`Array(0 ... count)` takes a generic path,
        // ten times slower).
        let ascii: [Unicode.Scalar]? = text.utf8.withContiguousStorageIfAvailable { bytes in
            let scalars = [Unicode.Scalar](unsafeUninitializedCapacity: bytes.count) { buffer, count in
                for index in 0 ..< bytes.count {
                    let byte = bytes[index]
                    guard byte < 0x80, byte != 0x60, byte != 0x26 else { return }
                    buffer[index] = Unicode.Scalar(byte)
                    count += 1
                }
            }
            return scalars.count == bytes.count ? scalars : nil
        } ?? nil
        if let ascii {
            scalars = ascii
            originalOffsets = Array(unsafeUninitializedCapacity: ascii.count + 1) { buffer, count in
                for offset in 0 ... ascii.count { buffer[offset] = offset }
                count = ascii.count + 1
            }
            return
        }
        var scalars: [Unicode.Scalar] = []
        var offsets: [Int] = []
        let count = text.unicodeScalars.count
        scalars.reserveCapacity(count)
        offsets.reserveCapacity(count + 1)
        // NFC one run at a time: a base scalar and the combining marks after it compose to
        // fewer scalars, all mapped to the run's first offset. Runs without marks (nearly all)
        // are left as they are.
        var runStart: Int?
        var marked = false
        func compose() {
            guard marked, let start = runStart else { return }
            marked = false
            let composed = String(String.UnicodeScalarView(scalars[start...])).precomposedStringWithCanonicalMapping.unicodeScalars
            scalars.replaceSubrange(start..., with: composed)
            offsets.replaceSubrange(start..., with: repeatElement(offsets[start], count: scalars.count - start))
        }
        var offset = 0
        // The scalars of an escape after its `&`, skipped.
        var escaped = 0
        let all = text.utf8.contains(0x26) ? Array(text.unicodeScalars) : []
        for scalar in text.unicodeScalars {
            defer { offset += 1 }
            if escaped > 0 {
                escaped -= 1
                continue
            }
            var plain = scalar
            if scalar == "&", let (character, length) = Self.escape(at: offset, in: all) {
                plain = character
                escaped = length - 1
            }
            // Below U+00A0 only the backtick is looked up: no hashing for most scalars.
            if scalar.value >= 0xA0 || scalar.value == 0x60 {
                if Self.invisible.contains(scalar.value) {
                    compose()
                    runStart = nil
                    continue
                }
                if let mapped = Self.plain[scalar.value] { plain = Unicode.Scalar(mapped)! }
                // Combining marks start at U+0300.
                if scalar.value >= 0x300, runStart != nil, scalar.properties.canonicalCombiningClass != .notReordered {
                    scalars.append(plain)
                    offsets.append(offsets[runStart!])
                    marked = true
                    continue
                }
            }
            compose()
            runStart = scalars.count
            scalars.append(plain)
            offsets.append(offset)
        }
        compose()
        offsets.append(offset)
        self.scalars = scalars
        originalOffsets = offsets
    }

    /// The normalized text of `range` (scalar indexes into `scalars`).
    public func string(_ range: Range<Int>) -> String {
        // Encoded at once: appending scalars to a `String.UnicodeScalarView` costs hundreds
        // of instructions each.
        String(unsafeUninitializedCapacity: range.count * 4) { buffer in
            var count = 0
            for scalar in scalars[range] {
                UTF8.encode(scalar) { byte in
                    buffer[count] = byte
                    count += 1
                }
            }
            return count
        }
    }

    /// `range` of the normalized scalars as a range of the original text's scalars.
    public func originalRange(_ range: Range<Int>) -> Range<Int> {
        let end = range.upperBound < scalars.count ? originalOffsets[range.upperBound] : originalOffsets.last!
        return originalOffsets[range.lowerBound] ..< max(end, originalOffsets[range.lowerBound])
    }

    /// The character an HTML escape at `offset` stands for, and the escape's length.
    static func escape(at offset: Int, in scalars: [Unicode.Scalar]) -> (Unicode.Scalar, Int)? {
        for (name, character) in escapes where offset + name.count <= scalars.count {
            if scalars[offset ..< offset + name.count].elementsEqual(name) { return (character, name.count) }
        }
        return nil
    }
    static let escapes: [([Unicode.Scalar], Unicode.Scalar)] =
        [("&amp;", "&"), ("&gt;", ">"), ("&lt;", "<"), ("&quot;", "\""), ("&#39;", "'"), ("&apos;", "'")].map { (Array($0.unicodeScalars), $1) }

    /// Zero-width spaces and joiners (not ZWJ, which emoji sequences need), word joiner, BOM,
    /// soft hyphen.
    static let invisible: Set<UInt32> = [0x200B, 0x200C, 0x2060, 0xFEFF, 0x00AD]

    /// Typographic apostrophes and quotes, and non-breaking spaces, as their plain forms.
    static let plain: [UInt32: UInt32] = [
        0x2019: 0x27, 0x2018: 0x27, 0x02BC: 0x27, 0x2032: 0x27, 0x00B4: 0x27, 0x0060: 0x27,
        0x201C: 0x22, 0x201D: 0x22, 0x201E: 0x22, 0x00AB: 0x22, 0x00BB: 0x22, 0x2039: 0x22, 0x203A: 0x22,
        0x00A0: 0x20, 0x202F: 0x20, 0x2007: 0x20, 0x2009: 0x20,
    ]
}
