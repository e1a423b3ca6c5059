import ForumLensCore

/// The rows that the tabular reports (CSV, SQLite) make of a discussion: its findings and its
/// reply graph.
public enum ReportRows {
    /// What names a finding's `label`: the element's category, label, kind, theme(s) or target,
    /// the first it has.
    static let labelFields = ["category", "label", "kind", "themes", "theme", "target"]

    /// A finding: an element of a result's list of objects that carry a `text`.
    public struct Finding {
        public var analyzer: String
        public var kind: String
        public var label: JSONValue?
        public var text: String
        public var start: JSONValue?
        public var end: JSONValue?
    }

    /// A message's findings, from its results, in the analyzers' order.
    public static func findings(in results: DiscussionAnalysis.Results) -> [Finding] {
        var found: [Finding] = []
        for (id, result) in results {
            guard case let .object(fields) = result else { continue }
            for (kind, value) in fields {
                guard case let .array(items) = value else { continue }
                for item in items {
                    guard case let .string(text)? = item["text"] else { continue }
                    found.append(Finding(
                        analyzer: id, kind: kind, label: labelFields.lazy.compactMap { item[$0] }.first, text: text, start: item["start"],
                        end: item["end"]))
                }
            }
        }
        return found
    }

    /// A reply (`reply_to`) or a quote of a message or a named author: who answers or quotes whom.
    public struct Reply {
        public var message: Message
        public var kind: String
        public var to: String?
        public var toAuthor: String?
    }

    /// The discussion's replies and quotes, in message order.
    public static func replies(in discussion: Discussion) -> [Reply] {
        let authorOf = Dictionary(discussion.messages.map { ($0.id, $0.author) }, uniquingKeysWith: { first, _ in first })
        var replies: [Reply] = []
        for message in discussion.messages {
            if let replyTo = message.replyTo { replies.append(Reply(message: message, kind: "reply", to: replyTo, toAuthor: authorOf[replyTo] ?? nil)) }
            for quote in message.quotes where quote.messageID != nil || quote.author != nil {
                let author = quote.author ?? quote.messageID.flatMap { authorOf[$0] ?? nil }
                replies.append(Reply(message: message, kind: "quote", to: quote.messageID, toAuthor: author))
            }
        }
        return replies
    }
}
