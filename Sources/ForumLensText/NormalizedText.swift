import Foundation

/// A message's text as the analyzers read it: NFC, typographic apostrophes and quotes made
/// plain, zero-width and soft-hyphen characters removed, and for each scalar left the offset
/// of the scalar it came from in the original text, so that what analyzers find is reported
/// in the message's own offsets (Unicode scalars, DESIGN.md).
public struct NormalizedText: Sendable {
    public let scalars: [Unicode.Scalar]
    /// For each scalar, its offset in the original text; one more entry, the original length.
    public let originalOffsets: [Int]

    public init(_ text: String) {
        var scalars: [Unicode.Scalar] = []
        var offsets: [Int] = []
        scalars.reserveCapacity(text.unicodeScalars.count)
        offsets.reserveCapacity(text.unicodeScalars.count + 1)
        var offset = 0
        // NFC one run at a time: a base scalar and the combining marks after it compose to
        // fewer scalars, all mapped to the run's first offset.
        var run: [Unicode.Scalar] = []
        var runStart = 0
        func flush() {
            guard !run.isEmpty else { return }
            let composed = run.count == 1 ? run : Array(String(String.UnicodeScalarView(run)).precomposedStringWithCanonicalMapping.unicodeScalars)
            for scalar in composed {
                scalars.append(scalar)
                offsets.append(runStart)
            }
            run.removeAll(keepingCapacity: true)
        }
        for scalar in text.unicodeScalars {
            defer { offset += 1 }
            if Self.invisible.contains(scalar.value) {
                flush()
                continue
            }
            let plain = Self.plain[scalar.value].map { Unicode.Scalar($0)! } ?? scalar
            if scalar.properties.canonicalCombiningClass != .notReordered, !run.isEmpty {
                run.append(plain)
                continue
            }
            flush()
            run = [plain]
            runStart = offset
        }
        flush()
        offsets.append(offset)
        self.scalars = scalars
        originalOffsets = offsets
    }

    /// The normalized text of `range` (scalar indexes into `scalars`).
    public func string(_ range: Range<Int>) -> String {
        String(String.UnicodeScalarView(scalars[range]))
    }

    /// `range` of the normalized scalars as a range of the original text's scalars.
    public func originalRange(_ range: Range<Int>) -> Range<Int> {
        let end = range.upperBound < scalars.count ? originalOffsets[range.upperBound] : originalOffsets.last!
        return originalOffsets[range.lowerBound] ..< max(end, originalOffsets[range.lowerBound])
    }

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
