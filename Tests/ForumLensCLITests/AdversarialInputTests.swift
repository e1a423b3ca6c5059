import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Hostile pages (the hardening issue): each gives a problem or a correct result, in bounded
/// time, and nothing is fetched. `scripts/adversarial-corpus.py` makes the full-size cases
/// (a million posts, a 1 GB page…); these are their small versions. Charsets, NULs, binary,
/// unreadable paths and sizes: `BadInputTests`, `BadInputLimitsTests`.
@Suite struct AdversarialInputTests {
    /// A phpBB-like post, as the full-size script writes them.
    static func post(_ number: Int, _ author: String, _ text: String) -> String {
        "<div class=\"post\" id=\"p\(number)\"><div class=\"postprofile\"><a class=\"username\" href=\"/u/\(author)\">\(author)</a></div>"
            + "<div class=\"postbody\"><p class=\"author\">par <a href=\"/u/\(author)\">\(author)</a> » 2024-03-0\(1 + number % 9) 10:\(String(format: "%02d", number % 60))</p>"
            + "<div class=\"content\">\(text)</div></div></div>\n"
    }

    static func page(_ body: String, head: String = "") -> String {
        "<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Sujet</title>\(head)</head><body><div id=\"page-body\">\(body)</div></body></html>\n"
    }

    static func split(_ path: String, _ options: [String] = [], timeout: Double = 60) async throws -> (CommandResult, [[String: Any]]) {
        let run = try await ForumLensCommand.run(["split", path, "--format", "json", "--out", "-"] + options, timeout: timeout)
        try #require(!run.timedOut && run.signal == nil, "\(run.stderrText)")
        let report = try RawJSON.object(run.stdout)
        let messages = (report["discussions"] as? [[String: Any]] ?? []).flatMap { $0["messages"] as? [[String: Any]] ?? [] }
        return (run, messages)
    }

    @Test func twentyThousandPostsInOnePageAreAllRead() async throws {
        let scratch = try ScratchDirectory()
        let path = try scratch.file("many.html", Self.page((0 ..< 20000).map { Self.post($0, "u\($0 % 97)", "m\($0)") }.joined()))
        let (run, messages) = try await Self.split(path, timeout: 120)
        #expect(run.exitCode == 0, "\(run.stderrText)")
        #expect(messages.count == 20000)
        #expect(messages.last?["text"] as? String == "m19999")
    }

    @Test func entityBombsAreNotExpanded() async throws {
        let scratch = try ScratchDirectory()
        let laughs = "<!DOCTYPE html [<!ENTITY lol \"lol\">" + (1 ... 9).map { level in
            "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level > 1 ? String(level - 1) : "");", count: 10) + "\">"
        }.joined() + "]>"
        let html = laughs + Self.page(Self.post(1, "membre1", "&lol9; " + String(repeating: "&amp;&#233;&eacute;", count: 20000)) + Self.post(2, "membre2", "Fin."))
            .dropFirst("<!DOCTYPE html>".count)
        let (run, messages) = try await Self.split(try scratch.file("bomb.html", String(html)))
        #expect(run.exitCode == 0 && run.seconds < 30 * TestSlowdown.factor, "\(run.stderrText)")
        #expect(messages.count == 2)
        let text = try #require(messages.first?["text"] as? String)
        #expect(text.count < 100_000 && !text.contains("lollollol"), "\(text.prefix(80))")
    }

    /// External entities, XInclude, stylesheets, scripts, images and frames point at a local
    /// port that counts connections: none arrives.
    @Test func nothingThePagePointsAtIsFetched() async throws {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(listener) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        try #require(withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, length) } } == 0)
        try #require(listen(listener, 8) == 0)
        try #require(withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) } } == 0)
        let target = "http://127.0.0.1:\(UInt16(bigEndian: address.sin_port))"
        let html = "<!DOCTYPE html [<!ENTITY ext SYSTEM \"\(target)/entity\">]>"
            + "<html xmlns:xi=\"http://www.w3.org/2001/XInclude\"><head><meta charset=\"utf-8\"><title>Sujet</title>"
            + "<link rel=\"stylesheet\" href=\"\(target)/style.css\"><script src=\"\(target)/app.js\"></script></head><body>"
            + "<xi:include href=\"\(target)/include.xml\"/><iframe src=\"\(target)/frame\"></iframe>"
            + Self.post(1, "membre1", "&ext; <img src=\"\(target)/img.png\"> Bonjour.") + Self.post(2, "membre2", "Merci.") + "</body></html>"
        let scratch = try ScratchDirectory()
        let run = try await ForumLensCommand.run(["analyze", try scratch.file("refs.html", html), "--format", "json", "--out", "-"])
        #expect(run.exitCode == 0, "\(run.stderrText)")
        var ready = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
        #expect(poll(&ready, 1, 0) == 0, "forumlens connected to \(target)")
    }

    @Test func fakePostsInScriptsAndStylesAreNotMessages() async throws {
        let scratch = try ScratchDirectory()
        let fake = (100 ..< 160).map { Self.post($0, "faux\($0)", "FAUX MESSAGE") }.joined()
        let body = "<script>var t = '\(fake.replacingOccurrences(of: "\n", with: " "))';</script><style>/* \(fake) */ .post { color: red }</style>"
            + Self.post(1, "membre1", "Vrai un.") + "<script type='text/template'>\(fake)</script>" + Self.post(2, "membre2", "Vrai deux.")
        let (run, messages) = try await Self.split(try scratch.file("scripts.html", Self.page(body)))
        #expect(run.exitCode == 0, "\(run.stderrText)")
        #expect(messages.compactMap { $0["text"] as? String } == ["Vrai un.", "Vrai deux."])
    }

    @Test func aFolderThatHoldsALinkToItselfIsReadOnce() async throws {
        let scratch = try ScratchDirectory()
        _ = try scratch.file("forum/page.html", Self.page(Self.post(1, "membre1", "Un.") + Self.post(2, "membre2", "Deux.")))
        _ = try scratch.symlink("forum/loop", to: scratch.url("forum"))
        let (run, messages) = try await Self.split(scratch.url("forum"))
        #expect(run.exitCode == 0 && run.stderrText.contains("loop"), "\(run.stderrText)")
        #expect(messages.count == 2)
    }

    /// A page appended to while it is read gives what it held when read, or its whole.
    @Test func aPageThatGrowsWhileReadGivesItsMessages() async throws {
        let scratch = try ScratchDirectory()
        let path = try scratch.file("growing.html", try Corpus.bytes("fr/phpbb3-reseaux-p1.html"))
        let writer = Task.detached {
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
            handle.seekToEndOfFile()
            for _ in 0 ..< 400 {
                handle.write(Data(("<!-- " + String(repeating: "x", count: 4000) + " -->\n").utf8))
                try await Task.sleep(nanoseconds: 1_000_000)
            }
            try handle.close()
        }
        let (run, messages) = try await Self.split(path)
        try await writer.value
        #expect(run.exitCode == 0, "\(run.stderrText)")
        #expect(messages.count == (try await CorpusReference.messages("fr/phpbb3-reseaux-p1.html")).count)
    }

    @Test func aFileOverItsTimeIsLeftOutAndTheOthersRead() async throws {
        let scratch = try ScratchDirectory()
        let slow = try scratch.file("slow.html", Self.page((0 ..< 20000).map { Self.post($0, "u\($0 % 97)", "m\($0)") }.joined()))
        let limit = String(format: "%g", 2 * TestSlowdown.factor)
        let run = try await ForumLensCommand.run(
            ["split", slow, Corpus.path("fr/phpbb3-reseaux-p2.html"), "--max-seconds", limit, "--format", "json", "--out", "-"], timeout: 120)
        #expect(run.exitCode == 1)
        #expect(run.stderrText.contains("error: \(slow): took longer than \(limit) s to read (--max-seconds): left out"), "\(run.stderrText)")
        let report = try RawJSON.object(run.stdout)
        #expect((report["discussions"] as? [[String: Any]])?.count == 1)
    }
}

/// What fuzzing found (`Fuzz/`, docs/reliability.md), each input as the fuzzer left it.
@Suite struct FuzzFindingsTests {
    /// A page and an MHTML envelope whose thread address has a parameter without a name
    /// (`viewtopic.php?=`, `Content-Location: ?=`) crashed the thread-address split.
    @Test func threadAddressesWithANamelessParameter() async throws {
        let scratch = try ScratchDirectory()
        let page = try scratch.file("canonical.html", """
            <!DOCTYPE html><html><head><meta charset="windows-1252"><meta name="generator" content="phpBB"><link rel="canonical" href="https://forum.example.org/viewtopic.php?="><title>Topic - Forum</title></head><body><div id="p10" class="post bg2"><div class="postbody"><p class="author"><a href="./memberlist.php?u=2" class="username">Zo&eacute;</a> &raquo; 12 mars 2015, 10:04</p><div class="content">Bonjour, je cherche un emploi.<blockquote><cite>Max a &eacute;crit :</cite>citation</blockquote></div></div></div></body></html>

            """)
        let envelope = try scratch.file("saved.mhtml", "Content-Location:?=\nContent-Type:text/html\n\nn<n>0")
        let run = try await ForumLensCommand.run(["split", page, envelope, "--format", "json", "--out", "-"])
        #expect(run.signal == nil && run.exitCode != nil && run.exitCode! <= 1, "\(run.stderrText)")
        let report = try RawJSON.object(run.stdout)
        let messages = (report["discussions"] as? [[String: Any]])?.first?["messages"] as? [[String: Any]]
        #expect(messages?.first?["author"] as? String == "Zoé")
    }
}
