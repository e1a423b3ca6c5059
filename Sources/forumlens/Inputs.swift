import ArgumentParser
import Foundation
import ForumLensCore
import ForumLensIngest
import ForumLensReport

/// The command's PATH arguments as files to read, plus messages given on stdin.
struct Inputs {
    var items: [InputItem] = []
    var stdinDiscussions: [ReadInput] = []
    var problems: [Problem] = []

    /// `-` reads stdin: JSONL messages when its first non-blank byte is `{`, else one path per line.
    static func collect(_ arguments: [String]) throws -> Inputs {
        var inputs = Inputs()
        var paths: [String] = []
        for argument in arguments {
            guard argument == "-" else {
                paths.append(argument)
                continue
            }
            let bytes = Array(FileHandle.standardInput.readDataToEndOfFile())
            if InputPaths.stdinHoldsMessages(bytes) {
                let read = MessageFiles.readJSONL(bytes, path: "<stdin>")
                var result = ReadInput()
                result.discussions = read.discussions
                result.generatedIDs = read.discussions.map { _ in [] }
                result.problems = read.problems
                inputs.stdinDiscussions.append(result)
                inputs.problems += read.problems
            } else {
                let listed = InputPaths.fromPathList(String(decoding: bytes, as: UTF8.self))
                inputs.items += listed.items
                inputs.problems += listed.problems
            }
        }
        let expanded = InputPaths.expand(paths)
        inputs.items += expanded.items
        inputs.problems += expanded.problems
        if inputs.items.isEmpty, inputs.stdinDiscussions.isEmpty, !inputs.problems.isEmpty,
           inputs.problems.allSatisfy({ $0.severity == .error })
        {
            inputs.problems.forEach { FileHandle.standardError.write(Data("error: \($0.path): \($0.message)\n".utf8)) }
            throw ExitCode(2)
        }
        return inputs
    }
}

/// What the user sees: problems on stderr as they happen; on stdout, when no data goes
/// there, a readable summary with a line per file.
final class Console {
    let quiet: Bool
    private var fileLines: [String] = []
    /// Progress and the closing table go to a terminal only: never into pipes, files or CI logs.
    let onTerminal = isatty(STDERR_FILENO) == 1
    private var total = 0, done = 0, bytes = 0
    private var started = ContinuousClock.now, lastDrawn = ContinuousClock.now
    private var drawn = false

    init(quiet: Bool) {
        self.quiet = quiet
    }

    func startProgress(files: Int) {
        (total, done, bytes, started) = (files, 0, 0, .now)
    }

    /// One file more: `[#####-----]  45%  1,234/5,000 files  12.3 MB/s  83 files/s  ETA 0:45`,
    /// redrawn at most five times a second, on long runs only (after a second).
    func progress(bytes read: Int) {
        done += 1
        bytes += read
        guard onTerminal, !quiet, total > 1 else { return }
        let now = ContinuousClock.now
        let elapsed = Self.seconds(now - started)
        guard elapsed >= 1, Self.seconds(now - lastDrawn) >= 0.2 || done == total else { return }
        lastDrawn = now
        let share = Double(done) / Double(total)
        let filled = Int((share * 20).rounded(.down))
        let rate = Double(done) / elapsed
        let left = rate > 0 ? Int((Double(total - done) / rate).rounded()) : 0
        let line = String(
            format: "\r[%@%@] %3.0f%%  %d/%d files  %.1f MB/s  %.0f files/s  ETA %d:%02d ",
            String(repeating: "#", count: filled), String(repeating: "-", count: 20 - filled), share * 100, done, total,
            Double(bytes) / 1_000_000 / elapsed, rate, left / 60, left % 60)
        FileHandle.standardError.write(Data(line.utf8))
        drawn = true
    }

    func endProgress() {
        guard drawn else { return }
        FileHandle.standardError.write(Data(("\r" + String(repeating: " ", count: 90) + "\r").utf8))
        drawn = false
    }

    /// After a run that wrote its report: the run and each analyzer in a few lines, on a terminal.
    func table(_ run: RunRecord, wrote files: [String], to out: String) {
        guard onTerminal, !quiet else { return }
        let errors = run.problems.filter { $0.severity == .error }.count
        let seconds = Self.seconds(ContinuousClock.now - started)
        var lines = [
            "files  discussions  messages  authors  errors  warnings  seconds",
            String(format: "%5d  %11d  %8d  %7d  %6d  %8d  %7.1f", run.inputs.count, run.summary.discussions, run.summary.messages,
                   run.summary.authors, errors, run.problems.count - errors, seconds),
        ]
        let width = max(8, run.analysis.entries.map(\.id.count).max() ?? 0)
        for (id, tally) in run.analysis.entries {
            let counts = tally.entries.filter { !["messages", "skipped"].contains($0.name) && !$0.name.contains(":") && !($0.name.first?.isNumber ?? true) }
            let shown = counts.prefix(4).map { "\($0.name) \(Self.number($0.value))" }.joined(separator: ", ")
            lines.append(id.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + shown)
        }
        lines.append("wrote \(out): \(files.joined(separator: ", "))")
        FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    func report(_ problem: Problem) {
        guard problem.severity == .error || !quiet else { return }
        FileHandle.standardError.write(Data("\(problem.severity.rawValue): \(problem.path): \(problem.message)\n".utf8))
    }

    func explain(path: String, _ notes: [String]) {
        let lines = notes.map { "  " + $0 }.joined(separator: "\n")
        FileHandle.standardError.write(Data("\(path):\n\(lines)\n".utf8))
    }

    func fileSummary(path: String, _ read: ReadInput) {
        let messages = read.discussions.reduce(0) { $0 + $1.messages.count }
        var line = "  \(path)  \(plural(messages, "message"))"
        if let extraction = read.discussions.flatMap(\.extraction).first {
            line += "  \(extraction.extractor) extractor, confidence \(String(format: "%.2f", extraction.confidence))"
        } else if read.input == nil {
            line += "  (not read)"
        }
        fileLines.append(line)
    }

    /// What `--resume` reused, on stderr.
    func resumed(_ cache: RunCache) {
        guard !quiet else { return }
        let line = "resumed: \(plural(cache.reused, "file")) reused, \(cache.read) read; \(plural(cache.reusedMessages, "message"))' results reused (cache \(cache.path))\n"
        FileHandle.standardError.write(Data(line.utf8))
    }

    func runSummary(_ run: RunRecord, wroteData: Bool) {
        guard !quiet, !wroteData else { return }
        let summary = run.summary
        let errors = run.problems.filter { $0.severity == .error }.count
        var text = "\(plural(run.inputs.count, "file")), \(plural(summary.discussions, "discussion")), \(plural(summary.messages, "message"))"
        if summary.articles > 0 { text += " (\(plural(summary.articles, "article")))" }
        text += ", \(plural(summary.authors, "author")) (distinct per discussion); "
        text += "\(plural(errors, "error")), \(plural(run.problems.count - errors, "warning"))"
        print(([text] + fileLines).joined(separator: "\n"))
        // Each analyzer's corpus tallies, the largest first after its message counts.
        for (id, tally) in run.analysis.entries {
            let counts = tally.entries.prefix { ["messages", "skipped"].contains($0.name) }
            let rest = tally.entries.dropFirst(counts.count).sorted { $0.value > $1.value }
            let shown = (counts + rest.prefix(8)).map { "\($0.name) \(Self.number($0.value))" }
            print("\(id): \(shown.joined(separator: ", "))\(rest.count > 8 ? ", … (\(rest.count - 8) more in the report)" : "")")
        }
        print("To write the \(run.analyzers.isEmpty ? "messages" : "messages and results"): --format json|jsonl|csv|md|html and --out FILE, or --out DIR/ (a directory: csv and several formats need one).")
    }

    /// `12` for whole numbers, `3.5` otherwise.
    private static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(format: "%.2f", value)
    }

    private func plural(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
}
