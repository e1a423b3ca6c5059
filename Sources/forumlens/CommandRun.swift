import ArgumentParser
import Foundation
import ForumLensAnalysis
import ForumLensCore
import ForumLensIngest
import ForumLensReport
import ForumLensText

/// The run `split` and `analyze` share: inputs read in parallel, pages of one thread joined,
/// each discussion analyzed (with `analyze`) and written as soon as it is complete.
enum CommandRun {
    static func execute(
        input: InputOptions, output: OutputOptions, pipeline: AnalyzerPipeline?, filter: MessageFilter = MessageFilter()
    ) async throws {
        guard !input.paths.isEmpty else {
            throw ValidationError("give at least one path: a saved page, a directory, a glob, a message file, or - for stdin")
        }
        let console = Console(quiet: input.quiet)
        let options = try input.ingestOptions(console: console)
        let collected = try Inputs.collect(input.paths)
        var cache: RunCache?
        if input.resume {
            guard let out = output.out, out != "-" else {
                throw ValidationError("--resume keeps its cache beside the output: give --out a file or a directory")
            }
            let path = RunCache.path(for: out, intoDirectory: try output.intoDirectory)
            do {
                cache = try RunCache(path: path, settings: input.cacheSettings(analyzers: pipeline?.infos ?? []))
            } catch {
                throw ValidationError("--resume: \(error)")
            }
        }
        // Results of process plugins are not kept: what failed is tried again.
        let resultCache = pipeline?.analyzers.contains { $0 is ReportsProblems } == false ? cache : nil
        let writers = try output.writers(analyzers: pipeline?.infos ?? [])
        var run = RunRecord()
        run.analyzers = pipeline?.infos ?? []
        run.problems = collected.problems
        collected.problems.forEach(console.report)
        var assembler = DiscussionAssembler(mode: input.merge)
        let pseudonyms = input.pseudonymize.map(Pseudonyms.init(salt:))
        func emit(_ discussions: [Discussion]) throws {
            for var discussion in discussions {
                guard filter.keep(&discussion) else { continue }
                pseudonyms?.apply(to: &discussion)
                run.summary.add(discussion)
                let analysis = pipeline?.analyze(discussion, fallbackLanguage: options.language, jobs: input.jobs, cache: resultCache)
                if let analysis { run.analysis.add(analysis.summary) }
                for message in pipeline?.drainProblems() ?? [] {
                    let problem = Problem(path: discussion.sources.first ?? discussion.id, severity: .error, message: message)
                    run.problems.append(problem)
                    console.report(problem)
                }
                for writer in writers { try writer.write(discussion, analysis: analysis) }
            }
        }
        do {
            try emit(collected.stdinDiscussions.flatMap { assembler.add($0, order: -1) })
            console.startProgress(files: collected.items.count)
            let reader = cache.map { cache in { @Sendable (item: InputItem) in cache.read(item, options: options) } }
            try await ParallelReader.read(collected.items, options: options, jobs: input.jobs, reader: reader) { order, read in
                console.progress(bytes: read.input?.bytes ?? 0)
                if let file = read.input { run.inputs.append(file) }
                run.problems += read.problems
                read.problems.forEach(console.report)
                if input.explain { console.explain(path: collected.items[order].path, read.notes) }
                console.fileSummary(path: collected.items[order].path, read)
                try emit(assembler.add(read, order: order))
            }
            try emit(assembler.finish())
            try BackgroundWriter.finish(writers, run)
            try cache?.compact()
            console.endProgress()
        } catch {
            console.endProgress()
            writers.forEach { $0.abandon() }
            throw error
        }
        if let cache { console.resumed(cache) }
        console.runSummary(run, wroteData: output.out != nil)
        if let out = output.out, out != "-" {
            let tables = ["messages.csv", "discussions.csv", "replies.csv"] + (run.analyzers.isEmpty ? [] : ["findings.csv", "authors.csv", "themes.csv"])
            console.table(run, wrote: try output.formats.flatMap { $0 == .csv ? tables : [$0.fileName] }, to: out)
        }
        if run.problems.contains(where: { $0.severity == .error }) { throw ExitCode(1) }
    }
}

/// `--since`, `--until`, `--author`, `--language`: the messages an analysis keeps (a discussion
/// left with none is left out). Dates compare as written, local times as the page shows them;
/// a message's language is the one analyzers take it to be in (its text's when sure).
struct MessageFilter {
    var since: String?
    var until: String?
    var authors: Set<String> = []
    var language: String?

    var isEmpty: Bool { since == nil && until == nil && authors.isEmpty && language == nil }

    func keep(_ discussion: inout Discussion) -> Bool {
        guard !isEmpty else { return true }
        let whole = discussion
        discussion.messages = discussion.messages.filter { message in
            if !authors.isEmpty, !authors.contains(message.author ?? "") { return false }
            if let language, AnalyzerPipeline.language(of: message, text: TextLayer(message.text), in: whole, fallback: language) != language {
                return false
            }
            guard since != nil || until != nil else { return true }
            guard let published = message.published else { return false }
            if let since, published.prefix(since.count) < since { return false }
            if let until, published.prefix(until.count) > until { return false }
            return true
        }
        return !discussion.messages.isEmpty
    }
}
