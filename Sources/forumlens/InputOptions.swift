import ArgumentParser
import Foundation
import ForumLensIngest

/// Options every command that reads inputs shares.
struct InputOptions: ParsableArguments {
    @Argument(help: ArgumentHelp(
        "Saved pages (.html, .htm, .xhtml, .mht, .mhtml, gzipped too), directories, globs, message files (.jsonl, .ndjson, .csv, .tsv), or - for stdin.",
        valueName: "path"))
    var paths: [String]

    @Option(name: .long, help: "Pages of one thread become one discussion: url, title or none.")
    var merge: MergeMode = .url

    @Option(name: .long, help: "Files read in parallel (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(name: .long, help: "Extractor: generic (the one that serves any forum).")
    var engine: String = "generic"

    @Option(name: .long, help: "The forum's time zone for local times shown without one, e.g. Europe/Paris.")
    var timezone: String?

    @Option(name: .long, help: "Language of messages when the page does not say (ISO 639-1).")
    var language: String?

    @Option(name: .long, help: "Largest page read, in MB; larger ones are reported and skipped.")
    var maxPageSize: Int = 64

    @Option(name: .long, help: "Deepest element nesting kept; deeper markup is flattened, with a warning.")
    var maxDepth: Int = 4096

    @Flag(name: .shortAndLong, help: "No summary and no warnings on stderr (errors are still shown).")
    var quiet = false

    @Flag(name: .long, help: "Say on stderr, per page, which post lists the extractor weighed and what it read in each record.")
    var explain = false

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        guard maxPageSize >= 1 else { throw ValidationError("--max-page-size must be at least 1 (MB)") }
        guard maxDepth >= 16 else { throw ValidationError("--max-depth must be at least 16") }
        guard engine == "generic" else {
            throw ValidationError("unknown engine '\(engine)'; available: generic")
        }
        if let timezone, TimeZone(identifier: timezone) == nil {
            throw ValidationError("unknown time zone '\(timezone)' (use an IANA name such as Europe/Paris)")
        }
        if let language, language.count != 2 || !language.allSatisfy(\.isLetter) {
            throw ValidationError("--language takes an ISO 639-1 code such as fr or en")
        }
    }

    var ingestOptions: IngestOptions {
        var options = IngestOptions()
        options.maxPageBytes = maxPageSize << 20
        options.depthCap = maxDepth
        options.timeZone = timezone.flatMap(TimeZone.init(identifier:))
        options.language = language?.lowercased()
        options.explain = explain
        options.readsPagination = merge != .none
        return options
    }
}

extension MergeMode: ExpressibleByArgument {}
