import Testing
@testable import ForumLensCore

/// `JSONValue.parse`: keys stay in the document's order, escapes and numbers read back what
/// `description` writes, and what is not JSON says where.
@Suite struct JSONParserTests {
    @Test func keepsKeyOrderAndReadsBackWhatItWrites() throws {
        let text = #"{"z":1,"a":[true,false,null,-0.125,1e-05,"é\n\"\u00e9\ud83d\ude00"],"m":{"b":{},"a":[]}}"#
        let value = try JSONValue.parse(Array(text.utf8))
        guard case let .object(fields) = value else { Issue.record("not an object: \(value)"); return }
        #expect(fields.map(\.key) == ["z", "a", "m"])
        #expect(value["a"] == .array([true, false, nil, -0.125, 0.00001, .string("é\n\"é😀")]))
        #expect(try JSONValue.parse(Array(value.description.utf8)) == value)
        #expect(try JSONValue.parse(Array(" [ ] ".utf8)) == .array([]))
    }

    @Test(arguments: [
        (#"{"a":1"#, 6), (#"{"a" 1}"#, 5), (#"[1,]"#, 3), ("\"a\u{01}\"", 2), (#"{"a":1} x"#, 8), (#"[tru]"#, 1), (#""\q""#, 2), ("", 0),
    ])
    func saysWhereTextStopsBeingJSON(text: String, offset: Int) {
        #expect(throws: JSONValue.SyntaxError.self) { try JSONValue.parse(Array(text.utf8)) }
        do {
            _ = try JSONValue.parse(Array(text.utf8))
        } catch {
            #expect(error.offset == offset, "\(text): \(error)")
        }
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: JSONValue.SyntaxError.self) { try JSONValue.parse(Array(deep.utf8)) }
    }
}
