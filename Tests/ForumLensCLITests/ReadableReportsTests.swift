import Foundation
import ForumLensIngest
import ForumLensTestSupport
import Testing

/// The reports people read: Markdown and HTML, from the founding thread and from messages that
/// try to inject markup.
@Suite struct ReadableReportsTests {
    static let hostile = """
        {"id": "x1", "author": "<b>Mallory</b>", "discussion": "d2", "text": "Bonjour <script>alert(1)</script> | *gras* [lien](http://x) — il faut se fixer des priorités."}
        {"id": "x2", "author": "Bob", "discussion": "d2", "text": "C'est une perte de temps, j'y passe 3 heures par jour <img src=x onerror=alert(2)>."}

        """

    static func reports() async throws -> (markdown: String, html: [UInt8], json: [String: Any]) {
        let scratch = try ScratchDirectory()
        let input = try scratch.file("hostile.jsonl", hostile)
        let out = scratch.url("report")
        let run = try await ForumLensCommand.run(
            ["analyze"] + MergeTests.pages.map(Corpus.path) + [input, "--format", "md,html,json", "--out", out])
        #expect(run.exitCode == 0, "\(run.stderrText)")
        let markdown = try String(contentsOfFile: out + "/report.md", encoding: .utf8)
        let html = try #require(FileManager.default.contents(atPath: out + "/report.html").map { [UInt8]($0) })
        let json = try RawJSON.object(try #require(FileManager.default.contents(atPath: out + "/report.json").map { [UInt8]($0) }))
        return (markdown, html, json)
    }

    @Test func markdownNamesTheThreadsComplaintsAndThemes() async throws {
        let markdown = try await Self.reports().markdown
        #expect(markdown.hasPrefix("# ForumLens report\n"))
        #expect(markdown.contains("### Participants") && markdown.contains("| Cécile.M | 1 |"), "\(markdown.prefix(2000))")
        #expect(markdown.contains("### Time-cost complaints\n\n2 messages complain"))
        #expect(markdown.contains("| Eogez | Parce que là entre les profils"))
        #expect(markdown.contains("### Advice themes\n\n1. **"))
        #expect(markdown.contains("   - « Mon conseil : se fixer des priorités. » (Karine\\_RH)"))
        // Markup from the pages stays text: escaped, never a tag, a link or a table cell.
        let unescaped = markdown.replacingOccurrences(of: "\\<", with: "")
        #expect(!unescaped.contains("<script") && !unescaped.contains("<img") && !unescaped.contains("<b>"))
        #expect(markdown.contains("\\<script\\>alert(1)\\</script\\>") && markdown.contains("\\<b\\>Mallory\\</b\\>"))
        #expect(markdown.contains("\\| \\*gras\\* \\[lien\\](http://x)"))
    }

    @Test func htmlChartsLinkToTheMessagesAndTextStaysText() async throws {
        let (_, bytes, json) = try await Self.reports()
        let tree = HTMLParsing.parse(bytes, encoding: "UTF-8", keeping: ["href", "id", "class", "cx", "fill"])
        let elements = (0 ..< Int32(tree.count)).filter { tree[$0].kind == .element }
        let named = { (tag: String) in elements.filter { tree.tagName($0) == tag } }
        let ids = Set(elements.compactMap { tree.attribute("id", of: $0) })
        // No script, no img from the input: it was escaped, and the report has none of its own.
        #expect(named("script").isEmpty && named("img").isEmpty)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && text.contains("&lt;b&gt;Mallory&lt;/b&gt;"))
        #expect(!text.contains("http://") || !text.contains("src=\"http"), "nothing fetched")

        let discussions = try #require(json["discussions"] as? [[String: Any]])
        let sections = named("section").filter { tree.attribute("class", of: $0) == "discussion" }
        #expect(sections.count == discussions.count)
        // A point per message on each timeline, each linking to its message.
        let circles = named("circle")
        let messages = discussions.reduce(0) { $0 + (($1["messages"] as? [[String: Any]])?.count ?? 0) }
        #expect(circles.count == messages)
        let links = named("a").compactMap { tree.attribute("href", of: $0) }.filter { $0.hasPrefix("#") }
        #expect(!links.isEmpty && links.allSatisfy { ids.contains(String($0.dropFirst())) }, "\(links.filter { !ids.contains(String($0.dropFirst())) })")
        // The founding thread's themes as bars, in the summary's order.
        let summary = try #require((discussions.first { ($0["title"] as? String)?.contains("Réseaux pro") == true }?["summary"] as? [String: Any])?["advice"] as? [String: Any])
        let themes = try #require(summary["themes"] as? [[String: Any]])
        let bars = named("a").filter { tree.attribute("class", of: $0) == "bar" }
        #expect(bars.count >= themes.count)
        #expect(text.contains("<span>Soigner son image <b>5</b></span>"))
        // Several discussions: an overview linking to each.
        #expect(named("section").contains { tree.attribute("class", of: $0) == "overview" })
        #expect(sections.allSatisfy { section in links.contains("#" + (tree.attribute("id", of: section) ?? "")) })
    }
}

/// The same inputs give the same bytes in every format whatever `--jobs`: reports can be
/// compared and cached by their hash.
@Suite struct ReproducibleReportsTests {
    @Test func everyFormatIsByteIdenticalWhateverTheJobs() async throws {
        let scratch = try ScratchDirectory()
        var outputs: [[String: Data]] = []
        for jobs in ["1", "4"] {
            let out = scratch.url("jobs-\(jobs)")
            let run = try await ForumLensCommand.run([
                "analyze", Corpus.root, "--profile", Corpus.path("profiles/bulletin-du-lac.yml"), "--format", "json,jsonl,csv,md,html",
                "--out", out, "--jobs", jobs,
            ])
            #expect(run.exitCode == 0, "\(run.stderrText)")
            var files: [String: Data] = [:]
            for name in try FileManager.default.contentsOfDirectory(atPath: out) { files[name] = FileManager.default.contents(atPath: out + "/" + name) }
            outputs.append(files)
        }
        #expect(outputs[0].count == 10 && outputs[0].keys.sorted() == outputs[1].keys.sorted())
        for (name, bytes) in outputs[0] { #expect(bytes == outputs[1][name], "\(name) differs between --jobs 1 and --jobs 4") }
    }
}
