import Foundation
import Testing

/// Killing a run at any point leaves each report as it was (or, had the run ended, the new
/// one), never a half-written file: every format is written aside and put in place at the end,
/// the SQLite database in one transaction.
@Suite struct KilledRunTests {
    static let formats = ["report.json", "report.jsonl", "messages.csv", "findings.csv", "authors.csv", "report.md", "report.html"]

    @Test func twentyKillsAtEveryPointOfARunLeaveNoBrokenReport() async throws {
        let scratch = try ScratchDirectory()
        let pages = try ResumeTests.pages(24, in: scratch)
        let program = try #require(ForumLensCommand.executable)
        let arguments = ["analyze", pages, "--format", "json,jsonl,csv,md,html,sqlite", "--out", scratch.url("out"), "--quiet"]
        let first = try await ForumLensCommand.run(arguments, timeout: 120)
        try #require(first.exitCode == 0, "\(first.stderrText)")
        let reference = try Self.formats.map { try scratch.read("out/" + $0) }
        let messages = try Self.messageCount(scratch.url("out/report.sqlite"))

        // The kills fall at 1/20, 2/20… of a run's length, the last ones after it may have ended.
        let length = first.seconds
        for kill in 1 ... 20 {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: program)
            process.arguments = arguments
            process.standardError = FileHandle.nullDevice
            try process.run()
            try await Task.sleep(nanoseconds: UInt64(length * 1.1 * Double(kill) / 20 * 1e9))
            Foundation.kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            for (name, bytes) in zip(Self.formats, reference) {
                #expect(try scratch.read("out/" + name) == bytes, "\(name) after kill \(kill)")
            }
            #expect(try Self.messageCount(scratch.url("out/report.sqlite")) == messages, "report.sqlite after kill \(kill)")
        }
        // What the killed runs left aside goes with the next run.
        let last = try await ForumLensCommand.run(arguments, timeout: 120)
        #expect(last.exitCode == 0)
        let left = try scratch.names(in: "out")
        #expect(left.filter { $0.hasSuffix(".partial") }.isEmpty, "\(left)")
    }

    /// The database's messages after SQLite's own integrity check (nil when it fails).
    static func messageCount(_ path: String) throws -> Int? {
        let script = "import sqlite3,sys\ndb=sqlite3.connect(sys.argv[1])\nok=db.execute('PRAGMA integrity_check').fetchone()[0]\nprint(db.execute('select count(*) from messages').fetchone()[0] if ok=='ok' else -1)"
        let output = try ScratchDirectory.run("/usr/bin/env", ["python3", "-c", script, path])
        return Int(String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)).flatMap { $0 < 0 ? nil : $0 }
    }
}
