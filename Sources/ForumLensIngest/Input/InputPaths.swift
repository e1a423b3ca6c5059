import ForumLensCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One input file to read, and how.
public struct InputItem: Sendable, Hashable {
    /// The path as reached from the command's arguments (a symlink's own path, not its target).
    public var path: String
    public var kind: InputKind

    public init(path: String, kind: InputKind) {
        self.path = path
        self.kind = kind
    }
}

/// How an input file is read: a saved page, an MHTML archive, or a message file. Whether it
/// is gzipped is told from its bytes when it is read (`PageBytes`), not from its name.
public enum InputKind: Sendable, Hashable {
    case page
    case mhtml
    case messagesJSONL
    case messagesCSV(separator: UInt8)
}

/// Expands the command's PATH arguments (files, directories, globs) into input files, with a
/// problem for every path that cannot be used. Nothing is opened but to sniff a regular
/// file's first bytes; a FIFO is never opened.
public enum InputPaths {
    /// Files in argument order; a directory's files in natural order (`page2` before
    /// `page10`); a file reached twice (two arguments, a symlink) is listed once.
    public static func expand(_ arguments: [String]) -> (items: [InputItem], problems: [Problem]) {
        var expansion = InputExpansion()
        for argument in arguments { expansion.add(argument) }
        return (expansion.items, expansion.problems)
    }

    /// The paths of a list read from stdin: one per line (blank lines and surrounding blanks
    /// ignored), or NUL-separated as `find -print0` writes them.
    public static func fromPathList(_ text: String) -> (items: [InputItem], problems: [Problem]) {
        let paths: [String]
        if text.utf8.contains(0) {
            paths = text.split(separator: "\0").map(String.init)
        } else {
            paths = text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
                .map { $0.trimmingSpaces() }
                .filter { !$0.isEmpty }
        }
        return expand(paths)
    }

    /// Whether stdin (`-` as PATH) holds JSONL messages, rather than a list of paths: its first
    /// non-blank byte, after a byte-order mark, is `{`.
    public static func stdinHoldsMessages(_ bytes: [UInt8]) -> Bool {
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
        return index < bytes.count && bytes[index] == UInt8(ascii: "{")
    }
}

/// The state of one expansion: files found so far, problems, and what was already seen.
struct InputExpansion {
    var items: [InputItem] = []
    var problems: [Problem] = []
    private var takenFiles: Set<FileStatus.Identity> = []
    var walkedDirectories: Set<FileStatus.Identity> = []

    mutating func add(_ argument: String) {
        guard !argument.isEmpty else {
            problems.append(Problem(path: argument, severity: .error, message: "empty path"))
            return
        }
        switch FileStatus.of(argument, followingLinks: false) {
        case .failure(let failure):
            if failure.isMissing, PathGlob.hasWildcards(argument) {
                addGlob(argument)
            } else {
                problems.append(Problem(path: argument, severity: .error, message: failure.reason))
            }
        case .success(let status):
            guard let target = resolve(argument, status) else { return }
            switch target.kind {
            case .regular: addNamedFile(argument, target)
            case .directory: walk(argument, target, explicit: true)
            default: problems.append(notRegular(argument, target.kind))
            }
        }
    }

    /// The status of what `path` leads to; for a dangling or looping symlink, nil and an error.
    mutating func resolve(_ path: String, _ status: FileStatus) -> FileStatus? {
        guard status.kind == .symlink else { return status }
        switch FileStatus.of(path, followingLinks: true) {
        case .success(let target):
            return target
        case .failure(let failure):
            problems.append(Problem(path: path, severity: .error, message: Self.brokenLinkReason(path, failure)))
            return nil
        }
    }

    static func brokenLinkReason(_ path: String, _ failure: StatusError) -> String {
        if failure.code == ELOOP { return "symbolic link loop (\(failure.reason))" }
        guard failure.isMissing else { return failure.reason }
        var target = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = readlink(path, &target, Int(PATH_MAX))
        guard length > 0 else { return "dangling symbolic link" }
        let destination = String(decoding: target[0 ..< length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return "dangling symbolic link: its target \(destination) does not exist"
    }

    func notRegular(_ path: String, _ kind: FileStatus.Kind) -> Problem {
        Problem(path: path, severity: .error, message: "not a regular file (\(kind.name))")
    }

    /// A file the user named: its kind by name, else by content, else a problem.
    mutating func addNamedFile(_ path: String, _ status: FileStatus) {
        let name = PathGlob.lastComponent(path)
        if case .known(let kind) = InputNaming.verdict(forName: name) {
            take(path, kind, status)
            return
        }
        let (sniffed, isEmpty) = InputNaming.sniff(path: path)
        if let sniffed {
            take(path, sniffed, status)
        } else if isEmpty {
            problems.append(Problem(
                path: path, severity: .error,
                message: "empty file whose name does not say its type (expected \(InputNaming.extensionList))"))
        } else {
            problems.append(Problem(
                path: path, severity: .error,
                message: "unknown input type: not HTML, MHTML or JSONL by its first bytes, and its name does not end in \(InputNaming.extensionList)"))
        }
    }

    /// A file met while walking a directory or matching a glob: taken if its name says it is
    /// an input (a script name only when its content starts with `<`); other files are
    /// resources, ignored. Returns whether it is an input (taken now or before).
    @discardableResult
    mutating func addFoundFile(_ path: String, name: String, _ status: FileStatus) -> Bool {
        switch InputNaming.verdict(forName: name) {
        case .known(let kind):
            take(path, kind, status)
            return true
        case .script:
            guard InputNaming.sniff(path: path).kind == .page else { return false }
            take(path, .page, status)
            return true
        case .unknown:
            return false
        }
    }

    /// Adds the file unless it was taken already through another path.
    private mutating func take(_ path: String, _ kind: InputKind, _ status: FileStatus) {
        guard takenFiles.insert(status.identity).inserted else { return }
        items.append(InputItem(path: path, kind: kind))
    }

    /// Expands a glob; no match, or matches that hold no input, is an error.
    private mutating func addGlob(_ pattern: String) {
        let matches = PathGlob.matches(pattern)
        guard !matches.isEmpty else {
            problems.append(Problem(path: pattern, severity: .error, message: "no file matches this pattern"))
            return
        }
        let problemsBefore = problems.count
        var inputs = 0
        for path in matches {
            guard case .success(let status) = FileStatus.of(path, followingLinks: false) else { continue }
            inputs += addFound(path, name: PathGlob.lastComponent(path), status)
        }
        if inputs == 0, problems.count == problemsBefore {
            let what = matches.count == 1 ? "1 path matches" : "\(matches.count) paths match"
            problems.append(Problem(
                path: pattern, severity: .error,
                message: "\(what) this pattern, but none is or holds a page or message file (\(InputNaming.extensionList))"))
        }
    }

    /// A path a glob matched, of any kind; returns how many input files it is or holds.
    private mutating func addFound(_ path: String, name: String, _ status: FileStatus) -> Int {
        guard let target = followEntry(path, name: name, status) else { return 0 }
        switch target.kind {
        case .regular:
            return addFoundFile(path, name: name, target) ? 1 : 0
        case .directory:
            // A directory walked before was judged then; it is no reason for an error here.
            if walkedDirectories.contains(target.identity) { return 1 }
            return walk(path, target, explicit: false)
        default:
            if InputNaming.verdict(forName: name) != .unknown { problems.append(notRegular(path, target.kind)) }
            return 0
        }
    }

    /// What an entry met while walking or globbing leads to. A dangling link named like an
    /// input is an input lost (error); to anything else, a note (warning).
    mutating func followEntry(_ path: String, name: String, _ status: FileStatus) -> FileStatus? {
        guard status.kind == .symlink else { return status }
        switch FileStatus.of(path, followingLinks: true) {
        case .success(let followed):
            return followed
        case .failure(let failure):
            let isInput = InputNaming.verdict(forName: name) != .unknown
            problems.append(Problem(
                path: path, severity: isInput ? .error : .warning, message: Self.brokenLinkReason(path, failure)))
            return nil
        }
    }
}
