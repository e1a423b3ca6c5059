/// What every analyzer reads of a message, computed once: the normalized text with its map
/// back to the message's offsets, tokens, sentences, the language guess and negation scopes.
public struct TextLayer: Sendable {
    public let text: NormalizedText
    public let tokens: [Token]
    /// Token ranges.
    public let sentences: [Range<Int>]
    public let language: LanguageGuess
    /// Per token: whether a negation governs it.
    public let negated: [Bool]

    public init(_ message: String) {
        text = NormalizedText(message)
        tokens = Tokenizer.tokens(text)
        sentences = Sentences.split(tokens, in: text)
        language = LanguageGuess.guess(tokens)
        negated = Negation.scopes(tokens, language: language)
    }

    /// A token's place in the message's own text (Unicode scalars, end exclusive).
    public func originalRange(of token: Int) -> Range<Int> { text.originalRange(tokens[token].range) }

    /// A sentence's text (normalized) and its place in the message's own text.
    public func sentence(_ index: Int) -> (text: String, range: Range<Int>) {
        let tokenRange = sentences[index]
        let scalars = tokens[tokenRange.lowerBound].range.lowerBound ..< tokens[tokenRange.upperBound - 1].range.upperBound
        return (text.string(scalars), text.originalRange(scalars))
    }
}
