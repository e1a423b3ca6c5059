/// A message date as a forum shows it: a calendar day, an optional wall-clock time, and the
/// UTC offset when it is known. Kept as components, not a `Date`, because most forums print a
/// local time without saying which zone it is in, and the report must not invent one.
public struct ForumDate: Sendable, Hashable {
    public var year: Int, month: Int, day: Int
    /// nil hour = date only.
    public var hour: Int?, minute: Int?, second: Int?
    /// Seconds east of UTC; nil = local, zone unknown.
    public var utcOffset: Int?

    public init(
        year: Int, month: Int, day: Int,
        hour: Int? = nil, minute: Int? = nil, second: Int? = nil, utcOffset: Int? = nil
    ) {
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
        self.utcOffset = utcOffset
    }

    /// "2010-04-30" | "2010-04-30T14:02:00" | "2010-04-30T14:02:00+02:00" | "2010-04-30T12:02:00Z".
    /// A date without a time never carries an offset: ISO 8601 has no form for it.
    public func iso8601() -> String {
        var out = [UInt8]()
        out.reserveCapacity(25)
        Self.append(year, width: 4, to: &out)
        out.append(UInt8(ascii: "-"))
        Self.append(month, width: 2, to: &out)
        out.append(UInt8(ascii: "-"))
        Self.append(day, width: 2, to: &out)
        if let hour {
            out.append(UInt8(ascii: "T"))
            Self.append(hour, width: 2, to: &out)
            out.append(UInt8(ascii: ":"))
            Self.append(minute ?? 0, width: 2, to: &out)
            out.append(UInt8(ascii: ":"))
            Self.append(second ?? 0, width: 2, to: &out)
            if let utcOffset {
                if utcOffset == 0 {
                    out.append(UInt8(ascii: "Z"))
                } else {
                    let minutes = abs(utcOffset) / 60
                    out.append(UInt8(ascii: utcOffset < 0 ? "-" : "+"))
                    Self.append(minutes / 60, width: 2, to: &out)
                    out.append(UInt8(ascii: ":"))
                    Self.append(minutes % 60, width: 2, to: &out)
                }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func append(_ value: Int, width: Int, to out: inout [UInt8]) {
        var digits = [UInt8](repeating: UInt8(ascii: "0"), count: width)
        var rest = abs(value)
        var index = width - 1
        while index >= 0 {
            digits[index] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
            index -= 1
        }
        if value < 0 { out.append(UInt8(ascii: "-")) }
        out.append(contentsOf: digits)
    }
}
