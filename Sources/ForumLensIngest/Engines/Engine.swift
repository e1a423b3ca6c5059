/// A forum engine ForumLens knows: a site profile written to the engine's own templates, one
/// file per engine in this folder, recognised by the engine's generator tag or markup only it
/// writes. Engine-level rules only: none names one site's thread or page.
public struct Engine: Sendable {
    public let name: String
    public let profile: SiteProfile

    /// `yaml`: the engine's profile (docs/profiles.md); a mistake in it stops the program at
    /// first use, and `EngineTests` parses every one.
    init(_ name: String, yaml: String) {
        self.name = name
        do {
            profile = try SiteProfile.parse(yaml, path: "Engines/\(name)")
        } catch {
            preconditionFailure("the built-in profile of \(name) is wrong: \(error)")
        }
    }

    public var extractor: ProfileExtractor { ProfileExtractor(profile: profile, name: name) }

    /// In the order they are tried: an engine whose markup another's signature could match
    /// comes first.
    public static let all: [Engine] = [
        .phpBB3, .phpBB2, .forumactif, .fluxBB, .smf, .vBulletin3, .vBulletin4, .vBulletin5, .xenForo1, .xenForo2, .myBB, .invision, .discourse,
        .stackExchange, .oldReddit, .reddit, .wordPress, .hfr, .talkyard, .homeland, .asgaros, .apacheAnswer, .bbPress,
        .hackerNews, .vanilla,
    ]

    public static func named(_ name: String) -> Engine? { all.first { $0.name == name.lowercased() } }
}
