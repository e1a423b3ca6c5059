import Foundation
import ForumLensTestSupport
import Testing

/// The advice analyzer end to end: its bar on the French set and on SemEval's trial sets, the
/// founding thread's themes, discovered themes without the default taxonomy, `--taxonomy`.
@Suite struct AdviceTests {
    static let semEval = EvalTests.root + "/../shared/data/advice-dev"
    static let semEvalPresent = FileManager.default.fileExists(atPath: semEval + "/semeval2019t9_A_trial.tsv")

    static func f1(_ output: String, _ file: String) -> Double {
        guard let line = output.split(separator: "\n").first(where: { $0.hasPrefix(file) }),
              let field = line.split(separator: " ").first(where: { $0.hasPrefix("f1=") }) else { return 0 }
        return Double(field.dropFirst(3)) ?? 0
    }

    /// eval/advice-fr.tsv was written and committed before any advice rule existed. No
    /// `--language`: the file's texts taken together tell it, for those too short to tell alone.
    @Test func meetsItsBarOnTheFrenchSet() async throws {
        let file = EvalTests.root + "/eval/advice-fr.tsv"
        let run = try await ForumLensCommand.run(["eval", "advice", file])
        #expect(run.exitCode == 0, "\(run.stderrText)")
        #expect(Self.f1(run.stdoutText, file) >= 0.80, "\(run.stdoutText)")
    }

    @Test(.enabled(if: semEvalPresent, "../shared/data/advice-dev is absent"))
    func meetsItsBarOnSemEvalTrialSets() async throws {
        let files = ["A", "B"].map { Self.semEval + "/semeval2019t9_\($0)_trial.tsv" }
        let run = try await ForumLensCommand.run(["eval", "advice"] + files)
        #expect(run.exitCode == 0, "\(run.stderrText)")
        for file in files { #expect(Self.f1(run.stdoutText, file) >= 0.75, "\(run.stdoutText)") }
    }

    static func summary(_ arguments: [String]) async throws -> [[String: Any]] {
        let run = try await ForumLensCommand.run(["analyze"] + arguments + ["--analyzers", "advice", "--format", "json", "--out", "-"])
        #expect(run.exitCode == 0, "\(run.stderrText)")
        let report = try RawJSON.object(run.stdout)
        return (report["discussions"] as? [[String: Any]] ?? []).compactMap { ($0["summary"] as? [String: Any])?["advice"] as? [String: Any] }
    }

    /// The founding thread's advice: every theme of the issue, ranked, with its authors and
    /// quotes from the messages that gave it.
    @Test func theFoundingThreadYieldsItsThemes() async throws {
        let summary = try #require(try await Self.summary(MergeTests.pages.map(Corpus.path)).first)
        let themes = try #require(summary["themes"] as? [[String: Any]])
        let keys = themes.compactMap { $0["key"] as? String }
        for theme in ["priorities", "network-purpose", "in-person", "clear-goals", "proactivity", "help-first", "skills", "image", "recommendations", "content"] {
            #expect(keys.contains(theme), "\(theme) missing from \(keys)")
        }
        let counts = themes.compactMap { $0["count"] as? Double }
        #expect(counts == counts.sorted(by: >), "ranked: \(counts)")
        let byKey = Dictionary(uniqueKeysWithValues: themes.map { ($0["key"] as! String, $0) })
        #expect((byKey["skills"]?["authors"] as? [String])?.contains("Fred_Consultant") == true)
        let quotes = (byKey["priorities"]?["quotes"] as? [[String: Any]] ?? []).compactMap { $0["text"] as? String }
        #expect(quotes.contains("Mon conseil : se fixer des priorités."), "\(quotes)")
        let help = (byKey["help-first"]?["quotes"] as? [[String: Any]] ?? []).compactMap { $0["author"] as? String }
        #expect(help.allSatisfy { $0 == "Cécile.M" } && !help.isEmpty)
    }

    /// With no theme in the taxonomy, on the founding thread and on an English thread of another
    /// topic: each discovered theme groups at least two items that hold its key, and its label is
    /// no advice word and no function word.
    @Test(arguments: [MergeTests.pages, ["en/invision-career-change.html"]])
    func discoversThemesWithoutATaxonomy(pages: [String]) async throws {
        let scratch = try ScratchDirectory()
        let empty = try scratch.file("none.yml", "id: none\nthemes: {}\n")
        let summary = try #require(try await Self.summary(pages.map(Corpus.path) + ["--taxonomy", empty]).first)
        #expect(summary["themes"] == nil)
        let discovered = try #require(summary["discovered themes"] as? [[String: Any]])
        #expect(!discovered.isEmpty)
        let forbidden: Set<String> = ["faut", "conseil", "should", "try", "le", "la", "the", "you", "pour", "with", "pendant", "deux", "tell"]
        for theme in discovered {
            let label = try #require(theme["label"] as? String)
            let quotes = (theme["quotes"] as? [[String: Any]] ?? []).compactMap { $0["text"] as? String }
            #expect((theme["count"] as? Double ?? 0) >= 2 && quotes.count >= 2, "\(theme)")
            #expect(!label.split(separator: " ").contains { forbidden.contains($0.lowercased()) }, "\(label)")
            // Each quote holds the label's first word in some form (« profil », « profils »).
            let stem = String(label.split(separator: " ")[0].prefix(4)).lowercased()
            #expect(quotes.allSatisfy { $0.lowercased().contains(stem) }, "\(label): \(quotes)")
        }
    }

    @Test func aTaxonomyFileReplacesTheDefaultAndAWrongOneIsAUsageError() async throws {
        let scratch = try ScratchDirectory()
        let printed = try await ForumLensCommand.run(["analyzers", "taxonomy"])
        #expect(printed.exitCode == 0 && printed.stdoutText.contains("  priorities:"), "\(printed.stdoutText)")
        let mine = try scratch.file("mine.yml", """
            id: mine
            themes:
              profiles:
                label: Profils
                fr: [profil, photo]
            """)
        let summary = try #require(try await Self.summary(MergeTests.pages.map(Corpus.path) + ["--taxonomy", mine]).first)
        #expect((summary["themes"] as? [[String: Any]])?.compactMap { $0["key"] as? String } == ["profiles"])
        let wrong = try scratch.file("wrong.yml", "id: x\nthemes:\n  a:\n    labl: A\n")
        let refused = try await ForumLensCommand.run(["analyze", Corpus.path(MergeTests.pages[0]), "--taxonomy", wrong])
        #expect(refused.exitCode == 2 && refused.stderrText.contains("wrong.yml:4:"), "\(refused.stderrText)")
    }
}
