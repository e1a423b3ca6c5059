import Foundation
import ForumLensCore

/// A parsed page ready for extraction.
public struct ParsedPage: Sendable {
    public var path: String
    public var tree: HTMLTree
    public var metadata: PageMetadata
    /// Resolves dates: relative ones against the save date or the file's modification time.
    public var dateContext: DateContext
    /// Whether the extractor should say how it decided (`--explain`), in its notes.
    public var explain = false
}

/// Messages found on one page, and how sure the extractor is of them.
public struct ExtractedPage: Sendable {
    public var extractor: String
    public var messages: [Message]
    /// 0…1.
    public var confidence: Double
    /// Ids made up because the page gave none: renumbered when pages are merged.
    public var generatedIDs: Set<String> = []
    /// How the extractor decided: the container it took, and with `explain` its candidates.
    public var notes: [String] = []
    /// What the user should know about this page's reading (reported as warnings).
    public var warnings: [String] = []
    /// Where the page says its thread goes on, when the extractor can tell (a profile's `next_page`).
    public var followingPage: FollowingPage?
}

/// The page after this one in its thread, as a page's "next page" link tells it.
public enum FollowingPage: Sendable, Equatable, Codable {
    /// No next-page link: the thread ends here.
    case none
    /// The next page's address.
    case at(String)
}

/// Turns a parsed page into messages. The generic extractor serves any forum; engine
/// extractors only need to be right where it is not.
public protocol Extractor: Sendable {
    var name: String { get }
    func extract(_ page: ParsedPage) -> ExtractedPage
}

/// Reads dates for the extractor: machine values from attributes, displayed ones from text.
struct DateReader {
    let parser: DateParser

    init(context: DateContext) {
        parser = DateParser(context: context)
    }

    /// A reader for one page: numeric dates in month-first order when the page shows a date
    /// that can only be read that way (`03-14-2016`) and none that can only be read day first.
    init(context: DateContext, tree: HTMLTree) {
        var context = context
        var monthFirst = 0
        var dayFirst = 0
        for index in 0 ..< Int32(tree.count) where tree[index].kind == .text && tree[index].count <= 200 {
            switch Self.numericOrder(tree.textBytes(index)) {
            case .monthFirst?: monthFirst += 1
            case .dayFirst?: dayFirst += 1
            case nil: break
            }
        }
        if monthFirst > dayFirst { context.monthFirst = true }
        self.init(context: context)
    }

    private enum Order { case monthFirst, dayFirst }

    /// The order a numeric date `a/b/yyyy` (or with `-`, `.`) must be read in, when only one
    /// order makes sense.
    private static func numericOrder(_ bytes: ArraySlice<UInt8>) -> Order? {
        // Every text node of the page passes here: no allocation, most have no digit at all.
        guard bytes.contains(where: \.isDigit) else { return nil }
        return bytes.withUnsafeBufferPointer { digits in
            var index = 0
            while index < digits.count {
                guard digits[index].isDigit else {
                    index += 1
                    continue
                }
                var numbers = (0, 0, 0)
                var found = 0
                var cursor = index
                while found < 3 {
                    var value = 0
                    var length = 0
                    while cursor < digits.count, digits[cursor].isDigit, length < 5 {
                        value = value * 10 + Int(digits[cursor] - 0x30)
                        cursor += 1
                        length += 1
                    }
                    guard length > 0 else { break }
                    switch found {
                    case 0: numbers.0 = value
                    case 1: numbers.1 = value
                    default: numbers.2 = value
                    }
                    found += 1
                    guard found < 3, cursor < digits.count,
                          digits[cursor] == 0x2F || digits[cursor] == 0x2D || digits[cursor] == 0x2E
                    else { break }
                    cursor += 1
                }
                if found == 3, numbers.2 >= 1900 || numbers.2 < 100, numbers.0 <= 31, numbers.1 <= 31 {
                    if numbers.0 > 12, numbers.1 <= 12 { return .dayFirst }
                    if numbers.1 > 12, numbers.0 <= 12 { return .monthFirst }
                }
                index = max(cursor, index + 1)
            }
            return nil
        }
    }

    func machine(_ value: String) -> ForumDate? { parser.parseMachine(value) }

    /// Whether a text may hold a date at all (a digit or a date word), before any String is made.
    func mayHoldDate(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.withUnsafeBufferPointer { DateTokenizer.mayHoldDate($0, vocabulary: .shared) }
    }

    func displayed(_ text: String) -> (date: ForumDate, shown: String)? {
        guard let match = parser.parse(text) else { return nil }
        return (match.date, String(text[match.range]).collapsingSpaces)
    }
}

extension UInt8 {
    var isDigit: Bool { self >= 0x30 && self <= 0x39 }
}
