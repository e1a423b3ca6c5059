import Foundation
import ForumLensCore

/// How pages become discussions (`--merge`).
public enum MergeMode: String, Sendable, CaseIterable {
    /// Pages with the same thread URL become one discussion, in page order.
    case url
    /// Also pages of one engine with the same title.
    case title
    /// Each file its own discussion.
    case none
}

/// Joins the pages of one thread into one discussion and hands discussions out as soon as
/// nothing later can add to them: at once with `--merge none` or for pages with no URL,
/// at the end of the run for threads that may have more pages.
public struct DiscussionAssembler {
    public let mode: MergeMode
    private var open: [String: Pending] = [:]
    private var openOrder: [String] = []

    private struct Pending {
        var pages: [(order: Int, page: Int, discussion: Discussion, generated: Set<String>)]
    }

    public init(mode: MergeMode) {
        self.mode = mode
    }

    /// Adds what one input gave (`order`: its place in the run); returns the discussions that
    /// are complete.
    public mutating func add(_ read: ReadInput, order: Int) -> [Discussion] {
        var complete: [Discussion] = []
        for (index, discussion) in read.discussions.enumerated() {
            let generated = index < read.generatedIDs.count ? read.generatedIDs[index] : []
            guard mode != .none, let key = threadKey(discussion) else {
                complete.append(Self.finished([(order, 0, discussion, generated)]))
                continue
            }
            if open[key] == nil {
                open[key] = Pending(pages: [])
                openOrder.append(key)
            }
            open[key]!.pages.append((order, Self.pageNumber(discussion.url), discussion, generated))
        }
        return complete
    }

    /// Everything still open, in the order each thread was first seen.
    public mutating func finish() -> [Discussion] {
        defer {
            open = [:]
            openOrder = []
        }
        return openOrder.compactMap { open[$0] }.map { Self.finished($0.pages) }
    }

    private func threadKey(_ discussion: Discussion) -> String? {
        if discussion.sources.isEmpty { return "messages:" + discussion.id }
        if let url = discussion.url { return "url:" + Self.threadURL(url) }
        if mode == .title, let title = discussion.title {
            return "title:\(discussion.engine ?? ""):" + Self.threadTitle(title)
        }
        return nil
    }

    private static func finished(_ pages: [(order: Int, page: Int, discussion: Discussion, generated: Set<String>)]) -> Discussion {
        let sorted = pages.sorted { ($0.page, $0.order) < ($1.page, $1.order) }
        var merged = sorted[0].discussion
        merged.messages = []
        merged.sources = []
        merged.extraction = []
        var used = Set<String>()
        for page in sorted {
            merged.sources += page.discussion.sources
            merged.extraction += page.discussion.extraction
            for var message in page.discussion.messages {
                // Made-up ids follow the discussion's numbering; the page's own stay as they are.
                if page.generated.contains(message.id) || used.contains(message.id) {
                    let fresh = "m\(merged.messages.count + 1)"
                    message.id = used.contains(fresh) ? "\(fresh)~\(page.order)" : fresh
                }
                used.insert(message.id)
                message.position = merged.messages.count + 1
                merged.messages.append(message)
            }
        }
        ReplyStructure.resolve(&merged.messages)
        return merged
    }

    /// A short stable id for a page's discussion: `d` and 12 hex digits of the SHA-256 of its
    /// thread URL (the same for every page of the thread), else of its path.
    public static func discussionID(url: String?, path: String) -> String {
        "d" + SHA256.hex(Array((url.map(threadURL) ?? path).utf8)).prefix(12)
    }

    private static let pageParameters: Set<String> = ["start", "page", "pg", "st", "sid", "s", "pagenum", "offset", "p_page", "pagina", "seite"]

    /// The URL of a thread whatever page of it: fragment, session and page parameters and
    /// `/page-2` segments removed.
    static func threadURL(_ url: String) -> String {
        var base = url.split(separator: "#", maxSplits: 1).first.map(String.init) ?? url
        var query: [Substring] = []
        if let mark = base.firstIndex(of: "?") {
            query = base[base.index(after: mark)...].split(whereSeparator: { $0 == "&" || $0 == ";" })
                .filter { parameter in
                    let name = parameter.split(separator: "=", maxSplits: 1).first.map { $0.lowercased() } ?? ""
                    return !pageParameters.contains(name)
                }
            base = String(base[..<mark])
        }
        var segments = base.split(separator: "/", omittingEmptySubsequences: false)
        while let last = segments.last, last.isEmpty || isPageSegment(last), segments.count > 3 { segments.removeLast() }
        let path = segments.joined(separator: "/")
        return query.isEmpty ? path : path + "?" + query.sorted().joined(separator: "&")
    }

    private static func isPageSegment(_ segment: Substring) -> Bool {
        let lower = segment.lowercased()
        for prefix in ["page-", "page", "p"] where lower.hasPrefix(prefix) {
            let rest = lower.dropFirst(prefix.count)
            if !rest.isEmpty, rest.allSatisfy(\.isNumber) { return true }
        }
        return false
    }

    /// The page number a URL shows (`start=10` counts as after `start=0`), 0 when none.
    static func pageNumber(_ url: String?) -> Int {
        guard let url else { return 0 }
        let lower = url.lowercased()
        for key in ["start=", "page=", "pg=", "offset=", "pagina=", "seite="] {
            if let range = lower.range(of: key) {
                let before = range.lowerBound == lower.startIndex ? "?" : lower[lower.index(before: range.lowerBound)]
                guard "?&;".contains(before) else { continue }
                if let number = Int(lower[range.upperBound...].prefix(while: \.isNumber)) { return number }
            }
        }
        for segment in lower.split(separator: "/").reversed() where isPageSegment(segment) {
            return Int(segment.filter(\.isNumber)) ?? 0
        }
        return 0
    }

    /// "Re: Titre - Page 2" and "Titre - Page 2 sur 3" are the same thread as "Titre".
    static func threadTitle(_ title: String) -> String {
        var lower = title.lowercased().collapsingSpaces
        for marker in [" - page ", " – page ", " | page ", ", page ", " page "] {
            if let range = lower.range(of: marker, options: .backwards) { lower = String(lower[..<range.lowerBound]) }
        }
        if lower.hasPrefix("re: ") { lower = String(lower.dropFirst(4)) }
        return lower
    }
}
