import ForumLensCore

/// The `forumlens/report@1` field names, written by `JSONText`. A test decodes this output
/// with the model's `Codable` conformance, so the two cannot drift apart.
extension JSONText {
    /// The message's fields, inside an object the caller has begun.
    public mutating func messageFields(_ message: Message) {
        key("id"); string(message.id)
        key("position"); number(message.position)
        key("role"); string(message.role.rawValue)
        key("author"); string(message.author)
        key("author_id"); string(message.authorID)
        key("published"); string(message.published)
        key("published_text"); string(message.publishedText)
        key("language"); string(message.language)
        key("text"); string(message.text)
        key("quotes"); beginArray()
        for quote in message.quotes {
            beginObject()
            key("author"); string(quote.author)
            key("text"); string(quote.text)
            key("message_id"); string(quote.messageID)
            endObject()
        }
        endArray()
        key("reply_to"); string(message.replyTo)
        key("depth"); number(message.depth)
        key("url"); string(message.url)
    }

    /// A discussion's own fields (not its messages), inside an object the caller has begun.
    public mutating func discussionFields(_ discussion: Discussion) {
        key("id"); string(discussion.id)
        key("title"); string(discussion.title)
        key("url"); string(discussion.url)
        key("sources"); strings(discussion.sources)
        key("engine"); string(discussion.engine)
        key("language"); string(discussion.language)
        key("extraction"); beginArray()
        for extraction in discussion.extraction {
            beginObject()
            key("source"); string(extraction.source)
            key("extractor"); string(extraction.extractor)
            key("confidence"); number(extraction.confidence)
            key("messages"); number(extraction.messages)
            endObject()
        }
        endArray()
    }

    public mutating func strings(_ values: [String]) {
        beginArray()
        for value in values { string(value) }
        endArray()
    }

    public mutating func inputs(_ inputs: [InputFile]) {
        beginArray()
        for input in inputs {
            beginObject()
            key("path"); string(input.path)
            key("sha256"); string(input.sha256)
            key("bytes"); number(input.bytes)
            endObject()
        }
        endArray()
    }

    public mutating func problems(_ problems: [Problem]) {
        beginArray()
        for problem in problems {
            beginObject()
            key("path"); string(problem.path)
            key("severity"); string(problem.severity.rawValue)
            key("message"); string(problem.message)
            endObject()
        }
        endArray()
    }

    public mutating func value(_ value: JSONValue) {
        switch value {
        case .null: null()
        case let .bool(flag): bool(flag)
        case let .number(number): self.number(number)
        case let .string(text): string(text)
        case let .array(items):
            beginArray()
            for item in items { self.value(item) }
            endArray()
        case let .object(fields):
            beginObject()
            for (name, item) in fields {
                key(named: name)
                self.value(item)
            }
            endObject()
        }
    }

    /// Summaries as an object of their own.
    public mutating func summaries(_ summaries: Summaries) {
        beginObject()
        summaryFields(summaries)
        endObject()
    }

    /// A message's `results`: each analyzer's result under its id.
    public mutating func results(_ results: DiscussionAnalysis.Results) {
        beginObject()
        for (id, result) in results {
            key(named: id)
            value(result)
        }
        endObject()
    }

    /// Summaries as `{"<analyzer>": {"<count>": n, …}, …}` fields of an object already begun.
    public mutating func summaryFields(_ summaries: Summaries) {
        for (id, tally) in summaries.entries {
            key(named: id)
            beginObject()
            for (name, count) in tally.entries {
                key(named: name)
                // Sums of decimals: 2.977, not 2.9770000000000003.
                number((count * 1e9).rounded() / 1e9)
            }
            for ratio in tally.ratios {
                guard let value = tally.value(ofRatio: ratio) else { continue }
                key(named: ratio.name)
                number((value * 1e4).rounded() / 1e4)
            }
            for (name, values) in tally.samples {
                key(named: name)
                beginObject()
                key("count"); number(values.count)
                key("total"); number((values.reduce(0, +) * 1e9).rounded() / 1e9)
                key("median"); number(Tally.median(values))
                // The values themselves, so that partial reports merge into the right median.
                key("values"); beginArray(); for value in values { number(value) }; endArray()
                endObject()
            }
            for collection in tally.collections {
                key(named: collection)
                beginArray()
                for group in tally.groups(of: collection) {
                    beginObject()
                    key("key"); string(group.key)
                    key("label"); string(group.label)
                    key("count"); number(group.count)
                    key("authors"); beginArray(); for author in group.authors { string(author) }; endArray()
                    key("quotes")
                    beginArray()
                    for quote in group.quotes {
                        beginObject()
                        key("value"); number(quote.value)
                        if let message = quote.message { key("message"); string(message) }
                        if let author = quote.author { key("author"); string(author) }
                        key("text"); string(quote.text)
                        endObject()
                    }
                    endArray()
                    endObject()
                }
                endArray()
            }
            var index = tally.extremes.startIndex
            while index < tally.extremes.endIndex {
                let name = tally.extremes[index].name
                let group = tally.extremes[index...].prefix { $0.name == name }
                key(named: name)
                if group.first!.top > 1 { beginArray() }
                for extreme in group {
                    beginObject()
                    key("value"); number(extreme.value)
                    if let message = extreme.message { key("message"); string(message) }
                    if let text = extreme.text { key("text"); string(text) }
                    endObject()
                }
                if group.first!.top > 1 { endArray() }
                index += group.count
            }
            endObject()
        }
    }

    /// A discussion's per-author summaries.
    public mutating func authors(_ authors: [(author: String, messages: Int, summary: Summaries)]) {
        beginArray()
        for entry in authors {
            beginObject()
            key("author"); string(entry.author)
            key("messages"); number(entry.messages)
            key("summary"); beginObject(); summaryFields(entry.summary); endObject()
            endObject()
        }
        endArray()
    }

    public mutating func analyzers(_ analyzers: [AnalyzerInfo]) {
        beginArray()
        for analyzer in analyzers {
            beginObject()
            key("id"); string(analyzer.id)
            key("version"); string(analyzer.version)
            if !analyzer.resources.isEmpty {
                key("resources")
                beginObject()
                for resource in analyzer.resources { key(named: resource.name); string(resource.digest) }
                endObject()
            }
            endObject()
        }
        endArray()
    }
}

extension DiscussionAnalysis {
    /// A message's `results`, the discussion's `summary` and its `authors` as JSON, as every
    /// writer writes them: encoded once (see `EncodedAnalysis`).
    public func resultsJSON(at index: Int) -> [UInt8] {
        encoded.bytes(of: .results(message: index)) { JSONText.encoding { $0.results(results[index]) } }
    }

    public var summaryJSON: [UInt8] { encoded.bytes(of: .summary) { JSONText.encoding { $0.summaries(summary) } } }

    public var authorsJSON: [UInt8] { encoded.bytes(of: .authors) { JSONText.encoding { $0.authors(authors) } } }
}
