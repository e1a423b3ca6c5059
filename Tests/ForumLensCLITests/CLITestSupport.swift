import Foundation
import Testing
@_exported import ForumLensTestSupport

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What one run of the `forumlens` binary did.
struct CommandResult: Sendable {
    /// The exit code; nil when the process was killed by a signal (a crash) or timed out.
    var exitCode: Int32?
    var signal: Int32?
    var timedOut: Bool
    var stdout: [UInt8]
    var stderr: [UInt8]
    /// The child's peak resident memory, from `wait4`. On Linux it is at least the test
    /// process's own peak at the spawn (the child shares its memory until exec): an upper bound.
    var peakMemoryBytes: Int
    var seconds: Double

    var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
    var stderrText: String { String(decoding: stderr, as: UTF8.self) }
}

/// Runs the `forumlens` binary built next to the test bundle, whatever `--scratch-path`.
enum ForumLensCommand {
    /// `FORUMLENS_EXECUTABLE` if set, else the `forumlens` beside the test binary or bundle.
    static let executable: String? = {
        let files = FileManager.default
        func isProgram(_ path: String) -> Bool {
            var isDirectory: ObjCBool = false
            return files.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
                && files.isExecutableFile(atPath: path)
        }
        if let given = ProcessInfo.processInfo.environment["FORUMLENS_EXECUTABLE"], isProgram(given) { return given }
        // Linux: the test binary sits in `<scratch>/<triple>/debug`; macOS: a `.xctest` bundle
        // in that folder. Look there and a couple of levels up.
        var starts = [Bundle.main.bundleURL]
        if let main = Bundle.main.executableURL { starts.append(main.deletingLastPathComponent()) }
        starts += Bundle.allBundles.map(\.bundleURL).filter { $0.pathExtension == "xctest" }
            .map { $0.deletingLastPathComponent() }
        starts.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent())
        for start in starts {
            var directory = start.standardizedFileURL
            for _ in 0 ..< 3 {
                let candidate = directory.appendingPathComponent("forumlens").path
                if isProgram(candidate) { return candidate }
                directory = directory.deletingLastPathComponent()
            }
        }
        return nil
    }()

    /// Runs `forumlens ARGUMENTS`, with `stdin` as its standard input (else /dev/null), and
    /// kills it after `timeout` seconds. Output goes through files, so no pipe can fill up.
    /// `urgent`: ahead of the runs waiting for a slot (a run many tests wait for).
    static func run(_ arguments: [String], stdin: [UInt8]? = nil, timeout: Double = 30, urgent: Bool = false) async throws -> CommandResult {
        let program = try #require(executable, "the forumlens binary was not found beside the test bundle (or set FORUMLENS_EXECUTABLE)")
        return try await Subprocess.run(program, arguments, stdin: stdin, timeout: timeout, urgent: urgent)
    }
}

enum Subprocess {
    struct SpawnError: Error, CustomStringConvertible {
        var description: String
    }

    /// Starts `program` with its standard streams opened on these files.
    private static func spawn(_ program: String, _ arguments: [String], stdin: String, stdout: String, stderr: String) throws -> pid_t {
        #if os(Linux)
        var actions = posix_spawn_file_actions_t()
        #else
        var actions: posix_spawn_file_actions_t? = nil
        #endif
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, stdin, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o600)

        let argv = ([program] + arguments).map { strdup($0) } + [nil]
        let envp = ProcessInfo.processInfo.environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, program, &actions, nil, argv, envp)
        guard spawned == 0 else {
            throw SpawnError(description: "cannot start \(program): \(String(cString: strerror(spawned)))")
        }
        return pid
    }

    /// Runs `program` when one of the slots is free. Waits without holding a thread: other
    /// tests run while the child does.
    static func run(
        _ program: String, _ arguments: [String], stdin: [UInt8]? = nil, timeout: Double = 30, urgent: Bool = false
    ) async throws -> CommandResult {
        await ProcessSlots.shared.acquire(urgent: urgent)
        do {
            let result = try await runNow(program, arguments, stdin: stdin, timeout: timeout * TestSlowdown.factor)
            await ProcessSlots.shared.release()
            return result
        } catch {
            await ProcessSlots.shared.release()
            throw error
        }
    }

    private static func runNow(_ program: String, _ arguments: [String], stdin: [UInt8]?, timeout: Double) async throws -> CommandResult {
        let capture = try ScratchDirectory(prefix: "forumlens-run")
        let inputPath = stdin == nil ? "/dev/null" : try capture.file("stdin", stdin!)
        let outputPath = capture.url("stdout")
        let errorPath = capture.url("stderr")

        let started = Date()
        let pid = try spawn(program, arguments, stdin: inputPath, stdout: outputPath, stderr: errorPath)

        var status: Int32 = 0
        var usage = rusage()
        var timedOut = false
        while true {
            let waited = wait4(pid, &status, WNOHANG, &usage)
            if waited == pid { break }
            if waited < 0, errno != EINTR {
                throw SpawnError(description: "wait4: \(String(cString: strerror(errno)))")
            }
            if Date().timeIntervalSince(started) > timeout {
                timedOut = true
                kill(pid, SIGKILL)
                while wait4(pid, &status, 0, &usage) < 0, errno == EINTR {}
                break
            }
            do {
                try await Task.sleep(nanoseconds: 3_000_000)
            } catch {
                kill(pid, SIGKILL)
                while wait4(pid, &status, 0, &usage) < 0, errno == EINTR {}
                throw error
            }
        }
        let seconds = Date().timeIntervalSince(started)
        // The wait status: low 7 bits the signal (0 when it exited), then the exit code.
        let signal = status & 0x7F
        #if os(Linux)
        let peak = Int(usage.ru_maxrss) * 1024
        #else
        let peak = Int(usage.ru_maxrss)
        #endif
        return CommandResult(
            exitCode: timedOut || signal != 0 ? nil : (status >> 8) & 0xFF,
            signal: signal != 0 ? signal : nil, timedOut: timedOut,
            stdout: try capture.read("stdout"), stderr: try capture.read("stderr"),
            peakMemoryBytes: peak, seconds: seconds)
    }
}

/// At most one child per core (and one more) at a time: tests start together, and dozens of processes at
/// once would only slow each other down (and make their timings meaningless).
actor ProcessSlots {
    static let shared = ProcessSlots(limit: ProcessInfo.processInfo.activeProcessorCount + 1)

    private var free: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(limit: Int) {
        free = limit
    }

    func acquire(urgent: Bool = false) async {
        if free > 0 {
            free -= 1
            return
        }
        await withCheckedContinuation { waiting.insert($0, at: urgent ? 0 : waiting.count) }
    }

    func release() {
        if waiting.isEmpty {
            free += 1
        } else {
            waiting.removeFirst().resume()
        }
    }
}

/// The repository's own saved pages.
enum Corpus {
    /// `corpora/` of this checkout, found from this file's path (tests never depend on the
    /// working directory).
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0 ..< 3 { url.deleteLastPathComponent() }
        return url.appendingPathComponent("corpora").path
    }()

    /// `fr/phpbb3-reseaux-p1.html` → its absolute path.
    static func path(_ page: String) -> String { root + "/" + page }

    static func bytes(_ page: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: path(page))))
    }
}
