/// What the grammar read, before the reference date and the forum's zone turn it into a
/// `ForumDate` (see `DateResolver`).
enum DateReading: Equatable {
    /// A calendar day, the year missing when the forum leaves it out ("Feb 22 at 21:54").
    case calendar(CalendarDay, ClockTime?)
    /// "Hier à 14:02": a day counted from the reference day (0 today, -1 yesterday).
    case relativeDay(Int, ClockTime?)
    /// "Tuesday at 2:02 PM", "Mardi à 14:02": the latest such weekday before the reference day
    /// (1 Monday … 7 Sunday), as XenForo and others write the dates of the past week.
    case weekday(Int, ClockTime)
    /// "il y a 3 jours", "2 weeks 6 days ago".
    case elapsed(ElapsedTime)
    /// "just now", "à l'instant".
    case now
}

struct CalendarDay: Equatable {
    var year: Int?
    var month: Int
    var day: Int
}

struct ClockTime: Equatable {
    var hour: Int
    var minute: Int
    var second: Int?
    /// Seconds east of UTC when the text gives a zone ("Z", "+02:00", "UTC", "CEST").
    var offset: Int?
}

/// An amount of time back from the reference, kept in the three units that do not convert
/// into each other (a month is not a fixed number of days; a day across a DST change is not
/// 86,400 seconds).
struct ElapsedTime: Equatable {
    var months = 0
    var days = 0
    var seconds = 0
    /// An hour, minute or second was named: the result carries a time, not just a day.
    var namesTime = false

    /// Amounts beyond this are not a forum date ("10000 years ago").
    static let maxAmount = 5000

    mutating func add(_ amount: Int, _ unit: ElapsedUnit) {
        switch unit {
        case .second: seconds += amount; namesTime = true
        case .minute: seconds += amount * 60; namesTime = true
        case .hour: seconds += amount * 3600; namesTime = true
        case .day: days += amount
        case .week: days += amount * 7
        case .month: months += amount
        case .year: months += amount * 12
        }
    }
}
