import ForumLensText

/// A quantity of time a message states, read from its tokens: « 2 heures par jour » → PT2H per
/// P1D; « 1h30 », « deux heures et demie », « une demi-journée », "a couple of weeks", "20 mins a
/// day", « 3 soirs par semaine » (three day-units per week), and unquantified ones kept as such
/// (« des heures », "hours", "forever", « un temps fou »).
struct TimeQuantity: Equatable, Sendable {
    /// ISO 8601 (`PT2H30M`, `P0.5D`, `P2W`); nil when unquantified.
    var duration: String?
    /// The period of a rate (`P1D` for « par jour », "a day", « tous les soirs »).
    var per: String?
    /// Token range in the text layer.
    var tokens: Range<Int>

    enum Unit: Sendable {
        case second, minute, hour, day, week, month, year
        /// Evenings, nights, mornings: counted in days (« 3 soirs par semaine » → P3D per P1W).
        case dayPart

        var symbol: (Character, inTime: Bool) {
            switch self {
            case .second: ("S", true)
            case .minute: ("M", true)
            case .hour: ("H", true)
            case .day, .dayPart: ("D", false)
            case .week: ("W", false)
            case .month: ("M", false)
            case .year: ("Y", false)
            }
        }
    }

    /// Every quantity in the tokens, left to right.
    static func find(in layer: TextLayer) -> [TimeQuantity] {
        var found: [TimeQuantity] = []
        var index = 0
        let tokens = layer.tokens
        while index < tokens.count {
            // Most tokens cannot start a quantity: one table lookup tells.
            guard tokens[index].kind == .number || starters.contains(tokens[index].key) || tokens[index].lowercased.utf8.contains(UInt8(ascii: "-")),
                  let quantity = quantity(at: index, tokens) else {
                index += 1
                continue
            }
            var result = quantity
            if let rate = rate(at: quantity.tokens.upperBound, tokens) {
                result.per = rate.period
                result.tokens = quantity.tokens.lowerBound ..< rate.end
            }
            found.append(result)
            index = result.tokens.upperBound
        }
        return found
    }

    // MARK: Quantities

    /// A quantity starting at `start`: a number and a unit, a number token with its unit (`2h`,
    /// `1h30`, `20min`), a half or a quarter, or an unquantified plural (« des heures »).
    static func quantity(at start: Int, _ tokens: [Token]) -> TimeQuantity? {
        let word = tokens[start].lowercased
        // `1h30`, `2h`, `20min`, `3j`: the tokenizer keeps the unit in the number.
        if tokens[start].kind == .number, let compact = compactNumber(word) {
            return TimeQuantity(duration: iso(compact.value, compact.unit), tokens: start ..< start + 1)
        }
        // « une demi-heure », « une demi-journée », "half an hour", "a half day".
        if let (value, unit, end) = half(at: start, tokens) {
            return TimeQuantity(duration: iso(value, unit), tokens: start ..< end)
        }
        // « trois quarts d'heure », « 3/4 d'heure », "a quarter of an hour".
        if let (minutes, end) = quarter(at: start, tokens) {
            return TimeQuantity(duration: iso(minutes, .minute), tokens: start ..< end)
        }
        // Unquantified: « des heures », « des semaines », "hours", "for ages", "forever", « un temps fou ».
        if ["des", "hours", "days", "weeks", "ages", "forever"].contains(word) {
            if word == "des", start + 1 < tokens.count, unit(tokens[start + 1].lowercased) != nil {
                return TimeQuantity(tokens: start ..< start + 2)
            }
            if word != "des", start == 0 || !isNumberWord(tokens[start - 1]) {
                return TimeQuantity(tokens: start ..< start + 1)
            }
        }
        // "a fortnight", « une quinzaine »: two weeks.
        if ["a", "one", "une"].contains(word), start + 1 < tokens.count, ["fortnight", "quinzaine"].contains(tokens[start + 1].lowercased) {
            return TimeQuantity(duration: word == "une" ? "P15D" : "P2W", tokens: start ..< start + 2)
        }
        if word == "temps", start + 1 < tokens.count, ["fou", "dingue", "monstre", "infini"].contains(tokens[start + 1].lowercased) {
            return TimeQuantity(tokens: start ..< start + 2)
        }
        // « toute ma journée », « tout mon week-end », "my entire Saturday", "the whole day": one.
        if let (unit, end) = whole(at: start, tokens) {
            return TimeQuantity(duration: iso(1, unit), tokens: start ..< end)
        }
        // A number, digits or words ("a couple of", « une », "twenty"), then a unit.
        guard let (value, numberEnd) = number(at: start, tokens) else { return nil }
        // « une bonne heure », "a whole day", "a full day", « un samedi entier ».
        var afterNumber = numberEnd
        if afterNumber < tokens.count, fillers.contains(tokens[afterNumber].lowercased) { afterNumber += 1 }
        guard afterNumber < tokens.count, let unit = unit(tokens[afterNumber].lowercased) ?? (weekdays.contains(tokens[afterNumber].lowercased) ? .day : nil)
        else { return nil }
        var total = value
        var end = afterNumber + 1
        // « deux heures et demie », "two and a half hours" (below), "an hour and a half".
        if end + 1 < tokens.count, ["et", "and"].contains(tokens[end].lowercased) {
            if ["demie", "demi"].contains(tokens[end + 1].lowercased) {
                total += 0.5
                end += 2
            } else if tokens[end + 1].lowercased == "quart", unit == .hour {
                total += 0.25
                end += 2
            } else if end + 2 < tokens.count, ["a", "one"].contains(tokens[end + 1].lowercased), tokens[end + 2].lowercased == "half" {
                total += 0.5
                end += 3
            } else if unit == .hour, let (minutes, minutesEnd) = number(at: end + 1, tokens), minutesEnd < tokens.count,
                      self.unit(tokens[minutesEnd].lowercased) == .minute {
                // "an hour and forty minutes".
                total += minutes / 60
                end = minutesEnd + 1
            }
        }
        // « 2 heures 30 », "1 hour 20".
        if unit == .hour, end < tokens.count, tokens[end].kind == .number, let minutes = Double(tokens[end].lowercased), minutes < 60 {
            total += minutes / 60
            end += 1
            if end < tokens.count, let next = self.unit(tokens[end].lowercased), next == .minute { end += 1 }
        }
        return TimeQuantity(duration: iso(total, unit), tokens: start ..< end)
    }

    /// A number in digits or words and where it ends: `3`, `2,5`, « deux », "twenty", "a
    /// couple of", « une », "an", « vingt-cinq », "two and a half".
    static func number(at start: Int, _ tokens: [Token]) -> (Double, Int)? {
        let token = tokens[start]
        var value: Double
        var end = start + 1
        if token.kind == .number, let digits = Double(token.lowercased.replacingOccurrences(of: ",", with: ".")) {
            value = digits
        } else if token.lowercased == "a", start + 2 < tokens.count, tokens[start + 1].lowercased == "couple", tokens[start + 2].lowercased == "of" {
            value = 2
            end = start + 3
        } else if let word = numberWords[token.lowercased] {
            value = word
        } else if case let parts = token.lowercased.split(separator: "-"), parts.count == 2,
                  let tens = numberWords[String(parts[0])], let units = numberWords[String(parts[1])], tens >= 20, units < 10 {
            // "fifty-five", « trente-cinq ».
            value = tens + units
        } else {
            return nil
        }
        // « vingt-cinq » is one token; "twenty five" two.
        if value >= 20, value < 100, end < tokens.count, let units = numberWords[tokens[end].lowercased], units < 10 {
            value += units
            end += 1
        }
        // "two and a half hours".
        if end + 2 < tokens.count, tokens[end].lowercased == "and", tokens[end + 1].lowercased == "a", tokens[end + 2].lowercased == "half" {
            value += 0.5
            end += 3
        }
        // Ranges (« entre 2 et 3 heures », "2-3 hours", « 2 à 3 heures », "2 or 3"): the upper bound.
        if end + 1 < tokens.count, ["-", "à", "or", "ou", "to", "et"].contains(tokens[end].lowercased),
           let (upper, upperEnd) = number(at: end + 1, tokens), upper > value, upperEnd < tokens.count, unit(tokens[upperEnd].lowercased) != nil {
            return (upper, upperEnd)
        }
        return (value, end)
    }

    static func isNumberWord(_ token: Token) -> Bool { token.kind == .number || numberWords[token.lowercased] != nil }

    /// `2h` → 2 hours, `1h30` → 1.5 hours, `20min`, `3j`, `90mins`.
    static func compactNumber(_ text: String) -> (value: Double, unit: Unit)? {
        let digits = text.prefix { $0.isNumber || $0 == "," || $0 == "." }
        guard !digits.isEmpty, let value = Double(digits.replacingOccurrences(of: ",", with: ".")) else { return nil }
        let rest = text.dropFirst(digits.count)
        if let h = rest.firstIndex(of: "h"), rest[..<h].isEmpty {
            let minutes = rest[rest.index(after: h)...]
            if minutes.isEmpty { return (value, .hour) }
            guard let m = Double(minutes) else { return nil }
            return (value + m / 60, .hour)
        }
        guard let unit = unit(String(rest)) else { return nil }
        return (value, unit)
    }

    /// « toute ma journée », "my entire Saturday", "the whole day": a whole day or week.
    static func whole(at start: Int, _ tokens: [Token]) -> (Unit, Int)? {
        guard start + 2 < tokens.count else { return nil }
        let words = tokens[start ... start + 2].map(\.lowercased)
        let french = ["toute", "tout"].contains(words[0]) && ["ma", "mon", "la", "le", "une", "un"].contains(words[1])
        let english = ["my", "the", "an", "a"].contains(words[0]) && ["entire", "whole", "full"].contains(words[1])
        guard french || english else { return nil }
        if weekdays.contains(words[2]) { return (.day, start + 3) }
        guard let unit = unit(words[2]), unit != .dayPart else { return nil }
        return (unit, start + 3)
    }

    /// « une demi-heure », « une demi-journée », "half an hour", "half a day".
    static func half(at start: Int, _ tokens: [Token]) -> (Double, Unit, Int)? {
        var index = start
        if ["une", "un", "a"].contains(tokens[index].lowercased) { index += 1 }
        guard index < tokens.count else { return nil }
        // « demi-heure » is one token; "half an hour" three.
        let word = tokens[index].lowercased
        if word.hasPrefix("demi-"), let unit = unit(String(word.dropFirst(5))) { return (0.5, unit, index + 1) }
        if word == "half", index + 2 < tokens.count, ["an", "a"].contains(tokens[index + 1].lowercased),
           let unit = unit(tokens[index + 2].lowercased) {
            return (0.5, unit, index + 3)
        }
        return nil
    }

    /// « trois quarts d'heure », « un quart d'heure », « 3/4 d'heure », "a quarter of an hour".
    static func quarter(at start: Int, _ tokens: [Token]) -> (Double, Int)? {
        var index = start
        var quarters = 1.0
        if let value = numberWords[tokens[index].lowercased] ?? Double(tokens[index].lowercased) {
            quarters = value
            index += 1
        } else if tokens[index].lowercased == "a" {
            index += 1
        }
        // `3/4`: three tokens.
        if index + 2 < tokens.count, tokens[index].lowercased == "/", tokens[index + 1].lowercased == "4" { index += 2 } else {
            guard index < tokens.count, ["quart", "quarts", "quarter", "quarters"].contains(tokens[index].lowercased) else { return nil }
            index += 1
        }
        // « d'heure », "of an hour".
        var end = index
        while end < tokens.count, ["d'", "de", "of", "an", "a"].contains(tokens[end].lowercased), end - index < 2 { end += 1 }
        guard end < tokens.count, unit(tokens[end].lowercased) == .hour else { return nil }
        return (15 * quarters, end + 1)
    }

    // MARK: Rates

    /// « par jour », "per week", "a day", « chaque soir », « tous les jours », "every evening",
    /// `/jour`, after a quantity: the period.
    static func rate(at start: Int, _ tokens: [Token]) -> (period: String, end: Int)? {
        guard start < tokens.count else { return nil }
        var index = start
        // « 45 minutes de plus chaque matin », "20 extra minutes a day".
        if index + 1 < tokens.count, tokens[index].lowercased == "de", tokens[index + 1].lowercased == "plus" { index += 2 }
        guard index < tokens.count else { return nil }
        let first = tokens[index].lowercased
        if ["par", "per", "a", "an", "/", "chaque", "each", "every"].contains(first) {
            index += 1
        } else if ["tous", "toutes"].contains(first), index + 1 < tokens.count, ["les", "mes"].contains(tokens[index + 1].lowercased) {
            index += 2
        } else {
            return nil
        }
        // « par trimestre », "every quarter": three months.
        if index < tokens.count, ["trimestre", "quarter"].contains(tokens[index].lowercased) { return ("P3M", index + 1) }
        // « chaque lundi », "every Friday", « tous les lundis »: weekly.
        if index < tokens.count, weekdays.contains(tokens[index].lowercased) { return ("P1W", index + 1) }
        guard index < tokens.count, let unit = unit(tokens[index].lowercased) else { return nil }
        return (iso(1, unit == .dayPart ? .day : unit), index + 1)
    }

    /// A recurring day-part with no count (« tous les soirs », "every evening", « chaque matin »,
    /// « mes soirées »): an unquantified quantity with its period, where no other was found.
    static func recurring(in layer: TextLayer) -> [TimeQuantity] {
        let tokens = layer.tokens
        var found: [TimeQuantity] = []
        for index in tokens.indices where recurringStarters.contains(tokens[index].key) {
            let word = tokens[index].lowercased
            if ["tous", "toutes", "chaque", "every", "each"].contains(word), let rate = rate(at: index, tokens) {
                found.append(TimeQuantity(per: rate.period, tokens: index ..< rate.end))
            } else if possessives.contains(tokens[index].key), index + 1 < tokens.count,
                      ["soirées", "soirs", "nuits", "week-ends", "après-midi", "journées", "evenings", "nights", "weekends", "afternoons", "days"]
                        .contains(tokens[index + 1].lowercased) {
                found.append(TimeQuantity(tokens: index ..< index + 2))
            }
        }
        return found
    }

    // MARK: Words

    static func unit(_ word: String) -> Unit? { units[word] }

    static let weekdays: Set<String> = [
        "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "lundis", "mardis", "mercredis", "jeudis",
        "vendredis", "samedis", "dimanches", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "mondays", "tuesdays", "wednesdays", "thursdays", "fridays", "saturdays", "sundays",
    ]

    /// Words a quantity can start with, besides numbers: number words, articles of halves and
    /// wholes, unquantified plurals.
    static let starters = WordTable((Array(numberWords.keys) + [
        "des", "hours", "days", "weeks", "ages", "forever", "temps", "half", "toute", "tout", "my", "the", "quart", "quarts",
        "quarter", "quarters",
    ]).map { (WordKey($0), true) })

    static let possessiveWords = ["mes", "ses", "nos", "leurs", "my", "his", "her", "their", "our"]
    static let possessives = WordTable(possessiveWords.map { (WordKey($0), true) })
    static let recurringStarters = WordTable((["tous", "toutes", "chaque", "every", "each"] + possessiveWords).map { (WordKey($0), true) })

    /// Words between a number and its unit that change nothing: « une bonne heure », "a whole day".
    static let fillers: Set<String> = ["bonne", "petite", "grosse", "longue", "whole", "full", "entire", "good", "long", "solid"]

    static let units: [String: Unit] = {
        var table: [String: Unit] = [:]
        for (unit, words) in [
            (Unit.second, ["s", "sec", "secs", "seconde", "secondes", "second", "seconds"]),
            (.minute, ["min", "mins", "mn", "minute", "minutes"]),
            (.hour, ["h", "hr", "hrs", "heure", "heures", "hour", "hours"]),
            (.day, ["j", "jour", "jours", "journée", "journées", "day", "days"]),
            (.week, ["sem", "semaine", "semaines", "week", "weeks", "wk", "wks"]),
            (.month, ["mois", "month", "months"]),
            (.year, ["an", "ans", "année", "années", "year", "years", "yr", "yrs"]),
            (.dayPart, ["soir", "soirs", "soirée", "soirées", "nuit", "nuits", "matin", "matins", "matinée", "matinées", "après-midi",
                        "evening", "evenings", "night", "nights", "morning", "mornings", "afternoon", "afternoons"]),
        ] {
            for word in words { table[word] = unit }
        }
        return table
    }()

    static let numberWords: [String: Double] = [
        "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8, "neuf": 9, "dix": 10,
        "onze": 11, "douze": 12, "quinze": 15, "vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60,
        "cent": 100, "vingt-cinq": 25, "quarante-cinq": 45,
        "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "seven": 7, "eight": 8, "nine": 9,
        "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
        "sixty": 60, "ninety": 90, "hundred": 100, "twenty-five": 25, "forty-five": 45,
    ]

    /// `value` of `unit` as ISO 8601: hours with a fraction as hours and minutes (PT1H30M),
    /// days and longer with a decimal (P0.5D).
    static func iso(_ value: Double, _ unit: Unit) -> String {
        let (symbol, inTime) = unit.symbol
        if inTime {
            var seconds = Int((value * (unit == .hour ? 3600 : unit == .minute ? 60 : 1)).rounded())
            var text = "PT"
            if seconds >= 3600 { text += "\(seconds / 3600)H"; seconds %= 3600 }
            if seconds >= 60 { text += "\(seconds / 60)M"; seconds %= 60 }
            if seconds > 0 || text == "PT" { text += "\(seconds)S" }
            return text
        }
        let number = value == value.rounded() ? String(Int(value)) : String(value)
        return "P\(number)\(symbol)"
    }
}
