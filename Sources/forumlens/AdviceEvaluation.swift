import Foundation
import ForumLensAnalysis
import ForumLensCore

/// `forumlens eval advice FILE.tsv`: advice sentences found against a labeled set (precision,
/// recall and F1 of the advice class), and their themes where the set gives them. Reads the
/// project's sets (`id, advice, themes, kind, text`, advice true/false) and SemEval-2019 Task 9's
/// (`id, text, label`, label 1/0).
enum AdviceEvaluation {
    struct Row {
        var id: String, advice: Bool, themes: [String]?, kind: String, text: String
    }

    static func run(_ path: String, language given: String?, pipeline: AnalyzerPipeline, jobs: Int, showErrors: Bool) throws {
        let rows = try read(path)
        let language = given ?? ForumLens.Eval.language(of: rows.map(\.text))
        let discussion = Discussion(
            id: "eval", language: language, messages: rows.enumerated().map { Message(id: $1.id, position: $0 + 1, text: $1.text) })
        let analysis = pipeline.analyze(discussion, jobs: jobs, summarizing: false)
        let found = analysis.results.map { results in results.first { $0.id == "advice" }?.value ?? .null }
        let said = found.map { result -> Bool in
            if case let .number(count)? = result["count"] { return count > 0 }
            return false
        }
        let themes = found.map { result -> [String] in
            guard case let .array(items)? = result["themes"] else { return [] }
            return items.compactMap { if case let .string(id) = $0 { id } else { nil } }
        }
        let tp = rows.indices.filter { rows[$0].advice && said[$0] }.count
        let fp = rows.indices.filter { !rows[$0].advice && said[$0] }.count
        let fn = rows.indices.filter { rows[$0].advice && !said[$0] }.count
        let precision = tp + fp > 0 ? Double(tp) / Double(tp + fp) : 0, recall = tp + fn > 0 ? Double(tp) / Double(tp + fn) : 0
        let f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
        var line = String(format: "%@ n=%d advice=%d precision=%.4f recall=%.4f f1=%.4f", path, rows.count, rows.filter(\.advice).count, precision, recall, f1)
        // Themes, over the advice found whose row gives them: right when the first theme found is
        // one of the row's, or when both say none.
        let themed = rows.indices.filter { rows[$0].advice && rows[$0].themes != nil && said[$0] }
        if !themed.isEmpty {
            let right = themed.filter { rightThemes(rows[$0].themes!, themes[$0]) }.count
            line += String(format: " theme_accuracy=%.4f (%d of %d)", Double(right) / Double(themed.count), right, themed.count)
        }
        print(line)
        var errorsByKind: [String: Int] = [:]
        for index in rows.indices {
            let row = rows[index]
            let wrongThemes = row.advice && said[index] && row.themes.map { !rightThemes($0, themes[index]) } == true
            guard row.advice != said[index] || wrongThemes else { continue }
            let what = row.advice != said[index] ? (said[index] ? "false alarm" : "missed") : "themes"
            errorsByKind["\(what) (\(row.kind.isEmpty ? "-" : row.kind))", default: 0] += 1
            if showErrors {
                let expected = row.advice ? "advice [\((row.themes ?? []).joined(separator: ";"))]" : "none"
                let got = said[index] ? "advice [\(themes[index].joined(separator: ";"))]" : "none"
                print("  \(row.id) [\(row.kind)] expected \(expected), found \(got): \(row.text)")
            }
        }
        print("errors: " + errorsByKind.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
    }

    static func rightThemes(_ expected: [String], _ found: [String]) -> Bool {
        expected.isEmpty ? found.isEmpty : found.first.map(expected.contains) ?? false
    }

    static func read(_ path: String) throws -> [Row] {
        let text = String(decoding: try ForumLens.Eval.labeledFile(path), as: UTF8.self)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true).map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
        guard !lines.isEmpty else { throw PluginError("\(path): empty") }
        let header = lines.removeFirst().split(separator: "\t", omittingEmptySubsequences: false).map { $0.lowercased() }
        let id = header.firstIndex(of: "id"), textColumn = header.firstIndex(of: "text")
        let label = header.firstIndex(of: "advice") ?? header.firstIndex(of: "label")
        guard let id, let textColumn, let label else {
            throw PluginError("\(path):1: the header names id, text, and advice (true/false) or label (1/0)")
        }
        let themes = header.firstIndex(of: "themes"), kind = header.firstIndex(of: "kind")
        return try lines.enumerated().map { number, line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == header.count, ["true", "false", "1", "0"].contains(fields[label]) else {
                throw PluginError("\(path):\(number + 2): expected \(header.count) tab-separated fields with advice true/false or label 1/0")
            }
            return Row(
                id: fields[id], advice: ["true", "1"].contains(fields[label]),
                themes: themes.map { fields[$0].split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) } },
                kind: kind.map { fields[$0] } ?? "", text: fields[textColumn])
        }
    }
}
