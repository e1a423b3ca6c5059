import Foundation

/// What a `class` attribute says: the cues of its words and its words as a signature; likewise
/// for id patterns and links. Pages of one forum repeat the same few hundred class strings, id
/// patterns and profile links, so readings are kept for the whole run (bounded), shared by the
/// reading threads.
struct ClassReading: Sendable {
    var cue: Cue
    /// Normalised words in their order (`bg1` → `bg#`, states and per-record ids left out).
    var words: [String]

    private static let lock = NSLock()
    nonisolated(unsafe) private static var readings: [String: ClassReading] = [:]
    nonisolated(unsafe) private static var wordCues: [String: Cue] = [:]
    nonisolated(unsafe) private static var idCues: [String: Cue] = [:]
    nonisolated(unsafe) private static var profileLinks: [String: Bool] = [:]
    private static let limit = 200_000

    static func read(_ classes: String) -> ClassReading {
        if let known = lock.withLock({ readings[classes] }) { return known }
        let tokens = classes.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }).map { $0.lowercased() }
        var cue = Cue()
        // `js-…` classes are script hooks (`js-selectToQuote` is a post body), not roles.
        for token in tokens where !token.hasPrefix("js-") && !token.hasPrefix("js_") { cue.formUnion(Self.cue(of: token)) }
        let reading = ClassReading(cue: cue, words: CueWords.normalizedClasses(tokens))
        lock.withLock {
            if readings.count >= limit { readings.removeAll(keepingCapacity: true) }
            readings[classes] = reading
        }
        return reading
    }

    /// What an id pattern (`p#`, `post_#`, `thing_t#_*`) says: the class cues of its words,
    /// and whether it names a post.
    static func idCue(of pattern: String) -> Cue {
        if let known = lock.withLock({ idCues[pattern] }) { return known }
        var cue = cue(of: pattern)
        if CueWords.isPostID(pattern) { cue.insert(.postID) }
        lock.withLock {
            if idCues.count >= limit { idCues.removeAll(keepingCapacity: true) }
            idCues[pattern] = cue
        }
        return cue
    }

    /// Whether a link leads to a member's profile; links repeat (a member's many posts).
    static func isProfileLink(_ href: String) -> Bool {
        if let known = lock.withLock({ profileLinks[href] }) { return known }
        let found = CueWords.isProfileLink(href)
        lock.withLock {
            if profileLinks.count >= limit { profileLinks.removeAll(keepingCapacity: true) }
            profileLinks[href] = found
        }
        return found
    }

    /// What one class word (or an id) says.
    static func cue(of word: String) -> Cue {
        if let known = lock.withLock({ wordCues[word] }) { return known }
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
        lock.withLock {
            if wordCues.count >= limit { wordCues.removeAll(keepingCapacity: true) }
            wordCues[word] = cue
        }
        return cue
    }
}
