import Foundation

/// The `Date:` of a MIME header (RFC 5322 §3.3, with the obsolete forms of §4.3): the moment
/// a page was saved as MHTML. Parsed by hand, with no formatter or locale involved.
enum RFC2822Date {
    /// `Fri, 2 Aug 2024 10:11:12 +0200`, `2 Aug 24 10:11 GMT`, `Mon, 3 May 2010 10:00:00 -0700 (PDT)`.
    static func parse(_ text: String) -> Date? {
        // Comments in parentheses are not part of the date.
        var cleaned = ""
        var depth = 0
        for character in text {
            if character == "(" { depth += 1 } else if character == ")" { depth = max(0, depth - 1) } else if depth == 0 {
                cleaned.append(character == "," ? " " : character)
            }
        }
        var tokens = cleaned.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        if let first = tokens.first, first.first?.isLetter == true { tokens.removeFirst() }
        guard tokens.count >= 4,
              let day = Int(tokens[0]), (1 ... 31).contains(day),
              let month = months[tokens[1].lowercased().prefix(3).description],
              var year = Int(tokens[2])
        else { return nil }
        if tokens[2].count <= 2 { year += year < 50 ? 2000 : 1900 } else if tokens[2].count == 3 { year += 1900 }
        let clock = tokens[3].split(separator: ":").map { Int($0) }
        guard clock.count == 2 || clock.count == 3, clock.allSatisfy({ $0 != nil }) else { return nil }
        let hour = clock[0]!, minute = clock[1]!, second = clock.count == 3 ? clock[2]! : 0
        guard hour < 24, minute < 60, second <= 60, day <= daysIn(month: month, year: year) else { return nil }
        let offset = tokens.count > 4 ? zoneOffset(tokens[4]) : 0
        guard let offset else { return nil }
        let days = daysSinceEpoch(year: year, month: month, day: day)
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offset
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    private static let months: [String: Int] = [
        "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
        "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
    ]

    /// Seconds east of UTC; the obsolete US zone names are in RFC 5322 §4.3. Unknown
    /// military or alphabetic zones mean "unknown", which the RFC says to read as UTC.
    private static func zoneOffset(_ zone: String) -> Int? {
        if let sign = zone.first, sign == "+" || sign == "-" {
            let digits = zone.dropFirst().filter { $0 != ":" }
            guard digits.count == 4, let value = Int(digits) else { return nil }
            let seconds = (value / 100) * 3600 + (value % 100) * 60
            return sign == "-" ? -seconds : seconds
        }
        let named: [String: Int] = [
            "ut": 0, "utc": 0, "gmt": 0, "z": 0, "est": -5, "edt": -4, "cst": -6, "cdt": -5,
            "mst": -7, "mdt": -6, "pst": -8, "pdt": -7,
        ]
        guard zone.allSatisfy(\.isLetter) else { return nil }
        return (named[zone.lowercased()] ?? 0) * 3600
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days from 1970-01-01 in the proleptic Gregorian calendar (Howard Hinnant's algorithm).
    private static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
