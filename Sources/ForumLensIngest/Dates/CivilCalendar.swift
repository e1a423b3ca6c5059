import Foundation

/// Proleptic Gregorian arithmetic on plain integers (Howard Hinnant's days-from-civil
/// algorithms): exact, allocation-free, and much cheaper than `Calendar` for the many dates a
/// page holds.
enum CivilCalendar {
    /// Days since 1970-01-01.
    static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func date(days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static func isValid(year: Int, month: Int, day: Int) -> Bool {
        (1 ... 12).contains(month) && day >= 1 && day <= daysInMonth(year: year, month: month)
    }

    /// Moves a calendar day by whole months, keeping the day of month where it exists
    /// (31 March minus one month is 29 or 28 February).
    static func adding(months: Int, to date: (year: Int, month: Int, day: Int)) -> (year: Int, month: Int, day: Int) {
        let index = date.year * 12 + (date.month - 1) + months
        let year = index >= 0 ? index / 12 : (index - 11) / 12
        let month = index - year * 12 + 1
        return (year, month, min(date.day, daysInMonth(year: year, month: month)))
    }

    /// The wall-clock fields of an instant, `offset` seconds east of UTC.
    static func wallClock(unixSeconds: Int, offset: Int) -> ForumDate {
        let local = unixSeconds + offset
        let dayNumber = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        let secondOfDay = local - dayNumber * 86_400
        let (year, month, day) = date(days: dayNumber)
        return ForumDate(
            year: year, month: month, day: day,
            hour: secondOfDay / 3600, minute: secondOfDay / 60 % 60, second: secondOfDay % 60,
            utcOffset: offset
        )
    }

    /// The offset `zone` has at a wall-clock time given as seconds since 1970-01-01 00:00
    /// local. Two lookups settle the DST edges: the first guesses the instant, the second reads
    /// the offset in force at that instant.
    static func offset(of zone: TimeZone, atLocalSeconds local: Int) -> Int {
        let guess = zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(local)))
        return zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(local - guess)))
    }
}
