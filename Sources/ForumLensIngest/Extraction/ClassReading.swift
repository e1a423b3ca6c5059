import Foundation

/// What a `class` attribute says: the cues of its words and its words as a signature; likewise
/// for id patterns and links. Pages of one forum repeat the same few hundred class strings, id
/// patterns and profile links, so readings are kept for the whole run (bounded), shared by the
/// reading threads.
struct ClassReading: Sendable {
    var cue: Cue
    /// Normalised words in their order (`bg1` → `bg#`, states and per-record ids left out).
    var words: [String]

    private static let readings = RunCache<String, ClassReading>()
    private static let wordCues = RunCache<String, Cue>()
    /// Keyed by a hash of the bytes: ids and links are read on every element that has one,
    /// and a String made, lowercased and hashed with SipHash for each cost more than the reading.
    private static let idCues = RunCache<Int, Cue>()
    private static let profileLinks = RunCache<Int, Bool>()

    static func read(_ classes: String) -> ClassReading {
        readings.value(for: classes) { reading(classes) }
    }

    private static func reading(_ classes: String) -> ClassReading {
        let tokens = classes.classWords.map { $0.lowercased() }
        var cue = Cue()
        // `js-…` classes are script hooks (`js-selectToQuote` is a post body), not roles.
        for token in tokens where !token.hasPrefix("js-") && !token.hasPrefix("js_") { cue.formUnion(Self.cue(of: token)) }
        return ClassReading(cue: cue, words: CueWords.normalizedClasses(tokens))
    }

    /// What an id says, read as its pattern (`p1234` → `p#`, `thing_t1_abc12` → `thing_t#_*`:
    /// ids are unique, patterns repeat): the class cues of its words, and whether it names a post.
    static func idCue(ofID identifier: ArraySlice<UInt8>) -> Cue {
        // ASCII ids (nearly all) are lowercased on bytes; others as Strings.
        let pattern = identifier.allSatisfy { $0 < 0x80 }
            ? RecordGroups.idPattern(bytes: identifier.lazy.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 })
            : Array(RecordGroups.idPattern(String(decoding: identifier, as: UTF8.self).lowercased()).utf8)
        return idCues.value(for: hash(pattern[...])) {
            let pattern = String(decoding: pattern, as: UTF8.self)
            var cue = cue(of: pattern)
            if CueWords.isPostID(pattern) { cue.insert(.postID) }
            return cue
        }
    }

    /// Whether a link leads to a member's profile; links repeat (a member's many posts).
    static func isProfileLink(_ href: ArraySlice<UInt8>) -> Bool {
        profileLinks.value(for: hash(href)) { CueWords.isProfileLink(String(decoding: href, as: UTF8.self)) }
    }

    private static func hash(_ bytes: ArraySlice<UInt8>) -> Int {
        var hasher = ByteHash(seed: bytes.count)
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
        return hasher.finalize()
    }

    /// What one class word (or an id) says.
    static func cue(of word: String) -> Cue {
        wordCues.value(for: word) { wordCue(word) }
    }

    private static func wordCue(_ word: String) -> Cue {
        var cue = Cue()
        if CueWords.isSignatureWord(word) { cue.insert(.signature) }
        if CueWords.isQuoteWord(word) { cue.insert(.quote) }
        if CueWords.isAuthorWord(word) { cue.insert(.authorName) }
        if CueWords.isDateWord(word) { cue.insert(.dateElement) }
        if word.contains("joined") || word.contains("regdate") || word.contains("register") { cue.insert(.joinDate) }
        if CueWords.isBodyWord(word) { cue.insert(.bodyName) }
        if CueWords.isEditWord(word) { cue.insert(.editNotice) }
        if CueWords.isChromeWord(word) { cue.insert(.chrome) }
        if CueWords.isPageChromeWord(word) { cue.insert(.pageChrome) }
        if TextRenderer.hiddenClasses.contains(word) { cue.insert(.hidden) }
        if CueWords.isQuoteTitleWord(word) { cue.insert(.quoteTitle) }
        if word == "owner" { cue.insert(.owner) }
        return cue
    }
}

/// Answers kept for the whole run, shared by the reading threads, and emptied when they pass
/// a bound (a run over many sites must not grow without end).
final class RunCache<Key: Hashable & Sendable, Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Key: Value] = [:]
    private let limit = 200_000

    func value(for key: Key, computing: () -> Value) -> Value {
        if let known = lock.withLock({ values[key] }) { return known }
        let value = computing()
        lock.withLock {
            if values.count >= limit { values.removeAll(keepingCapacity: true) }
            values[key] = value
        }
        return value
    }
}
