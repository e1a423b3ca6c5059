import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A fresh directory under the system's temporary folder, removed when the value goes away.
/// Paths are absolute, so tests never depend on (or change) the working directory.
public final class ScratchDirectory: Sendable {
    public let path: String

    public init(prefix: String = "forumlens-test") throws {
        var template = Array("\(FileManager.default.temporaryDirectory.path)/\(prefix)-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw POSIXError(.EIO) }
        path = String(cString: made)
    }

    deinit {
        // Make anything a test locked up readable again, so that it can be removed.
        _ = try? Self.run("/bin/chmod", ["-R", "u+rwx", path])
        try? FileManager.default.removeItem(atPath: path)
    }

    public func url(_ relative: String) -> String { path + "/" + relative }

    @discardableResult
    public func file(_ relative: String, _ text: String) throws -> String {
        try file(relative, Array(text.utf8))
    }

    @discardableResult
    public func file(_ relative: String, _ bytes: [UInt8]) throws -> String {
        let full = url(relative)
        try FileManager.default.createDirectory(
            atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: full))
        return full
    }

    @discardableResult
    public func directory(_ relative: String) throws -> String {
        let full = url(relative)
        try FileManager.default.createDirectory(atPath: full, withIntermediateDirectories: true)
        return full
    }

    @discardableResult
    public func symlink(_ relative: String, to destination: String) throws -> String {
        let full = url(relative)
        try FileManager.default.createSymbolicLink(atPath: full, withDestinationPath: destination)
        return full
    }

    @discardableResult
    public func fifo(_ relative: String) throws -> String {
        let full = url(relative)
        guard mkfifo(full, 0o644) == 0 else { throw POSIXError(.EIO) }
        return full
    }

    /// `gzip -c` of the given bytes, written to `relative`.
    @discardableResult
    public func gzipFile(_ relative: String, _ bytes: [UInt8]) throws -> String {
        let plain = try file(relative + ".plain", bytes)
        let compressed = try Self.run("/usr/bin/gzip", ["-c", "-n", plain])
        try FileManager.default.removeItem(atPath: plain)
        return try file(relative, compressed)
    }

    /// Runs a program and returns its standard output.
    @discardableResult
    public static func run(_ program: String, _ arguments: [String], input: [UInt8]? = nil) throws -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        let inputPipe = Pipe()
        if input != nil { process.standardInput = inputPipe }
        try process.run()
        if let input {
            let writer = inputPipe.fileHandleForWriting
            // Written from another thread: a large input would fill the pipe and block.
            let thread = Thread {
                writer.write(Data(input))
                try? writer.close()
            }
            thread.start()
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Array(data)
    }

    public func read(_ relative: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: url(relative))))
    }

    /// The names in a directory of the scratch folder, hidden ones included.
    public func names(in relative: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: url(relative)).sorted()
    }
}

/// How much slower and larger than usual runs are: `FORUMLENS_TEST_SLOWDOWN=5` under the
/// sanitizers (docs/reliability.md), so that time and memory bounds of tests scale with it.
public enum TestSlowdown {
    public static let factor = ProcessInfo.processInfo.environment["FORUMLENS_TEST_SLOWDOWN"].flatMap(Double.init) ?? 1
}
