/// Reads the dates forums show: absolute ("Ven 30 Avr 2010 - 14:02", "March 29, 2024, 11:07 am",
/// "2024年5月2日 21:44"), relative ("Hier à 14:02", "il y a 3 jours", "2 weeks 6 days ago"),
/// and the machine dates of attributes (ISO 8601, RFC 2822, Unix time). French and English
/// first, then German, Italian, Portuguese, Spanish, Dutch and Chinese numeric forms.
///
/// Works on UTF-8 bytes with a hand-written tokeniser (`DateTokenizer`) and grammar
/// (`DateGrammar`); a text with no digit and no date word is rejected before any token is made.
public struct DateParser: Sendable {
    public let context: DateContext
    private let resolver: DateResolver

    public init(context: DateContext) {
        self.context = context
        resolver = DateResolver(context: context)
    }

    /// The first date written for people inside `text`, e.g. "par » Eogez » Ven 30 Avr 2010 14:02"
    /// or "#2 · March 29, 2024, 11:07 am". A relative date, or one without a year, reads as nil
    /// when the context has no reference date.
    public func parse(_ text: String) -> DateMatch? {
        var bytes = text
        let found: (ForumDate, Int, Int)? = bytes.withUTF8 { buffer in
            let vocabulary = DateVocabulary.shared
            guard DateTokenizer.mayHoldDate(buffer, vocabulary: vocabulary) else { return nil }
            let tokens = DateTokenizer.tokenize(buffer, vocabulary: vocabulary)
            let grammar = DateGrammar(tokens: tokens, monthFirst: context.monthFirst, vocabulary: vocabulary)
            var from = 0
            // A reading that does not resolve (relative, with no reference) lets the search go on.
            while let (reading, span) = grammar.firstDate(from: from) {
                if let date = resolver.resolve(reading) {
                    return (date, tokens[span.lowerBound].start, tokens[span.upperBound - 1].end)
                }
                from = span.upperBound
            }
            return nil
        }
        guard let (date, start, end) = found else { return nil }
        let utf8 = text.utf8
        let lower = utf8.index(utf8.startIndex, offsetBy: start)
        let upper = utf8.index(lower, offsetBy: end - start)
        return DateMatch(date: date, range: lower ..< upper)
    }

    /// A machine date from an attribute: ISO 8601 / RFC 3339 (`datetime`, `content`,
    /// `title="2020-03-03 14:02:11Z"`), Unix seconds or milliseconds (`data-time`, `ts`,
    /// `created-timestamp`), RFC 2822 or `Mon Mar 6 14:02:11 2023 UTC`. A value that is none of
    /// these is read as a displayed date (many `title` attributes hold one). The date must be
    /// the whole value: "2024-05-16T25:00" is no date, not 16 May.
    public func parseMachine(_ value: String) -> ForumDate? {
        var bytes = value
        if let seconds = bytes.withUTF8({ Self.unixSeconds($0) }) { return resolver.unix(seconds: seconds) }
        guard let match = parse(value) else { return nil }
        let isWhole = value[..<match.range.lowerBound].allSatisfy(\.isWhitespace)
            && value[match.range.upperBound...].allSatisfy(\.isWhitespace)
        return isWhole ? match.date : nil
    }

    /// Seconds since 1970 from a value made only of digits (optionally with a fraction):
    /// seconds, milliseconds, microseconds or nanoseconds by length, within 1973…2100.
    static func unixSeconds(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var start = 0, end = bytes.count
        while start < end && isASCIISpace(bytes[start]) { start += 1 }
        while end > start && isASCIISpace(bytes[end - 1]) { end -= 1 }
        var value = 0, digits = 0, index = start
        while index < end, bytes[index] >= 0x30 && bytes[index] <= 0x39 {
            if digits < 19 { value = value &* 10 &+ Int(bytes[index] - 0x30) }
            digits += 1
            index += 1
        }
        if index < end && bytes[index] == 0x2E {
            index += 1
            let fractionStart = index
            while index < end, bytes[index] >= 0x30 && bytes[index] <= 0x39 { index += 1 }
            if index == fractionStart { return nil }
        }
        guard index == end else { return nil }
        let seconds: Int
        switch digits {
        case 9 ... 11: seconds = value
        case 12 ... 14: seconds = value / 1000
        case 15 ... 17: seconds = value / 1_000_000
        case 18 ... 19: seconds = value / 1_000_000_000
        default: return nil
        }
        return (100_000_000 ... 4_102_444_800).contains(seconds) ? seconds : nil
    }

    private static func isASCIISpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09 ... 0x0D).contains(byte) }
}
