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
        var parsed: ParsableCommand.Type = ForumLens.self
        do {
            var command = try parseAsRoot()
            parsed = type(of: command)
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
                FileHandle.standardError.write(Data((usageMessage(for: error, in: parsed) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

extension ForumLens {
    /// A usage error's message with the usage of the command it is about. argument-parser gives
    /// that for errors found while parsing; one that `run()` throws would get the root's.
    static func usageMessage(for error: Error, in command: ParsableCommand.Type) -> String {
        guard let error = error as? ValidationError, let path = path(to: command), path.count > 1 else { return fullMessage(for: error) }
        let name = path.map { $0.configuration.commandName ?? "" }.joined(separator: " ")
        return "Error: \(error.message)\nUsage: \(usageString(for: command))\n  See '\(name) --help' for more information."
    }

    /// The commands from the root down to `command`.
    static func path(to command: ParsableCommand.Type, from root: ParsableCommand.Type = ForumLens.self) -> [ParsableCommand.Type]? {
        if root == command { return [root] }
        for subcommand in root.configuration.subcommands {
            if let rest = path(to: command, from: subcommand) { return [root] + rest }
        }
        return nil
    }
}

/// A plugin that cannot be loaded or run together with the others (its file and line, a
/// requirement no analyzer meets): a usage error, exit 2, before anything is read.
struct PluginError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
