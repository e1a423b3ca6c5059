import ForumLensCore
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The page inside an MHTML file, ready for the HTML loader.
public struct MHTMLPage: Sendable {
    /// The decoded bytes of the main HTML part (transfer encoding undone, charset untouched).
    public var html: [UInt8]
    /// The part's declared charset (`iso-8859-1`), if any; otherwise the page's meta decides.
    public var charset: String?
    /// The address the page was saved from.
    public var url: String?
    /// When the page was saved: the archive's `Date:` header.
    public var saved: Date?

    public init(html: [UInt8], charset: String? = nil, url: String? = nil, saved: Date? = nil) {
        self.html = html
        self.charset = charset
        self.url = url
        self.saved = saved
    }
}

/// Reads the "Save as single file" archives of Chrome/Blink (`From: <Saved by Blink>`) and of
/// Edge/Internet Explorer (`X-MimeOLE`): a multipart/related MIME message whose main part is
/// the page, followed by its images and style sheets, which are not needed here.
public enum MHTML {
    /// The main page: the part named by the root's `start` parameter, else the first
    /// `text/html` part. `path` only labels the problem thrown for a broken file.
    public static func mainPage(_ bytes: [UInt8], path: String = "") throws(Problem) -> MHTMLPage {
        let result = bytes.withUnsafeBufferPointer { buffer in Result(catching: { () throws(Problem) in try mainPage(buffer, path: path) }) }
        return try result.get()
    }

    private static func mainPage(_ bytes: UnsafeBufferPointer<UInt8>, path: String) throws(Problem) -> MHTMLPage {
        func failure(_ reason: String) -> Problem {
            Problem(path: path, severity: .error, message: "not a readable MHTML file: \(reason)")
        }
        guard let root = MIMEHeaders(bytes, from: startOfHeaders(bytes)) else {
            throw failure("it does not start with MIME headers")
        }
        guard let contentType = root["content-type"] else { throw failure("no Content-Type header") }
        let (type, parameters) = MIMEHeaders.parameterized(contentType)
        let saved = root["date"].flatMap(RFC2822Date.parse)
        let rootURL = root["snapshot-content-location"] ?? root["content-location"]

        // A single-part archive: the root itself is the page.
        if type == "text/html" {
            let html = try decodedBody(of: root, in: bytes, from: root.bodyStart, to: bytes.count, path: path)
            return MHTMLPage(html: html, charset: parameters["charset"], url: rootURL, saved: saved)
        }
        guard type.hasPrefix("multipart/") else {
            throw failure("its content type is \(type), not multipart/related or text/html")
        }
        guard let boundary = parameters["boundary"], !boundary.isEmpty else {
            throw failure("the multipart Content-Type has no boundary")
        }
        let parts = partRanges(bytes, from: root.bodyStart, boundary: boundary)
        guard !parts.isEmpty else { throw failure("no part starts with the boundary \"\(boundary)\"") }

        let wantedID = parameters["start"].map(contentID)
        var chosen: (headers: MIMEHeaders, range: Range<Int>)?
        for range in parts {
            guard let headers = MIMEHeaders(bytes, from: range.lowerBound) else { continue }
            let partType = headers["content-type"].map { MIMEHeaders.parameterized($0).value } ?? "text/plain"
            if let wantedID, headers["content-id"].map(contentID) == wantedID {
                chosen = (headers, range)
                break
            }
            if partType == "text/html", chosen == nil {
                chosen = (headers, range)
                if wantedID == nil { break }
            }
        }
        guard let (headers, range) = chosen else { throw failure("it has no text/html part") }
        let html = try decodedBody(of: headers, in: bytes, from: headers.bodyStart, to: range.upperBound, path: path)
        let charset = headers["content-type"].flatMap { MIMEHeaders.parameterized($0).parameters["charset"] }
        let url = root["snapshot-content-location"] ?? headers["content-location"] ?? rootURL
        return MHTMLPage(html: html, charset: charset.flatMap { $0.isEmpty ? nil : $0 }, url: url, saved: saved)
    }

    /// Skips a UTF-8 byte-order mark and blank lines before the first header.
    private static func startOfHeaders(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var index = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
        while index < bytes.count, bytes[index] == 0x0D || bytes[index] == 0x0A { index += 1 }
        return index
    }

    /// `<frame-1@mhtml.blink>` and `frame-1@mhtml.blink` name the same part.
    private static func contentID(_ value: String) -> String {
        var id = value.trimmingSpaces()
        if id.hasPrefix("<") { id.removeFirst() }
        if id.hasSuffix(">") { id.removeLast() }
        return id
    }

    /// The byte ranges of the parts (headers and body) between the delimiter lines
    /// `--BOUNDARY`; the line break before a delimiter belongs to the delimiter. A missing
    /// closing delimiter (a truncated file) ends the last part at the end of the file.
    private static func partRanges(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, boundary: String) -> [Range<Int>] {
        let delimiter = Array("--\(boundary)".utf8)
        var ranges: [Range<Int>] = []
        var partStart: Int?
        var searchFrom = start
        while let found = find(delimiter, in: bytes, from: searchFrom) {
            searchFrom = found + delimiter.count
            // Only a delimiter at the start of a line counts.
            guard found == start || bytes[found - 1] == 0x0A else { continue }
            var afterDelimiter = found + delimiter.count
            let closing = afterDelimiter + 1 < bytes.count && bytes[afterDelimiter] == 0x2D && bytes[afterDelimiter + 1] == 0x2D
            if closing { afterDelimiter += 2 }
            // Transport padding (blanks) may follow the delimiter; anything else means the text
            // merely starts with the boundary.
            var lineEnd = afterDelimiter
            while lineEnd < bytes.count, bytes[lineEnd] == 0x20 || bytes[lineEnd] == 0x09 || bytes[lineEnd] == 0x0D { lineEnd += 1 }
            guard lineEnd == bytes.count || bytes[lineEnd] == 0x0A else { continue }
            if let partStart {
                var end = found - 1
                if end > partStart, bytes[end - 1] == 0x0D { end -= 1 }
                ranges.append(partStart ..< max(partStart, end))
            }
            if closing { return ranges }
            partStart = min(lineEnd + 1, bytes.count)
        }
        if let partStart, partStart < bytes.count { ranges.append(partStart ..< bytes.count) }
        return ranges
    }

    /// The next occurrence of `needle` at or after `start`: memchr for its first byte, then a
    /// compare (memmem is a GNU extension that Glibc's Swift module does not export).
    private static func find(_ needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let base = bytes.baseAddress, let first = needle.first else { return nil }
        var position = start
        while position + needle.count <= bytes.count {
            guard let hit = memchr(base + position, Int32(first), bytes.count - position) else { return nil }
            let index = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
            guard index + needle.count <= bytes.count else { return nil }
            if needle.withUnsafeBytes({ memcmp(base + index, $0.baseAddress!, needle.count) }) == 0 { return index }
            position = index + 1
        }
        return nil
    }

    private static func decodedBody(
        of headers: MIMEHeaders, in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, path: String
    ) throws(Problem) -> [UInt8] {
        let body = UnsafeBufferPointer(rebasing: bytes[min(start, end) ..< end])
        let encoding = headers["content-transfer-encoding"].map { MIMEHeaders.parameterized($0).value } ?? "7bit"
        switch encoding {
        case "quoted-printable": return TransferDecoding.quotedPrintable(body)
        case "base64": return TransferDecoding.base64(body)
        case "7bit", "8bit", "binary", "": return Array(body)
        default:
            throw Problem(
                path: path, severity: .error,
                message: "not a readable MHTML file: unsupported Content-Transfer-Encoding \"\(encoding)\"")
        }
    }
}
