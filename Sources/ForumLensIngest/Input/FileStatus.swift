#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What `stat`/`lstat` says about a path, in the terms problems are reported in.
struct FileStatus: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        case regular, directory, symlink, fifo, socket, characterDevice, blockDevice, other

        /// How a problem names it: "not a regular file (FIFO)".
        var name: String {
            switch self {
            case .regular: "regular file"
            case .directory: "directory"
            case .symlink: "symbolic link"
            case .fifo: "FIFO"
            case .socket: "socket"
            case .characterDevice: "character device"
            case .blockDevice: "block device"
            case .other: "special file"
            }
        }
    }

    /// Identifies a file whatever path reaches it: duplicates and directory loops are found by it.
    struct Identity: Sendable, Hashable {
        var device: UInt64
        var inode: UInt64
    }

    var kind: Kind
    var size: Int
    var identity: Identity

    /// `stat` (follows symlinks) or `lstat`; on failure, the errno as a plain reason.
    static func of(_ path: String, followingLinks: Bool) -> Result<FileStatus, StatusError> {
        var info = stat()
        let result = followingLinks ? stat(path, &info) : lstat(path, &info)
        guard result == 0 else { return .failure(StatusError(code: errno)) }
        return .success(FileStatus(info))
    }

    static func of(descriptor: Int32) -> Result<FileStatus, StatusError> {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failure(StatusError(code: errno)) }
        return .success(FileStatus(info))
    }

    private init(_ info: stat) {
        let type = info.st_mode & S_IFMT
        kind = switch type {
        case S_IFREG: .regular
        case S_IFDIR: .directory
        case S_IFLNK: .symlink
        case S_IFIFO: .fifo
        case S_IFSOCK: .socket
        case S_IFCHR: .characterDevice
        case S_IFBLK: .blockDevice
        default: .other
        }
        size = Int(info.st_size)
        identity = Identity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }
}

struct StatusError: Error, Sendable {
    var code: Int32

    var isMissing: Bool { code == ENOENT || code == ENOTDIR }

    /// "no such file or directory", "permission denied": strerror, lower-cased as a reason.
    var reason: String { SystemError.reason(code) }
}

enum SystemError {
    static func reason(_ code: Int32) -> String {
        guard let message = strerror(code) else { return "error \(code)" }
        var text = String(cString: message)
        if let first = text.first, first.isUppercase, !text.dropFirst().prefix(1).allSatisfy(\.isUppercase) {
            text = first.lowercased() + text.dropFirst()
        }
        return text
    }
}
