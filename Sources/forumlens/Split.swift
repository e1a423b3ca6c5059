import ArgumentParser
import Foundation
import ForumLensCore
import ForumLensIngest
import ForumLensReport

extension ForumLens {
    struct Split: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
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
            let console = Console(quiet: input.quiet)
            let options = try input.ingestOptions(console: console)
            let collected = try Inputs.collect(input.paths)
            var writers = try output.writers()
            var run = RunRecord()
            run.problems = collected.problems
            collected.problems.forEach(console.report)
            var assembler = DiscussionAssembler(mode: input.merge)
            func emit(_ discussions: [Discussion]) throws {
                for discussion in discussions {
                    run.summary.add(discussion)
                    for index in writers.indices { try writers[index].write(discussion) }
                }
            }
            do {
                try emit(collected.stdinDiscussions.flatMap { assembler.add($0, order: -1) })
                try await ParallelReader.read(collected.items, options: options, jobs: input.jobs) { order, read in
                    if let file = read.input { run.inputs.append(file) }
                    run.problems += read.problems
                    read.problems.forEach(console.report)
                    if input.explain { console.explain(path: collected.items[order].path, read.notes) }
                    console.fileSummary(path: collected.items[order].path, read)
                    try emit(assembler.add(read, order: order))
                }
                try emit(assembler.finish())
                for index in writers.indices { try writers[index].finish(run) }
            } catch {
                writers.forEach { $0.abandon() }
                throw error
            }
            console.runSummary(run, wroteData: output.out != nil)
            if run.problems.contains(where: { $0.severity == .error }) { throw ExitCode(1) }
        }
    }
}
