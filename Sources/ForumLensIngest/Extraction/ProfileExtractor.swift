import Foundation
import ForumLensCore

/// Reads a forum's pages as its site profile says: the posts its `post` selector finds, each
/// post's author, date and body where its selectors point (inside the post, not inside the
/// posts nested in it), and its quotes and signature marked so that the generic reading of a
/// post's own text leaves them out. Fields a profile does not give are left empty, not
/// guessed: the profile is the user's word.
public struct ProfileExtractor: Extractor {
    public let profile: SiteProfile
    /// `profile:<name>` for a user's profile, the engine's name for a built-in one.
    public let name: String

    public init(profile: SiteProfile, name: String? = nil) {
        self.profile = profile
        self.name = name ?? "profile:" + profile.name
    }

    public func extract(_ page: ParsedPage) -> ExtractedPage {
        let tree = page.tree
        var features = PageFeatures(
            tree: tree, dates: DateReader(context: page.dateContext, tree: tree), pageTitle: page.metadata.title,
            pageURL: page.metadata.url)
        for node in profile.quote?.matches(in: tree) ?? [] { features.cues[Int(node)].insert(.quote) }
        for node in profile.signature?.matches(in: tree) ?? [] { features.cues[Int(node)].insert(.signature) }
        let members = profile.post.matches(in: tree)
        guard !members.isEmpty else {
            return ExtractedPage(
                extractor: name, messages: [], confidence: 0,
                notes: ["profile \(profile.name) (\(profile.source)): post selector '\(profile.post)' (\(profile.post.xpath)) found nothing"])
        }
        let memberSet = NodeSet(members, count: tree.count)
        var bodies: [HTMLTree.NodeID?] = []
        var authors: [String?] = []
        var authorNodes: [HTMLTree.NodeID?] = []
        var dates: [ReadDate?] = []
        var ids: [String?] = []
        var depths: [Int] = []
        // Each field's selector looked up in this tree once, for all the posts.
        func matcher(_ selector: Selector?) -> Selector.Matcher? { selector.map { Selector.Matcher($0, tree) } }
        let (headerMatcher, bodyMatcher) = (matcher(profile.header), matcher(profile.body))
        let fields = (author: matcher(profile.author), date: matcher(profile.date),
                      permalink: matcher(profile.permalink), depth: matcher(profile.depth))
        for member in members {
            let header = headerMatcher.flatMap { matcher in tree.previousElement(member).flatMap { matcher.matches($0) ? $0 : nil } }
            /// A field's element: in the post, else in its header.
            func field(_ matcher: Selector.Matcher?) -> HTMLTree.NodeID? {
                guard let matcher else { return nil }
                return matcher.first(under: member, skipping: memberSet)
                    ?? header.flatMap { matcher.matches($0) ? $0 : matcher.first(under: $0) }
            }
            bodies.append(bodyMatcher.map { $0.first(under: member, skipping: memberSet) } ?? member)
            let authorNode = field(fields.author)
            authorNodes.append(authorNode)
            authors.append(authorNode.flatMap { Self.names(in: $0, features).nonEmpty })
            dates.append(field(fields.date).flatMap { date(in: $0, features) })
            ids.append(field(fields.permalink).flatMap { permalinkID($0, tree) })
            depths.append(field(fields.depth).flatMap { Self.depth(of: $0, tree) } ?? 0)
        }
        let layout = RecordLayout(
            members: members, bodies: bodies, bodiesInPlace: bodies.map { $0 != nil }, authors: authors,
            authorNodes: authorNodes, dates: dates, memberSet: memberSet)
        // With depths: each post answers the nearest post before it one level up.
        let parents: [Int?]? = profile.depth == nil ? nil : depths.indices.map { index in
            depths[index] == 0 ? nil : depths[..<index].lastIndex { $0 == depths[index] - 1 }
        }
        var (messages, generated) = GenericExtractor.messages(
            layout, opening: nil, features: features, givenIDs: ids, parents: parents)
        if let firstPost = profile.firstPost, let first = messages.first {
            if firstPost == .article { messages[0].role = .article }
            for index in messages.indices.dropFirst() where messages[index].replyTo == nil { messages[index].replyTo = first.id }
        }
        var notes = ["profile \(profile.name) (\(profile.source)): posts \(profile.post.xpath) ×\(members.count)"]
        if page.explain {
            for (index, member) in members.enumerated() {
                notes.append("record \(index + 1) (node \(member)): author \(authors[index] ?? "none"), date \(dates[index]?.shown ?? "none")")
            }
        }
        var read = ExtractedPage(
            extractor: name, messages: messages, confidence: GenericExtractor.confidence(layout, messages: messages),
            generatedIDs: generated, notes: notes)
        if let nextPage = profile.nextPage {
            let link = nextPage.matches(in: tree).lazy.compactMap { href($0, tree) }.first
            read.followingPage = link.map { .at(Self.resolve($0, against: page.metadata.url)) } ?? FollowingPage.none
        }
        return read
    }

    /// `href` made absolute against the page's address, when the page has one.
    static func resolve(_ href: String, against base: String?) -> String {
        guard let base, let url = URL(string: href, relativeTo: URL(string: base)) else { return href }
        return url.absoluteString
    }

    private func href(_ link: HTMLTree.NodeID, _ tree: HTMLTree) -> String? {
        tree.attributeNames.firstIndex(of: "href").flatMap { tree.attribute(UInt16($0), of: link) }.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// A depth from the element's depth attributes (the first whole number there).
    static func depth(of node: HTMLTree.NodeID, _ tree: HTMLTree) -> Int? {
        for name in SiteProfile.depthAttributes {
            if let id = tree.attributeNames.firstIndex(of: name), let value = tree.attribute(UInt16(id), of: node),
               let number = Int(value.trimmingCharacters(in: .whitespaces))
            {
                return number
            }
        }
        return nil
    }

    /// An author element's words, hidden ones too (a name kept for screen readers or
    /// microdata); inline elements run together (`<span>@</span>radu` is `@radu`).
    static func names(in node: HTMLTree.NodeID, _ features: PageFeatures) -> String {
        let tree = features.tree
        var bytes: [UInt8] = []
        for inner in node ..< tree[node].end {
            if tree[inner].kind == .text {
                bytes += tree.textBytes(inner)
            } else if tree[inner].kind == .element, features.renderer.role(inner) != .inline {
                bytes.append(0x20)
            }
        }
        return String(decoding: bytes, as: UTF8.self).collapsingSpaces
    }

    /// The date the page shows in `node`: one already read there (a `datetime` or `title`
    /// attribute, a date text), else its whole text read as a date.
    private func date(in node: HTMLTree.NodeID, _ features: PageFeatures) -> ReadDate? {
        for inner in node ..< features.tree[node].end {
            if let read = features.dateOn[inner] { return read }
        }
        return features.dates.displayed(features.renderer.render(node)).map { ReadDate(date: $0.date, shown: $0.shown, machine: false) }
    }

    /// A permalink's message id: the fragment of its address (`#p123` → `p123`), else the last
    /// segment of its path (`/r/x/comments/1cq/title/comment/l3qgfh6/` → `l3qgfh6`); for an
    /// element without an address, its `id`.
    private func permalinkID(_ link: HTMLTree.NodeID, _ tree: HTMLTree) -> String? {
        guard let href = href(link, tree) else {
            return tree.attributeNames.firstIndex(of: "id").flatMap { tree.attribute(UInt16($0), of: link) }.flatMap { $0.isEmpty ? nil : $0 }
        }
        if let hash = href.lastIndex(of: "#"), href.index(after: hash) < href.endIndex { return String(href[href.index(after: hash)...]) }
        let path = href.split(separator: "?").first ?? Substring(href)
        return path.split(separator: "/").last.map(String.init) ?? href
    }
}

/// Picks the extractor for each page: the first of the user's site profiles that applies to
/// it, else the first engine that recognises it, else the generic extractor (also when the
/// profile or engine finds no post there; for a user's profile, with a warning).
public struct ExtractorChoice: Extractor {
    public let profiles: [SiteProfile]
    public let engines: [Engine]
    public let fallback: any Extractor
    public var name: String { "auto" }

    public init(profiles: [SiteProfile] = [], engines: [Engine] = Engine.all, fallback: any Extractor = GenericExtractor()) {
        self.profiles = profiles
        self.engines = engines
        self.fallback = fallback
    }

    public func extract(_ page: ParsedPage) -> ExtractedPage {
        let url = page.metadata.url, generator = page.metadata.generator
        let words = Selector.ClassWords(page.tree)
        if let profile = profiles.first(where: { $0.applies(url: url, generator: generator, tree: page.tree, words: words) }) {
            return read(page, with: ProfileExtractor(profile: profile), warning: true)
        }
        if let engine = engines.first(where: { $0.profile.applies(url: url, generator: generator, tree: page.tree, words: words) }) {
            return read(page, with: engine.extractor, warning: false)
        }
        return fallback.extract(page)
    }

    private func read(_ page: ParsedPage, with extractor: ProfileExtractor, warning: Bool) -> ExtractedPage {
        let read = extractor.extract(page)
        guard read.messages.isEmpty else { return read }
        var generic = fallback.extract(page)
        generic.notes = read.notes + generic.notes
        if warning {
            let profile = extractor.profile
            generic.warnings.append(
                "profile '\(profile.name)' (\(profile.source)) applies but its post selector '\(profile.post)' found no message; read by the \(fallback.name) extractor")
        }
        return generic
    }
}

private extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}
