import Foundation

/// Turns what the grammar read into a `ForumDate`: fills in what the text leaves to the
/// context (a missing year, "yesterday", "3 days ago") and the forum's offset when one is set.
struct DateResolver {
    let reference: Date?
    let timeZone: TimeZone?

    init(context: DateContext) {
        reference = context.reference
        timeZone = context.timeZone
    }

    func resolve(_ reading: DateReading) -> ForumDate? {
        switch reading {
        case let .calendar(day, clock):
            var year = day.year
            if year == nil {
                // A date shown without its year is the latest such date not after the reference
                // (one day of slack for zone differences).
                guard let today = referenceDay else { return nil }
                let thisYear = CivilCalendar.date(days: today).year
                guard CivilCalendar.isValid(year: thisYear, month: day.month, day: day.day) else {
                    return CivilCalendar.isValid(year: thisYear - 1, month: day.month, day: day.day)
                        ? stamp(days: CivilCalendar.days(year: thisYear - 1, month: day.month, day: day.day), clock)
                        : nil
                }
                let candidate = CivilCalendar.days(year: thisYear, month: day.month, day: day.day)
                year = candidate > today + 1 ? thisYear - 1 : thisYear
            }
            guard let year, CivilCalendar.isValid(year: year, month: day.month, day: day.day) else { return nil }
            return stamp(days: CivilCalendar.days(year: year, month: day.month, day: day.day), clock)
        case let .relativeDay(offset, clock):
            guard let today = referenceDay else { return nil }
            return stamp(days: today + offset, clock)
        case let .weekday(weekday, clock):
            guard let today = referenceDay else { return nil }
            // Forums that name weekdays say "Today" for today: "Tuesday" on a Tuesday is a week ago.
            let todayWeekday = ((today % 7) + 10) % 7 + 1   // 1970-01-01 was a Thursday
            let back = (todayWeekday - weekday + 7) % 7
            return stamp(days: today - (back == 0 ? 7 : back), clock)
        case let .elapsed(elapsed):
            return back(by: elapsed)
        case .now:
            guard let now = referenceSeconds else { return nil }
            return minuteOf(instant: now)
        }
    }

    /// A Unix time: UTC, or the forum's wall clock with its offset when a zone is set.
    func unix(seconds: Int) -> ForumDate {
        CivilCalendar.wallClock(unixSeconds: seconds, offset: offset(atInstant: seconds))
    }

    /// A day (and time) as written; without an offset in the text, the forum zone's offset on
    /// that day when a zone is set. A date without a time gets no offset.
    private func stamp(days: Int, _ clock: ClockTime?) -> ForumDate {
        let (year, month, day) = CivilCalendar.date(days: days)
        guard let clock else { return ForumDate(year: year, month: month, day: day) }
        var offset = clock.offset
        if offset == nil, let timeZone {
            let local = days * 86_400 + clock.hour * 3600 + clock.minute * 60 + (clock.second ?? 0)
            offset = CivilCalendar.offset(of: timeZone, atLocalSeconds: local)
        }
        return ForumDate(year: year, month: month, day: day, hour: clock.hour, minute: clock.minute,
                         second: clock.second, utcOffset: offset)
    }

    /// "3 days ago" is a day; "2 hours ago" is an instant, to the minute.
    private func back(by elapsed: ElapsedTime) -> ForumDate? {
        guard let now = referenceSeconds else { return nil }
        if elapsed.namesTime {
            var instant = now - elapsed.days * 86_400 - elapsed.seconds
            if elapsed.months != 0 {
                let local = CivilCalendar.wallClock(unixSeconds: instant, offset: offset(atInstant: instant))
                let shifted = CivilCalendar.adding(months: -elapsed.months, to: (local.year, local.month, local.day))
                let dayShift = CivilCalendar.days(year: shifted.year, month: shifted.month, day: shifted.day)
                    - CivilCalendar.days(year: local.year, month: local.month, day: local.day)
                instant += dayShift * 86_400
            }
            return minuteOf(instant: instant)
        }
        guard let today = referenceDay else { return nil }
        let date = CivilCalendar.date(days: today)
        let shifted = CivilCalendar.adding(months: -elapsed.months, to: date)
        let days = CivilCalendar.days(year: shifted.year, month: shifted.month, day: shifted.day) - elapsed.days
        let (year, month, day) = CivilCalendar.date(days: days)
        guard (1900 ... 2100).contains(year) else { return nil }
        return ForumDate(year: year, month: month, day: day)
    }

    private func minuteOf(instant: Int) -> ForumDate {
        let minute = instant - ((instant % 60) + 60) % 60
        var date = CivilCalendar.wallClock(unixSeconds: minute, offset: offset(atInstant: minute))
        date.second = nil
        return date
    }

    private var referenceSeconds: Int? {
        reference.map { Int($0.timeIntervalSince1970.rounded(.down)) }
    }

    /// The reference's day number in the forum's zone (UTC without one).
    private var referenceDay: Int? {
        guard let now = referenceSeconds else { return nil }
        let local = now + offset(atInstant: now)
        return local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
    }

    private func offset(atInstant seconds: Int) -> Int {
        timeZone?.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(seconds))) ?? 0
    }
}
