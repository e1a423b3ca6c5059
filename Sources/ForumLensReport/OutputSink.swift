import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a writer's bytes go: standard output, or a file written atomically — to a temporary
/// file beside it, renamed over the target only when the report is complete, so that a crash
/// or an error never leaves a half-written report.
public final class OutputSink {
    private let descriptor: Int32
    private let temporaryPath: String?
    private let finalPath: String?
    private let ownsDescriptor: Bool
    private var buffer: [UInt8] = []
    private var closed = false

    public static func standardOutput() -> OutputSink {
        OutputSink(descriptor: STDOUT_FILENO, temporaryPath: nil, finalPath: nil, ownsDescriptor: false)
    }

    public static func file(_ path: String) throws -> OutputSink {
        // A device or a pipe (`/dev/null`, `/dev/stdout`, a FIFO) is written in place: renaming
        // a temporary file over it would replace it with a regular file.
        var status = stat()
        if stat(path, &status) == 0, status.st_mode & S_IFMT != S_IFREG {
            guard status.st_mode & S_IFMT != S_IFDIR else { throw OutputError(path: path, reason: "is a directory") }
            let descriptor = open(path, O_WRONLY | O_CLOEXEC)
            guard descriptor >= 0 else { throw OutputError(path: path, reason: String(cString: strerror(errno))) }
            return OutputSink(descriptor: descriptor, temporaryPath: nil, finalPath: nil, ownsDescriptor: true)
        }
        let directory = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        removeLeftovers(of: name, in: directory.isEmpty ? "." : directory)
        let temporary = (directory.isEmpty ? "." : directory) + "/.\(name).\(getpid()).partial"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw OutputError(path: path, reason: String(cString: strerror(errno)))
        }
        return OutputSink(descriptor: descriptor, temporaryPath: temporary, finalPath: path, ownsDescriptor: true)
    }

    /// The partial files of `name` that killed runs left (`.name.PID.partial`, their process
    /// gone); a run still writing keeps its own.
    private static func removeLeftovers(of name: String, in directory: String) {
        let prefix = "." + name + ".", suffix = ".partial"
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        where entry.hasPrefix(prefix) && entry.hasSuffix(suffix) {
            guard let pid = Int32(entry.dropFirst(prefix.count).dropLast(suffix.count)), pid != getpid(),
                  kill(pid, 0) != 0, errno == ESRCH
            else { continue }
            unlink(directory + "/" + entry)
        }
    }

    private init(descriptor: Int32, temporaryPath: String?, finalPath: String?, ownsDescriptor: Bool) {
        self.descriptor = descriptor
        self.temporaryPath = temporaryPath
        self.finalPath = finalPath
        self.ownsDescriptor = ownsDescriptor
        buffer.reserveCapacity(1 << 20)
    }

    deinit {
        if !closed { abandon() }
    }

    public func write(_ bytes: [UInt8]) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 20 { try flush() }
    }

    public func write(_ text: String) throws {
        try write(Array(text.utf8))
    }

    public func flush() throws {
        var offset = 0
        while offset < buffer.count {
            let written = buffer[offset...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                throw OutputError(path: finalPath ?? "-", reason: String(cString: strerror(errno)))
            }
            offset += written
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes and, for a file, puts it in place.
    public func commit() throws {
        try flush()
        closed = true
        guard let temporaryPath, let finalPath else {
            if ownsDescriptor { close(descriptor) }
            return
        }
        close(descriptor)
        guard rename(temporaryPath, finalPath) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporaryPath)
            throw OutputError(path: finalPath, reason: reason)
        }
    }

    /// Drops a file that will not be completed.
    public func abandon() {
        closed = true
        guard let temporaryPath else {
            if ownsDescriptor { close(descriptor) }
            return
        }
        close(descriptor)
        unlink(temporaryPath)
    }
}

public struct OutputError: Error, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var description: String { "cannot write \(path): \(reason)" }

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }
}
