/// A token of a message: its kind, its scalars in the normalized text, and its text lowercased
/// (the form lexicons look up).
public struct Token: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// Letters, with inner hyphens and apostrophes (`peut-être`, `aujourd'hui`).
        case word
        /// An elided article or pronoun (`l'`, `d'`, `qu'`) or an English clitic (`'s`, `n't`).
        case clitic
        /// Digits, with a decimal part and a unit (`3,5`, `1h30`, `2h`, `20min`, `50€`, `10%`).
        case number
        case url, email, emoticon, emoji
        /// Punctuation, a run of one mark (`!!!`, `...`).
        case punctuation
    }

    public var kind: Kind
    /// Scalar indexes in the normalized text.
    public var range: Range<Int>
    public var lowercased: String
    /// `lowercased` as a key for lexicon lookups.
    public var key: WordKey
}

/// Splits normalized text into tokens, French and English: on scalars, one pass, no regular
/// expressions (DESIGN.md: Characters and Swift `Regex` are an order of magnitude slower).
public enum Tokenizer {
    public static func tokens(_ text: NormalizedText) -> [Token] {
        var scanner = Scanner(scalars: text.scalars)
        return scanner.scan()
    }

    /// French elisions (before a vowel or h) and English clitics split off words.
    static let elisions: Set<String> = ["l'", "d'", "j'", "n'", "s'", "c'", "m'", "t'", "qu'", "jusqu'", "lorsqu'", "puisqu'", "quoiqu'"]
    static let clitics: Set<String> = ["'s", "'re", "'ve", "'ll", "'d", "'m"]
    /// Emoticons, longest first so that `:-)` wins over `:-`.
    static let emoticons: [[Unicode.Scalar]] = [
        ":-)", ":)", ":-(", ":(", ";-)", ";)", ":-D", ":D", ":-P", ":P", ":-p", ":p", ":-/", ":/", ":'(", ":-o", ":o",
        ":-O", ":O", ":-|", ":|", "xD", "XD", "^^", "^_^", "<3", "</3", ":-*", ":*", "8-)", "B-)", "o_O", "O_o", "-_-",
        ":3", ":]", ":[", "=)", "=(", "=D", ":$", ":S", ":s", ";D", ":')", ":o)", "(:", "):", ":-]", ":-[",
    ].map { Array($0.unicodeScalars) }.sorted { $0.count > $1.count }
    /// The emoticons by their first scalar (all ASCII), for the few tokens that start with one.
    static let emoticonsByStart: [[[Unicode.Scalar]]] = (0 ..< 128).map { start in emoticons.filter { $0[0].value == start } }
    /// The ASCII letters that start a word and nothing else (no URL, no emoticon): most words
    /// go straight to `word()`.
    static let plainWordStarts: [Bool] = (0 ..< 128).map { value in
        let scalar = Unicode.Scalar(UInt8(value))
        return Scanner.isLetter(scalar) && emoticonsByStart[value].isEmpty && !"hHwW".unicodeScalars.contains(scalar)
    }
    /// Units after a number that stay in its token.
    static let units: Set<String> = [
        "h", "min", "mn", "s", "sec", "j", "m", "km", "kg", "g", "k", "ans", "an", "mois", "sem", "hr", "hrs", "mins",
        "€", "$", "£", "%", "e", "er", "ème", "eme", "st", "nd", "rd", "th", "x",
    ]

    struct Scanner {
        let scalars: [Unicode.Scalar]
        var index = 0
        var tokens: [Token] = []

        init(scalars: [Unicode.Scalar]) {
            self.scalars = scalars
            // About one token per five scalars in prose: room enough that the array rarely grows.
            tokens.reserveCapacity(scalars.count / 3 + 4)
        }

        func at(_ offset: Int) -> Unicode.Scalar? { offset < scalars.count ? scalars[offset] : nil }

        mutating func scan() -> [Token] {
            let plainWordStarts = Tokenizer.plainWordStarts
            while index < scalars.count {
                let scalar = scalars[index]
                if scalar.value < 0x80, plainWordStarts[Int(scalar.value)] {
                    word()
                } else if Self.isWhitespace(scalar) {
                    index += 1
                } else if let end = urlEnd() {
                    add(.url, index ..< end)
                } else if let length = emoticonLength() {
                    add(.emoticon, index ..< index + length)
                } else if Self.isEmoji(scalar) {
                    add(.emoji, index ..< emojiEnd())
                } else if Self.isDigit(scalar) {
                    add(.number, index ..< numberEnd())
                } else if Self.isLetter(scalar) {
                    word()
                } else {
                    var end = index + 1
                    while end < scalars.count, scalars[end] == scalar, !Self.isLetter(scalar) { end += 1 }
                    add(.punctuation, index ..< end)
                }
            }
            return tokens
        }

        mutating func add(_ kind: Token.Kind, _ range: Range<Int>) {
            let (lowercased, key) = lowercasedWithKey(range)
            tokens.append(Token(kind: kind, range: range, lowercased: lowercased, key: key))
            index = range.upperBound
        }

        /// What `String.lowercased()` gives for these scalars, without making the String first:
        /// ASCII and Latin-1 capitals (most of French and English) by arithmetic, the others by
        /// their Unicode lowercase mapping; written to a buffer on the stack, with the word's key
        /// (a word of up to 15 ASCII letters straight into its key, its String from the key).
        func lowercasedWithKey(_ range: Range<Int>) -> (String, WordKey) {
            if range.count <= 15, let key = asciiKey(range) {
                let packed = key.packedBytes!
                let string = String(unsafeUninitializedCapacity: packed.count) { buffer in
                    withUnsafeBytes(of: (packed.low, packed.high)) { bytes in
                        for index in 0 ..< packed.count { buffer[index] = bytes[index] }
                    }
                    return packed.count
                }
                return (string, key)
            }
            // A scalar's lowercase takes at most 4 bytes (İ, two scalars, takes 3).
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: range.count * 4) { buffer in
                var count = 0
                for scalar in scalars[range] {
                    let value = scalar.value
                    if value < 0x80 {
                        buffer[count] = UInt8(value) | ((0x41 ... 0x5A).contains(value) ? 0x20 : 0)
                        count += 1
                    } else if value < 0x100 {
                        let lower = (0xC0 ... 0xDE).contains(value) && value != 0xD7 ? value + 0x20 : value
                        buffer[count] = UInt8(0xC0 | lower >> 6)
                        buffer[count + 1] = UInt8(0x80 | lower & 0x3F)
                        count += 2
                    } else {
                        for byte in scalar.properties.lowercaseMapping.utf8 {
                            buffer[count] = byte
                            count += 1
                        }
                    }
                }
                let bytes = UnsafeBufferPointer(rebasing: buffer[..<count])
                return (String(decoding: bytes, as: UTF8.self), WordKey(utf8: bytes))
            }
        }

        /// The key of up to 15 ASCII scalars, lowercased; nil when one is not ASCII.
        func asciiKey(_ range: Range<Int>) -> WordKey? {
            scalars.withUnsafeBufferPointer { scalars in
                var low: UInt64 = 0, high: UInt64 = 0, shift: UInt64 = 0
                var index = range.lowerBound
                while index < range.upperBound {
                    let value = scalars[index].value
                    guard value < 0x80 else { return nil }
                    let byte = UInt64(value | (value &- 0x41 < 26 ? 0x20 : 0))
                    if shift < 64 { low |= byte << shift } else { high |= byte << (shift - 64) }
                    shift += 8
                    index += 1
                }
                return WordKey(packed: low, high, count: range.count)
            }
        }

        func lowercased(_ range: Range<Int>) -> String { lowercasedWithKey(range).0 }

        /// Whether the scalars at `index` are `prefix` (ASCII, lowercase), ignoring case.
        func hasASCIIPrefix(_ prefix: StaticString) -> Bool {
            guard index + prefix.utf8CodeUnitCount <= scalars.count else { return false }
            return prefix.withUTF8Buffer { bytes in
                bytes.indices.allSatisfy { offset in
                    let value = scalars[index + offset].value
                    return (value < 0x80 ? UInt8(value) | ((0x41 ... 0x5A).contains(value) ? 0x20 : 0) : 0) == bytes[offset]
                }
            }
        }

        /// `http://…`, `https://…`, `www.…` up to a blank, without trailing punctuation.
        func urlEnd() -> Int? {
            // Most tokens start with neither `h` nor `w`: no String made for them.
            guard let first = at(index), first == "h" || first == "H" || first == "w" || first == "W" else { return nil }
            guard hasASCIIPrefix("http://") || hasASCIIPrefix("https://") || hasASCIIPrefix("www.") else { return nil }
            var end = index
            while end < scalars.count, !Self.isWhitespace(scalars[end]) { end += 1 }
            while end > index, ".,;:!?)]}\"'".unicodeScalars.contains(scalars[end - 1]) { end -= 1 }
            return end
        }

        func emoticonLength() -> Int? {
            let start = Int(scalars[index].value)
            guard start < 128, !Tokenizer.emoticonsByStart[start].isEmpty else { return nil }
            // An emoticon stands apart: not glued to a letter before it (`http:` is no `:/`).
            if index > 0, Self.isLetter(scalars[index - 1]) || Self.isDigit(scalars[index - 1]) { return nil }
            for emoticon in Tokenizer.emoticonsByStart[start] where index + emoticon.count <= scalars.count {
                guard scalars[index ..< index + emoticon.count].elementsEqual(emoticon) else { continue }
                let next = at(index + emoticon.count)
                if let next, Self.isLetter(next) || Self.isDigit(next) { continue }
                return emoticon.count
            }
            return nil
        }

        /// An emoji with its modifiers, variation selectors and zero-width-joined parts.
        func emojiEnd() -> Int {
            var end = index + 1
            while let next = at(end) {
                let value = next.value
                if value == 0xFE0F || value == 0xFE0E || (0x1F3FB ... 0x1F3FF).contains(value) || (0xE0020 ... 0xE007F).contains(value) {
                    end += 1
                } else if value == 0x200D, let joined = at(end + 1), Self.isEmoji(joined) {
                    end += 2
                } else if (0x1F1E6 ... 0x1F1FF).contains(value), (0x1F1E6 ... 0x1F1FF).contains(scalars[end - 1].value), end == index + 1 {
                    end += 1  // a flag: two regional indicators
                } else {
                    break
                }
            }
            return end
        }

        /// Digits, a decimal or thousands part (`3,5`, `1.5`, `10 000` is two tokens), then a
        /// unit and digits again (`1h30`), or a unit alone (`2h`, `20min`, `50€`).
        func numberEnd() -> Int {
            var end = index
            while let next = at(end), Self.isDigit(next) { end += 1 }
            if let mark = at(end), mark == "," || mark == ".", let digit = at(end + 1), Self.isDigit(digit) {
                end += 1
                while let next = at(end), Self.isDigit(next) { end += 1 }
            }
            var unitEnd = end
            while let next = at(unitEnd), Self.isLetter(next) || "€$£%".unicodeScalars.contains(next), unitEnd - end < 4 { unitEnd += 1 }
            let unit = lowercased(end ..< unitEnd)
            if unitEnd > end, Tokenizer.units.contains(unit), !(at(unitEnd).map(Self.isLetter) ?? false) {
                end = unitEnd
                while let next = at(end), Self.isDigit(next) { end += 1 }
            }
            return end
        }

        /// A word with its inner hyphens and apostrophes; elisions and clitics split off;
        /// `word@host.tld` an e-mail address.
        mutating func word() {
            let start = index
            var end = index
            var apostrophe: Int?
            var at_ = false, dot = false
            while let next = at(end) {
                if Self.isLetter(next) || Self.isDigit(next) {
                    end += 1
                } else if next == "-" || next == "'" || next == "." || next == "_", let after = at(end + 1), Self.isLetter(after) || Self.isDigit(after) {
                    // An inner `.` only in e-mail addresses.
                    if next == "." || next == "_" {
                        guard at_ || emailAhead(from: end) else { break }
                        dot = dot || next == "."
                    }
                    if next == "'", apostrophe == nil { apostrophe = end }
                    end += 2
                } else if next == "@", let after = at(end + 1), Self.isLetter(after) || Self.isDigit(after), end > start {
                    at_ = true
                    end += 2
                } else {
                    break
                }
            }
            if at_, dot {
                add(.email, start ..< end)
                return
            }
            // French elision at the start: `l'ami`, `qu'il`, `jusqu'à`.
            if let apostrophe {
                let head = lowercased(start ..< apostrophe + 1)
                if Tokenizer.elisions.contains(head) {
                    add(.clitic, start ..< apostrophe + 1)
                    // The rest may elide again (`qu'l'…` does not occur; `jusqu'aujourd'hui` stays).
                    if apostrophe + 1 < end { addWord(apostrophe + 1 ..< end) }
                    return
                }
                addWord(start ..< end)
                return
            }
            add(.word, start ..< end)
        }

        /// A word with an apostrophe, with an English negation or clitic split off its end
        /// (`don't` → `do n't`).
        mutating func addWord(_ range: Range<Int>) {
            guard scalars[range].contains("'") else { return add(.word, range) }
            let lower = lowercased(range)
            if lower.hasSuffix("n't"), range.count > 3 {
                add(.word, range.lowerBound ..< range.upperBound - 3)
                add(.clitic, range.upperBound - 3 ..< range.upperBound)
                return
            }
            for clitic in Tokenizer.clitics where lower.hasSuffix(clitic) && range.count > clitic.count {
                add(.word, range.lowerBound ..< range.upperBound - clitic.count)
                add(.clitic, range.upperBound - clitic.count ..< range.upperBound)
                return
            }
            add(.word, range)
        }

        func emailAhead(from offset: Int) -> Bool {
            var end = offset
            while let next = at(end), !Self.isWhitespace(next) {
                if next == "@" { return true }
                end += 1
            }
            return false
        }

        // ASCII and Latin-1 answered without the Unicode property tables (a lookup each).
        static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
            switch scalar.value {
            case 0x41 ... 0x5A, 0x61 ... 0x7A: true
            case 0 ..< 0x80, 0xD7, 0xF7: false
            case 0xC0 ... 0xFF: true
            default: scalar.properties.isAlphabetic
            }
        }
        static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
            switch scalar.value {
            case 0x20, 0x09 ... 0x0D: true
            case 0 ..< 0x80: false
            default: scalar.properties.isWhitespace
            }
        }
        static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0" ... "9").contains(scalar) }
        static func isEmoji(_ scalar: Unicode.Scalar) -> Bool {
            // Below U+2000, emoji (digits, ©, ®) are text unless they have a presentation of
            // their own, and the first such is U+231A; regional indicators (flags) are emoji.
            scalar.value > 0x2000 && scalar.properties.isEmoji
        }
    }
}
