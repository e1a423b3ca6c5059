import Foundation
import ForumLensCore

/// Limits and choices for reading inputs.
public struct IngestOptions: Sendable {
    /// Larger pages are refused with a problem rather than read (`--max-page-size`).
    public var maxPageBytes = 64 << 20
    /// Deeper elements are flattened into their ancestor at this depth, with a warning.
    public var depthCap = 4096
    /// The forum's time zone for local times shown without one (`--timezone`).
    public var timeZone: TimeZone?
    /// The language of messages when the page does not say (`--language`).
    public var language: String?
    /// Extractions less sure than this are reported as warnings.
    public var lowConfidence = 0.5
    /// By default the user's profiles (none here), else an engine that recognises the page,
    /// else the generic extractor.
    public var extractor: any Extractor = ExtractorChoice()
    /// Keep the extractor's account of its choices (`--explain`).
    public var explain = false
    /// Attributes kept in the tree: the extractors' and those the site profiles test.
    public var keptAttributes = KeptAttributes.standard
    /// Read where each page sits in its thread (for `--merge`: a thread is written once all
    /// its pages are read).
    public var readsPagination = false
    /// Seconds one file may take to read (`--max-seconds`); a file that takes longer is
    /// reported and left out. Nil: no limit.
    public var maxSeconds: Double?

    public init() {}
}

/// What one input file gave: its identity, the discussions read from it, and its problems.
public struct ReadInput: Sendable, Codable {
    public var input: InputFile?
    public var discussions: [Discussion] = []
    /// Per discussion: the message ids the extractor made up (the page had none), which may
    /// be renumbered when pages are merged.
    public var generatedIDs: [Set<String>] = []
    public var problems: [Problem] = []
    /// Where the page sits in its thread, when it says so and `readsPagination`.
    public var pagination: Pagination?
    /// The page after it, when its extractor can tell.
    public var followingPage: FollowingPage?
    /// The extractor's account of how it read the page (always its choice; with
    /// `IngestOptions.explain`, the candidates and each record's fields).
    public var notes: [String] = []

    public init() {}
}

public enum InputReader {
    public static func read(_ item: InputItem, options: IngestOptions) -> ReadInput {
        var result = ReadInput()
        let bytes: [UInt8]
        do {
            bytes = try PageBytes.read(path: item.path, maxBytes: options.maxPageBytes)
        } catch {
            result.problems.append(error)
            return result
        }
        return read(bytes, as: item, options: options)
    }

    /// What `read` makes of a file's bytes (`item` says where they come from and what kind of
    /// input they are): for tests and fuzzing, which have bytes and no file.
    public static func read(_ bytes: [UInt8], as item: InputItem, options: IngestOptions) -> ReadInput {
        var result = ReadInput()
        result.input = InputFile(path: item.path, sha256: SHA256.hex(bytes), bytes: bytes.count)
        guard !bytes.isEmpty else {
            result.problems.append(Problem(path: item.path, severity: .warning, message: "empty file: no messages"))
            return result
        }
        switch item.kind {
        case .messagesJSONL:
            let read = MessageFiles.readJSONL(bytes, path: item.path)
            result.discussions = read.discussions
            result.problems += read.problems
        case .messagesCSV(let separator):
            let read = MessageFiles.readCSV(bytes, separator: separator, path: item.path)
            result.discussions = read.discussions
            result.problems += read.problems
        case .page, .mhtml:
            readPage(bytes, item: item, options: options, into: &result)
            return result
        }
        result.generatedIDs = result.discussions.map { _ in [] }
        return result
    }

    private static func readPage(_ raw: [UInt8], item: InputItem, options: IngestOptions, into result: inout ReadInput) {
        let path = item.path
        let deadline = options.maxSeconds.map { ContinuousClock.now + .milliseconds(Int($0 * 1000)) }
        func tooLong() -> Problem {
            Problem(path: path, severity: .error, message: "took longer than \(options.maxSeconds.map { String(format: "%g", $0) } ?? "") s to read (--max-seconds): left out")
        }
        var html = raw
        var envelope: MHTMLPage?
        if item.kind == .mhtml {
            do {
                envelope = try MHTML.mainPage(raw, path: path)
                html = envelope!.html
            } catch {
                result.problems.append(error)
                return
            }
        }
        if PageBytes.looksBinary(html) {
            result.problems.append(Problem(path: path, severity: .error, message: "binary data, not a saved page"))
            return
        }
        var charset = Charset.decide(html)
        if charset.encoding.hasPrefix("UTF-16") {
            // Read as UTF-8 from here on, so that what follows looks at ASCII markup.
            html = Charset.utf8(fromUTF16: html.dropFirst(charset.skip), bigEndian: charset.encoding == "UTF-16BE")
            charset = CharsetDecision(encoding: "UTF-8", skip: 0, warning: charset.warning)
        } else if !charset.encoding.uppercased().hasPrefix("UTF-32"), html.contains(0) {
            // libxml2 stops at a NUL: stray ones (a damaged file) go.
            let count = html.count
            html.removeAll { $0 == 0 }
            result.problems.append(Problem(path: path, severity: .warning, message: "\(count - html.count) NUL bytes in the page were dropped"))
            charset = Charset.decide(html)
        }
        if charset.repair { html = Charset.repairingUTF8(html).bytes }
        if Self.looksTruncated(html) {
            result.problems.append(Problem(
                path: path, severity: .warning,
                message: "the page seems truncated (it ends without </body> or </html>); its last message may be incomplete"))
        }
        // `decide` reads bytes as UTF-8 without a BOM only when they are valid UTF-8.
        let validUTF8 = charset.encoding == "UTF-8" && charset.skip == 0
        if let declared = envelope?.charset, charset.skip == 0, charset.warning == nil {
            let name = Charset.canonicalName(declared)
            if LibXML2.knowsEncoding(name) { charset.encoding = name }
        }
        if let warning = charset.warning {
            result.problems.append(Problem(path: path, severity: .warning, message: warning))
        }
        let tree = html.withUnsafeBytes { buffer in
            LibXML2.parseHTML(
                UnsafeRawBufferPointer(rebasing: buffer[charset.skip...]), encoding: charset.encoding,
                validUTF8: validUTF8 ? true : nil, depthCap: options.depthCap, kept: options.keptAttributes, deadline: deadline)
        }
        if tree.stoppedAtDeadline { return result.problems.append(tooLong()) }
        if tree.depthCapped {
            result.problems.append(Problem(
                path: path, severity: .warning,
                message: "markup nested deeper than \(options.depthCap) levels; deeper elements were flattened"))
        }
        var metadata = PageMetadata(tree: tree)
        if let envelope {
            metadata.savedFromURL = metadata.savedFromURL ?? envelope.url
            metadata.saved = metadata.saved ?? envelope.saved
        }
        let reference = metadata.saved ?? modificationDate(path)
        let page = ParsedPage(
            path: path, tree: tree, metadata: metadata,
            dateContext: DateContext(reference: reference, timeZone: options.timeZone), explain: options.explain)
        let extracted = options.extractor.extract(page)
        if let deadline, ContinuousClock.now >= deadline { return result.problems.append(tooLong()) }
        result.notes = extracted.notes
        result.problems += extracted.warnings.map { Problem(path: path, severity: .warning, message: $0) }
        result.followingPage = extracted.followingPage
        var messages = extracted.messages
        guard !messages.isEmpty else {
            result.problems.append(Problem(path: path, severity: .warning, message: "no messages found"))
            return
        }
        if extracted.confidence < options.lowConfidence {
            result.problems.append(Problem(
                path: path, severity: .warning,
                message: "low-confidence extraction (\(extracted.extractor), confidence \(extracted.confidence))"))
        }
        let language = metadata.language ?? options.language
        for index in messages.indices where messages[index].language == nil {
            messages[index].language = language
        }
        result.discussions = [Discussion(
            id: DiscussionAssembler.discussionID(url: metadata.url, path: path), title: metadata.title, url: metadata.url,
            // The generator tag's engine, else the engine or profile that read the page.
            sources: [path], engine: metadata.engine ?? (extracted.extractor == GenericExtractor().name ? nil : extracted.extractor),
            language: language, messages: messages,
            extraction: [Extraction(source: path, extractor: extracted.extractor, confidence: extracted.confidence, messages: messages.count)])]
        result.generatedIDs = [extracted.generatedIDs]
        if options.readsPagination { result.pagination = Pagination.read(tree: tree, title: metadata.title) }
    }

    /// A saved page ends with `</html>` or at least `</body>`; one cut short (an interrupted
    /// download, a full disk) does not. Only the last 64 KB are looked at.
    static func looksTruncated(_ html: [UInt8]) -> Bool {
        let tail = html.suffix(65536)
        // From the end: `</html` or `</body`, any case.
        var index = tail.endIndex - 6
        while index >= tail.startIndex {
            if tail[index] == UInt8(ascii: "<"), tail[index + 1] == UInt8(ascii: "/") {
                let name = tail[index + 2 ..< index + 6].map { $0 | 0x20 }
                if name == Array("html".utf8) || name == Array("body".utf8) { return false }
            }
            index -= 1
        }
        return true
    }

    private static func modificationDate(_ path: String) -> Date? {
        (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
    }
}
