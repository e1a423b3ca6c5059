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
/// nothing later can add to them: at once with `--merge none` or for pages with no URL, as
/// soon as all its pages are read for a thread whose pages say how many there are ("Page 2
/// sur 3") or link to the next one (a profile's `next_page`), at the end of the run for other
/// threads. A message a page repeats
/// from the page before, when that page is in the run, is kept once.
public struct DiscussionAssembler {
    public let mode: MergeMode
    private var open: [String: Pending] = [:]
    private var openOrder: [String] = []
    /// Threads already written because all their pages were read.
    private var written: Set<String> = []

    private struct Pending {
        var pages: [(order: Int, page: Int, discussion: Discussion, generated: Set<String>)]
        /// Each page's place in the thread as it says it; nil for a page that does not.
        var paginations: [Pagination?] = []
        /// Each page's next page as its link says; nil when its extractor cannot tell.
        var followings: [FollowingPage?] = []

        /// Whether all the thread's pages are here: every page says where it sits and pages 1
        /// to the count are all here, or the pages link to one another from the first to one
        /// with no next page.
        var isComplete: Bool {
            let known = paginations.compactMap { $0 }
            if known.count == paginations.count, let count = known.first?.count, known.allSatisfy({ $0.count == count }),
               Set(known.map(\.page)) == Set(1 ... count)
            {
                return true
            }
            guard followings.allSatisfy({ $0 != nil }) else { return false }
            // One page per number (copies of a page say the same), in page order.
            var byNumber: [Int: FollowingPage] = [:]
            for (page, following) in zip(pages, followings) { byNumber[page.page] = following }
            let numbers = byNumber.keys.sorted()
            // The first page shows no page marker, or the first one (`page=1`).
            guard let first = numbers.first, first <= 1 else { return false }
            for (number, next) in zip(numbers, numbers.dropFirst()) {
                guard case let .at(url)? = byNumber[number], DiscussionAssembler.pageNumber(url) == next else { return false }
            }
            return byNumber[numbers.last!] == FollowingPage.none
        }
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
            let key = mode == .none ? nil : threadKey(discussion)
            guard let key, !written.contains(key) else {
                var alone = discussion
                // Kept apart, two files of one thread (or two copies of a page) are two
                // discussions: their ids come from their paths. So is a page of a thread
                // already written whole (a copy of one of its pages).
                if key != nil || mode == .none, let path = discussion.sources.first, discussion.url != nil {
                    alone.id = Self.discussionID(url: nil, path: path)
                }
                complete.append(Self.finished([(order, 0, alone, generated)]))
                continue
            }
            if open[key] == nil {
                open[key] = Pending(pages: [])
                openOrder.append(key)
            }
            open[key]!.pages.append((order, Self.pageNumber(discussion.url), discussion, generated))
            open[key]!.paginations.append(read.pagination)
            open[key]!.followings.append(read.followingPage)
            if open[key]!.isComplete {
                complete.append(Self.finished(open.removeValue(forKey: key)!.pages))
                openOrder.removeAll { $0 == key }
                written.insert(key)
            }
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

    /// Joins parts of one discussion that separate runs wrote (`forumlens merge`): in page
    /// order, each message once, as if one run had read all their pages. Ids of the form `m12`
    /// are taken to be made up (pages without ids of their own) and numbered again. Also
    /// returns where each message of the result comes from: its part and its index there.
    public static func join(_ parts: [Discussion]) -> (discussion: Discussion, origins: [(part: Int, message: Int)]) {
        let pages = parts.enumerated().map { order, part in
            (order, pageNumber(part.url), part, Set(part.messages.map(\.id).filter(isMadeUp)))
        }
        return finishedWithOrigins(pages)
    }

    /// `m` and digits, maybe with a `~` suffix: the ids `finished` and the extractors make up.
    private static func isMadeUp(_ id: String) -> Bool {
        let number = id.prefix { $0 != "~" }
        return number.count > 1 && number.first == "m" && number.dropFirst().allSatisfy { $0.isASCII && $0.isNumber }
    }

    private static func finished(_ pages: [(order: Int, page: Int, discussion: Discussion, generated: Set<String>)]) -> Discussion {
        finishedWithOrigins(pages).discussion
    }

    private static func finishedWithOrigins(
        _ pages: [(order: Int, page: Int, discussion: Discussion, generated: Set<String>)]
    ) -> (discussion: Discussion, origins: [(part: Int, message: Int)]) {
        let sorted = pages.sorted { ($0.page, $0.order) < ($1.page, $1.order) }
        var origins: [(part: Int, message: Int)] = []
        var merged = sorted[0].discussion
        merged.messages = []
        merged.sources = []
        merged.extraction = []
        var used = Set<String>()
        // Ids the pages before gave their messages themselves.
        var earlierOwnIDs = Set<String>()
        var previous: (page: Int, last: Message?)?
        for page in sorted {
            merged.sources += page.discussion.sources
            merged.extraction += page.discussion.extraction
            var ownIDs: [String] = []
            for (index, var message) in page.discussion.messages.enumerated() {
                let ownID = !page.generated.contains(message.id)
                if ownID ? earlierOwnIDs.contains(message.id)
                    : index == 0 && previous.map({ $0.page < page.page && Self.repeats(message, $0.last) }) == true
                {
                    continue
                }
                if ownID { ownIDs.append(message.id) }
                // Made-up ids follow the discussion's numbering; the page's own stay as they are.
                if page.generated.contains(message.id) || used.contains(message.id) {
                    let fresh = "m\(merged.messages.count + 1)"
                    message.id = used.contains(fresh) ? "\(fresh)~\(page.order)" : fresh
                }
                used.insert(message.id)
                message.position = merged.messages.count + 1
                merged.messages.append(message)
                origins.append((page.order, index))
            }
            earlierOwnIDs.formUnion(ownIDs)
            previous = (page.page, page.discussion.messages.last)
        }
        ReplyStructure.resolve(&merged.messages)
        return (merged, origins)
    }

    /// Whether `message`, first on its page, repeats the last one of the page before
    /// ("Reprise du message précédent"): pages whose messages have ids show the same id (the
    /// check above); without ids, the same author and the same text after a label, a text
    /// long enough that a new message would not repeat it by chance ("merci", "+1").
    private static func repeats(_ message: Message, _ last: Message?) -> Bool {
        guard let last, last.text.count >= 20, message.author == last.author else { return false }
        return message.text.hasSuffix(last.text)
    }

    /// A short stable id for a page's discussion: `d` and 12 hex digits of the SHA-256 of its
    /// thread URL (the same for every page of the thread), else of its path.
    public static func discussionID(url: String?, path: String) -> String {
        "d" + SHA256.hex(Array((url.map(threadURL) ?? path).utf8)).prefix(12)
    }

    private static let pageParameters: Set<String> = ["start", "page", "pg", "st", "pagenum", "offset", "p_page", "pagina", "seite"]
    private static let sessionParameters: Set<String> = ["sid", "s", "phpsessid", "sessionid"]

    /// A thread address split into the thread and the page it shows, on the forms engines
    /// write: `start=10`, `page=2`, `/page-2`, `/page/2/`, `?4521-title/page2` (vBulletin 4),
    /// `topic=2231.15` (SMF), `viewtopic.php?id=7&p=2` (FluxBB), `/t1287p15-title` (Forumactif).
    private static func split(_ url: String) -> (thread: String, page: Int) {
        var page = 0
        var base = url.split(separator: "#", maxSplits: 1).first.map(String.init) ?? url
        var query: [String] = []
        if let mark = base.firstIndex(of: "?") {
            query = base[base.index(after: mark)...].split(whereSeparator: { $0 == "&" || $0 == ";" }).map(String.init)
            base = String(base[..<mark])
        }
        let names = Set(query.map { $0.split(separator: "=", maxSplits: 1).first.map { $0.lowercased() } ?? "" })
        // FluxBB numbers pages with `p` where topics are `id`; phpBB's `p` is a post.
        let pIsPage = names.contains("id") && !names.contains("t")
        var kept: [String] = []
        for parameter in query {
            // Kept empty: `?=x` has an empty name (fuzzing found `?=` crashing here).
            let parts = parameter.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            let name = parts[0].lowercased()
            let value = parts.count > 1 ? parts[1] : ""
            if pageParameters.contains(name) || (pIsPage && name == "p") {
                page = Int(value) ?? page
                continue
            }
            if sessionParameters.contains(name) { continue }
            if name == "topic", let dot = value.firstIndex(of: "."), let offset = Int(value[value.index(after: dot)...]) {
                page = offset
                kept.append("topic=" + value[..<dot])
                continue
            }
            if parts.count == 1 {
                // A path in the query (`?4521-title/page2`).
                var segments = parameter.split(separator: "/").map(String.init)
                if let last = segments.last, let number = pageSegment(last), segments.count > 1 {
                    page = number
                    segments.removeLast()
                }
                kept.append(segments.joined(separator: "/"))
                continue
            }
            kept.append(parameter)
        }
        var segments = base.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        while let last = segments.last, segments.count > 3 {
            if last.isEmpty {
                segments.removeLast()
            } else if let number = pageSegment(last) {
                page = number
                segments.removeLast()
            } else if let number = Int(last), segments.count > 4, segments[segments.count - 2].lowercased() == "page" {
                page = number
                segments.removeLast(2)
            } else {
                break
            }
        }
        if segments.count > 3, let last = segments.last, let (topic, number) = forumactifPage(last) {
            page = number
            segments[segments.count - 1] = topic
        }
        let path = segments.joined(separator: "/")
        return (kept.isEmpty ? path : path + "?" + kept.sorted().joined(separator: "&"), page)
    }

    /// `page-2`, `page2`, `p2` → 2.
    private static func pageSegment(_ segment: String) -> Int? {
        let lower = segment.lowercased()
        for prefix in ["page-", "page", "p"] where lower.hasPrefix(prefix) {
            if let number = Int(lower.dropFirst(prefix.count)) { return number }
        }
        return nil
    }

    /// `t1287p15-title` → (`t1287-title`, 15).
    private static func forumactifPage(_ segment: String) -> (String, Int)? {
        let characters = Array(segment)
        guard characters.first == "t" else { return nil }
        var index = 1
        while index < characters.count, characters[index].isNumber { index += 1 }
        guard index > 1, index < characters.count, characters[index] == "p" else { return nil }
        var end = index + 1
        while end < characters.count, characters[end].isNumber { end += 1 }
        guard end > index + 1, let number = Int(String(characters[index + 1 ..< end])) else { return nil }
        return (String(characters[..<index]) + String(characters[end...]), number)
    }

    /// The URL of a thread whatever page of it: fragment, session and page markers removed.
    static func threadURL(_ url: String) -> String { split(url).thread }

    /// The page a URL shows (`start=10` counts as after `start=0`), 0 when none.
    static func pageNumber(_ url: String?) -> Int { url.map { split($0).page } ?? 0 }

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
