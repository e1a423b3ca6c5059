import Foundation
import ForumLensTestSupport
import Testing

/// Progress and the closing table are for a terminal: in a pipe (as here, and in CI) stderr
/// gets neither; on a terminal (util-linux `script` gives the run one) the table says what ran
/// and what was written.
@Suite struct TerminalOutputTests {
    static let script = "/usr/bin/script"

    @Test func aPipeGetsNoProgressAndNoTable() async throws {
        let scratch = try ScratchDirectory()
        let run = try await ForumLensCommand.run(["analyze", Corpus.path("fr/"), "--format", "json,csv", "--out", scratch.url("out")])
        #expect(run.exitCode == 0 && run.stdout.isEmpty, "\(run.stderrText)")
        #expect(!run.stderrText.contains("\r") && !run.stderrText.contains("files  discussions"), "\(run.stderrText)")
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: script), "util-linux's script is absent"))
    func aTerminalGetsTheTable() async throws {
        let scratch = try ScratchDirectory()
        let program = try #require(ForumLensCommand.executable)
        let command = [program, "analyze", Corpus.path("fr/"), "--format", "json,csv", "--out", scratch.url("out")]
            .map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        let run = try await Subprocess.run(Self.script, ["-qec", command, "/dev/null"], timeout: 120)
        #expect(run.exitCode == 0, "\(run.stdoutText)")
        // What the terminal shows of each line: the text after its last carriage return (the
        // progress bar redraws itself and is wiped before the table).
        // (The terminal ends lines with CRLF, one Character in Swift.)
        let lines = run.stdoutText.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n").map { line in
            String(line.split(separator: "\r").last { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? "")
        }
        let header = try #require(lines.firstIndex { $0.hasPrefix("files  discussions  messages") }, "\(lines)")
        let counts = lines[header + 1].split(separator: " ").compactMap { Int($0) }
        // Nine files, eight discussions: the founding thread's two pages are one.
        #expect(counts.prefix(2) == [9, 8], "\(lines[header + 1])")
        #expect(lines.contains { $0.hasPrefix("advice") && $0.contains("items") })
        #expect(lines.contains { $0.hasPrefix("wrote ") && $0.contains("report.json, messages.csv") })
    }
}
