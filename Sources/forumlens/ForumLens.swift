import ArgumentParser
import Foundation
import ForumLensCore

@main
struct ForumLens: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forumlens",
        abstract: "Turn saved forum pages into messages and reports.",
        discussion: """
            Exit codes: 0 no error (warnings allowed); 1 at least one input or result lost \
            (everything else processed and written); 2 usage error, nothing processed.
            """,
        version: Tool.current.version,
        subcommands: [Split.self, Analyze.self, Merge.self, Analyzers.self, Eval.self]
    )

    /// Usage errors exit with 2 (the command-line contract), not argument-parser's 64.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let error as PluginError {
            // About a file, not about how the command was typed: no usage text after it.
            FileHandle.standardError.write(Data("Error: \(error.description)\n".utf8))
            Foundation.exit(2)
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

/// A plugin that cannot be loaded or run together with the others (its file and line, a
/// requirement no analyzer meets): a usage error, exit 2, before anything is read.
struct PluginError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
