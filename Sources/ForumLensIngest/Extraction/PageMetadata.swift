import Foundation

/// What a saved page says about itself: title, thread URL, language, engine, and when it was saved.
public struct PageMetadata: Sendable, Hashable {
    public var title: String?
    /// `<link rel=canonical>`, else `og:url`.
    public var canonicalURL: String?
    /// The `<!-- saved from url=(0044)http://… -->` comment browsers add, or SingleFile's `url:`.
    public var savedFromURL: String?
    /// The save date stated by the page (SingleFile's `saved date:`), or by its MHTML envelope.
    public var saved: Date?
    /// `<html lang>` or `content-language`, as an ISO 639-1 code.
    public var language: String?
    /// `<meta name=generator>`.
    public var generator: String?
    /// `og:type` (`article` for blog posts and news stories).
    public var pageType: String?

    /// The thread's URL: canonical first, else where the page was saved from.
    public var url: String? { canonicalURL ?? savedFromURL }

    /// The forum engine named by the generator tag, lowercased without its version
    /// ("phpBB 3.0" → `phpbb`), when the page has one.
    public var engine: String? {
        guard let generator else { return nil }
        let name = generator.lowercased().prefix { $0.isLetter || $0 == "." || $0 == "-" || $0 == " " }
            .split(separator: " ").first.map(String.init)
        return name?.isEmpty == false ? name : nil
    }
}

extension PageMetadata {
    init(tree: HTMLTree) {
        let relID = tree.attributeID("rel")
        let hrefID = tree.attributeID("href")
        let nameID = tree.attributeID("name")
        let propertyID = tree.attributeID("property")
        let contentID = tree.attributeID("content")
        let httpEquivID = tree.attributeID("http-equiv")
        // Only these tags say anything here: compared by tag id, not by name per element.
        let read: Set<String> = ["title", "html", "link", "meta"]
        let readsTag = tree.tagNames.map(read.contains)
        for index in 0 ..< Int32(tree.count) {
            let node = tree[index]
            if node.kind == .comment {
                let bytes = tree.textBytes(index)
                if bytes.contains(utf8: "saved from url=") || bytes.contains(utf8: "SingleFile") || bytes.contains(utf8: "saved date:") {
                    readComment(tree.text(index))
                }
                continue
            }
            guard node.kind == .element, readsTag[Int(node.tag)] else { continue }
            switch tree.tagNames[Int(node.tag)] {
            case "title" where title == nil:
                // The renderer leaves the head out; the title's text is its text children.
                title = tree.children(of: index).map { tree.text($0) }.joined().collapsingSpaces.nilIfEmpty
            case "html" where language == nil:
                language = tree.attribute("lang", of: index).flatMap(Self.languageCode)
                    ?? tree.attribute("xml:lang", of: index).flatMap(Self.languageCode)
            case "link" where canonicalURL == nil:
                if relID.flatMap({ tree.attribute($0, of: index) })?.lowercased() == "canonical" {
                    canonicalURL = hrefID.flatMap { tree.attribute($0, of: index) }?.collapsingSpaces.nilIfEmpty
                }
            case "meta":
                let name = (nameID.flatMap { tree.attribute($0, of: index) }
                    ?? propertyID.flatMap { tree.attribute($0, of: index) }
                    ?? httpEquivID.flatMap { tree.attribute($0, of: index) })?.lowercased()
                // Descriptions and keywords can be long: only the contents read are collapsed.
                var content: String? { contentID.flatMap { tree.attribute($0, of: index) }?.collapsingSpaces }
                switch name {
                case "generator"?: generator = generator ?? content
                case "og:url"?: canonicalURL = canonicalURL ?? content
                case "og:type"?: pageType = pageType ?? content?.lowercased()
                case "content-language"?: language = language ?? content.flatMap(Self.languageCode)
                case "og:title"?: title = title ?? content
                default: break
                }
            default:
                break
            }
        }
    }

    /// `saved from url=(0044)https://…` (Chrome, IE) and SingleFile's `url:` / `saved date:` lines.
    private mutating func readComment(_ comment: String) {
        if savedFromURL == nil, let range = comment.range(of: "saved from url=") {
            var rest = comment[range.upperBound...]
            if rest.first == "(", let close = rest.firstIndex(of: ")") { rest = rest[rest.index(after: close)...] }
            savedFromURL = rest.prefix { !$0.isWhitespace }.nilIfEmpty.map(String.init)
        }
        guard comment.contains("SingleFile") || comment.contains("saved date:") else { return }
        for line in comment.split(whereSeparator: \.isNewline) {
            let trimmed = String(line).collapsingSpaces
            if savedFromURL == nil, trimmed.hasPrefix("url:") {
                savedFromURL = String(trimmed.dropFirst(4)).collapsingSpaces.nilIfEmpty
            } else if saved == nil, trimmed.hasPrefix("saved date:") {
                saved = Self.singleFileDate(String(trimmed.dropFirst(11)).collapsingSpaces)
            }
        }
    }

    /// JavaScript's `Date.toString()`: "Mon Mar 12 2012 15:00:00 GMT+0100 (heure normale …)".
    static func singleFileDate(_ text: String) -> Date? {
        let parts = text.split(separator: " ")
        guard parts.count >= 5 else { return nil }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "EEE MMM dd yyyy HH:mm:ss 'GMT'Z"
        return formatter.date(from: parts.prefix(6).joined(separator: " "))
    }

    /// `fr-FR` → `fr`; `und` and junk → nil.
    static func languageCode(_ value: String) -> String? {
        let code = value.collapsingSpaces.lowercased().prefix { $0.isLetter }
        guard code.count == 2 || code.count == 3, code != "und" else { return nil }
        return String(code)
    }
}

extension StringProtocol {
    var nilIfEmpty: Self? { isEmpty ? nil : self }
}
