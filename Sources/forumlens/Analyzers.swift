import ArgumentParser
import Foundation
import ForumLensAnalysis
import ForumLensPlugins

extension ForumLens {
    /// `forumlens analyzers list | describe | test`: what is installed, and the plugins' own examples.
    struct Analyzers: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "analyzers",
            abstract: "List analyzers, describe one, or run their examples.",
            subcommands: [List.self, Describe.self, Test.self, New.self, Taxonomy.self])

        /// The analyzers run by default: the Swift plugins under Plugins/ but the examples, the
        /// built-ins first in DESIGN.md's order (the report's and the CSV columns' order).
        static var defaults: [any Analyzer] {
            let builtIns = ["sentiment", "time-cost", "advice"]
            return PluginRegistry.analyzers.enumerated().sorted { a, b in
                (builtIns.firstIndex(of: a.element.descriptor.id) ?? builtIns.count, a.offset)
                    < (builtIns.firstIndex(of: b.element.descriptor.id) ?? builtIns.count, b.offset)
            }.map(\.element)
        }

        struct Taxonomy: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "taxonomy",
                abstract: "Print the advice analyzer's default taxonomy, a rule file to copy, edit and pass with `analyze --taxonomy`.",
                discussion: "Example:\n  forumlens analyzers taxonomy > my-themes.yml")

            func run() { print(AdviceAnalyzer.defaultTaxonomy, terminator: "") }
        }

        /// An analyzer by id (a Swift plugin, examples included) or by path (a rule plugin or a
        /// process-plugin manifest).
        static func resolve(_ name: String) throws -> any Analyzer {
            if let plugin = (PluginRegistry.analyzers + PluginRegistry.examples).first(where: { $0.descriptor.id == name }) { return plugin }
            guard [".yml", ".yaml", ".json"].contains(where: { name.lowercased().hasSuffix($0) }) else {
                let known = (PluginRegistry.analyzers + PluginRegistry.examples).map(\.descriptor.id)
                throw ValidationError("unknown analyzer '\(name)': give an id (\(known.isEmpty ? "none installed" : known.joined(separator: ", "))) or the path of a rule plugin or process-plugin manifest")
            }
            do {
                return try PluginFile.load(name)
            } catch {
                throw PluginError(error.description)
            }
        }

        /// The analyzers named (ids or paths), or all installed ones, examples included.
        static func analyzers(_ names: [String]) throws -> [any Analyzer] {
            names.isEmpty ? defaults + PluginRegistry.examples : withRequirements(try names.map(resolve))
        }

        /// `analyzers` and the installed ones they require that are missing (time-cost reads
        /// sentiment's results), so that naming one analyzer is enough.
        static func withRequirements(_ analyzers: [any Analyzer]) -> [any Analyzer] {
            var all = analyzers
            var index = 0
            while index < all.count {
                for required in all[index].descriptor.requires where !all.contains(where: { $0.descriptor.id == required }) {
                    if let installed = (PluginRegistry.analyzers + PluginRegistry.examples).first(where: { $0.descriptor.id == required }) {
                        all.append(installed)
                    }
                }
                index += 1
            }
            return all
        }

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "list", abstract: "One line per analyzer: id, version, languages, summary.")

            @Argument(help: "Plugin files (.yml, .yaml, .json) to list after the installed analyzers.")
            var paths: [String] = []

            func run() throws {
                let examples = Set(PluginRegistry.examples.map(\.descriptor.id))
                for analyzer in try Analyzers.analyzers([]) + paths.map(Analyzers.resolve) {
                    let descriptor = analyzer.descriptor
                    let languages = descriptor.languages.isEmpty ? "all languages" : descriptor.languages.sorted().joined(separator: ",")
                    let kind = examples.contains(descriptor.id) ? "  (example: opt-in with --analyzers +\(descriptor.id))" : ""
                    print("\(descriptor.id)  \(descriptor.version)  [\(languages)]  \(descriptor.summary)\(kind)")
                }
            }
        }

        struct Describe: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "describe", abstract: "What an analyzer reads and gives, and its examples.")

            @Argument(help: "An analyzer's id, or a plugin file's path.")
            var name: String

            func run() throws {
                let descriptor = try Analyzers.resolve(name).descriptor
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
                commandName: "test",
                abstract: "Run the analyzers' own examples; exit 1 when one fails.",
                discussion: "Each example runs through the pipeline as a one-message discussion; its result must hold the fields the example expects.")

            @Argument(help: "Ids or plugin files to test; none: every installed analyzer, examples included.")
            var names: [String] = []

            func run() throws {
                let analyzers = try Analyzers.analyzers(names)
                let pipeline: AnalyzerPipeline
                do {
                    pipeline = try AnalyzerPipeline(analyzers)
                } catch {
                    throw PluginError(error.description)
                }
                let failures = pipeline.failingExamples()
                let count = analyzers.map(\.descriptor.examples.count).reduce(0, +)
                for failure in failures { print("FAIL \(failure)") }
                print("\(count - failures.count) of \(count) examples pass (\(analyzers.map(\.descriptor.id).joined(separator: ", ")))")
                if !failures.isEmpty { throw ExitCode(1) }
            }
        }

        struct New: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "new",
                abstract: "Create a Swift analyzer plugin under Plugins/ that compiles, with examples that run as its tests.",
                discussion: "Then build (`swift build`): the plugin is registered by the build and listed by `forumlens analyzers list`.")

            @Argument(help: "The plugin's name, in CamelCase (its id is the name in lowercase with dashes).")
            var name: String

            @Option(name: .long, help: "The project's folder (where Plugins/ is).")
            var root: String = "."

            func validate() throws {
                guard let first = name.unicodeScalars.first, first.properties.isUppercase,
                      name.allSatisfy({ $0.isLetter || $0.isNumber }), name.unicodeScalars.allSatisfy(\.isASCII)
                else { throw ValidationError("the name is CamelCase ASCII letters and digits, such as Greetings") }
            }

            func run() throws {
                let folder = (root as NSString).appendingPathComponent("Plugins/\(name)")
                let file = (folder as NSString).appendingPathComponent("\(name)Analyzer.swift")
                guard !FileManager.default.fileExists(atPath: folder) else { throw ValidationError("\(folder) exists already") }
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                try PluginTemplate.source(name: name).write(toFile: file, atomically: true, encoding: .utf8)
                print("Created \(file). Build (`swift build`), then: forumlens analyzers test \(PluginTemplate.id(of: name))")
            }
        }
    }
}
