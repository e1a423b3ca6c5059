import ArgumentParser
import Foundation
import ForumLensAnalysis
import ForumLensCore
import ForumLensIngest
import ForumLensReport

extension ForumLens {
    struct Merge: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "merge",
            abstract: "Combine partial reports of analyze (JSON or JSONL) into one, as one run over all their inputs would have written it.",
            discussion: """
                Each report's messages and results are kept; a discussion that several reports hold in part (pages of \
                one thread read by different runs) is joined again in page order, each message once. Inputs are listed \
                by path and discussions come in the order of their first page's path, whichever way the inputs were \
                shared out among the runs: merging one report or its parts gives the same file. Summaries are \
                added up again from the messages' results, so they are exact (counts and sums, not means of means). \
                The reports must come from the same analyzers, versions and lexicons: the built-in ones are known; \
                give rule plugins and process plugins with --analyzers as for analyze. A report that cannot be read \
                is an error naming it and the rest is merged (exit 1). The whole merge is held in memory.

                Examples:
                  forumlens merge part-00000 part-00001 --format json --out report.json
                  cat parts/*.jsonl | forumlens merge - --format csv,html --out report/
                """)

        @Argument(help: "Reports written by `forumlens analyze --format json` or `jsonl` (several JSONL reports may follow one another in a file), or - for stdin.")
        var reports: [String] = []

        @OptionGroup var output: OutputOptions

        @OptionGroup var analyzerOptions: AnalyzerOptions

        @Flag(name: [.short, .long], help: "No summary on stderr (errors are still shown).")
        var quiet = false

        func run() async throws {
            guard !reports.isEmpty else { throw ValidationError("give at least one report, or - for stdin") }
            let console = Console(quiet: quiet)
            var run = RunRecord()
            var read: [(path: String, report: ReadReport)] = []
            for path in reports {
                do {
                    read += try ReportReader.read(try Self.contents(of: path)).map { (path, $0) }
                } catch {
                    let problem = Problem(path: path, severity: .error, message: "not merged: \(error)")
                    run.problems.append(problem)
                    console.report(problem)
                }
            }
            let pipeline = try Self.pipeline(for: read, options: analyzerOptions)
            run.analyzers = pipeline.infos
            let writers = try output.writers(analyzers: pipeline.infos)

            // Discussions by id, in the order first met; each with its parts.
            var order: [String] = []
            var parts: [String: [(discussion: Discussion, results: [DiscussionAnalysis.Results])]] = [:]
            var seenInputs = Set<String>()
            for (_, report) in read {
                for input in report.inputs where seenInputs.insert(input.path).inserted { run.inputs.append(input) }
                run.problems += report.problems
                for part in report.discussions {
                    if parts[part.discussion.id] == nil { order.append(part.discussion.id) }
                    parts[part.discussion.id, default: []].append(part)
                }
            }
            // Inputs by path, discussions by the path of their first page: the same order whichever
            // way the inputs were shared out among the runs.
            run.inputs.sort { $0.path < $1.path }
            let firstPage = order.map { id in parts[id]!.flatMap(\.discussion.sources).min() }
            order = order.indices.sorted { a, b in
                switch (firstPage[a], firstPage[b]) {
                case let (x?, y?) where x != y: x < y
                case (_?, nil): true
                case (nil, _?): false
                default: a < b
                }
            }.map { order[$0] }
            do {
                for id in order {
                    let pieces = parts.removeValue(forKey: id)!
                    var (discussion, results) = pieces[0]
                    if pieces.count > 1 {
                        let joined = DiscussionAssembler.join(pieces.map(\.discussion))
                        discussion = joined.discussion
                        results = joined.origins.map { pieces[$0.part].results[$0.message] }
                    }
                    let analysis = pipeline.summarize(discussion, results: results)
                    run.summary.add(discussion)
                    run.analysis.add(analysis.summary)
                    for writer in writers { try writer.write(discussion, analysis: analysis) }
                }
                try BackgroundWriter.finish(writers, run)
            } catch {
                writers.forEach { $0.abandon() }
                throw error
            }
            console.runSummary(run, wroteData: output.out != nil)
            if run.problems.contains(where: { $0.severity == .error }) { throw ExitCode(1) }
        }

        static func contents(of path: String) throws(ReportReadError) -> [UInt8] {
            if path == "-" { return [UInt8](FileHandle.standardInput.readDataToEndOfFile()) }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw ReportReadError(reason: "no such file") }
            guard !isDirectory.boolValue else { throw ReportReadError(reason: "a directory, not a report") }
            guard let data = FileManager.default.contents(atPath: path) else { throw ReportReadError(reason: "cannot be read") }
            return [UInt8](data)
        }

        /// The analyzers of the reports, which must all name the same ones, each of the same
        /// version and data as this forumlens has: results of different analyzers do not add up.
        static func pipeline(for reports: [(path: String, report: ReadReport)], options: AnalyzerOptions) throws -> AnalyzerPipeline {
            func describe(_ infos: [AnalyzerInfo]) -> String {
                infos.isEmpty ? "no analyzer" : infos.map { info in
                    "\(info.id) \(info.version)" + info.resources.map { " \($0.name) \($0.digest.prefix(19))…" }.joined()
                }.joined(separator: ", ")
            }
            let expected = reports.first?.report.analyzers ?? []
            for (path, report) in reports.dropFirst() where describe(report.analyzers) != describe(expected) {
                throw PluginError("\(path) was made by \(describe(report.analyzers)), \(reports[0].path) by \(describe(expected)): their results do not add up")
            }
            let pipeline = try options.pipeline(default: expected.map(\.id).joined(separator: ","))
            guard describe(pipeline.infos) == describe(expected) || reports.isEmpty else {
                throw PluginError("the reports were made by \(describe(expected)); this forumlens has \(describe(pipeline.infos)): merge with the forumlens, plugins (--analyzers) and taxonomy (--taxonomy) that made them")
            }
            return pipeline
        }
    }
}
