import Foundation
import ForumLensCore

/// A parsed page ready for extraction.
public struct ParsedPage: Sendable {
    public var path: String
    public var tree: HTMLTree
    public var metadata: PageMetadata
    /// Resolves dates: relative ones against the save date or the file's modification time.
    public var dateContext: DateContext
}

/// Messages found on one page, and how sure the extractor is of them.
public struct ExtractedPage: Sendable {
    public var extractor: String
    public var messages: [Message]
    /// 0…1.
    public var confidence: Double
    /// Ids made up because the page gave none: renumbered when pages are merged.
    public var generatedIDs: Set<String> = []
    public var notes: [String] = []
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

    func machine(_ value: String) -> ForumDate? { parser.parseMachine(value) }

    func displayed(_ text: String) -> (date: ForumDate, shown: String)? {
        guard let match = parser.parse(text) else { return nil }
        return (match.date, String(text[match.range]).collapsingSpaces)
    }
}
