import Foundation
import ForumLensTestSupport
import Testing

/// `forumlens eval`: sentiment metrics as sentiment_metrics.py computes them, and the time-cost
/// analyzer against its committed evaluation set.
@Suite struct EvalTests {
    static let root = URL(fileURLWithPath: Corpus.root).deletingLastPathComponent().path

    /// Four hand-made items whose metrics are known: two right, one wrong sign, one neutral.
    @Test func sentimentMetricsOnASmallFile() async throws {
        let scratch = try ScratchDirectory()
        let file = try scratch.file("small.tsv", """
            id\ttext\tlabel
            a\tC'est génial, merci !\tpositive
            b\tC'est nul et chronophage.\tnegative
            c\tJe suis inscrit sur Viadeo depuis 2009.\tneutral
            d\tQuelle réussite, bravo.\tnegative

            """)
        let run = try await ForumLensCommand.run(["eval", "sentiment", file, "--language", "fr", "--predictions", scratch.url("p.tsv")])
        #expect(run.exitCode == 0, "\(run.stderrText)")
        // 3 of 4 right in 3 classes; binary: 2 of 3 polar items right.
        #expect(run.stdoutText.contains("n=4 missing=0 n_gold_neutral=1 acc3=0.7500"), "\(run.stdoutText)")
        #expect(run.stdoutText.contains("acc2=0.6667"), "\(run.stdoutText)")
        let predictions = try String(contentsOfFile: scratch.url("p.tsv"), encoding: .utf8).split(separator: "\n")
        #expect(predictions.map { $0.split(separator: "\t")[0] } == ["a", "b", "c", "d"])
        let bad = try scratch.file("bad.tsv", "id\ttext\tscore\nx\tbonjour\tbeaucoup\n")
        let refused = try await ForumLensCommand.run(["eval", "sentiment", bad])
        #expect(refused.exitCode == 2 && refused.stderrText.contains("bad.tsv:2:"), "\(refused.stderrText)")
    }

    /// A file that cannot be read says why, for each kind of labeled file.
    @Test(arguments: ["sentiment", "time-cost", "advice"]) func unreadableFilesSayWhy(analyzer: String) async throws {
        let scratch = try ScratchDirectory()
        let missing = try await ForumLensCommand.run(["eval", analyzer, scratch.url("absent.tsv")])
        #expect(missing.exitCode != 0 && missing.stderrText.contains("absent.tsv: no such file or directory"), "\(missing.stderrText)")
        let latin1 = try scratch.file("latin1.tsv", Array("id\ttext\tlabel\na\tcaf".utf8) + [0xE9] + Array("\tpositive\n".utf8))
        let refused = try await ForumLensCommand.run(["eval", analyzer, latin1])
        #expect(refused.exitCode != 0 && refused.stderrText.contains("latin1.tsv: not UTF-8 text"), "\(refused.stderrText)")
        let empty = try await ForumLensCommand.run(["eval", analyzer, try scratch.file("empty.tsv", "\n")])
        #expect(empty.exitCode != 0 && empty.stderrText.contains("empty.tsv: empty"), "\(empty.stderrText)")
    }

    /// The bar on eval/time-cost.tsv (written and committed before the rules were tuned).
    @Test func timeCostMeetsItsBarOnTheEvaluationSet() async throws {
        let run = try await ForumLensCommand.run(["eval", "time-cost", Self.root + "/eval/time-cost.tsv"])
        #expect(run.exitCode == 0, "\(run.stderrText)")
        let all = try #require(run.stdoutText.split(separator: "\n").first { $0.contains(" all ") }, "\(run.stdoutText)")
        func value(_ name: String) -> Double {
            Double(all.split(separator: " ").first { $0.hasPrefix(name + "=") }?.dropFirst(name.count + 1) ?? "") ?? 0
        }
        #expect(value("precision") >= 0.90 && value("recall") >= 0.85 && value("quantity_exact") >= 0.95, "\(all)")
    }

    /// The founding thread: Eogez's two hours a day on profiles, invitations and notifications,
    /// « chronophage »; Lulu's eight months on online applications for nothing; and the
    /// discussion's summary naming them (share, time cited, targets, quotes).
    @Test func theFoundingThreadYieldsItsTimeCostComplaints() async throws {
        let run = try await ForumLensCommand.run([
            "analyze", Corpus.path("fr/phpbb3-reseaux-p1.html"), Corpus.path("fr/phpbb3-reseaux-p2.html"), "--format", "json", "--out", "-",
        ])
        #expect(run.exitCode == 0, "\(run.stderrText)")
        let report = try RawJSON.object(run.stdout)
        let discussion = try #require((report["discussions"] as? [[String: Any]])?.first)
        let messages = try #require(discussion["messages"] as? [[String: Any]])
        let complaints = messages.compactMap { message -> (id: String, result: [String: Any])? in
            guard let result = (message["results"] as? [String: Any])?["time-cost"] as? [String: Any], result["complaint"] as? Bool == true
            else { return nil }
            return (message["id"] as? String ?? "", result)
        }
        #expect(complaints.map(\.id) == ["p48211", "p48333"])
        let first = try #require(complaints.first?.result)
        #expect(first["duration"] as? String == "PT2H" && first["per"] as? String == "P1D", "\(first)")
        #expect((first["target"] as? String)?.hasPrefix("les profils à mettre à jour, les invitations à accepter") == true, "\(first)")
        #expect((complaints.last?.result["target"] as? String)?.contains("candidatures en ligne") == true)

        let summary = try #require((discussion["summary"] as? [String: Any])?["time-cost"] as? [String: Any])
        #expect(summary["complaints"] as? Double == 2 && summary["share complaining"] as? Double == 0.1176, "\(summary)")
        // The two mentions of Eogez's message share their two hours a day: counted once.
        let perDay = try #require(summary["seconds cited per day"] as? [String: Any])
        #expect(perDay["count"] as? Double == 1 && perDay["median"] as? Double == 7200, "\(perDay)")
        #expect(summary.keys.contains { $0.hasPrefix("target: les profils à mettre à jour") }, "\(summary.keys)")
        let quotes = try #require(summary["quotes"] as? [[String: Any]])
        #expect(quotes.map { $0["message"] as? String } == ["p48211", "p48333"])
        #expect((quotes.first?["text"] as? String)?.hasSuffix("j'y passe facilement 2 heures par jour.") == true)
    }
}
