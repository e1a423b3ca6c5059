/// The unit of an elapsed-time amount ("3 days ago", "il y a 2 heures").
enum ElapsedUnit: Sendable {
    case second, minute, hour, day, week, month, year
}

/// What a word can do inside a date. One spelling may do several things ("mar" is March and
/// Tuesday, "a" is "à", the "a" of "a.m." and the "a" of "a year ago"); the grammar asks for the
/// role it needs at each place.
struct DateWordRoles: OptionSet, Sendable {
    let rawValue: UInt32
    static let weekday = Self(rawValue: 1 << 0)
    static let weekdayFiller = Self(rawValue: 1 << 1)   // "feira" of "segunda-feira"
    static let timeLink = Self(rawValue: 1 << 2)        // à, at, um, alle, às, a las, om
    static let dateLink = Self(rawValue: 1 << 3)        // de, del, of
    static let join = Self(rawValue: 1 << 4)            // et, and, und, e, y, en
    static let ordinal = Self(rawValue: 1 << 5)         // 1er, 2nd, 3º
    static let agoAfter = Self(rawValue: 1 << 6)        // ago, fa, atrás, geleden
    static let hourMark = Self(rawValue: 1 << 7)        // 14h32, 9 h 12
    static let minuteMark = Self(rawValue: 1 << 8)      // 9 h 12 min
    static let clockSuffix = Self(rawValue: 1 << 9)     // 14:02 Uhr
    static let am = Self(rawValue: 1 << 10)
    static let pm = Self(rawValue: 1 << 11)
    static let meridiemA = Self(rawValue: 1 << 12)      // the letters of "a.m." / "p. m."
    static let meridiemP = Self(rawValue: 1 << 13)
    static let meridiemM = Self(rawValue: 1 << 14)
    static let isoTimeSeparator = Self(rawValue: 1 << 15) // the T of 2020-03-03T14:02
    static let utc = Self(rawValue: 1 << 16)            // Z, UTC, GMT
    /// A word that can make a date without any digit ("yesterday", "ago", "l'instant"): the
    /// fast pre-check lets a digitless text through only when it holds one.
    static let trigger = Self(rawValue: 1 << 17)
    static let approximately = Self(rawValue: 1 << 18) // "il y a environ 3 heures", "about 5 days ago"
}

struct DateWord: Sendable {
    var roles: DateWordRoles = []
    var month: Int8 = 0
    /// 1 Monday … 7 Sunday.
    var weekday: Int8 = 0
    /// A number word: "une" 1, "trois" 3, "few" 3.
    var count: Int8 = 0
    var unit: ElapsedUnit?
    /// A zone abbreviation (CET, EST); read only when written in capitals.
    var zoneOffset: Int32?
}

/// A phrase of one or more words with a fixed meaning: "hier", "il y a", "à l'instant".
struct DatePhrase: Sendable {
    enum Meaning: Sendable {
        case day(Int)
        case now
        case agoBefore
    }

    let keys: [UInt64]
    let meaning: Meaning
    let needsClockUnlessAlone: Bool
}

/// Every word the date grammar knows, keyed by its folded spelling (see `DateWordKey`), built
/// once per process from `DateLanguage.all` and a few language-neutral words.
final class DateVocabulary: Sendable {
    static let shared = DateVocabulary()

    let words: [UInt64: DateWord]
    /// Keyed by the phrase's first word, longest phrase first.
    let phrases: [UInt64: [DatePhrase]]
    /// Most words of a text are not date words: these bit sets answer "certainly not" with one
    /// multiply, before any dictionary hashing.
    private let knownWords: KeyFilter
    private let triggerWords: KeyFilter

    @inline(__always)
    func word(_ key: UInt64) -> DateWord? {
        knownWords.mightContain(key) ? words[key] : nil
    }

    /// Whether the word can make a date without a digit (see `DateWordRoles.trigger`).
    @inline(__always)
    func isTrigger(_ key: UInt64) -> Bool {
        triggerWords.mightContain(key) && words[key]?.roles.contains(.trigger) == true
    }

    private init() {
        var words: [UInt64: DateWord] = [:]
        var phrases: [UInt64: [DatePhrase]] = [:]

        func add(_ list: String, _ update: (inout DateWord) -> Void) {
            for spelling in list.split(separator: " ") {
                let parts = DateWordKey.words(of: String(spelling))
                precondition(parts.count == 1 && parts[0].key != 0, "one short word expected: \(spelling)")
                update(&words[parts[0].key, default: DateWord()])
            }
        }
        func addPhrase(_ text: String, _ meaning: DatePhrase.Meaning) {
            let parts = DateWordKey.words(of: text)
            let keys = parts.map(\.key)
            precondition(!keys.isEmpty && !keys.contains(0), "phrase \(text) has a word too long for a key")
            for key in keys where words[key] == nil { words[key] = DateWord() }
            // The longest word marks the phrase for the digitless pre-check ("il" for "il y a").
            let longest = parts.max { $0.length < $1.length }!.key
            words[longest]!.roles.insert(.trigger)
            let phrase = DatePhrase(keys: keys, meaning: meaning,
                                    needsClockUnlessAlone: ambiguousDayWords.contains(text))
            phrases[keys[0], default: []].append(phrase)
        }

        for language in DateLanguage.all {
            for (index, spellings) in language.months.enumerated() {
                add(spellings) { word in
                    precondition(word.month == 0 || word.month == Int8(index + 1), "month clash: \(spellings)")
                    word.month = Int8(index + 1)
                }
            }
            for (index, spellings) in language.weekdays.enumerated() {
                add(spellings) { word in
                    precondition(word.weekday == 0 || word.weekday == Int8(index + 1), "weekday clash: \(spellings)")
                    word.weekday = Int8(index + 1)
                    word.roles.insert(.weekday)
                }
            }
            for (offset, texts) in language.days { for text in texts { addPhrase(text, .day(offset)) } }
            for (unit, spellings) in language.units { add(spellings) { $0.unit = unit } }
            for (index, spellings) in language.numbers.enumerated() {
                add(spellings) { word in
                    precondition(word.count == 0 || word.count == Int8(index + 1), "number clash: \(spellings)")
                    word.count = Int8(index + 1)
                }
            }
            add(language.agoAfter) { $0.roles.formUnion([.agoAfter, .trigger]) }
            for text in language.agoBefore { addPhrase(text, .agoBefore) }
            for text in language.now { addPhrase(text, .now) }
            add(language.timeLinks) { $0.roles.insert(.timeLink) }
            add(language.dateLinks) { $0.roles.insert(.dateLink) }
            add(language.joins) { $0.roles.insert(.join) }
            add(language.ordinals) { $0.roles.insert(.ordinal) }
            add(language.approximately) { $0.roles.insert(.approximately) }
        }

        add("feira") { $0.roles.insert(.weekdayFiller) }
        add("few quelques paar") { $0.count = 3 }
        add("h") { $0.roles.insert(.hourMark) }
        add("min mn m") { $0.roles.insert(.minuteMark) }
        add("uhr") { $0.roles.insert(.clockSuffix) }
        add("am") { $0.roles.insert(.am) }
        add("pm") { $0.roles.insert(.pm) }
        add("a") { $0.roles.insert(.meridiemA) }
        add("p") { $0.roles.insert(.meridiemP) }
        add("m") { $0.roles.insert(.meridiemM) }
        add("t") { $0.roles.insert(.isoTimeSeparator) }
        add("z utc gmt ut") { $0.roles.insert(.utc) }
        let zones: [(String, Int32)] = [
            ("wet", 0), ("west", 3600), ("bst", 3600), ("cet", 3600), ("cest", 7200), ("mez", 3600),
            ("mesz", 7200), ("eet", 7200), ("eest", 10800), ("est", -18000), ("edt", -14400),
            ("mst", -25200), ("mdt", -21600), ("pst", -28800), ("pdt", -25200), ("jst", 32400),
        ]
        for (name, offset) in zones { add(name) { $0.zoneOffset = offset } }

        for key in phrases.keys { phrases[key]!.sort { $0.keys.count > $1.keys.count } }
        self.words = words
        self.phrases = phrases
        knownWords = KeyFilter(words.keys)
        triggerWords = KeyFilter(words.filter { $0.value.roles.contains(.trigger) }.keys)
    }
}

/// A one-hash Bloom filter over word keys (16,384 bits; the vocabulary fills under 5% of it).
struct KeyFilter: Sendable {
    private var bits = [UInt64](repeating: 0, count: 256)

    init(_ keys: some Sequence<UInt64>) {
        for key in keys {
            let bit = Self.bit(key)
            bits[bit >> 6] |= 1 << UInt64(bit & 63)
        }
    }

    @inline(__always)
    func mightContain(_ key: UInt64) -> Bool {
        let bit = Self.bit(key)
        return bits[bit >> 6] & (1 << UInt64(bit & 63)) != 0
    }

    @inline(__always)
    private static func bit(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 50) }
}
