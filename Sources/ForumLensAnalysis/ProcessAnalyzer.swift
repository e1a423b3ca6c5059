import Foundation
import ForumLensCore
import ForumLensRules

/// A process plugin: an analyzer in any language. A manifest (YAML or JSON) names its command;
/// ForumLens starts it once per run, writes each message to its stdin as one JSON line
/// (`{"id", "discussion_id", "author", "language", "text"}`) and reads one JSON object per line
/// from its stdout, the result. A plugin that crashes, hangs past its timeout, prints an answer
/// longer than `max_output` or something that is not a JSON object gives an `{"error": …}`
/// result and a problem naming the plugin and the message; the run goes on (docs/analysis.md).
/// A plugin stopped is killed with every process it started.
///
///     id: questions
///     version: 1.0.0
///     summary: Questions asked in a thread
///     command: [python3, questions.py]     # run in the manifest's folder
///     languages: [fr, en]
///     timeout: 5                           # seconds per message
///     max_output: 1048576                  # bytes of one answer line
///     fields: [questions]                  # its CSV columns
///     examples:
///       - {language: fr, text: "Qui a essayé ?", expect: {questions: 1}}
public final class ProcessAnalyzer: Analyzer, ReportsProblems, @unchecked Sendable {
    public let descriptor: AnalyzerDescriptor
    let command: [String]
    let folder: String
    let timeout: Double
    /// The longest answer line read (bytes): a plugin that prints without end is stopped.
    let maxOutput: Int

    // The running plugin and what went wrong, behind the lock: the pipeline may call from
    // several threads.
    private let lock = NSLock()
    private var process: Process?
    private var input: Int32 = -1
    private var output: Int32 = -1
    private var pending: [UInt8] = []
    private var answered = 0
    /// Once the plugin died or hung, every later message gets this error without a new try.
    private var failure: String?
    private var problems: [String] = []

    static let keys = ["id", "version", "summary", "command", "languages", "timeout", "max_output", "fields", "examples"]

    public static func load(manifest path: String) throws(RuleFileError) -> ProcessAnalyzer {
        let file = try RuleFile.load(path, keys: keys, what: "a process plugin manifest")
        guard let id = try file.string("id") else { throw file.error(nil, "'id' is missing: the analyzer's name in reports") }
        guard let commandNode = file.values["command"] else { throw file.error(nil, "'command' is missing: the program and its arguments") }
        let command = try file.texts(commandNode, "command", "a word of the command line")
        guard !command.isEmpty else { throw file.error(commandNode, "'command' is the program and its arguments, not an empty list") }
        var timeout = 10.0
        if let node = file.values["timeout"] {
            guard case .scalar = node, let seconds = node.string.flatMap(Double.init), seconds > 0 else {
                throw file.error(node, "'timeout' is a number of seconds")
            }
            timeout = seconds
        }
        var maxOutput = 1 << 20
        if let node = file.values["max_output"] {
            guard case .scalar = node, let bytes = node.string.flatMap(Int.init), bytes > 0 else {
                throw file.error(node, "'max_output' is a number of bytes (the longest answer line)")
            }
            maxOutput = bytes
        }
        let languages = try file.values["languages"].map { (node) throws(RuleFileError) in try file.texts(node, "languages", "an ISO 639-1 code") } ?? []
        let fields = try file.values["fields"].map { (node) throws(RuleFileError) in try file.texts(node, "fields", "a field name") } ?? []
        let examples = try RuleAnalyzer.examples(file, defaultLanguage: languages.first)
        let descriptor = AnalyzerDescriptor(
            id: id, version: try file.string("version") ?? "1.0.0", summary: try file.string("summary") ?? "",
            languages: Set(languages), produces: fields.map { .init($0, "given by the plugin") }, examples: examples)
        return ProcessAnalyzer(
            descriptor: descriptor, command: command, folder: (path as NSString).deletingLastPathComponent, timeout: timeout, maxOutput: maxOutput)
    }

    init(descriptor: AnalyzerDescriptor, command: [String], folder: String, timeout: Double, maxOutput: Int = 1 << 20) {
        self.descriptor = descriptor
        self.command = command
        self.folder = folder.isEmpty ? "." : folder
        self.timeout = timeout
        self.maxOutput = maxOutput
    }

    deinit {
        if input >= 0 { close(input) }
        if output >= 0 { close(output) }
        stop()
    }

    /// Kills the plugin and every process it started: it runs in a process group of its own.
    private func stop() {
        guard let process, process.isRunning else { return }
        kill(-process.processIdentifier, SIGKILL)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    public func analyze(_ request: AnalyzerInput) -> JSONValue {
        lock.withLock { answer(request) }
    }

    /// Numbers add up, `true` counts one; an error counts under `errors`.
    public func tally(_ result: JSONValue) -> Tally {
        var tally = Tally()
        guard case let .object(fields) = result else { return tally }
        if result["error"] != nil { tally.add("errors") }
        for (name, value) in fields {
            switch value {
            case let .number(number): tally.add(name, number)
            case .bool(true): tally.add(name)
            default: break
            }
        }
        return tally
    }

    /// What went wrong since the last call, each naming the plugin and the message.
    public func drainProblems() -> [String] {
        lock.withLock {
            defer { problems.removeAll() }
            return problems
        }
    }

    private func answer(_ request: AnalyzerInput) -> JSONValue {
        if let failure { return ["error": .string(failure)] }
        let message = request.message
        do {
            if process == nil { try start() }
            let line: JSONValue = [
                "id": .string(message.id), "author": message.author.map(JSONValue.string) ?? nil,
                "language": .string(request.language), "text": .string(message.text),
            ]
            try send(Array((line.description + "\n").utf8))
            let reply = try readLine()
            answered += 1
            guard let data = reply.data(using: .utf8), let value = try? JSONDecoder().decode(JSONValue.self, from: data),
                  case .object = value
            else {
                let shown = reply.count > 80 ? String(reply.prefix(80)) + "…" : reply
                problems.append("plugin '\(descriptor.id)' printed something that is not a JSON object for message \(message.id): \(shown)")
                return ["error": "not a JSON object"]
            }
            return value
        } catch {
            failure = "\(error)"
            problems.append("plugin '\(descriptor.id)' \(error) (message \(message.id)); its later messages get no result")
            stop()
            return ["error": .string(failure!)]
        }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    private func start() throws {
        signal(SIGPIPE, SIG_IGN)
        let process = Process()
        // Foundation starts it leading a process group of its own (`stop` kills the group).
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = command
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw Failure(description: "could not start (\(command.joined(separator: " "))): \(error.localizedDescription)")
        }
        self.process = process
        input = dup(stdin.fileHandleForWriting.fileDescriptor)
        output = dup(stdout.fileHandleForReading.fileDescriptor)
        try? stdin.fileHandleForWriting.close()
        try? stdout.fileHandleForReading.close()
    }

    private func send(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(input, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                throw exited()
            }
            offset += written
        }
    }

    /// The next line of the plugin's output, within the timeout.
    private func readLine() throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if let newline = pending.firstIndex(of: 0x0A) {
                let line = String(decoding: pending[..<newline], as: UTF8.self)
                pending.removeSubrange(...newline)
                return line
            }
            let left = deadline.timeIntervalSinceNow
            guard left > 0 else {
                throw Failure(description: "gave no answer within \(Self.seconds(timeout)) and was stopped")
            }
            var descriptor = pollfd(fd: output, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, Int32(min(left, 1) * 1000))
            if ready < 0, errno != EINTR { throw Failure(description: "could not be read from (\(String(cString: strerror(errno))))") }
            guard ready > 0 else { continue }
            var buffer = [UInt8](repeating: 0, count: 65536)
            let count = read(output, &buffer, buffer.count)
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { throw exited() }
            pending += buffer[..<count]
            if pending.count > maxOutput, !pending.contains(0x0A) {
                throw Failure(description: "printed more than \(maxOutput) bytes without ending its answer line and was stopped")
            }
        }
    }

    /// The plugin closed its output: it has ended, or is about to; one that lingers is stopped.
    private func exited() -> Failure {
        if let process {
            let deadline = Date().addingTimeInterval(1)
            while process.isRunning, Date() < deadline { usleep(10_000) }
            stop()
        }
        let status = process.map { $0.terminationReason == .uncaughtSignal ? "signal \($0.terminationStatus)" : "status \($0.terminationStatus)" } ?? "?"
        return Failure(description: "exited (\(status)) after \(answered) message\(answered == 1 ? "" : "s")")
    }

    private static func seconds(_ value: Double) -> String { value == value.rounded() ? "\(Int(value)) s" : "\(value) s" }
}
