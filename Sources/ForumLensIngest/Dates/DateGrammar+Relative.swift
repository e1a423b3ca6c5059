/// Dates counted back from the reference: "Hier à 14:02", "il y a 3 jours", "3 days ago",
/// "just now", "3天前", "昨天 14:02".
extension DateGrammar {
    /// A phrase of the vocabulary at `index`: a day word, a "now" phrase, or "il y a"/"vor"/
    /// "hace"/"há" before an amount.
    func phrase(at index: Int) -> (DateReading, Int)? {
        guard let candidates = vocabulary.phrases[tokens[index].key] else { return nil }
        for phrase in candidates {
            guard let end = phraseEnd(phrase.keys, at: index) else { continue }
            switch phrase.meaning {
            case .agoBefore:
                if let (elapsed, amountsEnd) = amounts(at: end) { return (.elapsed(elapsed), amountsEnd) }
            case .now:
                if isNearlyAlone(index ..< end) { return (.now, end) }
            case let .day(offset):
                if let (clock, clockEnd) = clockAfter(end) { return (.relativeDay(offset, clock), clockEnd) }
                let alone = phrase.needsClockUnlessAlone ? isAlone(index ..< end) : isNearlyAlone(index ..< end)
                if alone { return (.relativeDay(offset, nil), end) }
            }
        }
        return nil
    }

    /// "3 days ago", "a year ago", "2 weeks 6 days ago", "3 giorni fa", "3 dagen geleden", "3天前".
    func elapsedAgo(at index: Int) -> (DateReading, Int)? {
        guard let (elapsed, end) = amounts(at: index) else { return nil }
        if has(.agoAfter, at: end) || isIdeograph(end, "前") { return (.elapsed(elapsed), end + 1) }
        return nil
    }

    /// 昨天 14:02, 今天, 前天, 刚刚 (and the Japanese 昨日, 今日).
    func ideographicRelative(at index: Int) -> (DateReading, Int)? {
        let day = "天日".unicodeScalars
        var offset: Int?
        if isIdeograph(index, "昨"), isIdeograph(index + 1, oneOf: day) { offset = -1 }
        if isIdeograph(index, "今"), isIdeograph(index + 1, oneOf: day) { offset = 0 }
        if isIdeograph(index, "前"), isIdeograph(index + 1, "天") { offset = -2 }
        if let offset {
            if let (clock, end) = clockAfter(index + 2) { return (.relativeDay(offset, clock), end) }
            return isNearlyAlone(index ..< index + 2) ? (.relativeDay(offset, nil), index + 2) : nil
        }
        if isIdeograph(index, oneOf: "刚剛".unicodeScalars), isIdeograph(index + 1, oneOf: "刚剛才".unicodeScalars),
           isNearlyAlone(index ..< index + 2) {
            return (.now, index + 2)
        }
        return nil
    }

    /// One or more amounts with units: "3 jours", "2 weeks 6 days", "2 heures et 3 minutes",
    /// "une minute", "a few minutes", "3 个小时".
    func amounts(at start: Int) -> (ElapsedTime, Int)? {
        var elapsed = ElapsedTime()
        var index = start
        var end: Int?
        // "environ 3 heures", "cerca de 2 horas"
        if has(.approximately, at: index) {
            index += 1
            if has(.dateLink, at: index) { index += 1 }
        }
        while index < tokens.count {
            var amount: Int
            if let value = number(at: index, digits: 1 ... 4) {
                amount = value
                index += 1
            } else if let count = word(at: index)?.count, count != 0 {
                amount = Int(count)
                index += 1
                // "a few", "ein paar": the second word says how many.
                if let next = word(at: index), next.count != 0, next.unit == nil {
                    amount = Int(next.count)
                    index += 1
                }
            } else {
                break
            }
            guard amount <= ElapsedTime.maxAmount, let (unit, unitEnd) = unit(at: index) else { break }
            elapsed.add(amount, unit)
            index = unitEnd
            end = unitEnd
            if isPunct(index, 0x2C) || has(.join, at: index) { index += 1 }
        }
        return end.map { (elapsed, $0) }
    }

    private func unit(at index: Int) -> (ElapsedUnit, Int)? {
        guard index < tokens.count else { return nil }
        if let unit = word(at: index)?.unit { return (unit, index + 1) }
        guard tokens[index].kind == .ideograph else { return nil }
        // An optional measure word: 个/個 (3个月, 3个小时, 2个星期).
        let start = isIdeograph(index, oneOf: "个個".unicodeScalars) ? index + 1 : index
        if isIdeograph(start, "秒") { return (.second, isIdeograph(start + 1, oneOf: "钟鐘".unicodeScalars) ? start + 2 : start + 1) }
        if isIdeograph(start, "分"), isIdeograph(start + 1, oneOf: "钟鐘".unicodeScalars) { return (.minute, start + 2) }
        if isIdeograph(start, "小"), isIdeograph(start + 1, oneOf: "时時".unicodeScalars) { return (.hour, start + 2) }
        if isIdeograph(start, oneOf: "时時".unicodeScalars), isIdeograph(start + 1, oneOf: "间間".unicodeScalars) {
            return (.hour, start + 2)
        }
        if isIdeograph(start, oneOf: "天日".unicodeScalars) { return (.day, start + 1) }
        if isIdeograph(start, oneOf: "周週".unicodeScalars) { return (.week, start + 1) }
        if (isIdeograph(start, "星") && isIdeograph(start + 1, "期")) || (isIdeograph(start, "礼") && isIdeograph(start + 1, "拜")) {
            return (.week, start + 2)
        }
        if isIdeograph(start, "月") { return (.month, start + 1) }
        if isIdeograph(start, "年") { return (.year, start + 1) }
        return nil
    }

    /// The end of a phrase's words at `index` ("avant-hier" may be written with its hyphen).
    private func phraseEnd(_ keys: [UInt64], at index: Int) -> Int? {
        var position = index
        for (offset, key) in keys.enumerated() {
            if offset > 0 && isPunct(position, 0x2D, glued: true) { position += 1 }
            guard position < tokens.count, tokens[position].kind == .word, tokens[position].key == key else { return nil }
            position += 1
        }
        return position
    }

    /// Only punctuation around the phrase: "Hier", "· heute".
    private func isAlone(_ range: Range<Int>) -> Bool {
        wordsBefore(range.lowerBound) == 0 && wordsAfter(range.upperBound) == 0
    }

    /// A day word without a time, or "just now", is read at the end of a short label ("Posted
    /// yesterday", "#3 · just now"), not inside a sentence or a heading ("I saw it yesterday
    /// at the shop", "Today in History").
    private func isNearlyAlone(_ range: Range<Int>) -> Bool {
        wordsAfter(range.upperBound) == 0 && wordsBefore(range.lowerBound) <= 2
    }

    /// Words before `end`, a run of CJK characters counting as one ("发表于 刚刚").
    private func wordsBefore(_ end: Int) -> Int {
        var count = 0
        for index in 0 ..< end where tokens[index].kind != .punct {
            let continuesRun = tokens[index].kind == .ideograph && index > 0 && !tokens[index].spaceBefore
                && tokens[index - 1].kind == .ideograph
            if !continuesRun { count += 1 }
            if count > 2 { break }
        }
        return count
    }

    private func wordsAfter(_ start: Int) -> Int {
        (start ..< tokens.count).contains { tokens[$0].kind != .punct } ? 1 : 0
    }
}
