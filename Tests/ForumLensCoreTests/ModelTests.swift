import Foundation
import Testing
@testable import ForumLensCore

@Suite struct ModelTests {
    @Test func messageUsesTheReportSchemaFieldNames() throws {
        let message = Message(
            id: "p2", position: 2, author: "Carole", authorID: "u7", published: "2010-04-30T14:02:00",
            publishedText: "30 avril 2010 à 14:02", language: "fr", text: "Bonjour",
            quotes: [Quote(author: "Eogez", text: "Salut", messageID: "p1")], replyTo: "p1", depth: 1)
        let json = String(decoding: try JSONEncoder().encode(message), as: UTF8.self)
        for key in ["\"author_id\"", "\"published_text\"", "\"reply_to\"", "\"message_id\"", "\"role\":\"post\""] {
            #expect(json.contains(key), "missing \(key) in \(json)")
        }
        let back = try JSONDecoder().decode(Message.self, from: Data(json.utf8))
        #expect(back == message)
    }
}
