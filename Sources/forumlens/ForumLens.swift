import ArgumentParser
import ForumLensCore

@main
struct ForumLens: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forumlens",
        abstract: "Turn saved forum pages into messages and reports.",
        version: Tool.current.version,
        subcommands: []
    )
}
