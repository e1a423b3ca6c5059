import Foundation
import Testing

/// Messages given rather than extracted: JSONL on stdin, a list of paths on stdin, and
/// message files (`.jsonl`, `.csv`) whose ids must come out verbatim.
@Suite struct MessageInputTests {
    @Test func jsonlMessagesOnStdinKeepTheirIds() async throws {
        let stdin = """
            {"id":"a1","text":"bonjour","author":"X"}
            {"id":"a2","text":"salut à toi","author":"Y"}

            {"id":"a3","text":"ça va ?","author":"X"}

            """
        let run = try await ForumLensCommand.run(["split", "-", "--format", "json", "--out", "-"], stdin: Array(stdin.utf8))
        #expect(run.exitCode == 0, "\(run.stderrText)")
        let report = try Report.decode(run.stdout)
        #expect(report.discussions.count == 1)
        #expect(report.messages.map(\.id) == ["a1", "a2", "a3"])
        #expect(report.messages.map(\.text) == ["bonjour", "salut à toi", "ça va ?"])
        #expect(report.messages.map(\.author) == ["X", "Y", "X"])
        #expect(report.messages.map(\.position) == [1, 2, 3])
        #expect(report.problems.isEmpty)
    }

    @Test func aListOfPathsOnStdinReadsThosePages() async throws {
        let pages = ["fr/smf-teletravail.html", "en/stackexchange-workplace.html"]
        let list = pages.map(Corpus.path).joined(separator: "\n") + "\n"
        let run = try await ForumLensCommand.run(["split", "-", "--format", "json", "--out", "-"], stdin: Array(list.utf8))
        #expect(run.exitCode == 0, "\(run.stderrText)")
        let report = try Report.decode(run.stdout)
        #expect(report.inputs.map(\.path) == pages.map(Corpus.path))
        for page in pages {
            let discussion = try #require(report.discussion(from: Corpus.path(page)), "\(page) was not read")
            #expect(discussion.messages.map(\.content) == (try await CorpusReference.messages(page)).map(\.content))
        }
    }

    @Test func messageFilesKeepTheirIdsInEveryOutput() async throws {
        let scratch = try ScratchDirectory()
        let jsonl = try scratch.file("given/talk.jsonl", """
            {"id":"msg-001","text":"Premier message","author":"Alice","published":"2021-05-04T10:00:00Z"}
            {"id":"Thread 7 / #2","text":"Second, with \\"quotes\\"","author":"Bob"}
            {"id":"00042","text":"Un numéro","author":"Chloé"}

            """)
        let csv = try scratch.file("given/sheet.csv", """
            id,author,text\r
            row-1,Dan,"Texte avec virgule, ""guillemets""
            et retour à la ligne"\r
            0007,Eve,Simple\r

            """)
        let out = scratch.url("out")
        let run = try await ForumLensCommand.run(["split", jsonl, csv, "--format", "json,csv", "--out", out])
        #expect(run.exitCode == 0, "\(run.stderrText)")
        #expect(try scratch.names(in: "out") == ["discussions.csv", "messages.csv", "replies.csv", "report.json"])

        let report = try Report.decode(try scratch.read("out/report.json"))
        let fromJSONL = try #require(report.discussion(from: jsonl))
        #expect(fromJSONL.messages.map(\.id) == ["msg-001", "Thread 7 / #2", "00042"])
        #expect(fromJSONL.messages.map(\.text) == ["Premier message", "Second, with \"quotes\"", "Un numéro"])
        #expect(fromJSONL.messages.first?.published == "2021-05-04T10:00:00Z")
        let fromCSV = try #require(report.discussion(from: csv))
        #expect(fromCSV.messages.map(\.id) == ["row-1", "0007"])
        #expect(fromCSV.messages.first?.text == "Texte avec virgule, \"guillemets\"\net retour à la ligne")
        #expect(fromCSV.messages.map(\.author) == ["Dan", "Eve"])

        let table = try RFC4180.table(try scratch.read("out/messages.csv"))
        #expect(table.rows.map { $0["message_id"] } == ["msg-001", "Thread 7 / #2", "00042", "row-1", "0007"])
    }

    @Test func aBadJSONLineIsAnErrorNamingFileAndLine() async throws {
        let scratch = try ScratchDirectory()
        let jsonl = try scratch.file("messages.jsonl", """
            {"id":"k1","text":"one"}
            {"id":"k2","text":"two"
            {"id":"k3","text":"three"}

            """)
        let (run, report) = try await BadInputTests.split([jsonl, Corpus.path(BadInputTests.goodPage)], in: scratch)
        #expect(run.exitCode == 1, "\(run.stderrText)")
        let problem = try #require(report.problems.first { $0.path == jsonl + ":2" }, "\(report.problems)")
        #expect(problem.severity == "error")
        #expect(problem.message.lowercased().contains("json"), "\(problem.message)")
        #expect(report.discussion(from: jsonl)?.messages.map(\.id) == ["k1", "k3"])
        try await BadInputTests.expectGoodPageRead(report)
    }

    // Message files without a `discussion` field must not share a discussion id, or JSONL
    // lines and CSV rows of two files could not be joined back.
    @Test
    func discussionIdsAreUniqueAcrossMessageFiles() async throws {
        let scratch = try ScratchDirectory()
        let first = try scratch.file("a/talk.jsonl", "{\"text\":\"one\"}\n")
        let second = try scratch.file("b/talk.jsonl", "{\"text\":\"two\"}\n")
        let (run, report) = try await BadInputTests.split([first, second], in: scratch)
        #expect(run.exitCode == 0)
        #expect(report.discussions.count == 2)
        #expect(Set(report.discussions.map(\.id)).count == report.discussions.count, "\(report.discussions.map(\.id))")
    }
}
