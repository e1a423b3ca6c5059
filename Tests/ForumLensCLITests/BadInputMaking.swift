import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Builds the bad (and oddly packed) inputs of the bad-input tests in a scratch folder.
extension ScratchDirectory {
    /// Bytes that are no text: a fixed pseudo-random sequence with NULs in it.
    func binaryFile(_ name: String) throws -> String {
        var state: UInt32 = 0x2545_F491
        var bytes: [UInt8] = (0 ..< 4096).map { _ in
            state = state &* 1_664_525 &+ 1_013_904_223
            return UInt8(truncatingIfNeeded: state >> 24)
        }
        for index in stride(from: 7, to: bytes.count, by: 97) { bytes[index] = 0 }
        return try file(name, bytes)
    }

    /// A page of `size` bytes that starts like HTML; the rest is a hole in a sparse file, so
    /// making it costs neither time nor disk.
    func hugePage(_ name: String, size: Int) throws -> String {
        let path = try file(name, "<!DOCTYPE html><html><head><title>Huge</title></head><body><p>")
        guard truncate(path, off_t(size)) == 0 else { throw POSIXError(.EIO) }
        return path
    }

    /// A page whose text sits under `depth` nested `<div>`s.
    func deepPage(_ name: String, depth: Int, text: String) throws -> String {
        var html = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Deep</title></head><body>"
        html.reserveCapacity(depth * 11 + 200)
        html += String(repeating: "<div>", count: depth)
        html += "<p>\(text)</p>"
        html += String(repeating: "</div>", count: depth)
        html += "</body></html>\n"
        return try file(name, html)
    }

    /// The corpus page cut inside the tag that starts after the middle of the file.
    func truncatedPage(_ name: String, from page: String) throws -> String {
        let bytes = try Corpus.bytes(page)
        let tag = Array("<div".utf8)
        var cut = bytes.count / 2
        while cut + tag.count < bytes.count, !bytes[cut ..< cut + tag.count].elementsEqual(tag) { cut += 1 }
        try #require(cut + tag.count < bytes.count, "no <div after the middle of \(page)")
        return try file(name, Array(bytes[..<(cut + 3)]))
    }

    /// A UTF-8 corpus page re-encoded as windows-1252, its meta still saying UTF-8.
    func windows1252Page(_ name: String, from page: String) throws -> String {
        let text = String(decoding: try Corpus.bytes(page), as: UTF8.self)
        try #require(text.lowercased().contains("charset=\"utf-8\"") || text.lowercased().contains("charset=utf-8"))
        let data = try #require(text.data(using: .windowsCP1252), "\(page) has characters windows-1252 lacks")
        return try file(name, Array(data))
    }

    /// A UTF-8 corpus page with a NUL after every 200th `>` (between tags: dropping them gives
    /// the page back).
    func pageWithNULs(_ name: String, from page: String) throws -> String {
        var bytes: [UInt8] = []
        var closes = 0
        for byte in try Corpus.bytes(page) {
            bytes.append(byte)
            if byte == UInt8(ascii: ">") {
                closes += 1
                if closes % 200 == 0 { bytes.append(0) }
            }
        }
        try #require(bytes.contains(0))
        return try file(name, bytes)
    }

    /// A UTF-8 corpus page as UTF-16, little-endian, without a byte order mark.
    func utf16PageWithoutMark(_ name: String, from page: String) throws -> String {
        let text = String(decoding: try Corpus.bytes(page), as: UTF8.self)
        return try file(name, Array(try #require(text.data(using: .utf16LittleEndian))))
    }

    /// A UTF-8 corpus page whose second half was saved as windows-1252.
    func mixedCharsetPage(_ name: String, from page: String) throws -> String {
        let text = String(decoding: try Corpus.bytes(page), as: UTF8.self)
        let middle = try #require(text[text.index(text.startIndex, offsetBy: text.count / 2)...].firstIndex(of: ">"))
        let second = try #require(text[text.index(after: middle)...].data(using: .windowsCP1252))
        try #require(String(validating: Array(second), as: UTF8.self) == nil, "\(page) has no accent in its second half")
        return try file(name, Array(text[...middle].utf8) + Array(second))
    }

    /// A UTF-8 corpus page whose meta says `charset`.
    func utf8PageDeclaring(_ charset: String, _ name: String, from page: String) throws -> String {
        let text = String(decoding: try Corpus.bytes(page), as: UTF8.self)
        let declared = text.replacingOccurrences(of: "charset=\"utf-8\"", with: "charset=\"\(charset)\"", options: .caseInsensitive)
            .replacingOccurrences(of: "charset=utf-8", with: "charset=\(charset)", options: .caseInsensitive)
        try #require(declared != text)
        return try file(name, declared)
    }

    /// A Latin-1 corpus page converted to UTF-8, its meta still saying iso-8859-1.
    func utf8PageDeclaringLatin1(_ name: String, from page: String) throws -> String {
        let bytes = try Corpus.bytes(page)
        let text = try #require(String(data: Data(bytes), encoding: .isoLatin1))
        try #require(text.lowercased().contains("charset=iso-8859-1"))
        try #require(String(validating: bytes, as: UTF8.self) == nil, "\(page) is no longer Latin-1")
        return try file(name, text)
    }

    /// `gzip -c -n` of a corpus page.
    func gzippedPage(_ name: String, from page: String) async throws -> String {
        let run = try await Subprocess.run("/usr/bin/gzip", ["-c", "-n"], stdin: try Corpus.bytes(page))
        try #require(run.exitCode == 0 && run.stdout.starts(with: [0x1F, 0x8B]))
        return try file(name, run.stdout)
    }

    /// The page as Chrome's "Save as single file" writes it: a multipart/related archive whose
    /// first part is the page in quoted-printable with CRLF lines, then a style sheet.
    func mhtmlPage(_ name: String, from page: String, url: String) throws -> String {
        let boundary = "----MultipartBoundary--Ks0Wc9RFkt5E1cM2JD7G2xW9pL4qUxR8yHzN3vBaT6----"
        var lines = [
            "From: <Saved by Blink>",
            "Snapshot-Content-Location: \(url)",
            "Subject: =?utf-8?Q?Saved_page?=",
            "Date: Tue, 12 Mar 2024 10:15:00 +0100",
            "MIME-Version: 1.0",
            "Content-Type: multipart/related;",
            "\ttype=\"text/html\";",
            "\tboundary=\"\(boundary)\"",
            "",
            "",
            "--\(boundary)",
            "Content-Type: text/html",
            "Content-ID: <frame-A1B2C3D4E5F60718293A4B5C6D7E8F90@mhtml.blink>",
            "Content-Transfer-Encoding: quoted-printable",
            "Content-Location: \(url)",
            "",
        ]
        lines += Self.quotedPrintable(try Corpus.bytes(page))
        lines += [
            "--\(boundary)",
            "Content-Type: text/css",
            "Content-Transfer-Encoding: quoted-printable",
            "Content-Location: cid:css-0f1e2d3c@mhtml.blink",
            "",
            "@charset \"utf-8\";",
            "",
            "body { margin: 0=3B }",
            "--\(boundary)--",
            "",
        ]
        return try file(name, lines.joined(separator: "\r\n"))
    }

    /// RFC 2045 quoted-printable: lines of at most 76 characters with soft breaks (`=`), `=`,
    /// non-ASCII bytes and trailing blanks escaped as `=XX`.
    static func quotedPrintable(_ bytes: [UInt8]) -> [String] {
        let hex = Array("0123456789ABCDEF")
        var output: [String] = []
        for sourceLine in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            var line = ""
            let content = sourceLine.last == 0x0D ? sourceLine.dropLast() : sourceLine
            for (offset, byte) in content.enumerated() {
                let isLast = offset == content.count - 1
                let literal = (byte >= 33 && byte <= 126 && byte != UInt8(ascii: "="))
                    || ((byte == 0x20 || byte == 0x09) && !isLast)
                let piece = literal ? String(UnicodeScalar(byte)) : "=" + String(hex[Int(byte >> 4)]) + String(hex[Int(byte & 0xF)])
                if line.utf8.count + piece.utf8.count > 75 {
                    output.append(line + "=")
                    line = ""
                }
                line += piece
            }
            output.append(line)
        }
        return output
    }
}
