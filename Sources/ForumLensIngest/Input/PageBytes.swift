import CLibXML2
import ForumLensCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads one input's bytes with every check made before memory is committed: only regular
/// files, nothing over the size limit, gzip inflated within the same limit.
public enum PageBytes {
    /// The file's bytes, inflated when they are gzip (magic `1f 8b`, concatenated members too).
    /// An empty file gives `[]`; the caller decides what that means.
    public static func read(path: String, maxBytes: Int) throws(Problem) -> [UInt8] {
        // stat before open: opening a FIFO for reading would block until a writer comes.
        let status: FileStatus
        switch FileStatus.of(path, followingLinks: true) {
        case .success(let found): status = found
        case .failure(let failure): throw Problem(path: path, severity: .error, message: failure.reason)
        }
        try requireRegular(status, path: path)
        try requireWithinLimit(status.size, maxBytes: maxBytes, path: path)

        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw Problem(path: path, severity: .error, message: SystemError.reason(errno))
        }
        defer { close(descriptor) }
        // The path may have been replaced between stat and open.
        if case .success(let opened) = FileStatus.of(descriptor: descriptor) {
            try requireRegular(opened, path: path)
            try requireWithinLimit(opened.size, maxBytes: maxBytes, path: path)
        }
        let bytes = try readAll(descriptor, expected: status.size, maxBytes: maxBytes, path: path)
        guard Gzip.hasMagic(bytes) else { return bytes }
        switch bytes.withUnsafeBytes({ Gzip.inflate($0, maxBytes: maxBytes) }) {
        case .success(let inflated):
            return inflated
        case .failure(.overLimit):
            throw Problem(
                path: path, severity: .error,
                message: "gzip data inflates to more than \(ByteCount.limit(maxBytes)), over the limit (--max-page-size)")
        case .failure(let failure):
            throw Problem(path: path, severity: .error, message: failure.reason)
        }
    }

    /// True for bytes that are not text: more than 1 in 100 NULs or 1 in 20 control
    /// characters in the first 8 KB (a few stray NULs in a page are dropped before the parse).
    /// UTF-16/32 text, with a byte-order mark or without, is text (its NULs are expected).
    public static func looksBinary(_ bytes: [UInt8]) -> Bool {
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            return false
        }
        if bytes.count >= 4, bytes[0] == 0, bytes[1] == 0, bytes[2] == 0xFE, bytes[3] == 0xFF { return false }
        if Charset.utf16WithoutMark(bytes) != nil { return false }
        let sample = bytes.prefix(8192)
        var controls = 0, nuls = 0
        for byte in sample {
            switch byte {
            case 0: nuls += 1
            // Tab, line feed, form feed, carriage return, and ESC (ISO-2022-JP text uses it).
            case 0x09, 0x0A, 0x0C, 0x0D, 0x1B: continue
            case 0x01 ..< 0x20, 0x7F: controls += 1
            default: continue
            }
        }
        return nuls * 100 > sample.count || controls * 20 > sample.count
    }

    private static func requireRegular(_ status: FileStatus, path: String) throws(Problem) {
        guard status.kind == .regular else {
            throw Problem(path: path, severity: .error, message: "not a regular file (\(status.kind.name))")
        }
    }

    private static func requireWithinLimit(_ size: Int, maxBytes: Int, path: String) throws(Problem) {
        guard size <= maxBytes else {
            throw Problem(
                path: path, severity: .error,
                message: "page is \(ByteCount.size(size)), over the \(ByteCount.limit(maxBytes)) limit (--max-page-size)")
        }
    }

    /// Reads to the end, refusing a file that grows past the limit while it is read.
    private static func readAll(_ descriptor: Int32, expected: Int, maxBytes: Int, path: String) throws(Problem) -> [UInt8] {
        var bytes = [UInt8]()
        bytes.reserveCapacity(min(expected, maxBytes) + 1)
        // Sized to the file (a 1 MB buffer zero-filled per page was 2% of a run); read() fills it.
        let chunkSize = max(1 << 12, min(expected + 1, 1 << 20))
        var chunk = [UInt8](unsafeUninitializedCapacity: chunkSize) { _, count in count = chunkSize }
        while true {
            let count = chunk.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress, chunkSize) }
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR { continue }
                throw Problem(path: path, severity: .error, message: SystemError.reason(errno))
            }
            bytes.append(contentsOf: chunk[0 ..< count])
            try requireWithinLimit(bytes.count, maxBytes: maxBytes, path: path)
        }
        return bytes
    }
}

/// read(2), for the input readers of this module.
#if canImport(Glibc)
let systemRead = Glibc.read
#elseif canImport(Darwin)
let systemRead = Darwin.read
#endif

/// Sizes as problems show them: "200.0 MB", "64 MB" (binary megabytes, as `--max-page-size`).
enum ByteCount {
    static func size(_ bytes: Int) -> String { format(bytes, trimWholeNumbers: false) }
    static func limit(_ bytes: Int) -> String { format(bytes, trimWholeNumbers: true) }

    private static func format(_ bytes: Int, trimWholeNumbers: Bool) -> String {
        let units: [(String, Int)] = [("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10)]
        for (name, scale) in units where bytes >= scale {
            if trimWholeNumbers, bytes % scale == 0 { return "\(bytes / scale) \(name)" }
            let tenths = (bytes * 10 + scale / 2) / scale
            return "\(tenths / 10).\(tenths % 10) \(name)"
        }
        return bytes == 1 ? "1 byte" : "\(bytes) bytes"
    }
}
