/// The reply tree of a discussion (ConvoKit's `reply_to`): from explicit reply links and
/// threaded nesting first, else from quotes that link to or name a message of the discussion.
public enum ReplyStructure {
    /// Resolves quote references to message ids, fills `reply_to` from the first resolved
    /// quote where the page gave no explicit parent, and computes `depth`.
    public static func resolve(_ messages: inout [Message]) {
        var index: [String: Int] = [:]
        var byNumber: [String: [Int]] = [:]
        for (position, message) in messages.enumerated() {
            index[message.id] = position
            let digits = numberIn(message.id)
            if !digits.isEmpty { byNumber[digits, default: []].append(position) }
        }
        for position in messages.indices {
            for quoteIndex in messages[position].quotes.indices {
                let quote = messages[position].quotes[quoteIndex]
                var target: Int?
                if let reference = quote.messageID {
                    target = index[reference]
                    if target == nil, let candidates = byNumber[numberIn(reference)], candidates.count == 1 {
                        target = candidates[0]
                    }
                }
                // A quote that only names its author answers that author's latest earlier message.
                if target == nil, let author = quote.author?.lowercased(), !author.isEmpty {
                    target = messages[..<position].lastIndex { $0.author?.lowercased() == author }
                }
                if target == position { target = nil }
                messages[position].quotes[quoteIndex].messageID = target.map { messages[$0].id }
            }
            if let parent = messages[position].replyTo, index[parent] == nil {
                messages[position].replyTo = nil
            }
            if messages[position].replyTo == nil {
                messages[position].replyTo = messages[position].quotes.lazy.compactMap(\.messageID).first
            }
        }
        // Depth follows reply_to; a cycle (a page quoting a later message) stops the climb.
        for position in messages.indices {
            var depth = 0
            var seen: Set<String> = [messages[position].id]
            var parent = messages[position].replyTo
            while let id = parent, let next = index[id], seen.insert(id).inserted {
                depth += 1
                parent = messages[next].replyTo
            }
            messages[position].depth = depth
        }
    }

    /// The digits of an id, so that `#p1200`, `post_1200` and `p1200` name the same message.
    static func numberIn(_ id: String) -> String {
        String(id.filter(\.isASCII).filter(\.isNumber))
    }
}
