import ForumLensCore

/// The tables of `CSVTablesWriter` that summarise: `replies.csv` (the reply and quote graph,
/// for network tools), `themes.csv` (each analyzer's grouped items: advice themes, discovered
/// themes) and `authors.csv` (per author of each discussion, their counts and each analyzer's
/// summary).
extension CSVTablesWriter {
    /// One row per reply (`reply_to`) and per quote of a message of the discussion or of a
    /// named author: who answers or quotes whom.
    public static let replyColumns = ["discussion_id", "message_id", "author", "kind", "to_message_id", "to_author"]
    /// One row per group, ranked; the corpus's groups last, with no discussion id.
    public static let themeColumns = [
        "discussion_id", "analyzer", "collection", "rank", "key", "label", "count", "authors",
        "quote_1", "quote_1_message", "quote_1_author", "quote_2", "quote_2_message", "quote_2_author",
        "quote_3", "quote_3_message", "quote_3_author",
    ]
    public static let authorColumns = ["discussion_id", "author", "messages", "first_published", "last_published", "replies_received"]

    struct AuthorRow {
        var discussion: String
        var author: String
        var messages: Int
        var first: String?
        var last: String?
        var repliesReceived: Int
        var summary: Summaries
    }

    mutating func writeReplies(_ discussion: Discussion, to sink: OutputSink) throws {
        csv.removeAll()
        for reply in ReportRows.replies(in: discussion) {
            csv.text(discussion.id)
            csv.text(reply.message.id)
            csv.text(reply.message.author)
            csv.text(reply.kind)
            csv.text(reply.to)
            csv.text(reply.toAuthor)
            csv.endRow()
        }
        try sink.write(csv.bytes)
    }

    mutating func writeThemes(_ summaries: Summaries, discussion: String?, to sink: OutputSink) throws {
        csv.removeAll()
        for (id, tally) in summaries.entries {
            for collection in tally.collections {
                for (rank, group) in tally.groups(of: collection).enumerated() {
                    csv.text(discussion)
                    csv.text(id)
                    csv.text(collection)
                    csv.number(rank + 1)
                    csv.text(group.key)
                    csv.text(group.label)
                    csv.number(group.count)
                    csv.text(group.authors.joined(separator: "; "))
                    for index in 0 ..< 3 {
                        let quote = index < group.quotes.count ? group.quotes[index] : nil
                        csv.text(quote?.text)
                        csv.text(quote?.message)
                        csv.text(quote?.author)
                    }
                    csv.endRow()
                }
            }
        }
        try sink.write(csv.bytes)
    }

    mutating func keepAuthors(_ discussion: Discussion, _ analysis: DiscussionAnalysis) {
        var received: [String: Int] = [:]
        for reply in ReportRows.replies(in: discussion) where reply.kind == "reply" {
            if let author = reply.toAuthor { received[author, default: 0] += 1 }
        }
        for entry in analysis.authors {
            let dates = discussion.messages.filter { $0.author == entry.author }.compactMap(\.published).sorted()
            authorRows.append(AuthorRow(
                discussion: discussion.id, author: entry.author, messages: entry.messages, first: dates.first, last: dates.last,
                repliesReceived: received[entry.author] ?? 0, summary: entry.summary))
        }
    }

    /// The analyzers' columns: `<id>.<count>` for the counts and sums every tally names (not
    /// those named after a value, such as `target: …` or `2010-04 messages`), its ratios, its
    /// samples' medians, and its groups' labels, best first.
    mutating func writeAuthors(to sink: OutputSink) throws {
        var columns: [(id: String, name: String, kind: Int)] = []
        func add(_ id: String, _ name: String, _ kind: Int) {
            if !columns.contains(where: { $0.id == id && $0.name == name }) { columns.append((id, name, kind)) }
        }
        for row in authorRows {
            for (id, tally) in row.summary.entries {
                for entry in tally.entries where entry.name != "messages" && !entry.name.utf8.contains(UInt8(ascii: ":")) && !(entry.name.first?.isNumber ?? true) {
                    add(id, entry.name, 0)
                }
                for ratio in tally.ratios { add(id, ratio.name, 1) }
                for sample in tally.samples { add(id, sample.name + " median", 2) }
                for collection in tally.collections { add(id, collection, 3) }
            }
        }
        csv.removeAll()
        if csv.dialect.byteOrderMark { csv.byteOrderMark() }
        csv.header(Self.authorColumns + columns.map { "\($0.id).\($0.name)" })
        for row in authorRows {
            csv.text(row.discussion)
            csv.text(row.author)
            csv.number(row.messages)
            csv.text(row.first)
            csv.text(row.last)
            csv.number(row.repliesReceived)
            for column in columns {
                guard let tally = row.summary[column.id] else { csv.text(nil); continue }
                switch column.kind {
                // Rounded as the JSON writes them: 2.977, not 2.9770000000000003; ratios to 4 places.
                case 0: csv.number((tally[column.name] * 1e9).rounded() / 1e9)
                case 1: csv.number(tally.ratios.first { $0.name == column.name }.flatMap(tally.value(ofRatio:)).map { ($0 * 1e4).rounded() / 1e4 })
                case 2: csv.number(tally.samples.first { $0.name + " median" == column.name }.map { Tally.median($0.values) })
                default: csv.text(tally.groups(of: column.name).map(\.label).joined(separator: "; "))
                }
            }
            csv.endRow()
        }
        try sink.write(csv.bytes)
    }
}
