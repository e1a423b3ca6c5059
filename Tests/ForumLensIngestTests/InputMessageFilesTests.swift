import ForumLensCore
import Testing
@testable import ForumLensIngest

@Suite struct InputMessageFilesTests {
    private func jsonl(_ lines: [String], path: String = "data/threads.jsonl") -> (discussions: [Discussion], problems: [Problem]) {
        MessageFiles.readJSONL(Array(lines.joined(separator: "\n").utf8), path: path)
    }

    @Test func readsJSONLMessagesKeepingGivenIdsVerbatim() throws {
        let (discussions, problems) = jsonl([
            #"{"id": "p1200", "author": "Carole", "author_id": 17, "published": "2010-04-30 14:02", "text": "Les réseaux sont chronophages.", "title": "Invisible ?", "language": "fr"}"#,
            "",
            #"{"id": 12345678901234567890, "text": "Fixez-vous des priorités.", "reply_to": "p1200", "published": "30 avril 2010 à 14:05"}"#,
            "   ",
            #"{"id": 1.50, "text": "L'article", "role": "article", "url": "https://example.fr/a#c3"}"#,
            #"{"text": "sans id", "published": "2010-04-30T14:09:00+0200"}"#,
        ])
        #expect(problems.isEmpty)
        try #require(discussions.count == 1)
        let discussion = discussions[0]
        // With no `discussion` field, the file itself is the discussion, named by its path.
        #expect(discussion.id == "data/threads.jsonl")
        #expect(discussion.title == "Invisible ?")
        #expect(discussion.sources == ["data/threads.jsonl"])
        #expect(discussion.extraction == [Extraction(source: "data/threads.jsonl", extractor: "jsonl", confidence: 1, messages: 4)])
        let messages = discussion.messages
        #expect(messages.map(\.id) == ["p1200", "12345678901234567890", "1.50", "m4"])
        #expect(messages.map(\.position) == [1, 2, 3, 4])
        #expect(messages[0].author == "Carole" && messages[0].authorID == "17" && messages[0].language == "fr")
        #expect(messages[0].published == "2010-04-30T14:02:00")
        #expect(messages[0].publishedText == "2010-04-30 14:02")
        #expect(messages[1].published == nil)
        #expect(messages[1].publishedText == "30 avril 2010 à 14:05")
        #expect(messages[1].replyTo == "p1200" && messages[1].depth == 1 && messages[0].depth == 0)
        #expect(messages[2].role == .article && messages[2].url == "https://example.fr/a#c3")
        #expect(messages[3].published == "2010-04-30T14:09:00+02:00")
    }

    @Test func badLinesAreErrorsWithTheirLineAndTheOthersCount() {
        let (discussions, problems) = jsonl([
            #"{"text": "un"}"#,
            #"{"text": "deux", "author": }"#,
            #"["not", "an", "object"]"#,
            #"{"author": "sans texte"}"#,
            #"{"text": 42}"#,
            #"{"text": "trois"} trailing"#,
            #"{"text": "quatre", "author": {"name": "x"}}"#,
            #"{"text": "cinq\u00e9\ud83d\ude00\n", "role": "comment"}"#,
        ], path: "m.jsonl")
        #expect(discussions.flatMap(\.messages).map(\.text) == ["un", "cinqé😀\n"])
        #expect(problems == [
            Problem(path: "m.jsonl:2", severity: .error, message: "invalid JSON at column 28: expected a value"),
            Problem(path: "m.jsonl:3", severity: .error, message: "invalid JSON at column 1: expected an object, found an array"),
            Problem(path: "m.jsonl:4", severity: .error, message: "no \"text\" string"),
            Problem(path: "m.jsonl:5", severity: .error, message: "\"text\" is a number, not a string"),
            Problem(path: "m.jsonl:6", severity: .error, message: "invalid JSON at column 19: unexpected text after the object"),
            Problem(path: "m.jsonl:7", severity: .error, message: "\"author\" is an object, not a string"),
            Problem(path: "m.jsonl:8", severity: .warning, message: "unknown role \"comment\", read as \"post\""),
        ])
    }

    @Test func groupsByDiscussionInFirstSeenOrderWithUniqueIds() throws {
        let (discussions, problems) = jsonl([
            #"{"discussion": "t2", "id": "x", "text": "a"}"#,
            #"{"discussion": "t1", "id": "m2", "text": "b", "title": "Premier fil"}"#,
            #"{"discussion": "t2", "id": "x", "text": "c"}"#,
            #"{"discussion": "t1", "text": "d"}"#,
            #"{"discussion": "t2", "id": "x", "text": "e"}"#,
            #"{"text": "sans fil"}"#,
        ], path: "/tmp/export.ndjson.gz")
        #expect(discussions.map(\.id) == ["t2", "t1", "/tmp/export.ndjson.gz"])
        #expect(discussions[0].messages.map(\.id) == ["x", "x~2", "x~3"])
        #expect(discussions[0].messages.map(\.position) == [1, 2, 3])
        // A generated id never takes a given one: position 2 is "m2~2" since "m2" is given.
        #expect(discussions[1].messages.map(\.id) == ["m2", "m2~2"])
        #expect(discussions[1].title == "Premier fil")
        #expect(discussions[2].messages.map(\.id) == ["m1"])
        #expect(problems == [
            Problem(path: "/tmp/export.ndjson.gz:3", severity: .warning, message: "duplicate id \"x\", renamed \"x~2\""),
            Problem(path: "/tmp/export.ndjson.gz:5", severity: .warning, message: "duplicate id \"x\", renamed \"x~3\""),
        ])
    }

    @Test func readsForumLensOwnJSONLStreamBack() {
        let (discussions, problems) = jsonl([
            #"{"type": "message", "id": "p1", "discussion_id": "d1", "text": "bonjour", "results": {"sentiment": {"score": 0.5}}}"#,
            #"{"type": "discussion", "id": "d1", "summary": {}}"#,
            #"{"type": "run", "schema": "forumlens/report@1", "problems": []}"#,
        ])
        #expect(problems.isEmpty)
        #expect(discussions.map(\.id) == ["d1"])
        #expect(discussions.first?.messages.map(\.id) == ["p1"])
    }

    @Test func readsEscapedKeysNullsAndDeepValues() {
        let deep = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
        let (discussions, problems) = jsonl([
            #"{"te\u0078t": "clé échappée", "id": null, "meta": {"a": [1, 2.5e-3, true, null, "\"x\""]}}"#,
            #"{"text": "trop profond", "meta": \#(deep)}"#,
            #"{"text": "tab\tet retour\r\nfin", "author": "", "title": null}"#,
        ], path: "e.jsonl")
        #expect(discussions.first?.messages.map(\.text) == ["clé échappée", "tab\tet retour\r\nfin"])
        #expect(discussions.first?.messages.map(\.id) == ["m1", "m2"])
        #expect(discussions.first?.messages.last?.author == nil, "an empty string is no author")
        #expect(problems.map(\.path) == ["e.jsonl:2"])
        #expect(problems.first?.message.hasSuffix("nesting deeper than 512 levels") == true)
    }

    @Test func replyDepthsFollowChainsAndSurviveCycles() throws {
        var lines = (1 ... 50_000).map { #"{"id": "c\#($0)", "reply_to": "c\#($0 - 1)", "text": "x"}"# }
        lines += [
            #"{"id": "a", "reply_to": "b", "text": "cycle"}"#,
            #"{"id": "b", "reply_to": "a", "text": "cycle"}"#,
            #"{"id": "orphan", "reply_to": "elsewhere", "text": "x"}"#,
        ]
        let (discussions, problems) = jsonl(lines)
        #expect(problems.isEmpty)
        let messages = try #require(discussions.first?.messages)
        #expect(messages[0].depth == 0 && messages[1].depth == 1 && messages[49_999].depth == 49_999)
        #expect(messages.suffix(3).map(\.depth) == [1, 0, 0])
    }

    @Test func readsForumLensOwnMessagesCSVBack() throws {
        let csv = "discussion_id,message_id,position,author,published,language,reply_to,text\n"
            + "d1,p1,1,Eogez,2010-04-30T14:02:00,fr,,bonjour\n"
            + "d1,p2,2,Carole,,fr,p1,salut\n"
        let (discussions, problems) = MessageFiles.readCSV(Array(csv.utf8), separator: UInt8(ascii: ","), path: "messages.csv")
        #expect(problems.isEmpty)
        #expect(discussions.map(\.id) == ["d1"])
        #expect(discussions.first?.messages.map(\.id) == ["p1", "p2"])
        #expect(discussions.first?.messages.map(\.depth) == [0, 1])
    }

    @Test func skipsTheBOMAndReadsInvalidUTF8AsWindows1252() throws {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF] + Array(#"{"text": "déjà"}"#.utf8)
        let fromBOM = MessageFiles.readJSONL(bom, path: "bom.jsonl")
        #expect(fromBOM.problems.isEmpty)
        #expect(fromBOM.discussions.first?.messages.first?.text == "déjà")

        let cp1252: [UInt8] = Array(#"{"text": "caf"#.utf8) + [0xE9, 0x20, 0x80, 0x20, 0x9C] + Array(#"uvre"}"#.utf8)
        let (discussions, problems) = MessageFiles.readJSONL(cp1252, path: "latin.jsonl")
        #expect(discussions.first?.messages.first?.text == "café € œuvre")
        #expect(problems == [Problem(path: "latin.jsonl", severity: .warning, message: "not valid UTF-8: read as windows-1252")])
    }

    @Test func readsRFC4180CSVWithQuotedSeparatorsQuotesAndNewlines() throws {
        let csv = "\u{FEFF}ID,Author,Text,Published,Discussion\r\n"
            + "p1,Eogez,\"Bonjour, \"\"tout\"\" le monde\",2010-04-30,fil\r\n"
            + "p2,Carole,\"deux\r\nlignes\",,fil\r\n"
            + "p3,Trop,de,cellules,ici,encore\r\n"
            + "\r\n"
            + "p4,Luc,\"dernier\",2010-05-01T08:00:00Z,fil\r\n"
            + "p5,court\r\n"
        let (discussions, problems) = MessageFiles.readCSV(Array(csv.utf8), separator: UInt8(ascii: ","), path: "fil.csv")
        try #require(discussions.count == 1)
        let messages = discussions[0].messages
        #expect(messages.map(\.id) == ["p1", "p2", "p4"])
        #expect(messages.map(\.text) == ["Bonjour, \"tout\" le monde", "deux\r\nlignes", "dernier"])
        #expect(messages.map(\.published) == ["2010-04-30", nil, "2010-05-01T08:00:00Z"])
        #expect(messages.map(\.position) == [1, 2, 3])
        #expect(discussions[0].extraction.first?.extractor == "csv")
        #expect(problems == [
            Problem(path: "fil.csv:5", severity: .error, message: "expected 5 cells, found 6"),
            Problem(path: "fil.csv:8", severity: .error, message: "expected 5 cells, found 2"),
        ])
    }

    @Test func aCSVWithoutATextColumnIsOneError() {
        let (discussions, problems) = MessageFiles.readCSV(
            Array("id,body\n1,bonjour\n2,salut\n".utf8), separator: UInt8(ascii: ","), path: "sans.csv")
        #expect(discussions.isEmpty)
        #expect(problems == [Problem(
            path: "sans.csv", severity: .error,
            message: "the header row names no \"text\" column (found \"id\", \"body\"); the file was not read")])
    }

    @Test func readsTSVWrittenWithoutQuotingAndExcelFranceCSV() throws {
        let tsv = "author\ttext\nEogez\t\"Bonjour\" dit-il, 50% d'entre vous\nCarole\tun \"guillemet seul\n"
        let (fromTSV, tsvProblems) = MessageFiles.readCSV(Array(tsv.utf8), separator: 0x09, path: "a.tsv")
        #expect(tsvProblems.isEmpty)
        #expect(fromTSV.first?.messages.map(\.text) == ["\"Bonjour\" dit-il, 50% d'entre vous", "un \"guillemet seul"])
        #expect(fromTSV.first?.extraction.first?.extractor == "tsv")

        let semicolons = "text;author\n\"Il faut; vraiment\";Luc\n"
        let (fromExcel, excelProblems) = MessageFiles.readCSV(Array(semicolons.utf8), separator: UInt8(ascii: ","), path: "x.csv")
        #expect(excelProblems.isEmpty)
        #expect(fromExcel.first?.messages.first?.text == "Il faut; vraiment")
        #expect(fromExcel.first?.messages.first?.author == "Luc")
    }

    @Test func normalisesISO8601PublishedDatesOnly() {
        let cases: [(String, String?)] = [
            ("2010-04-30", "2010-04-30"),
            ("2010-04-30 14:02", "2010-04-30T14:02:00"),
            ("2010-04-30T14:02:07", "2010-04-30T14:02:07"),
            (" 2010-04-30t14:02:07.250Z ", "2010-04-30T14:02:07.250Z"),
            ("2010-04-30T14:02:00+0200", "2010-04-30T14:02:00+02:00"),
            ("2010-04-30 14:02:00 -05", "2010-04-30T14:02:00-05:00"),
            ("2010-04-30 14:02 UTC", "2010-04-30T14:02:00Z"),
            ("2012-02-29", "2012-02-29"),
            ("2011-02-29", nil),
            ("2010-13-01", nil),
            ("2010-04-30 25:00", nil),
            ("2010-04-30T14", nil),
            ("30/04/2010", nil),
            ("30 avril 2010 à 14:02", nil),
            ("20100-04-30", nil),
            ("2010-04-30 14:02 tomorrow", nil),
        ]
        for (text, expected) in cases {
            #expect(PublishedDate.iso8601(text) == expected, "\(text)")
        }
    }

    @Test func validatesUTF8Strictly() {
        func valid(_ bytes: [UInt8]) -> Bool { UTF8Check.scan(bytes).valid }
        #expect(valid(Array("plain ASCII, long enough to take the eight-byte path".utf8)))
        #expect(valid(Array("é€😀 mêlés à de l'ASCII".utf8)))
        #expect(!valid([0xC0, 0xAF]), "overlong")
        #expect(!valid([0xED, 0xA0, 0x80]), "surrogate")
        #expect(!valid([0xF4, 0x90, 0x80, 0x80]), "past U+10FFFF")
        #expect(!valid(Array("abcdefgh".utf8) + [0xE9]), "Latin-1 after an ASCII run")
        #expect(!valid([0xE2, 0x82]), "truncated")
        #expect(UTF8Check.scan([0x61, 0xE2, 0x82], allowCutEnd: true).valid, "cut by the end of a truncated page")
    }
}
