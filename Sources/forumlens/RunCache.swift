import Foundation
import ForumLensAnalysis
import ForumLensCore
import ForumLensIngest
import ForumLensReport

#if canImport(Glibc)
import Glibc
#endif

/// `--resume`: what runs with the same `--out` read and analyzed, kept beside the output, so
/// that a run that was interrupted, or a corpus where a few files changed, is not read again
/// whole. One JSON line per file read (keyed by path, size, modification time and inode, then
/// by content hash) and per message analyzed (keyed by its fields and its discussion's language),
/// appended as the run goes, so that a killed run loses at most its last line; a run that ends
/// well rewrites the file with what it used only. The first line holds the settings: a cache
/// made by another version, other analyzers or other reading options is not used.
final class RunCache: ResultCache, @unchecked Sendable {
    let path: String
    private let settings: String
    private let lock = NSLock()
    private var descriptor: Int32 = -1
    /// The lines of the file as found, not decoded until asked for.
    private var files: [String: (stamp: String, sha256: String, line: [UInt8])] = [:]
    private var messages: [String: [UInt8]] = [:]
    /// What this run used or made, to write back at its end.
    private var kept: [[UInt8]] = []
    private(set) var reused = 0, read = 0, reusedMessages = 0

    /// The cache for output `out` (a file, or a directory of several formats).
    static func path(for out: String, intoDirectory: Bool) -> String {
        intoDirectory ? out + "/.forumlens-cache.jsonl" : out + ".forumlens-cache.jsonl"
    }

    /// Opens the cache at `path`, reading what is there when it was made with `settings`.
    init(path: String, settings: String) throws {
        self.path = path
        self.settings = settings
        let header = Array(Self.line(["settings": .string(settings)]))
        if let data = FileManager.default.contents(atPath: path) {
            var lines = [UInt8](data).split(separator: 0x0A, omittingEmptySubsequences: true).makeIterator()
            if let first = lines.next(), Array(first) == header.dropLast() {
                // A line cut by a kill, or not ours, is left out.
                for line in lines {
                    if line.starts(with: Self.fileLineStart) {
                        guard let file = try? JSONDecoder().decode(FileLine.Key.self, from: Data(line)) else { continue }
                        files[file.file] = (file.stamp, file.sha256, Array(line) + [0x0A])
                    } else if let value = try? JSONValue.parse(Array(line)), case let .string(key)? = value["message"] {
                        messages[key] = Array(line) + [0x0A]
                    }
                }
            }
        }
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        // Appended to as the run goes: old lines stay valid until the run ends well.
        let exists = FileManager.default.fileExists(atPath: path) && !files.isEmpty
        descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | (exists ? 0 : O_TRUNC) | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw OutputError(path: path, reason: String(cString: strerror(errno))) }
        if !exists { append(header) }
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// Reads `item`, or gives what an earlier run read of the same file unchanged.
    func read(_ item: InputItem, options: IngestOptions) -> ReadInput {
        // Size, modification time and inode: a file written again since has another.
        var status = stat()
        let stated = stat(item.path, &status) == 0
        let stamp = "\(status.st_size) \(status.st_mtim.tv_sec).\(status.st_mtim.tv_nsec) \(status.st_ino)"
        lock.lock()
        let known = files[item.path]
        lock.unlock()
        // Touched but the same bytes (a copy, a checkout): the content hash tells.
        if stated, let known, known.stamp == stamp || (try? PageBytes.read(path: item.path, maxBytes: options.maxPageBytes)).map(SHA256.hex) == known.sha256,
           let read = try? JSONDecoder().decode(FileLine.self, from: Data(known.line)).read
        {
            let line = known.stamp == stamp ? known.line : (FileLine(file: item.path, stamp: stamp, sha256: known.sha256, read: read).line ?? known.line)
            lock.lock()
            reused += 1
            kept.append(line)
            lock.unlock()
            if line != known.line { append(line) }
            return read
        }
        let fresh = InputReader.read(item, options: options)
        lock.lock()
        self.read += 1
        lock.unlock()
        // Only what read well is kept: a file with an error is tried again next time.
        if stated, let input = fresh.input, !fresh.problems.contains(where: { $0.severity == .error }),
           let line = FileLine(file: item.path, stamp: stamp, sha256: input.sha256, read: fresh).line
        {
            lock.lock()
            kept.append(line)
            lock.unlock()
            append(line)
        }
        return fresh
    }

    func results(for message: Message, in discussion: Discussion) -> (language: String, results: DiscussionAnalysis.Results)? {
        let key = Self.key(message, discussion)
        lock.lock()
        let line = messages[key]
        lock.unlock()
        guard let line, let value = try? JSONValue.parse(line), case let .string(language)? = value["language"],
              case let .object(results)? = value["results"]
        else { return nil }
        lock.lock()
        reusedMessages += 1
        kept.append(line)
        lock.unlock()
        return (language, results.map { (id: $0.key, value: $0.value) })
    }

    func store(_ results: DiscussionAnalysis.Results, language: String, for message: Message, in discussion: Discussion) {
        let line = Self.line(["message": .string(Self.key(message, discussion)), "language": .string(language), "results": .object(results.map { ($0.id, $0.value) })])
        lock.lock()
        kept.append(line)
        lock.unlock()
        append(line)
    }

    /// After a run that ended well: the cache holds what this run used, nothing older.
    func compact() throws {
        let sink = try OutputSink.file(path)
        do {
            try sink.write(Self.line(["settings": .string(settings)]))
            for line in kept { try sink.write(line) }
            try sink.commit()
        } catch {
            sink.abandon()
            throw error
        }
    }

    private func append(_ line: [UInt8]) {
        lock.lock()
        defer { lock.unlock() }
        _ = line.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
    }

    /// A file's line: its keys, then what it gave. Keys sorted, so that `file` leads the line.
    private struct FileLine: Codable {
        var file: String
        var stamp: String
        var sha256: String
        var read: ReadInput

        struct Key: Decodable {
            var file: String
            var stamp: String
            var sha256: String
        }

        var line: [UInt8]? {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            return (try? encoder.encode(self)).map { [UInt8]($0) + [0x0A] }
        }
    }

    private static let fileLineStart = Array(#"{"file":"#.utf8)

    private static func line(_ value: JSONValue) -> [UInt8] {
        Array((value.description + "\n").utf8)
    }

    private static func key(_ message: Message, _ discussion: Discussion) -> String {
        var json = JSONText()
        json.beginObject()
        json.messageFields(message)
        json.endObject()
        return SHA256.hex(json.bytes + Array("\u{0}\(discussion.language ?? "")".utf8))
    }
}
