import ArgumentParser
import ForumLensAnalysis
import ForumLensRules

extension ForumLens {
    struct Analyze: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Split saved pages into messages and run analyzers on them.",
            discussion: """
                Analyzers: ids of built-in analyzers, or paths of rule plugins (.yml, .yaml, .json; docs/analysis.md). \
                The built-in analyzers (sentiment, time-cost, advice) are not written yet: for now give rule plugins.

                Examples:
                  forumlens analyze corpora/ --analyzers Plugins/Examples/networks.yml --format json --out -
                  forumlens analyze saved/ --analyzers rules/mine.yml --format json,jsonl,csv --out out/
                """)

        @OptionGroup var input: InputOptions
        @OptionGroup var output: OutputOptions

        @Option(name: .long, help: ArgumentHelp(
            "Comma list of analyzer ids or rule-plugin paths; `+X` adds X to the built-ins (none yet).", valueName: "list"))
        var analyzers: String = ""

        func run() async throws {
            try await CommandRun.execute(input: input, output: output, pipeline: try Self.pipeline(analyzers))
        }

        /// The analyzers the list names, checked before anything is read: an unknown id, a rule
        /// file that is wrong (its file and line), or requirements that cannot be met are usage errors.
        static func pipeline(_ list: String) throws -> AnalyzerPipeline {
            var chosen: [any Analyzer] = []
            for item in list.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !item.isEmpty {
                let name = item.hasPrefix("+") ? String(item.dropFirst()) : item
                if [".yml", ".yaml", ".json"].contains(where: { name.lowercased().hasSuffix($0) }) {
                    do {
                        chosen.append(try PluginFile.load(name))
                    } catch {
                        throw ValidationError(error.description)
                    }
                } else {
                    throw ValidationError("unknown analyzer '\(name)': give the path of a rule plugin (.yml, .yaml, .json); there are no built-in analyzers yet")
                }
            }
            do {
                return try AnalyzerPipeline(chosen)
            } catch {
                throw ValidationError(error.description)
            }
        }
    }
}
