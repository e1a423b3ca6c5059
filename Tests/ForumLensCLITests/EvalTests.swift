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

    /// The founding thread: Eogez's two hours a day and "chronophage", and the discussion's
    /// summary counting it.
    @Test func theFoundingThreadYieldsItsTimeCostComplaint() async throws {
        let run = try await ForumLensCommand.run(["analyze", Corpus.path("fr/phpbb3-reseaux-p1.html"), "--format", "json", "--out", "-"])
        #expect(run.exitCode == 0, "\(run.stderrText)")
        let report = try RawJSON.object(run.stdout)
        let discussion = try #require((report["discussions"] as? [[String: Any]])?.first)
        let messages = try #require(discussion["messages"] as? [[String: Any]])
        let first = try #require((messages[0]["results"] as? [String: Any])?["time-cost"] as? [String: Any])
        #expect(first["complaint"] as? Bool == true && first["duration"] as? String == "PT2H" && first["per"] as? String == "P1D", "\(first)")
        let summary = try #require((discussion["summary"] as? [String: Any])?["time-cost"] as? [String: Any])
        #expect((summary["complaints"] as? Double ?? 0) >= 1, "\(summary)")
        #expect((summary["most sure"] as? [String: Any])?["message"] as? String == messages[0]["id"] as? String)
    }
}
