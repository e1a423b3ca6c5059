// sentiment-floor.swift LEXICON.txt FILE.tsv RUNS: the floor under any lexicon method, for
// sentiment-bench.sh to print beside the analyzer and VADER. Per text: each run of ASCII letters
// and apostrophes lowercased into a packed key, looked up in VADER's lexicon, the values summed
// and squashed to -1…1 as VADER does. No normalization, emoticons, negation, boosters, sentences,
// offsets or result: what those cost is the distance from this rate to the analyzer's.
// Prints `SECONDS TEXTS_PER_SECOND` of the best of RUNS passes (the lexicon read before).
import Foundation

/// A word of up to 15 bytes, lowercased, with its length: the analyzer's `WordKey` layout.
struct Key: Hashable {
    var low: UInt64
    var high: UInt64

    init(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) {
        var low: UInt64 = 0, high: UInt64 = 0
        for offset in 0 ..< min(end - start, 15) {
            var byte = bytes[start + offset]
            if byte >= 65, byte <= 90 { byte += 32 }
            if offset < 8 { low |= UInt64(byte) << (8 * offset) } else { high |= UInt64(byte) << (8 * (offset - 8)) }
        }
        self.low = low
        self.high = high | UInt64(min(end - start, 255)) << 56
    }
}

func isWordByte(_ byte: UInt8) -> Bool { (byte | 32) >= 97 && (byte | 32) <= 122 || byte == 39 }

let arguments = CommandLine.arguments
guard arguments.count == 4, let runs = Int(arguments[3]), runs > 0,
      let lexicon = try? String(contentsOfFile: arguments[1], encoding: .utf8),
      let tsv = try? String(contentsOfFile: arguments[2], encoding: .utf8) else {
    FileHandle.standardError.write(Data("usage: sentiment-floor VADER_LEXICON.txt FILE.tsv RUNS (files readable as UTF-8)\n".utf8))
    exit(2)
}
var valences: [Key: Double] = [:]
for line in lexicon.split(whereSeparator: \.isNewline) {   // the lexicon's lines end in CRLF
    let fields = line.split(separator: "\t")
    guard fields.count >= 2, let value = Double(fields[1]) else { continue }
    let word = Array(fields[0].utf8)
    valences[word.withUnsafeBufferPointer { Key($0, 0, $0.count) }] = value
}
let texts: [[UInt8]] = tsv.split(separator: "\n").dropFirst().map { line in
    let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
    return Array((fields.count > 1 ? fields[1] : "").utf8)
}
var best = Double.infinity
var checksum = 0.0   // printed to stderr, so that the work cannot be optimized away
for _ in 0 ..< runs {
    let start = DispatchTime.now().uptimeNanoseconds
    for text in texts {
        checksum += text.withUnsafeBufferPointer { bytes in
            var index = 0, sum = 0.0
            while index < bytes.count {
                guard isWordByte(bytes[index]) else { index += 1; continue }
                var end = index + 1
                while end < bytes.count, isWordByte(bytes[end]) { end += 1 }
                sum += valences[Key(bytes, index, end)] ?? 0
                index = end
            }
            return sum / (sum * sum + 15).squareRoot()
        }
    }
    best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
}
FileHandle.standardError.write(Data("checksum \(checksum)\n".utf8))
print(String(format: "%.4f %.0f", best, Double(texts.count) / best))
