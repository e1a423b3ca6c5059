import Foundation
import Testing

/// `scripts/spark-pipe.sh`: forumlens as a stage of a local Spark (`RDD.pipe`), partial reports
/// merged, equal to a direct run. Spark needs the pyspark the script installs from PyPI and a
/// Java: without them (as in CI) the test is skipped and says how to run it.
@Suite struct SparkPipeTests {
    static let root = URL(fileURLWithPath: Corpus.root).deletingLastPathComponent().path
    static let python = root + "/benchmarks/work/venv-spark/bin/python"
    static let ready = FileManager.default.isExecutableFile(atPath: python)
        && (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").contains { FileManager.default.isExecutableFile(atPath: "\($0)/java") }

    @Test(.enabled(if: ready, "pyspark or Java is absent: `bash scripts/spark-pipe.sh` installs pyspark from PyPI and runs the check"))
    func sparkPartsMergeIntoTheDirectRun() async throws {
        let scratch = try ScratchDirectory()
        let program = try #require(ForumLensCommand.executable)
        let run = try await Subprocess.run(
            "/usr/bin/env", ["FORUMLENS=\(program)", "WORK=\(scratch.url("spark"))", "bash", Self.root + "/scripts/spark-pipe.sh", Corpus.root],
            timeout: 600)
        #expect(run.exitCode == 0, "\(run.stdoutText)\n\(run.stderrText)")
        #expect(run.stdoutText.contains("spark-pipe: EQUAL"), "\(run.stdoutText)")
    }
}
