// The message model of the report schema `forumlens/report@1`. Field names are a contract
// (DESIGN.md): add fields freely, rename or remove only with a new schema version.

/// A passage of another message (or of an outside source) that a message quotes.
public struct Quote: Codable, Sendable, Hashable {
    /// The quoted author as shown ("X a écrit :", `blockquote cite`), when shown.
    public var author: String?
    public var text: String
    /// The quoted message's id, when it is a message of the same discussion.
    public var messageID: String?

    public init(author: String? = nil, text: String, messageID: String? = nil) {
        self.author = author
        self.text = text
        self.messageID = messageID
    }

    enum CodingKeys: String, CodingKey {
        case author, text
        case messageID = "message_id"
    }
}

/// `post` for forum messages and comments; `article` for the blog post or story a comment
/// thread hangs under (analysed too, but counted apart).
public enum MessageRole: String, Codable, Sendable {
    case post, article
}

public struct Message: Codable, Sendable, Hashable {
    /// The page's own id for the message (`p1234`, `post-42`) or a given input id; otherwise
    /// a generated one, unique within its discussion.
    public var id: String
    /// 1-based position in the discussion.
    public var position: Int
    public var role: MessageRole
    public var author: String?
    public var authorID: String?
    /// ISO 8601; a local time without a known zone has no offset.
    public var published: String?
    /// The date as the page displays it.
    public var publishedText: String?
    /// ISO 639-1, or `und`; nil when not determined.
    public var language: String?
    /// The message's own words: no quotes, signatures or "edited by" footers.
    public var text: String
    public var quotes: [Quote]
    public var replyTo: String?
    /// 0 for a message that answers no other message of the discussion.
    public var depth: Int
    /// A permalink to the message, when the page gives one.
    public var url: String?

    public init(
        id: String, position: Int, role: MessageRole = .post, author: String? = nil,
        authorID: String? = nil, published: String? = nil, publishedText: String? = nil,
        language: String? = nil, text: String, quotes: [Quote] = [], replyTo: String? = nil,
        depth: Int = 0, url: String? = nil
    ) {
        self.id = id
        self.position = position
        self.role = role
        self.author = author
        self.authorID = authorID
        self.published = published
        self.publishedText = publishedText
        self.language = language
        self.text = text
        self.quotes = quotes
        self.replyTo = replyTo
        self.depth = depth
        self.url = url
    }

    enum CodingKeys: String, CodingKey {
        case id, position, role, author
        case authorID = "author_id"
        case published
        case publishedText = "published_text"
        case language, text, quotes
        case replyTo = "reply_to"
        case depth, url
    }
}

/// How one source file became messages: which extractor, and how sure it is.
public struct Extraction: Codable, Sendable, Hashable {
    public var source: String
    public var extractor: String
    /// 0…1: how clearly the page showed repeated posts with authors, dates and bodies.
    public var confidence: Double
    public var messages: Int

    public init(source: String, extractor: String, confidence: Double, messages: Int) {
        self.source = source
        self.extractor = extractor
        self.confidence = confidence
        self.messages = messages
    }
}

public struct Discussion: Codable, Sendable, Hashable {
    public var id: String
    public var title: String?
    public var url: String?
    public var sources: [String]
    public var engine: String?
    public var language: String?
    public var messages: [Message]
    public var extraction: [Extraction]

    public init(
        id: String, title: String? = nil, url: String? = nil, sources: [String] = [],
        engine: String? = nil, language: String? = nil, messages: [Message] = [],
        extraction: [Extraction] = []
    ) {
        self.id = id
        self.title = title
        self.url = url
        self.sources = sources
        self.engine = engine
        self.language = language
        self.messages = messages
        self.extraction = extraction
    }
}

public enum Severity: String, Codable, Sendable, Comparable {
    /// Read with a fallback: charset guessed, no messages found, low-confidence extraction.
    case warning
    /// An input (or a plugin result) was lost.
    case error

    public static func < (a: Severity, b: Severity) -> Bool { a == .warning && b == .error }
}

public struct Problem: Codable, Sendable, Hashable, Error {
    public var path: String
    public var severity: Severity
    public var message: String

    public init(path: String, severity: Severity, message: String) {
        self.path = path
        self.severity = severity
        self.message = message
    }
}

/// One input file as read: what the report's `inputs` lists.
public struct InputFile: Codable, Sendable, Hashable {
    public var path: String
    public var sha256: String
    public var bytes: Int

    public init(path: String, sha256: String, bytes: Int) {
        self.path = path
        self.sha256 = sha256
        self.bytes = bytes
    }
}

public struct Tool: Codable, Sendable, Hashable {
    public var name: String
    public var version: String

    public static let current = Tool(name: "forumlens", version: "0.1.0")
}
