import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Each bad input is read in one run with a good corpus page: the bad one gets a problem
/// (path, severity, readable reason), the good one all its messages, the exit code follows
/// the worst severity, and no temporary file is left beside the report.
@Suite struct BadInputTests {
    static let goodPage = "fr/phpbb3-reseaux-p2.html"

    /// What a bad input must give besides its problem.
    enum Gives: Sendable {
        /// No discussion.
        case nothing
        /// Exactly the messages of this corpus page read plainly.
        case sameAs(String)
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        /// Makes the input in the scratch folder; returns the path given to the command.
        var make: @Sendable (ScratchDirectory) async throws -> String
        /// The severity of its problem; nil when it must be read without any problem.
        var severity: String?
        /// The reason must contain one of these (case-insensitive).
        var reason: [String] = []
        var gives: Gives

        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "empty file", make: { try $0.file("empty.html", []) },
            severity: "warning", reason: ["empty"], gives: .nothing),
        Case(
            name: "binary file named x.html", make: { try $0.binaryFile("x.html") },
            severity: "error", reason: ["binary"], gives: .nothing),
        Case(
            name: "page with no messages",
            make: {
                try $0.file("article.html", """
                    <!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Un article</title></head>
                    <body><h1>Un article</h1><p>Un simple article, sans commentaires ni messages répétés.</p></body></html>
                    """)
            },
            severity: "warning", reason: ["no message"], gives: .nothing),
        Case(
            name: "directory named x.html", make: { try $0.directory("x.html") },
            severity: "warning", reason: ["directory"], gives: .nothing),
        Case(
            name: "dangling symlink",
            make: {
                let path = $0.url("gone.html")
                try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: $0.url("never-there.html"))
                return path
            },
            severity: "error", reason: ["dangling", "no such file"], gives: .nothing),
        Case(
            name: "FIFO",
            make: {
                let path = $0.url("fifo.html")
                guard mkfifo(path, 0o644) == 0 else { throw POSIXError(.EIO) }
                return path
            },
            severity: "error", reason: ["fifo", "not a regular file"], gives: .nothing),
        Case(
            name: "path that does not exist", make: { $0.url("missing/page.html") },
            severity: "error", reason: ["no such file"], gives: .nothing),
        Case(
            name: "meta says UTF-8, bytes are windows-1252",
            make: { try $0.windows1252Page("cp1252.html", from: "fr/fluxbb-benevolat.html") },
            severity: "warning", reason: ["windows-1252", "charset", "utf-8"], gives: .sameAs("fr/fluxbb-benevolat.html")),
        Case(
            name: "meta says iso-8859-1, bytes are UTF-8",
            make: { try $0.utf8PageDeclaringLatin1("utf8.html", from: "fr/forumactif-emploi.html") },
            severity: "warning", reason: ["utf-8", "charset"], gives: .sameAs("fr/forumactif-emploi.html")),
        Case(
            name: "stray NUL bytes in a page", make: { try $0.pageWithNULs("nul.html", from: "fr/phpbb3-reseaux-p2.html") },
            severity: "warning", reason: ["nul"], gives: .sameAs("fr/phpbb3-reseaux-p2.html")),
        Case(
            name: "UTF-16 without a byte order mark", make: { try $0.utf16PageWithoutMark("utf16.html", from: "fr/fluxbb-benevolat.html") },
            severity: "warning", reason: ["utf-16"], gives: .sameAs("fr/fluxbb-benevolat.html")),
        Case(
            name: "first half UTF-8, second half windows-1252", make: { try $0.mixedCharsetPage("mixed.html", from: "fr/fluxbb-benevolat.html") },
            severity: "warning", reason: ["windows-1252"], gives: .sameAs("fr/fluxbb-benevolat.html")),
        Case(
            name: "meta says Shift_JIS, bytes are UTF-8", make: { try $0.utf8PageDeclaring("shift_jis", "sjis.html", from: "fr/vbulletin-reconversion.html") },
            severity: "warning", reason: ["shift_jis"], gives: .sameAs("fr/vbulletin-reconversion.html")),
        Case(
            name: "gzipped page", make: { try await $0.gzippedPage("saved.html.gz", from: "en/invision-career-change.html") },
            severity: nil, gives: .sameAs("en/invision-career-change.html")),
        Case(
            name: "MHTML page (Chrome, quoted-printable)",
            make: {
                try $0.mhtmlPage(
                    "saved.mhtml", from: "fr/wordpress-article-commentaires.html",
                    url: "https://blog.example.fr/2019/03/reseaux-sociaux/")
            },
            severity: nil, gives: .sameAs("fr/wordpress-article-commentaires.html")),
    ]

    @Test(arguments: cases)
    func badInputBesideAGoodPage(_ bad: Case) async throws {
        let scratch = try ScratchDirectory()
        let input = try await bad.make(scratch)
        let (run, report) = try await Self.split([input, Corpus.path(Self.goodPage)], in: scratch)

        let problems = report.problems(about: input)
        if let severity = bad.severity {
            let problem = try #require(problems.first { $0.severity == severity }, "no \(severity) about \(input); problems: \(report.problems)")
            let reason = problem.message.lowercased()
            #expect(bad.reason.contains { reason.contains($0) }, "unclear reason: \(problem.message)")
            #expect(run.stderrText.contains(input), "the problem is not shown on stderr")
        } else {
            #expect(problems.isEmpty, "\(problems)")
        }
        #expect(run.exitCode == (bad.severity == "error" ? 1 : 0), "\(run.stderrText)")

        switch bad.gives {
        case .nothing:
            #expect(report.discussion(from: input) == nil)
        case .sameAs(let page):
            let discussion = try #require(report.discussion(from: input), "no discussion from \(input)")
            #expect(discussion.messages.map(\.content) == (try await CorpusReference.messages(page)).map(\.content))
        }
        try await Self.expectGoodPageRead(report)
    }

    /// The pages the charset and MHTML cases compare with do have the accents that a wrong
    /// decoding would spoil.
    @Test func comparedFrenchPagesHaveAccents() async throws {
        for page in ["fr/fluxbb-benevolat.html", "fr/forumactif-emploi.html", "fr/wordpress-article-commentaires.html"] {
            let text = try await CorpusReference.messages(page).map(\.text).joined()
            #expect(text.contains("é") && text.contains("à"), "\(page)")
            #expect(!text.contains("Ã") && !text.contains("\u{FFFD}"), "\(page) reads as mojibake")
        }
    }

    // MARK: - Shared

    /// `split INPUTS --format json --out DIR/report.json` with a timeout that a blocked read
    /// (a FIFO) would hit; checks that it ended by itself and left only the report.
    static func split(_ inputs: [String], in scratch: ScratchDirectory, options: [String] = [], timeout: Double = 20) async throws -> (CommandResult, Report) {
        let out = try scratch.directory("out")
        let run = try await ForumLensCommand.run(["split"] + inputs + options + ["--format", "json", "--out", out + "/report.json"], timeout: timeout)
        try #require(!run.timedOut, "forumlens did not finish within \(Int(timeout)) s")
        try #require(run.signal == nil, "forumlens was killed by signal \(run.signal ?? 0): \(run.stderrText)")
        #expect(try scratch.names(in: "out") == ["report.json"], "a temporary file was left beside the report")
        return (run, try Report.decode(try scratch.read("out/report.json")))
    }

    static func expectGoodPageRead(_ report: Report, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let discussion = try #require(
            report.discussion(from: Corpus.path(goodPage)), "the good page was not read", sourceLocation: sourceLocation)
        #expect(
            discussion.messages.map(\.content) == (try await CorpusReference.messages(goodPage)).map(\.content),
            "the good page lost messages", sourceLocation: sourceLocation)
        #expect(report.problems(about: Corpus.path(goodPage)).isEmpty, sourceLocation: sourceLocation)
    }
}
