import Foundation

/// What a page tells the date parser beyond the date string itself.
public struct DateContext: Sendable {
    /// The page's save date, else the file's modification time: resolves "Hier", "3 days ago"
    /// and dates printed without a year. Relative dates read as nil without it.
    public var reference: Date?
    /// `--timezone`: the forum's zone for local times (also used to resolve relative dates;
    /// UTC if nil).
    public var timeZone: TimeZone?
    /// US order for ambiguous 03/04/2016 (default false: day first).
    public var monthFirst: Bool

    public init(reference: Date? = nil, timeZone: TimeZone? = nil, monthFirst: Bool = false) {
        self.reference = reference
        self.timeZone = timeZone
        self.monthFirst = monthFirst
    }
}

/// A date found inside a longer text, with the characters it was read from (the
/// `published_text` of a message).
public struct DateMatch: Sendable {
    public var date: ForumDate
    public var range: Range<String.Index>

    public init(date: ForumDate, range: Range<String.Index>) {
        self.date = date
        self.range = range
    }
}
