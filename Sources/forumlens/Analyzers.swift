import ArgumentParser
import Foundation
import ForumLensAnalysis

extension ForumLens {
    /// `forumlens analyzers list | describe | test`: what is installed, and the plugins' own examples.
    struct Analyzers: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List analyzers, describe one, or run their examples.",
            subcommands: [List.self, Describe.self, Test.self])

        /// The built-in analyzers (none yet: sentiment, time-cost and advice come with their
        /// issues) and the rule plugins at `paths`.
        static func analyzers(_ paths: [String]) throws -> [any Analyzer] {
            var analyzers: [any Analyzer] = []
            for path in paths {
                do {
                    analyzers.append(try PluginFile.load(path))
                } catch {
                    throw ValidationError(error.description)
                }
            }
            return analyzers
        }

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "One line per analyzer: id, version, languages, summary.")

            @Argument(help: "Rule plugins (.yml, .yaml, .json) to list beside the built-in analyzers.")
            var paths: [String] = []

            func run() throws {
                let analyzers = try Analyzers.analyzers(paths)
                if analyzers.isEmpty { print("No built-in analyzers yet (sentiment, time-cost, advice are to come); give rule plugins by path.") }
                for analyzer in analyzers {
                    let descriptor = analyzer.descriptor
                    let languages = descriptor.languages.isEmpty ? "all languages" : descriptor.languages.sorted().joined(separator: ",")
                    print("\(descriptor.id)  \(descriptor.version)  [\(languages)]  \(descriptor.summary)")
                }
            }
        }

        struct Describe: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "What an analyzer reads and gives, and its examples.")

            @Argument(help: "A rule plugin's path.")
            var path: String

            func run() throws {
                let descriptor = try Analyzers.analyzers([path])[0].descriptor
                print("\(descriptor.id) \(descriptor.version): \(descriptor.summary)")
                print("languages: \(descriptor.languages.isEmpty ? "all" : descriptor.languages.sorted().joined(separator: ", "))")
                if !descriptor.requires.isEmpty { print("requires: \(descriptor.requires.joined(separator: ", "))") }
                print("fields:")
                for field in descriptor.produces {
                    print("  \(field.name)\(field.inCSV ? " (CSV column \(descriptor.id).\(field.name))" : ""): \(field.meaning)")
                }
                print("examples:")
                for example in descriptor.examples { print("  [\(example.language)] \(example.text) → \(example.expected)") }
            }
        }

        struct Test: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Run the analyzers' own examples; exit 1 when one fails.",
                discussion: "Each example runs through the pipeline as a one-message discussion; its result must hold the fields the example expects.")

            @Argument(help: "Rule plugins (.yml, .yaml, .json) to test.")
            var paths: [String]

            func run() throws {
                let analyzers = try Analyzers.analyzers(paths)
                let pipeline: AnalyzerPipeline
                do {
                    pipeline = try AnalyzerPipeline(analyzers)
                } catch {
                    throw ValidationError(error.description)
                }
                let failures = pipeline.failingExamples()
                let count = analyzers.map(\.descriptor.examples.count).reduce(0, +)
                for failure in failures { print("FAIL \(failure)") }
                print("\(count - failures.count) of \(count) examples pass (\(analyzers.map(\.descriptor.id).joined(separator: ", ")))")
                if !failures.isEmpty { throw ExitCode(1) }
            }
        }
    }
}
