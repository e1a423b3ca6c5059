import Foundation
import ForumLensRules
import Yams

/// A site profile: how to read one forum's pages, written by a user as CSS selectors in a YAML
/// (or JSON) file, no compiling (docs/profiles.md). It applies to pages whose address matches
/// one of its `url` patterns, whose generator tag starts with one of its `generator` names, or
/// on which its `page` selector finds something.
///
///     name: Le Bulletin du Lac
///     match:
///       url: https://lac.example.org/sujet/*
///       page: div.lac-message
///     post: div.lac-message
///     author: .lac-auteur
///     date: .lac-date
///     body: .lac-texte
///     quote: blockquote.lac-citation
///     signature: .lac-signature
///     permalink: a.lac-lien
///     next_page: a.lac-suivante
public struct SiteProfile: Sendable {
    public var name: String
    /// The file it was read from.
    public var source: String
    /// Address patterns, `*` standing for any run of characters.
    public var urlPatterns: [String]
    /// Lower-cased beginnings of `<meta name="generator">` ("phpbb", "vbulletin 4").
    public var generators: [String] = []
    public var pageSelector: Selector?
    public var post: Selector
    /// Each relative to a post (the first match inside it); `body` defaults to the post.
    public var author, date, body, quote, signature, permalink, nextPage: Selector?
    /// An element inside a post whose `indent`, `data-depth`, `data-level` or `aria-level`
    /// attribute gives its depth in the thread (Hacker News writes every comment as a row of one
    /// table): a post answers the nearest post before it one level up.
    public var depth: Selector?
    static let depthAttributes = ["indent", "data-depth", "data-level", "aria-level"]
    /// The element right before a post that holds some of its fields (bbPress writes each
    /// reply's date and permalink in a header before it): author, date and permalink are looked
    /// for in the post, then in it.
    public var header: Selector?
    /// How the page's first post stands to the others: `question` (Q&A sites: posts that
    /// answer no other one answer it), `article` (a blog post or story: also `role: article`).
    public var firstPost: FirstPost?

    public enum FirstPost: String, Sendable, CaseIterable { case question, article }

    /// Whether the profile applies to a page at `url`, made by `generator`, whose tree is
    /// `tree` (and whose class words are `words`, when known).
    public func applies(url: String?, generator: String? = nil, tree: HTMLTree) -> Bool {
        applies(url: url, generator: generator, tree: tree, words: nil)
    }

    func applies(url: String?, generator: String?, tree: HTMLTree, words: Selector.ClassWords?) -> Bool {
        if let url, urlPatterns.contains(where: { Self.glob($0, matches: url) }) { return true }
        if let generator = generator?.lowercased(), generators.contains(where: { generator.hasPrefix($0) }) { return true }
        return pageSelector?.occurs(in: tree, words: words) ?? false
    }

    /// Attribute names the selectors test: kept in the tree for them.
    public var attributeNames: Set<String> {
        var names: Set<String> = permalink == nil && nextPage == nil ? [] : ["href"]
        for selector in [pageSelector, post, header, author, date, body, quote, signature, permalink, depth, nextPage] {
            names.formUnion(selector?.attributeNames ?? [])
        }
        if depth != nil { names.formUnion(Self.depthAttributes) }
        return names
    }

    static func glob(_ pattern: String, matches text: String) -> Bool {
        let parts = pattern.split(separator: "*", omittingEmptySubsequences: false)
        guard parts.count > 1 else { return pattern == text }
        guard text.hasPrefix(parts[0]), text.dropFirst(parts[0].count).hasSuffix(parts[parts.count - 1]) else { return false }
        var rest = text.dropFirst(parts[0].count).dropLast(parts[parts.count - 1].count)
        for part in parts.dropFirst().dropLast() where !part.isEmpty {
            guard let range = rest.range(of: part) else { return false }
            rest = rest[range.upperBound...]
        }
        return true
    }
}

/// What is wrong with a profile file, where: `path:line: message`.
public typealias ProfileError = RuleFileError

extension SiteProfile {
    static let selectorKeys = ["post", "header", "author", "date", "body", "quote", "signature", "permalink", "depth", "next_page"]
    static let keys = ["name", "match", "first_post"] + selectorKeys

    /// Every profile in `paths`: files, or folders of `.yml`, `.yaml` and `.json` files (in
    /// name order). A file that cannot be read or is wrong gives an error, not a profile.
    public static func load(_ paths: [String]) -> (profiles: [SiteProfile], errors: [ProfileError]) {
        var profiles: [SiteProfile] = []
        var errors: [ProfileError] = []
        for path in paths {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
                errors.append(ProfileError(path: path, message: "no such file or folder"))
                continue
            }
            let files = isFolder.boolValue
                ? ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [])
                .filter { ["yml", "yaml", "json"].contains(($0 as NSString).pathExtension.lowercased()) }
                .sorted().map { (path as NSString).appendingPathComponent($0) }
                : [path]
            for file in files {
                do {
                    profiles.append(try load(file: file))
                } catch {
                    errors.append(error)
                }
            }
        }
        return (profiles, errors)
    }

    public static func load(file: String) throws(ProfileError) -> SiteProfile {
        try parse(RuleFile.load(file, keys: keys, what: "a profile"))
    }

    /// Reads a profile from YAML or JSON text (`path` names it in errors).
    public static func parse(_ text: String, path: String) throws(ProfileError) -> SiteProfile {
        try parse(RuleFile(text, path: path, keys: keys, what: "a profile"))
    }

    private static func parse(_ file: RuleFile) throws(ProfileError) -> SiteProfile {
        let values = file.values, root = file.root, path = file.path
        func error(_ node: Node?, _ message: String) -> ProfileError { file.error(node, message) }
        func string(_ key: String) throws(ProfileError) -> String? { try file.string(key) }
        func selector(_ key: String, _ node: Node?, _ text: String?) throws(ProfileError) -> Selector? {
            guard let text else { return nil }
            do {
                return try Selector(text)
            } catch {
                throw ProfileError(path: path, line: node?.mark?.line, message: "\(key): '\(text)' is not a selector ForumLens reads: \(error)")
            }
        }
        guard let name = try string("name") else { throw error(root, "'name' is missing (the forum's name, shown in reports)") }
        guard try string("post") != nil else {
            throw error(root, "'post' is missing: the CSS selector of the element that holds each message")
        }
        guard let matchNode = values["match"] else {
            throw error(root, "'match' is missing: give 'url' (address patterns) or 'page' (a selector found on the forum's pages)")
        }
        guard case let .mapping(matchMapping) = matchNode else { throw error(matchNode, "'match' holds 'url', 'generator' and/or 'page'") }
        var urlPatterns: [String] = []
        var generators: [String] = []
        var pageSelector: Selector?
        for (key, value) in matchMapping {
            switch key.string {
            case "url": urlPatterns = try file.texts(value, "url", "an address pattern")
            case "generator": generators = try file.texts(value, "generator", "a generator name").map { $0.lowercased() }
            case "page":
                guard let text = value.string, !text.isEmpty else { throw error(value, "'page' is a CSS selector") }
                pageSelector = try selector("match.page", value, text)
            default:
                throw error(key, "unknown key '\(key.string ?? "?")' under 'match'\(RuleFile.suggestion(for: key.string ?? "", among: ["url", "generator", "page"]))")
            }
        }
        guard !urlPatterns.isEmpty || !generators.isEmpty || pageSelector != nil else {
            throw error(matchNode, "'match' needs 'url' (address patterns), 'generator' or 'page' (a selector found on the forum's pages)")
        }
        var firstPost: FirstPost?
        if let text = try string("first_post") {
            guard let value = FirstPost(rawValue: text) else {
                throw error(values["first_post"], "'first_post' is one of: \(FirstPost.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            firstPost = value
        }
        var parsed: [String: Selector] = [:]
        for key in selectorKeys {
            if let found = try selector(key, values[key], string(key)) { parsed[key] = found }
        }
        return SiteProfile(
            name: name, source: path, urlPatterns: urlPatterns, generators: generators, pageSelector: pageSelector, post: parsed["post"]!,
            author: parsed["author"], date: parsed["date"], body: parsed["body"], quote: parsed["quote"],
            signature: parsed["signature"], permalink: parsed["permalink"], nextPage: parsed["next_page"],
            depth: parsed["depth"], header: parsed["header"], firstPost: firstPost)
    }
}
