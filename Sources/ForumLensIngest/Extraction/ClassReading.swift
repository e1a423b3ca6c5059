import Foundation

/// What a `class` attribute says: the cues of its words and its words as a signature. Pages of
/// one forum repeat the same few hundred class strings, so readings are kept for the whole
/// run (bounded), shared by the reading threads.
struct ClassReading: Sendable {
    var cue: Cue
    /// Normalised words in their order (`bg1` → `bg#`, states and per-record ids left out).
    var words: [String]

    private static let lock = NSLock()
    nonisolated(unsafe) private static var readings: [String: ClassReading] = [:]
    nonisolated(unsafe) private static var wordCues: [String: Cue] = [:]
    private static let limit = 200_000

    static func read(_ classes: String) -> ClassReading {
        if let known = lock.withLock({ readings[classes] }) { return known }
        let tokens = classes.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }).map { $0.lowercased() }
        var cue = Cue()
        // `js-…` classes are script hooks (`js-selectToQuote` is a post body), not roles.
        for token in tokens where !token.hasPrefix("js-") && !token.hasPrefix("js_") { cue.formUnion(Self.cue(of: token)) }
        let reading = ClassReading(cue: cue, words: PageFeatures.normalizedClasses(tokens))
        lock.withLock {
            if readings.count >= limit { readings.removeAll(keepingCapacity: true) }
            readings[classes] = reading
        }
        return reading
    }

    /// What one class word (or an id) says.
    static func cue(of word: String) -> Cue {
        if let known = lock.withLock({ wordCues[word] }) { return known }
        var cue = Cue()
        if PageFeatures.isSignatureWord(word) { cue.insert(.signature) }
        if PageFeatures.isQuoteWord(word) { cue.insert(.quote) }
        if PageFeatures.isAuthorWord(word) { cue.insert(.authorName) }
        if PageFeatures.isDateWord(word) { cue.insert(.dateElement) }
        if word.contains("joined") || word.contains("regdate") || word.contains("register") { cue.insert(.joinDate) }
        if PageFeatures.isBodyWord(word) { cue.insert(.bodyName) }
        if PageFeatures.isEditWord(word) { cue.insert(.editNotice) }
        if PageFeatures.isChromeWord(word) { cue.insert(.chrome) }
        if PageFeatures.isPageChromeWord(word) { cue.insert(.pageChrome) }
        if TextRenderer.hiddenClasses.contains(word) { cue.insert(.hidden) }
        lock.withLock {
            if wordCues.count >= limit { wordCues.removeAll(keepingCapacity: true) }
            wordCues[word] = cue
        }
        return cue
    }
}
