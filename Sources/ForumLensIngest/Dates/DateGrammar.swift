/// The date grammar over a token list: which token sequences are dates, and what they say.
/// Each rule reads forward from one token and returns its reading and the index just past its
/// last token, or nil; `firstDate` tries every start in turn. Rules look at a bounded number of
/// tokens, so a scan is linear in the text.
struct DateGrammar {
    let tokens: [DateToken]
    let monthFirst: Bool
    let vocabulary: DateVocabulary

    /// The first date at or after token `from`, with the tokens it spans (a weekday written
    /// before a calendar date is included: "Ven 30 Avr 2010").
    func firstDate(from: Int = 0) -> (reading: DateReading, tokens: Range<Int>)? {
        var index = from
        while index < tokens.count {
            if let (reading, end) = reading(at: index) {
                if case .calendar = reading { return (reading, extendOverWeekday(index) ..< end) }
                return (reading, index ..< end)
            }
            index += 1
        }
        return nil
    }

    func reading(at index: Int) -> (DateReading, Int)? {
        let token = tokens[index]
        switch token.kind {
        case .number:
            if isGluedToPrecedingText(index) { return nil }
            return numericDate(at: index) ?? dayMonthDate(at: index) ?? ideographicDate(at: index)
                ?? elapsedAgo(at: index)
        case .word:
            guard let word = token.word else { return nil }
            if word.month != 0, let found = monthLedDate(at: index) { return found }
            if let found = phrase(at: index) { return found }
            if word.weekday != 0, let found = weekdayWithTime(at: index) { return found }
            return word.count != 0 ? elapsedAgo(at: index) : nil
        case .ideograph:
            return ideographicRelative(at: index)
        case .punct:
            return nil
        }
    }

    // MARK: Calendar dates

    /// 14/03/2016, 03-14-2016, 14.03.2016, 12/03/12, 2024-4-5, 2020-02-11T21:54:00Z.
    private func numericDate(at index: Int) -> (DateReading, Int)? {
        guard index + 4 < tokens.count, case let separator = tokens[index + 1],
              separator.kind == .punct, !separator.spaceBefore,
              separator.value == 0x2D || separator.value == 0x2F || separator.value == 0x2E,
              let second = number(at: index + 2, digits: 1 ... 2, glued: true),
              isPunct(index + 3, separator.value, glued: true),
              let third = number(at: index + 4, digits: 1 ... 4, glued: true),
              !continuesNumberChain(at: index + 5, separator: separator.value)
        else { return nil }
        let first = tokens[index]
        let end = index + 5
        if first.digits == 4 && tokens[index + 4].digits <= 2 {
            return calendarDate(CalendarDay(year: first.value, month: second, day: third), end: end)
        }
        guard first.digits <= 2 else { return nil }
        let yearDigits = tokens[index + 4].digits
        guard yearDigits == 2 || yearDigits == 4 else { return nil }
        // "2.3.14" is a version number; a two-digit-year date with dots pads its fields.
        if yearDigits == 2 && separator.value == 0x2E && (first.digits != 2 || tokens[index + 2].digits != 2) {
            return nil
        }
        let year = yearDigits == 4 ? third : (third < 70 ? 2000 + third : 1900 + third)
        var dayFirst = !monthFirst || separator.value == 0x2E
        if first.value > 12 { dayFirst = true } else if second > 12 { dayFirst = false }
        let day = dayFirst ? first.value : second, month = dayFirst ? second : first.value
        return calendarDate(CalendarDay(year: year, month: month, day: day), end: end)
    }

    /// 30 avril 2010, 1er mai 2012, 18. September 2020, 5 de março de 2024, 30-Apr-2010,
    /// and "30 avril à 14:02" (no year: only with a time).
    private func dayMonthDate(at index: Int) -> (DateReading, Int)? {
        guard tokens[index].digits <= 2, case let day = tokens[index].value, (1 ... 31).contains(day) else { return nil }
        var next = index + 1
        if has(.ordinal, at: next, glued: true) || isPunct(next, 0x2E, glued: true) { next += 1 }
        var gluedSeparator: Int?
        if let separator = punct(at: next, glued: true), separator == 0x2D || separator == 0x2F,
           month(at: next + 1, glued: true) != nil {
            gluedSeparator = separator
            next += 1
        }
        if has(.dateLink, at: next) { next += 1 }
        guard let month = month(at: next) else { return nil }
        next += 1
        if isPunct(next, 0x2E, glued: true) { next += 1 }
        var yearIndex = next
        if let separator = gluedSeparator {
            guard isPunct(yearIndex, separator, glued: true) else { return nil }
            yearIndex += 1
        } else {
            if isPunct(yearIndex, 0x2C) { yearIndex += 1 }
            if has(.dateLink, at: yearIndex) { yearIndex += 1 }
        }
        if let (year, end) = year(at: yearIndex) {
            return calendarDate(CalendarDay(year: year, month: month, day: day), end: end)
        }
        return calendarDate(CalendarDay(year: nil, month: month, day: day), end: next)
    }

    /// March 29, 2024 · Mar 4, 2021 · mars 3, 2020 · Feb 22 at 21:54 · and asctime's
    /// "Mar 6 14:02:11 2023 UTC" (time before year).
    private func monthLedDate(at index: Int) -> (DateReading, Int)? {
        guard let month = month(at: index) else { return nil }
        var next = index + 1
        if isPunct(next, 0x2E, glued: true) { next += 1 }
        guard let day = number(at: next, digits: 1 ... 2), (1 ... 31).contains(day),
              !isPunct(next + 1, 0x3A, glued: true)   // "May 12:30" is a time
        else { return nil }
        next += 1
        if has(.ordinal, at: next, glued: true) { next += 1 }
        var yearIndex = next
        if isPunct(yearIndex, 0x2C) { yearIndex += 1 }
        if let (year, end) = year(at: yearIndex) {
            return calendarDate(CalendarDay(year: year, month: month, day: day), end: end)
        }
        if let (clock, clockEnd) = clock(at: next), let year = number(at: clockEnd, digits: 4 ... 4) {
            var clock = clock
            var end = clockEnd + 1
            if clock.offset == nil, let (offset, zoneEnd) = zone(at: end) {
                clock.offset = offset
                end = zoneEnd
            }
            return validated(CalendarDay(year: year, month: month, day: day), clock, end: end)
        }
        return calendarDate(CalendarDay(year: nil, month: month, day: day), end: next)
    }

    /// 2024年5月2日 21:44, 2024年04月22日, and 5月2日 21:44 (no year: only with a time).
    private func ideographicDate(at index: Int) -> (DateReading, Int)? {
        var next = index
        var year: Int?
        if tokens[index].digits == 4, isIdeograph(index + 1, "年") {
            year = tokens[index].value
            next += 2
        }
        guard let month = number(at: next, digits: 1 ... 2), isIdeograph(next + 1, "月"),
              let day = number(at: next + 2, digits: 1 ... 2),
              isIdeograph(next + 3, "日") || isIdeograph(next + 3, "号")
        else { return nil }
        return calendarDate(CalendarDay(year: year, month: month, day: day), end: next + 4)
    }

    /// "Tuesday at 2:02 PM", "Mardi à 14:02": a weekday name (not a two-letter abbreviation,
    /// which is too often a word) with a time.
    private func weekdayWithTime(at index: Int) -> (DateReading, Int)? {
        guard let weekday = tokens[index].word?.weekday, tokens[index].end - tokens[index].start >= 3 else { return nil }
        var next = index + 1
        if isPunct(next, 0x2E, glued: true) { next += 1 }
        guard let (clock, end) = clockAfter(next) else { return nil }
        return (.weekday(Int(weekday), clock), end)
    }

    /// A year after a month name: 2020, or the '20 of "Jan 12, '20".
    private func year(at index: Int) -> (Int, Int)? {
        if let year = number(at: index, digits: 4 ... 4) { return (year, index + 1) }
        guard let mark = punct(at: index), mark == 0x27 || mark == 0x2019,
              let short = number(at: index + 1, digits: 2 ... 2, glued: true) else { return nil }
        return (short < 70 ? 2000 + short : 1900 + short, index + 2)
    }

    /// A calendar day, then its time if one follows; a day without a year needs the time.
    private func calendarDate(_ day: CalendarDay, end: Int) -> (DateReading, Int)? {
        if let (clock, clockEnd) = clockAfter(end) { return validated(day, clock, end: clockEnd) }
        return day.year == nil ? nil : validated(day, nil, end: end)
    }

    private func validated(_ day: CalendarDay, _ clock: ClockTime?, end: Int) -> (DateReading, Int)? {
        guard (1 ... 12).contains(day.month),
              day.day >= 1, day.day <= CivilCalendar.daysInMonth(year: day.year ?? 2000, month: day.month)
        else { return nil }
        if let year = day.year, !(1900 ... 2100).contains(year) { return nil }
        return (.calendar(day, clock), end)
    }

    /// "v2.3.14", "x14-03", "1.2.3.4": a number glued to a word, or to a number through a
    /// separator, starts no date. "Posted:14/03/2016" and "发表于2024-4-5" do.
    private func isGluedToPrecedingText(_ index: Int) -> Bool {
        guard index > 0, !tokens[index].spaceBefore else { return false }
        let previous = tokens[index - 1]
        switch previous.kind {
        case .word, .number: return true
        case .ideograph: return false
        case .punct:
            switch previous.value {
            case 0x2E, 0x2F, 0x2D, 0x5F, 0x3A, 0x2C:   // . / - _ : ,
                guard index >= 2, !previous.spaceBefore else { return false }
                let before = tokens[index - 2].kind
                return before == .number || (before == .word && previous.value != 0x3A)
            default:
                return false
            }
        }
    }

    /// "14.03.2016.5" or "06.12.34.56.78": the separator goes on, so this is no date.
    private func continuesNumberChain(at index: Int, separator: Int) -> Bool {
        isPunct(index, separator, glued: true) && number(at: index + 1, digits: 1 ... 99, glued: true) != nil
    }

    /// Moves a date's start back over a weekday before it ("Ven", "Thu.,", "segunda-feira,").
    private func extendOverWeekday(_ start: Int) -> Int {
        var earliest = start
        var index = start - 1
        while index >= 0 && start - index <= 4 {
            let token = tokens[index]
            if token.kind == .word, let word = token.word, !word.roles.isDisjoint(with: [.weekday, .weekdayFiller]) {
                earliest = index
            } else if !(token.kind == .punct && [0x2C, 0x2E, 0x2D].contains(token.value)) {
                break
            }
            index -= 1
        }
        return earliest
    }

    // MARK: Token tests

    func number(at index: Int, digits: ClosedRange<Int>, glued: Bool = false) -> Int? {
        guard index < tokens.count, tokens[index].kind == .number, digits.contains(tokens[index].digits),
              !glued || !tokens[index].spaceBefore else { return nil }
        return tokens[index].value
    }

    func punct(at index: Int, glued: Bool = false) -> Int? {
        guard index < tokens.count, tokens[index].kind == .punct, !glued || !tokens[index].spaceBefore else { return nil }
        return tokens[index].value
    }

    func isPunct(_ index: Int, _ value: Int, glued: Bool = false) -> Bool { punct(at: index, glued: glued) == value }

    func word(at index: Int, glued: Bool = false) -> DateWord? {
        guard index < tokens.count, tokens[index].kind == .word, !glued || !tokens[index].spaceBefore else { return nil }
        return tokens[index].word
    }

    func has(_ role: DateWordRoles, at index: Int, glued: Bool = false) -> Bool {
        word(at: index, glued: glued)?.roles.contains(role) ?? false
    }

    func month(at index: Int, glued: Bool = false) -> Int? {
        guard let month = word(at: index, glued: glued)?.month, month != 0 else { return nil }
        return Int(month)
    }

    func isIdeograph(_ index: Int, _ character: Unicode.Scalar) -> Bool {
        index < tokens.count && tokens[index].kind == .ideograph && tokens[index].value == Int(character.value)
    }

    func isIdeograph(_ index: Int, oneOf characters: String.UnicodeScalarView) -> Bool {
        index < tokens.count && tokens[index].kind == .ideograph
            && characters.contains { Int($0.value) == tokens[index].value }
    }
}
