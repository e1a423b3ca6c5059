import ArgumentParser
import Foundation
import ForumLensCore
import ForumLensIngest

/// Options every command that reads inputs shares.
struct InputOptions: ParsableArguments {
    @Argument(help: ArgumentHelp(
        "Saved pages (.html, .htm, .xhtml, .mht, .mhtml, gzipped too), directories, globs, message files (.jsonl, .ndjson, .csv, .tsv), or - for stdin.",
        valueName: "path"))
    var paths: [String] = []

    @Option(name: .long, help: "Pages of one thread become one discussion: url, title or none.")
    var merge: MergeMode = .url

    @Option(name: .long, help: "Files read in parallel (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(name: .long, help: ArgumentHelp(
        "Force an extractor: generic (the one that serves any forum) or an engine (\(Engine.all.map(\.name).joined(separator: ", "))); site profiles are then not used. Default: chosen per page.",
        valueName: "name"))
    var engine: String?

    @Option(name: .long, help: ArgumentHelp(
        "A site profile (a YAML or JSON file of CSS selectors: docs/profiles.md) or a folder of them; repeatable. Those in $FORUMLENS_PROFILES or ~/.config/forumlens/profiles are read too.",
        valueName: "file|folder"))
    var profile: [String] = []

    @Option(name: .long, help: "The forum's time zone for local times shown without one, e.g. Europe/Paris.")
    var timezone: String?

    @Option(name: .long, help: "Language of messages when the page does not say (ISO 639-1).")
    var language: String?

    @Option(name: .long, help: "Largest page read, in MB; larger ones are reported and skipped.")
    var maxPageSize: Int = 64

    @Option(name: .long, help: "Deepest element nesting kept; deeper markup is flattened, with a warning.")
    var maxDepth: Int = 4096

    @Option(name: .long, help: "Longest time one file may take to read, in seconds; a file that takes longer is reported and left out.")
    var maxSeconds: Double = 120

    @Option(name: .long, help: ArgumentHelp(
        "Replace author names and ids everywhere (messages, quotes, names mentioned in texts, every format) by stable pseudonyms salted with this secret: the same salt gives the same pseudonyms.",
        valueName: "salt"))
    var pseudonymize: String?

    @Flag(name: .shortAndLong, help: "No summary and no warnings on stderr (errors are still shown).")
    var quiet = false

    @Flag(name: .long, help: "Say on stderr, per page, which post lists the extractor weighed and what it read in each record.")
    var explain = false

    @Flag(name: .long, help: ArgumentHelp(
        "Reuse what earlier runs with the same --out read and analyzed (a cache beside the output): files unchanged since are not read again, messages unchanged not analyzed again; an interrupted run goes on where it stopped."))
    var resume = false

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        guard maxPageSize >= 1 else { throw ValidationError("--max-page-size must be at least 1 (MB)") }
        guard maxDepth >= 16 else { throw ValidationError("--max-depth must be at least 16") }
        guard maxSeconds > 0 else { throw ValidationError("--max-seconds must be more than 0") }
        if let engine, engine != "generic", Engine.named(engine) == nil {
            throw ValidationError("unknown engine '\(engine)'; available: generic, \(Engine.all.map(\.name).joined(separator: ", "))")
        }
        if let timezone, TimeZone(identifier: timezone) == nil {
            throw ValidationError("unknown time zone '\(timezone)' (use an IANA name such as Europe/Paris)")
        }
        if let language, language.count != 2 || !language.allSatisfy(\.isLetter) {
            throw ValidationError("--language takes an ISO 639-1 code such as fr or en")
        }
    }

    /// How to read the inputs, with the site profiles loaded. A profile named on the command
    /// line that is wrong is a usage error; one in the default folder is a warning and left out.
    func ingestOptions(console: Console) throws -> IngestOptions {
        var options = IngestOptions()
        if let engine {
            options.extractor = Engine.named(engine)?.extractor ?? GenericExtractor()
        } else {
            let given = SiteProfile.load(profile)
            guard given.errors.isEmpty else {
                throw ValidationError(given.errors.map(\.description).joined(separator: "\n"))
            }
            let folder = Self.profileFolder
            let found = FileManager.default.fileExists(atPath: folder) ? SiteProfile.load([folder]) : (profiles: [], errors: [])
            for error in found.errors {
                console.report(Problem(path: error.path, severity: .warning, message: "profile left out: \(error.message)" + (error.line.map { " (line \($0))" } ?? "")))
            }
            let profiles = given.profiles + found.profiles
            options.extractor = ExtractorChoice(profiles: profiles)
            options.keptAttributes = KeptAttributes.standard.adding(profiles.flatMap { $0.attributeNames })
        }
        options.maxPageBytes = maxPageSize << 20
        options.depthCap = maxDepth
        options.maxSeconds = maxSeconds
        options.timeZone = timezone.flatMap(TimeZone.init(identifier:))
        options.language = language?.lowercased()
        options.explain = explain
        options.readsPagination = merge != .none
        return options
    }

    /// What a `--resume` cache depends on besides the files: the tool, the analyzers and every
    /// reading option, site profiles by content.
    func cacheSettings(analyzers: [AnalyzerInfo]) -> String {
        var profileFiles: [String] = []
        for path in profile + [Self.profileFolder] {
            let files = (FileManager.default.enumerator(atPath: path)?.compactMap { $0 as? String }.map { path + "/" + $0 }) ?? [path]
            for file in files.sorted() {
                if let data = FileManager.default.contents(atPath: file) { profileFiles.append(file + "=" + SHA256.hex([UInt8](data))) }
            }
        }
        let analyzers = analyzers.map { "\($0.id) \($0.version)" + $0.resources.map { " \($0.name)=\($0.digest)" }.joined() }
        let reading = [
            "engine=\(engine ?? "")", "merge=\(merge.rawValue)", "timezone=\(timezone ?? "")", "language=\(language ?? "")",
            "max-page-size=\(maxPageSize)", "max-depth=\(maxDepth)", "explain=\(explain)",
        ]
        return ([Tool.current.name + " " + Tool.current.version] + analyzers + reading + profileFiles).joined(separator: "; ")
    }

    /// `$FORUMLENS_PROFILES`, else `~/.config/forumlens/profiles` (under `$XDG_CONFIG_HOME` when set).
    static var profileFolder: String {
        let environment = ProcessInfo.processInfo.environment
        if let folder = environment["FORUMLENS_PROFILES"], !folder.isEmpty { return folder }
        let config = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? (NSHomeDirectory() + "/.config")
        return config + "/forumlens/profiles"
    }
}

extension MergeMode: ExpressibleByArgument {}
