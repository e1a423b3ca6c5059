import ForumLensCore

/// `--pseudonymize SALT`: author names and ids replaced by stable salted pseudonyms everywhere a
/// report shows them — the message's author and author id, the authors of its quotes, and the
/// names of the discussion's authors where a text mentions them (« Merci Karine », "@Marco") —
/// before anything is analysed, so that offsets, summaries and every format agree. The same
/// name with the same salt gives the same pseudonym in every run (`author-3f9a2c1b`); without
/// the salt, a pseudonym does not lead back to the name.
public struct Pseudonyms: Sendable {
    let salt: String

    public init(salt: String) { self.salt = salt }

    public func pseudonym(_ name: String, kind: String = "author") -> String {
        kind + "-" + SHA256.hex(Array((salt + "\u{1F}" + kind + "\u{1F}" + name).utf8)).prefix(8)
    }

    public func apply(to discussion: inout Discussion) {
        let names = Set(discussion.messages.compactMap(\.author) + discussion.messages.flatMap { $0.quotes.compactMap(\.author) })
        // A name and its first word (« Karine » of « Karine_RH », « Sylvain » of « Sylvain69 »),
        // which is how messages name each other; longest first, so that « Nathalie B. » goes
        // before « Nathalie ».
        var mentions: [(name: String, pseudonym: String)] = []
        for name in names.sorted() where name.count >= 3 {
            mentions.append((name, pseudonym(name)))
            let first = String(name.prefix { $0.isLetter })
            if first.count >= 4, first != name, !mentions.contains(where: { $0.name == first }) { mentions.append((first, pseudonym(name))) }
        }
        mentions.sort { $0.name.count > $1.name.count }
        for index in discussion.messages.indices {
            var message = discussion.messages[index]
            message.author = message.author.map { pseudonym($0) }
            message.authorID = message.authorID.map { pseudonym($0, kind: "id") }
            message.text = Self.replace(mentions, in: message.text)
            message.quotes = message.quotes.map { quote in
                var quote = quote
                quote.author = quote.author.map { pseudonym($0) }
                quote.text = Self.replace(mentions, in: quote.text)
                return quote
            }
            discussion.messages[index] = message
        }
    }

    /// Each name where it stands as a word of its own (not inside a longer word: « Marco » in
    /// « Marcotte » stays).
    static func replace(_ mentions: [(name: String, pseudonym: String)], in text: String) -> String {
        var text = text
        for (name, pseudonym) in mentions where text.contains(name) {
            var out = "", rest = text[...]
            while let range = rest.range(of: name) {
                let before = range.lowerBound == rest.startIndex ? out.last : rest[rest.index(before: range.lowerBound)]
                let after = range.upperBound == rest.endIndex ? nil : rest[range.upperBound]
                let isWord = { (character: Character?) in character.map { $0.isLetter || $0.isNumber } ?? false }
                out += rest[..<range.lowerBound]
                out += isWord(before) || isWord(after) ? name : pseudonym
                rest = rest[range.upperBound...]
            }
            text = out + rest
        }
        return text
    }
}
