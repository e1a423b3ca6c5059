import Foundation
import ForumLensCore
import Testing
@testable import ForumLensIngest

@Suite struct InputMHTMLTests {
    /// Lines joined with CRLF, as browsers write MHTML.
    private func crlf(_ lines: [String]) -> [UInt8] { Array(lines.joined(separator: "\r\n").utf8) }

    private func failure(_ bytes: [UInt8]) -> Problem? {
        do {
            _ = try MHTML.mainPage(bytes, path: "saved.mht")
            return nil
        } catch {
            return error
        }
    }

    /// Chrome's "Save as single file": folded Content-Type, quoted-printable page with soft
    /// line breaks and `=3D`, then a style sheet and an image that must not be taken.
    @Test func readsChromesQuotedPrintableArchive() throws {
        let boundary = "----MultipartBoundary--VniDBjQhGeTo2m8PYkZjvG7oL0pe7SH6VGz4Mo8S4R----"
        let bytes = crlf([
            "From: <Saved by Blink>",
            "Snapshot-Content-Location: https://forum.example.fr/viewtopic.php?t=42",
            "Subject: =?utf-8?Q?R=C3=A9seaux_sociaux?=",
            "Date: Fri, 30 Apr 2010 14:02:09 +0200",
            "MIME-Version: 1.0",
            "Content-Type: multipart/related;",
            "\ttype=\"text/html\";",
            "\tboundary=\"\(boundary)\"",
            "",
            "",
            "--\(boundary)",
            "Content-Type: text/html",
            "Content-ID: <frame-19-ef9e6c67@mhtml.blink>",
            "Content-Transfer-Encoding: quoted-printable",
            "Content-Location: https://forum.example.fr/viewtopic.php?t=42",
            "",
            "<html><head><meta http-equiv=3D\"Content-Type\" content=3D\"text/html; charset=",
            "=3DUTF-8\"></head><body><div class=3D\"post\">Les r=C3=A9seaux sont chronop=",
            "hages</div>   ",
            "<p>ligne</p></body></html>",
            "--\(boundary)",
            "Content-Type: text/css",
            "Content-Transfer-Encoding: quoted-printable",
            "Content-Location: https://forum.example.fr/style.css",
            "",
            "body { color: red; }",
            "--\(boundary)",
            "Content-Type: image/png",
            "Content-Transfer-Encoding: base64",
            "Content-Location: https://forum.example.fr/logo.png",
            "",
            "iVBORw0KGgo=",
            "--\(boundary)--",
            "",
        ])
        let page = try MHTML.mainPage(bytes)
        let html = String(decoding: page.html, as: UTF8.self)
        #expect(html == """
            <html><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8"></head>\
            <body><div class="post">Les réseaux sont chronophages</div>   \r\n<p>ligne</p></body></html>
            """)
        #expect(page.url == "https://forum.example.fr/viewtopic.php?t=42")
        #expect(page.charset == nil)
        // 2010-04-30 12:02:09 UTC.
        #expect(page.saved == Date(timeIntervalSince1970: 1_272_628_929))
    }

    /// Internet Explorer / Edge: a preamble, a base64 page with its charset, LF line ends.
    @Test func readsAnInternetExplorerBase64Archive() throws {
        let latin1: [UInt8] = Array("<html><body><p>Caf".utf8) + [0xE9] + Array(" et cr".utf8) + [0xE8, 0x6D, 0x65]
            + Array("</p></body></html>".utf8)
        let encoded = Data(latin1).base64EncodedString(options: [.lineLength64Characters, .endLineWithLineFeed])
        let text = """
            From: <Saved by Windows Internet Explorer 8>
            Subject: Forum
            Date: Mon, 3 May 2010 10:00:00 -0700 (PDT)
            MIME-Version: 1.0
            Content-Type: multipart/related;
            \ttype="text/html";
            \tboundary="----=_NextPart_000_0000_01CAEA8B.3A3B5C60"
            X-MimeOLE: Produced By Microsoft MimeOLE V6.00.2900.5931

            This is a multi-part message in MIME format.

            ------=_NextPart_000_0000_01CAEA8B.3A3B5C60
            Content-Type: text/html;
            \tcharset="iso-8859-1"
            Content-Transfer-Encoding: base64
            Content-Location: http://www.example.com/forum/showthread.php?t=7

            \(encoded)

            ------=_NextPart_000_0000_01CAEA8B.3A3B5C60--

            """
        let page = try MHTML.mainPage(Array(text.utf8))
        #expect(page.html == latin1)
        #expect(page.charset == "iso-8859-1")
        #expect(page.url == "http://www.example.com/forum/showthread.php?t=7")
        #expect(page.saved == Date(timeIntervalSince1970: 1_272_906_000))
    }

    @Test func takesThePartNamedByStartAndKeepsEightBitBytes() throws {
        let bytes = crlf([
            "MIME-Version: 1.0",
            "Content-Type: multipart/related; boundary=B; start=\"<main@x>\"; type=\"text/html\"",
            "",
            "--B",
            "Content-Type: text/html",
            "Content-ID: <frame@x>",
            "",
            "<p>an iframe</p>",
            "--B",
            "Content-Type: text/html; charset=utf-8",
            "Content-Transfer-Encoding: 8bit",
            "Content-ID: <main@x>",
            "",
            "<p>la page – principale</p>",
            "--B--",
        ])
        let page = try MHTML.mainPage(bytes)
        #expect(String(decoding: page.html, as: UTF8.self) == "<p>la page – principale</p>")
        #expect(page.charset == "utf-8")
        #expect(page.url == nil)
        #expect(page.saved == nil)
    }

    @Test func readsASinglePartArchiveAndATruncatedOne() throws {
        let single = try MHTML.mainPage(crlf([
            "\u{FEFF}MIME-Version: 1.0",
            "Content-Location: http://example.com/t/1",
            "Content-Type: text/html; charset=\"windows-1252\"",
            "Content-Transfer-Encoding: quoted-printable",
            "",
            "<p>caf=E9</p>",
        ]))
        #expect(single.html == Array("<p>caf".utf8) + [0xE9] + Array("</p>".utf8))
        #expect(single.charset == "windows-1252")
        #expect(single.url == "http://example.com/t/1")

        // Cut off before the closing delimiter: the page part runs to the end of the file.
        let truncated = try MHTML.mainPage(crlf([
            "Content-Type: multipart/related; boundary=\"b\"",
            "",
            "--b",
            "Content-Type: text/html",
            "",
            "<p>début de la page",
        ]))
        #expect(String(decoding: truncated.html, as: UTF8.self) == "<p>début de la page")
    }

    @Test func aBoundaryInsideTheTextIsNotADelimiter() throws {
        let page = try MHTML.mainPage(crlf([
            "Content-Type: multipart/related; boundary=\"xyz\"",
            "",
            "--xyz",
            "Content-Type: text/html",
            "",
            "<pre>",
            "--xyz is how a delimiter starts</pre>",
            "--xyz--",
        ]))
        #expect(String(decoding: page.html, as: UTF8.self) == "<pre>\r\n--xyz is how a delimiter starts</pre>")
    }

    @Test func garbageGivesAProblemWithTheReason() {
        let cases: [([UInt8], String)] = [
            ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A], "it does not start with MIME headers"),
            (Array("<html><body>not mime</body></html>".utf8), "it does not start with MIME headers"),
            (crlf(["MIME-Version: 1.0", "", "body"]), "no Content-Type header"),
            (crlf(["Content-Type: multipart/related", "", "--x"]), "the multipart Content-Type has no boundary"),
            (crlf(["Content-Type: multipart/related; boundary=b", "", "no delimiters"]), "no part starts with the boundary \"b\""),
            (crlf(["Content-Type: multipart/related; boundary=b", "", "--b", "Content-Type: image/png", "", "x", "--b--"]),
             "it has no text/html part"),
            (crlf(["Content-Type: image/png", "", "x"]), "its content type is image/png, not multipart/related or text/html"),
            (crlf(["Content-Type: text/html", "Content-Transfer-Encoding: x-uuencode", "", "x"]),
             "unsupported Content-Transfer-Encoding \"x-uuencode\""),
        ]
        for (bytes, reason) in cases {
            #expect(failure(bytes) == Problem(path: "saved.mht", severity: .error, message: "not a readable MHTML file: \(reason)"))
        }
    }

    @Test func decodesQuotedPrintableEdgeCases() {
        func decode(_ text: String) -> String {
            let bytes = Array(text.utf8)
            return String(decoding: bytes.withUnsafeBufferPointer { TransferDecoding.quotedPrintable($0) }, as: UTF8.self)
        }
        #expect(decode("a=3Db") == "a=b")
        #expect(decode("soft=\r\nbreak") == "softbreak")
        #expect(decode("soft=  \nbreak") == "softbreak", "blanks after a soft break")
        #expect(decode("=c3=a9t=C3=A9") == "été", "lower-case hex")
        #expect(decode("50% = moitié=") == "50% = moitié", "a bare = is kept; a final = is a soft break")
        #expect(decode("=ZZ") == "=ZZ")
    }

    @Test func parsesRFC2822Dates() {
        #expect(RFC2822Date.parse("Thu, 01 Jan 1970 00:00:00 +0000") == Date(timeIntervalSince1970: 0))
        #expect(RFC2822Date.parse("1 Jan 70 01:00 +0100") == Date(timeIntervalSince1970: 0))
        #expect(RFC2822Date.parse("Sat, 29 Feb 2020 23:59:59 GMT") == Date(timeIntervalSince1970: 1_583_020_799))
        #expect(RFC2822Date.parse("Wed, 31 Dec 1969 19:00:00 EST") == Date(timeIntervalSince1970: 0))
        #expect(RFC2822Date.parse("30 Feb 2020 10:00:00 +0000") == nil)
        #expect(RFC2822Date.parse("hier soir") == nil)
    }
}
