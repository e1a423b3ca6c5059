import Foundation
import ForumLensTestSupport
import Testing

/// `--pseudonymize SALT`: no author name left in any format, names mentioned in texts
/// included; the same salt gives the same pseudonyms, another salt others.
@Suite struct PseudonymizeTests {
    static let names = ["Eogez", "Karine", "Sylvain69", "Marco", "Nathalie", "Cécile", "jpdu13", "Fred_Consultant", "Lulu"]

    static func run(_ salt: String) async throws -> [String: String] {
        let scratch = try ScratchDirectory()
        let out = scratch.url("report")
        let run = try await ForumLensCommand.run(
            ["analyze"] + MergeTests.pages.map(Corpus.path) + ["--pseudonymize", salt, "--format", "json,jsonl,csv,md,html", "--out", out])
        #expect(run.exitCode == 0, "\(run.stderrText)")
        var files: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: out) {
            files[name] = try String(contentsOfFile: out + "/" + name, encoding: .utf8)
        }
        return files
    }

    @Test func noNameIsLeftAndPseudonymsAreStable() async throws {
        let first = try await Self.run("s3cret"), again = try await Self.run("s3cret"), other = try await Self.run("another")
        #expect(first.count == 10, "\(first.keys.sorted())")
        for (file, text) in first {
            for name in Self.names { #expect(!text.contains(name), "\(name) in \(file)") }
        }
        #expect(first["report.json"] == again["report.json"] && first["messages.csv"] == again["messages.csv"])
        #expect(first["report.json"] != other["report.json"])

        let report = try RawJSON.object(Array(try #require(first["report.json"]).utf8))
        let messages = try #require(((report["discussions"] as? [[String: Any]])?.first)?["messages"] as? [[String: Any]])
        let authors = messages.compactMap { $0["author"] as? String }
        #expect(authors.allSatisfy { $0.hasPrefix("author-") && $0.count == 15 })
        // Eogez's first message is quoted by the second message's author: the same pseudonym.
        let quoted = ((messages[2]["quotes"] as? [[String: Any]])?.first)?["author"] as? String
        #expect(quoted == authors[0] || (messages.dropFirst().compactMap { ($0["quotes"] as? [[String: Any]])?.first?["author"] as? String }).contains(authors[0]))
        // « Merci Karine » names Karine_RH by her pseudonym, and the offsets still point into the text.
        let karine = authors[1]
        #expect(messages.contains { ($0["text"] as? String)?.contains("Merci \(karine)") == true })
        var checked = 0
        for message in messages {
            let text = Array((message["text"] as? String ?? "").unicodeScalars)
            let items = ((message["results"] as? [String: Any])?["advice"] as? [String: Any])?["items"] as? [[String: Any]] ?? []
            for item in items {
                let start = item["start"] as? Int ?? 0, end = item["end"] as? Int ?? 0
                #expect(String(String.UnicodeScalarView(text[start ..< end])) == item["text"] as? String)
                checked += 1
            }
        }
        #expect(checked >= 10)
    }
}
