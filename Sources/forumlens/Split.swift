import ArgumentParser
import Foundation
import ForumLensCore
import ForumLensIngest
import ForumLensReport

extension ForumLens {
    struct Split: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "split",
            abstract: "Split saved pages into messages (author, date, own text, quotes, replies); no analysis.",
            discussion: """
                Examples:
                  forumlens split corpora/                         # a summary per file
                  forumlens split thread/*.html --format jsonl --out -
                  forumlens split saved/ --format json,csv --out out/
                """)

        @OptionGroup var input: InputOptions
        @OptionGroup var output: OutputOptions

        func run() async throws {
            try await CommandRun.execute(input: input, output: output, pipeline: nil)
        }
    }
}
