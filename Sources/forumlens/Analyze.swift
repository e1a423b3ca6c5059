import ArgumentParser
import Foundation
import ForumLensAnalysis
import ForumLensPlugins
import ForumLensCore
import ForumLensRules

extension ForumLens {
    struct Analyze: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "analyze",
            abstract: "Split saved pages into messages and run analyzers on them.",
            discussion: """
                Analyzers: ids of the Swift plugins under Plugins/ (`forumlens analyzers list`), or paths of rule plugins \
                and process-plugin manifests (.yml, .yaml, .json; docs/plugins.md). By default the built-in analyzers run: \
                sentiment (docs/sentiment.md), time-cost (docs/time-cost.md) and advice (docs/advice.md). The examples are opt-in: \
                `--analyzers +links`.

                Filters: --since, --until and --author keep those messages; --language keeps the messages in \
                that language (their text's when the guess is sure, else their page's), the others of unknown \
                language being taken to be in it.

                Examples:
                  forumlens analyze corpora/ --analyzers Plugins/Examples/networks.yml --format json --out -
                  forumlens analyze saved/ --analyzers rules/mine.yml --format json,jsonl,csv --out out/
                """)

        @OptionGroup var input: InputOptions
        @OptionGroup var output: OutputOptions

        @OptionGroup var analyzerOptions: AnalyzerOptions

        @Option(name: .long, help: ArgumentHelp("Only messages published on or after this date (2010-04-30, or a full ISO 8601 time).", valueName: "date"))
        var since: String?

        @Option(name: .long, help: ArgumentHelp("Only messages published on or before this date.", valueName: "date"))
        var until: String?

        @Option(name: .long, help: ArgumentHelp("Only this author's messages (repeatable).", valueName: "name"))
        var author: [String] = []

        @Option(name: .long, help: ArgumentHelp("Analyze this text on the spot instead of files: the results are printed as JSON.", valueName: "text"))
        var text: String?

        func validate() throws {
            for date in [since, until].compactMap({ $0 }) where date.count < 4 || !date.prefix(4).allSatisfy(\.isNumber) {
                throw ValidationError("--since and --until take a date such as 2010-04-30 (got '\(date)')")
            }
        }

        func run() async throws {
            let pipeline = try analyzerOptions.pipeline()
            if let text {
                let message = Message(id: "text", position: 1, language: input.language?.lowercased(), text: text)
                let analysis = pipeline.analyze(Discussion(id: "text", language: input.language?.lowercased(), messages: [message]))
                let result: JSONValue = .object([("text", .string(text)), ("results", .object(analysis.results[0].map { ($0.id, $0.value) }))])
                print(result)
                for problem in pipeline.drainProblems() { FileHandle.standardError.write(Data("error: \(problem)\n".utf8)) }
                return
            }
            try await CommandRun.execute(
                input: input, output: output, pipeline: pipeline,
                filter: MessageFilter(since: since, until: until, authors: Set(author), language: input.language?.lowercased()))
        }
    }
}

/// `--analyzers` and `--taxonomy`, which analyze and merge share.
struct AnalyzerOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Comma list of analyzer ids or plugin paths (rule plugins, process-plugin manifests); `+X` adds X to the defaults; \"\" runs none. Default: for analyze the Swift plugins under Plugins/ but the examples, for merge the analyzers the reports name.",
        valueName: "list"))
    var analyzers: String?

    @Option(name: .long, help: ArgumentHelp(
        "An advice taxonomy (YAML or JSON) replacing the default one; `forumlens analyzers taxonomy` prints the default to copy and edit.",
        valueName: "file"))
    var taxonomy: String?

    /// The analyzers the list names, checked before anything is read: an unknown id, a plugin
    /// file that is wrong (its file and line), or requirements that cannot be met are usage
    /// errors. No list means the default analyzers, an empty one none; `+X` adds X to the
    /// defaults. A taxonomy file replaces the advice analyzer's default themes.
    func pipeline(default defaultList: String? = nil) throws -> AnalyzerPipeline {
        let list = analyzers ?? defaultList
        let items = (list ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        var chosen: [any Analyzer] = list == nil || !items.isEmpty && items.allSatisfy { $0.hasPrefix("+") } ? ForumLens.Analyzers.defaults : []
        for item in items {
            chosen.append(try ForumLens.Analyzers.resolve(item.hasPrefix("+") ? String(item.dropFirst()) : item))
        }
        if let taxonomy {
            guard let index = chosen.firstIndex(where: { $0.descriptor.id == "advice" }) else {
                throw ValidationError("--taxonomy is read by the advice analyzer, which --analyzers leaves out")
            }
            do {
                chosen[index] = try AdviceAnalyzer(taxonomyFile: taxonomy)
            } catch {
                throw PluginError(error.description)
            }
        }
        do {
            return try AnalyzerPipeline(ForumLens.Analyzers.withRequirements(chosen))
        } catch {
            throw PluginError(error.description)
        }
    }
}
