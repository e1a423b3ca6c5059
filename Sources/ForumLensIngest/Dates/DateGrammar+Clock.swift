/// Times of day, the words between a date and its time, and zones.
extension DateGrammar {
    /// The time after a date or a day word, past up to four linking tokens: "à", "at", "um",
    /// "alle", "às", "a las", ",", "-", "|", "·", "@", the T of ISO 8601, a weekday
    /// ("2024年5月15日星期三 20点20分", "2024年5月2日(木) 21:44").
    func clockAfter(_ start: Int) -> (ClockTime, Int)? {
        var index = start
        for _ in 0 ..< 5 {
            guard index < tokens.count else { return nil }
            if let found = clock(at: index) { return found }
            guard let next = linkEnd(at: index) else { return nil }
            index = next
        }
        return nil
    }

    private func linkEnd(at index: Int) -> Int? {
        let token = tokens[index]
        switch token.kind {
        case .punct:
            switch token.value {
            case 0x2C, 0x2D, 0x7C, 0x40, 0xB7, 0x2022: return index + 1   // , - | @ · •
            case 0x28 where isIdeograph(index + 1, oneOf: "月火水木金土日".unicodeScalars)
                && isPunct(index + 2, 0x29): return index + 3
            default: return nil
            }
        case .word:
            guard let word = token.word else { return nil }
            if word.roles.contains(.isoTimeSeparator) { return token.spaceBefore ? nil : index + 1 }
            return word.roles.isDisjoint(with: [.timeLink, .weekday]) ? nil : index + 1
        case .ideograph:
            // 星期三, 礼拜三, 周三, 週三
            let cjkDays = "一二三四五六日天".unicodeScalars
            if (isIdeograph(index, "星") && isIdeograph(index + 1, "期"))
                || (isIdeograph(index, "礼") && isIdeograph(index + 1, "拜")) {
                return isIdeograph(index + 2, oneOf: cjkDays) ? index + 3 : nil
            }
            if isIdeograph(index, oneOf: "周週".unicodeScalars), isIdeograph(index + 1, oneOf: cjkDays) {
                return index + 2
            }
            return nil
        case .number:
            return nil
        }
    }

    /// 14:02, 14:02:11.452, 11h24, 9 h 12 min, 14h, 6:45 am, 11:07 a.m., 3 pm, 14:02 Uhr,
    /// 20点20分, 下午3:03; then a zone if one is written.
    func clock(at start: Int) -> (ClockTime, Int)? {
        var index = start
        var afternoon: Bool?
        if index + 1 < tokens.count, tokens[index].kind == .ideograph, isIdeograph(index + 1, oneOf: "午上晨".unicodeScalars) {
            switch (tokens[index].value, tokens[index + 1].value) {
            case (0x4E0A, 0x5348), (0x65E9, 0x4E0A), (0x51CC, 0x6668): afternoon = false   // 上午 早上 凌晨
            case (0x4E0B, 0x5348), (0x665A, 0x4E0A), (0x4E2D, 0x5348): afternoon = true    // 下午 晚上 中午
            default: return nil
            }
            index += 2
        }
        guard var hour = number(at: index, digits: 1 ... 2) else { return nil }
        index += 1
        var minute = 0
        var second: Int?
        if isPunct(index, 0x3A, glued: true), let minutes = number(at: index + 1, digits: 2 ... 2, glued: true) {
            minute = minutes
            index += 2
            if isPunct(index, 0x3A, glued: true), let seconds = number(at: index + 1, digits: 2 ... 2, glued: true) {
                second = seconds
                index += 2
                // Fractions of a second (2020-02-09T10:33:17.452463+01:00) are read and dropped.
                if let mark = punct(at: index, glued: true), mark == 0x2E || mark == 0x2C,
                   number(at: index + 1, digits: 1 ... 99, glued: true) != nil {
                    index += 2
                }
            }
        } else if has(.hourMark, at: index) {
            index += 1
            if let minutes = number(at: index, digits: 1 ... 2) {
                minute = minutes
                index += 1
                if has(.minuteMark, at: index) {
                    index += 1
                    // 10h33m12s
                    if let seconds = number(at: index, digits: 1 ... 2), word(at: index + 1)?.unit == .second {
                        second = seconds
                        index += 2
                    }
                }
            }
        } else if isIdeograph(index, oneOf: "点點时時".unicodeScalars) {
            index += 1
            if isIdeograph(index, "半") {
                minute = 30
                index += 1
            } else if let minutes = number(at: index, digits: 1 ... 2), isIdeograph(index + 1, "分") {
                minute = minutes
                index += 2
                if let seconds = number(at: index, digits: 1 ... 2), isIdeograph(index + 1, "秒") {
                    second = seconds
                    index += 2
                }
            }
        } else if meridiem(at: index) == nil {
            return nil   // a bare number is a time only with am/pm: "at 3 pm"
        }
        if let (isPM, end) = meridiem(at: index) {
            afternoon = isPM
            index = end
        }
        if let afternoon {
            guard (1 ... 12).contains(hour) || (hour == 0 && !afternoon) else { return nil }
            if afternoon && hour < 12 { hour += 12 } else if !afternoon && hour == 12 { hour = 0 }
        }
        if has(.clockSuffix, at: index) { index += 1 }
        guard hour <= 23, minute <= 59, (second ?? 0) <= 60 else { return nil }
        var clock = ClockTime(hour: hour, minute: minute, second: second.map { min($0, 59) })
        if let (offset, end) = zone(at: index) {
            clock.offset = offset
            index = end
        }
        return (clock, index)
    }

    /// am, PM, a.m., p. m. → whether it is afternoon.
    private func meridiem(at index: Int) -> (Bool, Int)? {
        guard let word = word(at: index) else { return nil }
        if word.roles.contains(.am) { return (false, index + 1) }
        if word.roles.contains(.pm) { return (true, index + 1) }
        guard !word.roles.isDisjoint(with: [.meridiemA, .meridiemP]) else { return nil }
        var next = index + 1
        if isPunct(next, 0x2E, glued: true) { next += 1 }
        guard has(.meridiemM, at: next) else { return nil }
        next += 1
        if isPunct(next, 0x2E, glued: true) { next += 1 }
        return (word.roles.contains(.meridiemP), next)
    }

    /// Z (glued), UTC, GMT, UTC+2, +02:00, +0200, -0500 (RFC 2822), CET/CEST/EST… in capitals.
    func zone(at index: Int) -> (Int, Int)? {
        guard index < tokens.count else { return nil }
        let token = tokens[index]
        if token.kind == .word, let word = token.word {
            if word.roles.contains(.utc) {
                if token.key == Self.zKey && token.spaceBefore { return nil }
                if let (offset, end) = signedOffset(at: index + 1, spacedMinus: true) { return (offset, end) }
                return (0, index + 1)
            }
            if let offset = word.zoneOffset, token.isCapitals { return (Int(offset), index + 1) }
            return nil
        }
        return signedOffset(at: index, spacedMinus: false)
    }

    /// "+02:00", "+0200", "+2", "-05:00" glued to the time; spaced, only "+…" and the four
    /// digits of RFC 2822 ("14:02:11 -0500"), since "14:02 - 15:00" is a range.
    private func signedOffset(at index: Int, spacedMinus: Bool) -> (Int, Int)? {
        guard let sign = punct(at: index), sign == 0x2B || sign == 0x2D,
              index + 1 < tokens.count, tokens[index + 1].kind == .number, !tokens[index + 1].spaceBefore
        else { return nil }
        let amount = tokens[index + 1]
        let spaced = tokens[index].spaceBefore
        var hours: Int, minutes = 0, end = index + 2
        switch amount.digits {
        case 4:
            hours = amount.value / 100
            minutes = amount.value % 100
        case 1 ... 2:
            if sign == 0x2D && spaced && !spacedMinus { return nil }
            hours = amount.value
            if isPunct(end, 0x3A, glued: true), let value = number(at: end + 1, digits: 2 ... 2, glued: true) {
                minutes = value
                end += 2
            }
        default:
            return nil
        }
        guard hours <= 14, minutes <= 59 else { return nil }
        let offset = hours * 3600 + minutes * 60
        return (sign == 0x2D ? -offset : offset, end)
    }

    static let zKey = DateWordKey.words(of: "z")[0].key
}
