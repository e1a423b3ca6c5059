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

    init(quiet: Bool) {
        self.quiet = quiet
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
        print("To write the \(run.analyzers.isEmpty ? "messages" : "messages and results"): --format json|jsonl|csv|md|html and --out FILE, or --out DIR for csv or several formats.")
    }

    /// `12` for whole numbers, `3.5` otherwise.
    private static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(format: "%.2f", value)
    }

    private func plural(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
}
