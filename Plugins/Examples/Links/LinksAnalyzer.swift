import ForumLensAnalysis
import ForumLensCore

/// Example Swift plugin (opt-in: `--analyzers +links`): the links shared in each message and
/// their sites. One file, its examples inside, compiled with ForumLens and registered by the
/// build (Plugins/ is scanned: no list to edit).
public struct LinksAnalyzer: Analyzer {
    public init() {}

    public var descriptor: AnalyzerDescriptor {
        AnalyzerDescriptor(
            id: "links", version: "1.0.0", summary: "Links shared in each message, and their sites",
            produces: [.init("count", "links in the message"), .init("sites", "their sites, in order")],
            examples: [
                .init("fr", "Mon profil : https://www.linkedin.com/in/carole et www.viadeo.com/p/carole.", ["count": 2, "sites": ["linkedin.com", "viadeo.com"]]),
                .init("en", "No link here, just advice: meet people.", ["count": 0]),
            ])
    }

    public func analyze(_ input: AnalyzerInput) -> JSONValue {
        let links = input.text.tokens.filter { $0.kind == .url }.map(\.lowercased)
        var sites: [String] = []
        for link in links {
            let site = Self.site(of: link)
            if !sites.contains(site) { sites.append(site) }
        }
        return ["count": .number(Double(links.count)), "sites": .array(sites.map { .string($0) })]
    }

    public func tally(_ result: JSONValue) -> Tally {
        var tally = Tally()
        if case let .number(count)? = result["count"] { tally.add("links", count) }
        if case let .array(sites)? = result["sites"] {
            for case let .string(site) in sites { tally.add(site) }
        }
        return tally
    }

    /// `https://www.linkedin.com/in/x` → `linkedin.com`.
    static func site(of link: String) -> String {
        var rest = Substring(link)
        if let scheme = rest.range(of: "://") { rest = rest[scheme.upperBound...] }
        var host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" && $0 != ":" }
        if host.hasPrefix("www.") { host = host.dropFirst(4) }
        return String(host)
    }
}
