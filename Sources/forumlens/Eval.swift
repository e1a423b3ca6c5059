import ArgumentParser
import Foundation
import ForumLensAnalysis
import ForumLensCore
import ForumLensIngest
import ForumLensText

extension ForumLens {
    /// `forumlens eval sentiment FILE.tsv`: an analyzer's scores against human ratings.
    struct Eval: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "eval",
            abstract: "Score an analyzer against a labeled TSV file.",
            discussion: """
                sentiment: UTF-8, tab-separated, a header row, then `id, text, score` (a human mean on -4…4) or \
                `id, text, label` (negative, neutral, positive). Prints, per file, the metrics of \
                ../shared/eval/sentiment_metrics.py: Pearson r and Spearman ρ (numeric gold), 3-class accuracy \
                and macro-F1, binary accuracy and macro-F1 (also for another analyzer whose results have a `score`).

                time-cost: a header naming id, language, complaint (true/false), duration and per (ISO 8601, empty \
                when none), text, and optionally kind and target. Prints precision, recall and F1 of the complaints, \
                the share of quantified complaints found with the exact quantity and of those with a target found \
                with it (one containing the other, case aside), per language, and the errors by kind.

                Example:
                  forumlens eval sentiment ../shared/data/sentiment-dev/deft2017_tweets_val.tsv --language fr
                  forumlens eval time-cost eval/time-cost.tsv
                """)

        @Argument(help: "The analyzer's id.")
        var analyzer: String

        @Argument(help: "Labeled TSV files.")
        var files: [String]

        @Option(name: .long, help: "The language of texts whose own words do not tell (ISO 639-1). Default: that of the file's texts taken together, else en.")
        var language: String?

        @Option(name: .long, help: ArgumentHelp("Also write `id<TAB>score` lines to this file (for sentiment_metrics.py).", valueName: "file"))
        var predictions: String?

        @Option(name: .long, help: "Gold ratings within ±this are neutral.")
        var goldBand = 0.5

        @Option(name: .long, help: "Predictions within ±this are neutral.")
        var threshold = 0.05

        @Option(name: .long, help: "Texts analyzed at once.")
        var jobs = ProcessInfo.processInfo.activeProcessorCount

        @Flag(name: .long, help: "Print on stderr how long the analysis took (the texts only, not reading the file).")
        var timing = false

        @Flag(name: .long, help: "time-cost, advice: list each wrong item (id, kind, expected, found, text).")
        var errors = false

        func run() throws {
            let pipeline: AnalyzerPipeline
            do {
                pipeline = try AnalyzerPipeline(Analyzers.withRequirements([try Analyzers.resolve(analyzer)]))
            } catch let error as AnalyzerPipeline.SetupError {
                throw PluginError(error.description)
            }
            var written = ""
            for file in files {
                if analyzer == "time-cost" {
                    try TimeCostEvaluation.run(file, pipeline: pipeline, jobs: jobs, showErrors: errors)
                    continue
                }
                if analyzer == "advice" {
                    try AdviceEvaluation.run(file, language: language?.lowercased(), pipeline: pipeline, jobs: jobs, showErrors: errors)
                    continue
                }
                let rows = try Self.read(file)
                let language = language?.lowercased() ?? Self.language(of: rows.map(\.text))
                // All texts as one discussion: the pipeline runs them on `jobs` threads.
                let discussion = Discussion(
                    id: "eval", language: language,
                    messages: rows.enumerated().map { Message(id: $1.id, position: $0 + 1, text: $1.text) })
                // The first text alone first: it loads what the analyzer loads once (lexicons).
                let startUp = Self.seconds { _ = pipeline.analyze(Discussion(id: "warm-up", language: language, messages: Array(discussion.messages.prefix(1))), summarizing: false) }
                var analysis: DiscussionAnalysis?
                let seconds = Self.seconds { analysis = pipeline.analyze(discussion, jobs: jobs, summarizing: false) }
                if timing {
                    FileHandle.standardError.write(Data(String(
                        format: "%@: start-up %.1f ms, then %d texts in %.4f s: %.0f texts/s (%d jobs)\n",
                        file, startUp * 1000, rows.count, seconds, Double(rows.count) / seconds, jobs).utf8))
                }
                let id = analyzer   // read once: each read of an argument goes through its wrapper
                let scores = analysis!.results.map { results -> Double in
                    guard case let .number(score)? = results.first(where: { $0.id == id })?.value["score"] else { return 0 }
                    return score
                }
                let evaluation = SentimentEvaluation(gold: rows.map(\.gold), predicted: scores, goldBand: goldBand, threshold: threshold)
                print("\(file) \(evaluation.summary)")
                if predictions != nil {
                    for (row, score) in zip(rows, scores) { written += "\(row.id)\t\(score)\n" }
                }
            }
            if let predictions { try written.write(toFile: predictions, atomically: true, encoding: .utf8) }
        }

        /// The language of a file's texts taken together, for the texts too short to tell on
        /// their own; English when even together they do not tell.
        static func language(of texts: [String]) -> String {
            let guess = LanguageGuess.guess(texts: texts)
            return guess.confidence >= LanguageGuess.minimumConfidence ? guess.code : "en"
        }

        static func seconds(_ work: () -> Void) -> Double {
            let elapsed = ContinuousClock().measure(work)
            return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        }

        /// A labeled file's bytes, UTF-8; one that cannot be read is an error saying why (missing,
        /// a directory, not UTF-8).
        static func labeledFile(_ path: String) throws -> [UInt8] {
            let bytes: [UInt8]
            do { bytes = try PageBytes.read(path: path, maxBytes: Int.max) } catch { throw PluginError("\(path): \(error.message)") }
            guard String(validating: bytes, as: UTF8.self) != nil else { throw PluginError("\(path): not UTF-8 text") }
            return bytes
        }

        /// The rows of a labeled TSV; a line that cannot be read is an error naming it. Read as
        /// bytes: Strings only for the ids and texts.
        static func read(_ path: String) throws -> [(id: String, text: String, gold: SentimentEvaluation.Gold)] {
            let bytes = try labeledFile(path)
            var lines: [ArraySlice<UInt8>] = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map {
                $0.last == UInt8(ascii: "\r") ? $0.dropLast() : $0
            }
            guard lines.contains(where: { !$0.isEmpty }) else { throw PluginError("\(path): empty") }
            let header = lines.removeFirst().split(separator: UInt8(ascii: "\t")).map { String(decoding: $0, as: UTF8.self).lowercased() }
            guard header.count >= 3, ["score", "label"].contains(header.last!) else {
                throw PluginError("\(path):1: the header names id, text, then score or label (got: \(header.joined(separator: ", ")))")
            }
            let numeric = header.last == "score"
            let labels = ["negative": "negative", "neg": "negative", "neutral": "neutral", "neu": "neutral", "positive": "positive", "pos": "positive"]
            var rows: [(String, String, SentimentEvaluation.Gold)] = []
            rows.reserveCapacity(lines.count)
            for (number, line) in lines.enumerated() where !line.isEmpty {
                guard let firstTab = line.firstIndex(of: UInt8(ascii: "\t")), let lastTab = line.lastIndex(of: UInt8(ascii: "\t")), firstTab < lastTab else {
                    throw PluginError("\(path):\(number + 2): expected id, text and a \(numeric ? "number" : "label") separated by tabs")
                }
                // Spaces trimmed on the bytes, before the String is made.
                var cell = line[(lastTab + 1)...]
                while cell.first == UInt8(ascii: " ") { cell.removeFirst() }
                while cell.last == UInt8(ascii: " ") { cell.removeLast() }
                let value = String(decoding: cell, as: UTF8.self)
                let gold: SentimentEvaluation.Gold?
                if numeric { gold = Double(value).map { .score($0) } } else { gold = labels[value.lowercased()].map { .label($0) } }
                guard let gold else {
                    throw PluginError("\(path):\(number + 2): expected \(numeric ? "a number" : "a label (negative, neutral, positive)"), got '\(value)'")
                }
                rows.append((String(decoding: line[..<firstTab], as: UTF8.self), String(decoding: line[(firstTab + 1) ..< lastTab], as: UTF8.self), gold))
            }
            return rows
        }
    }
}
