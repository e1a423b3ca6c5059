import Foundation
import ForumLensCore
import Testing
@testable import ForumLensReport

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A fresh directory for one test, removed afterwards.
final class SinkScratch {
    let path: String

    init() throws {
        var template = Array("\(FileManager.default.temporaryDirectory.path)/forumlens-sink-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw POSIXError(.EIO) }
        path = String(cString: made)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    var names: [String] { ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted() }

    func read(_ name: String) throws -> String {
        try String(contentsOfFile: path + "/" + name, encoding: .utf8)
    }
}

@Suite struct OutputSinkTests {
    /// A pipe, a device or a FIFO given as `--out` is written in place, never replaced by the
    /// temporary file (which renamed over `/dev/null` would replace the device).
    @Test func writesIntoAFIFOWithoutReplacingIt() throws {
        let scratch = try SinkScratch()
        let fifo = scratch.path + "/pipe"
        #expect(mkfifo(fifo, 0o600) == 0)
        // The reading end first, without blocking, so that the sink's open does not block.
        let reader = open(fifo, O_RDONLY | O_NONBLOCK)
        #expect(reader >= 0)
        defer { close(reader) }
        let sink = try OutputSink.file(fifo)
        try sink.write("{\"ok\":true}")
        try sink.commit()
        var buffer = [UInt8](repeating: 0, count: 64)
        let count = read(reader, &buffer, buffer.count)
        #expect(count > 0 && String(decoding: buffer.prefix(max(count, 0)), as: UTF8.self) == "{\"ok\":true}")
        var status = stat()
        #expect(stat(fifo, &status) == 0)
        #expect(status.st_mode & S_IFMT == S_IFIFO, "the FIFO is still a FIFO")
        #expect(scratch.names == ["pipe"], "no temporary file left: \(scratch.names)")
    }

    @Test func nothingIsVisibleUnderTheFinalNameBeforeCommit() throws {
        let scratch = try SinkScratch()
        let sink = try OutputSink.file(scratch.path + "/report.json")
        try sink.write("{\"a\":")
        try sink.flush()
        #expect(!scratch.names.contains("report.json"))
        #expect(scratch.names.count == 1 && scratch.names[0].hasSuffix(".partial"), "\(scratch.names)")
        sink.abandon()
    }

    @Test func commitPutsTheWholeFileInPlace() throws {
        let scratch = try SinkScratch()
        let sink = try OutputSink.file(scratch.path + "/report.json")
        try sink.write("{\"a\":")
        try sink.write(Array("1}\n".utf8))
        try sink.commit()
        #expect(scratch.names == ["report.json"])
        #expect(try scratch.read("report.json") == "{\"a\":1}\n")
    }

    @Test func commitReplacesAnOlderReport() throws {
        let scratch = try SinkScratch()
        try "old".write(toFile: scratch.path + "/report.json", atomically: false, encoding: .utf8)
        let sink = try OutputSink.file(scratch.path + "/report.json")
        try sink.write("new")
        #expect(try scratch.read("report.json") == "old")
        try sink.commit()
        #expect(try scratch.read("report.json") == "new")
        #expect(scratch.names == ["report.json"])
    }

    @Test func abandonLeavesNoFileAndKeepsAnOlderReport() throws {
        let scratch = try SinkScratch()
        let fresh = try OutputSink.file(scratch.path + "/fresh.json")
        try fresh.write(Array(repeating: UInt8(ascii: "x"), count: 3 << 20))  // flushed to disk on the way
        fresh.abandon()
        #expect(scratch.names.isEmpty, "\(scratch.names)")

        try "old".write(toFile: scratch.path + "/report.json", atomically: false, encoding: .utf8)
        let replacing = try OutputSink.file(scratch.path + "/report.json")
        try replacing.write("half")
        replacing.abandon()
        #expect(scratch.names == ["report.json"])
        #expect(try scratch.read("report.json") == "old")
    }

    @Test func aSinkDroppedWithoutCommitLeavesNothing() throws {
        let scratch = try SinkScratch()
        do {
            let sink = try OutputSink.file(scratch.path + "/report.json")
            try sink.write("partial")
            try sink.flush()
        }
        #expect(scratch.names.isEmpty, "\(scratch.names)")
    }

    @Test func anUnwritableDirectoryIsAnOutputError() throws {
        let scratch = try SinkScratch()
        #expect(throws: OutputError.self) { try OutputSink.file(scratch.path + "/no/such/dir/report.json") }
    }

    /// A writer abandoned mid-run (what `split` does on an error) leaves no report behind.
    @Test func abandonedReportWriterLeavesNothing() throws {
        let scratch = try SinkScratch()
        var writer = try JSONReportWriter(sink: OutputSink.file(scratch.path + "/report.json"))
        try writer.write(Discussion(id: "d1", messages: [Message(id: "m1", position: 1, text: "x")]))
        writer.abandon()
        #expect(scratch.names.isEmpty, "\(scratch.names)")
    }

    @Test func finishedReportWriterGivesAValidReport() throws {
        let scratch = try SinkScratch()
        let discussion = Discussion(id: "d1", sources: ["a.html"], messages: [Message(id: "m1", position: 1, text: "x")])
        var writer = try JSONReportWriter(sink: OutputSink.file(scratch.path + "/report.json"))
        try writer.write(discussion)
        try writer.write(discussion)
        var run = RunRecord()
        run.inputs = [InputFile(path: "a.html", sha256: "00", bytes: 1)]
        run.problems = [Problem(path: "b.html", severity: .warning, message: "no messages found")]
        try writer.finish(run)
        #expect(scratch.names == ["report.json"])

        struct Shape: Decodable {
            var schema: String
            var discussions: [Discussion]
            var inputs: [InputFile]
            var problems: [Problem]
        }
        let report = try JSONDecoder().decode(Shape.self, from: Data(contentsOf: URL(fileURLWithPath: scratch.path + "/report.json")))
        #expect(report.schema == reportSchema)
        #expect(report.discussions == [discussion, discussion])
        #expect(report.inputs == run.inputs)
        #expect(report.problems == run.problems)
    }
}
