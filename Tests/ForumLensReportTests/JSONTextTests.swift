import Foundation
import ForumLensCore
import Testing
@testable import ForumLensReport

@Suite struct JSONTextTests {
    private func text(_ build: (inout JSONText) -> Void) -> String {
        var json = JSONText()
        build(&json)
        return String(decoding: json.bytes, as: UTF8.self)
    }

    @Test func stringsEscapeQuotesBackslashesAndControlCharacters() {
        #expect(text { $0.string("say \"hi\"") } == #""say \"hi\"""#)
        #expect(text { $0.string(#"C:\temp\new"#) } == #""C:\\temp\\new""#)
        #expect(text { $0.string("a\nb\rc\td") } == #""a\nb\rc\td""#)
        #expect(text { $0.string("\u{0}\u{1}\u{8}\u{C}\u{1F}") } == #""\u0000\u0001\u0008\u000c\u001f""#)
        #expect(text { $0.string(nil) } == "null")
        #expect(text { $0.string("") } == #""""#)
    }

    @Test func nonASCIIStaysUTF8() {
        let value = "café déjà — 日本語 👍🏽 \u{200B}"
        var json = JSONText()
        json.string(value)
        #expect(json.bytes == Array("\"\(value)\"".utf8))
    }

    /// Every byte value and some scalars round-trip through a standard JSON parser.
    @Test func everyControlCharacterRoundTrips() throws {
        let value = String((0 ..< 128).map { Character(Unicode.Scalar(UInt8($0))) }) + "é€𝄞"
        var json = JSONText()
        json.beginArray()
        json.string(value)
        json.endArray()
        let parsed = try JSONSerialization.jsonObject(with: Data(json.bytes)) as? [String]
        #expect(parsed == [value])
    }

    @Test func objectsArraysAndNumbersAreSeparatedRight() throws {
        let output = text { json in
            json.beginObject()
            json.key("a"); json.number(1)
            json.key("b"); json.beginArray(); json.number(2.5); json.number(3.0); json.null(); json.bool(true); json.endArray()
            json.key("c"); json.beginObject(); json.endObject()
            json.key("d"); json.number(Double.nan)
            json.key("e"); json.number(nil as Int?)
            json.endObject()
        }
        #expect(output == #"{"a":1,"b":[2.5,3,null,true],"c":{},"d":null,"e":null}"#)
    }

    @Test func linesStartFreshAfterANewline() {
        let output = text { json in
            json.beginObject(); json.key("n"); json.number(1); json.endObject(); json.newline()
            json.beginObject(); json.key("n"); json.number(2); json.endObject(); json.newline()
        }
        #expect(output == "{\"n\":1}\n{\"n\":2}\n")
    }

    static let messages = [
        Message(
            id: "p48215", position: 2, role: .post, author: "Carole \"Caro\" D.", authorID: "u77",
            published: "2010-04-30T14:02:00", publishedText: "30 avril 2010 à 14:02", language: "fr",
            text: "Il faut se fixer des priorités.\n\nEt s'y tenir\\ vraiment.",
            quotes: [
                Quote(author: "Eogez", text: "Sur combien de réseaux…", messageID: "p48211"),
                Quote(author: nil, text: "citation anonyme\tavec tabulation", messageID: nil),
            ],
            replyTo: "p48211", depth: 1, url: "https://forum.example.fr/viewtopic.php?p=48215#p48215"),
        Message(id: "m1", position: 1, role: .article, text: "Article \u{1}control"),
        Message(id: "", position: 3, text: ""),
    ]

    /// The hand-written field names cannot drift from the model's Codable ones.
    @Test(arguments: messages)
    func messageFieldsDecodeIntoTheSameMessage(_ message: Message) throws {
        var json = JSONText()
        json.beginObject()
        json.messageFields(message)
        json.endObject()
        let decoded = try JSONDecoder().decode(Message.self, from: Data(json.bytes))
        #expect(decoded == message)

        // Every key the Codable model writes is written by hand too, and no other.
        let encoded = try JSONSerialization.jsonObject(with: JSONEncoder().encode(message)) as? [String: Any]
        let written = try JSONSerialization.jsonObject(with: Data(json.bytes)) as? [String: Any]
        let writtenKeys = Set(try #require(written).keys)
        #expect(Set(try #require(encoded).keys).isSubset(of: writtenKeys))
        #expect(writtenKeys == [
            "id", "position", "role", "author", "author_id", "published", "published_text", "language",
            "text", "quotes", "reply_to", "depth", "url",
        ])
    }

    @Test func discussionFieldsWithMessagesDecodeIntoTheSameDiscussion() throws {
        let discussion = Discussion(
            id: "d0123456789ab", title: "Réseaux : \"combien\" ?", url: "https://forum.example.fr/viewtopic.php?t=4521",
            sources: ["p1.html", "p2.html"], engine: "phpbb3", language: "fr", messages: Self.messages,
            extraction: [
                Extraction(source: "p1.html", extractor: "generic", confidence: 0.93, messages: 2),
                Extraction(source: "p2.html", extractor: "generic", confidence: 1, messages: 1),
            ])
        var json = JSONText()
        json.beginObject()
        json.discussionFields(discussion)
        json.key("messages")
        json.beginArray()
        for message in discussion.messages {
            json.beginObject()
            json.messageFields(message)
            json.endObject()
        }
        json.endArray()
        json.endObject()
        #expect(try JSONDecoder().decode(Discussion.self, from: Data(json.bytes)) == discussion)
    }

    @Test func inputsAndProblemsDecodeIntoTheModel() throws {
        let inputs = [InputFile(path: "a \"b\".html", sha256: String(repeating: "ab", count: 32), bytes: 61732)]
        let problems = [Problem(path: "x.jsonl:2", severity: .error, message: "invalid JSON at column 2")]
        var json = JSONText()
        json.inputs(inputs)
        #expect(try JSONDecoder().decode([InputFile].self, from: Data(json.bytes)) == inputs)
        json.removeAll()
        json.problems(problems)
        #expect(try JSONDecoder().decode([Problem].self, from: Data(json.bytes)) == problems)
    }
}
