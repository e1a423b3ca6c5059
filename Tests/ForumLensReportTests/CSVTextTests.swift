import ForumLensCore
import Testing
@testable import ForumLensReport

@Suite struct CSVTextTests {
    private func row(separator: UInt8 = UInt8(ascii: ","), _ build: (inout CSVText) -> Void) -> String {
        var csv = CSVText(separator: separator)
        build(&csv)
        csv.endRow()
        return String(decoding: csv.bytes, as: UTF8.self)
    }

    @Test func plainCellsAreWrittenAsTheyAre() {
        #expect(row { $0.text("plain"); $0.text("déjà vu"); $0.text("it's") } == "plain,déjà vu,it's\r\n")
    }

    @Test func separatorsQuotesAndLineBreaksAreQuoted() {
        #expect(row { $0.text("a,b") } == "\"a,b\"\r\n")
        #expect(row { $0.text("say \"hi\"") } == "\"say \"\"hi\"\"\"\r\n")
        #expect(row { $0.text("one\ntwo") } == "\"one\ntwo\"\r\n")
        #expect(row { $0.text("one\r\ntwo") } == "\"one\r\ntwo\"\r\n")
        #expect(row { $0.text("\"") } == "\"\"\"\"\r\n")
    }

    @Test func emptyAndMissingCellsAreEmpty() {
        #expect(row { $0.text(nil); $0.text(""); $0.number(nil as Int?); $0.number(nil as Double?) } == ",,,\r\n")
    }

    @Test(arguments: ["=SUM(A1:A9)", "+33 6 12", "-1", "@cmd", "\tTab", "\rReturn"])
    func formulaLikeTextIsNeutralised(_ value: String) {
        let written = row { $0.text(value) }
        let escaped = value.replacingOccurrences(of: "\"", with: "\"\"")
        #expect(written == "\"'\(escaped)\"\r\n")
    }

    @Test func neutralisingKeepsQuotingOfTheRest() {
        #expect(row { $0.text("=HYPERLINK(\"http://x\",\"y\")") } == "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"\r\n")
        // Only the first character counts.
        #expect(row { $0.text("a=b") } == "a=b\r\n")
    }

    @Test func numbersStayNumbers() {
        #expect(row { $0.number(-5); $0.number(0.25); $0.number(Double.infinity) } == "-5,0.25,\r\n")
    }

    @Test func anotherSeparatorQuotesItInsteadOfCommas() {
        let semicolon = UInt8(ascii: ";")
        #expect(row(separator: semicolon) { $0.text("a,b"); $0.text("c;d"); $0.number(3) } == "a,b;\"c;d\";3\r\n")
    }

    @Test func headerThenRowsEndWithCRLF() {
        var csv = CSVText()
        csv.header(["discussion_id", "message_id"])
        csv.text("d1"); csv.text("p1"); csv.endRow()
        csv.text("d1"); csv.text("p2"); csv.endRow()
        #expect(String(decoding: csv.bytes, as: UTF8.self) == "discussion_id,message_id\r\nd1,p1\r\nd1,p2\r\n")
        csv.removeAll()
        csv.text("x"); csv.endRow()
        #expect(String(decoding: csv.bytes, as: UTF8.self) == "x\r\n")
    }

    @Test func messageColumnsStartWithTheContractOnes() {
        #expect(Array(CSVTablesWriter.messageColumns.prefix(8)) == [
            "discussion_id", "message_id", "position", "author", "published", "language", "reply_to", "text",
        ])
        #expect(CSVTablesWriter.discussionColumns.first == "discussion_id")
    }
}
