import Foundation
import ForumLensAnalysis
import ForumLensCore

/// `forumlens eval time-cost FILE.tsv`: complaints found against a labeled set (precision,
/// recall, F1), the quantities of the quantified ones (exact `duration` and `per`), and the
/// targets of those that name one (matched when one contains the other, case aside).
enum TimeCostEvaluation {
    struct Row {
        var id: String, language: String, complaint: Bool, duration: String?, per: String?, target: String?, kind: String, text: String
    }

    static func run(_ path: String, pipeline: AnalyzerPipeline, jobs: Int, showErrors: Bool) throws {
        let rows = try read(path)
        let discussion = Discussion(
            id: "eval", messages: rows.enumerated().map { Message(id: $1.id, position: $0 + 1, language: $1.language, text: $1.text) })
        let analysis = pipeline.analyze(discussion, jobs: jobs, summarizing: false)
        let found = analysis.results.map { results in results.first { $0.id == "time-cost" }?.value ?? .null }
        var lines: [String] = []
        for language in [nil] + Array(Set(rows.map(\.language))).sorted() {
            let chosen = rows.indices.filter { language == nil || rows[$0].language == language }
            let tp = chosen.filter { rows[$0].complaint && found[$0]["complaint"] == true }.count
            let fp = chosen.filter { !rows[$0].complaint && found[$0]["complaint"] == true }.count
            let fn = chosen.filter { rows[$0].complaint && found[$0]["complaint"] != true }.count
            let quantified = chosen.filter { rows[$0].complaint && rows[$0].duration != nil && found[$0]["complaint"] == true }
            let exact = quantified.filter { exactQuantity(rows[$0], found[$0]) }.count
            let targeted = chosen.filter { rows[$0].complaint && rows[$0].target != nil && found[$0]["complaint"] == true }
            let matched = targeted.filter { sameTarget(rows[$0], found[$0]) }.count
            let precision = tp + fp > 0 ? Double(tp) / Double(tp + fp) : 0, recall = tp + fn > 0 ? Double(tp) / Double(tp + fn) : 0
            let f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
            lines.append(String(
                format: "%@ %@ n=%d complaints=%d precision=%.4f recall=%.4f f1=%.4f quantity_exact=%.4f (%d of %d) target=%.4f (%d of %d)",
                path, language ?? "all", chosen.count, chosen.filter { rows[$0].complaint }.count, precision, recall, f1,
                quantified.isEmpty ? 0 : Double(exact) / Double(quantified.count), exact, quantified.count,
                targeted.isEmpty ? 0 : Double(matched) / Double(targeted.count), matched, targeted.count))
        }
        lines.forEach { print($0) }
        var errorsByKind: [String: Int] = [:]
        for index in rows.indices {
            let said = found[index]["complaint"] == true
            let wrongQuantity = said && rows[index].complaint && rows[index].duration != nil && !exactQuantity(rows[index], found[index])
            let wrongTarget = said && rows[index].complaint && rows[index].target != nil && !sameTarget(rows[index], found[index])
            guard said != rows[index].complaint || wrongQuantity || wrongTarget else { continue }
            let what = said != rows[index].complaint ? (said ? "false alarm" : "missed") : wrongQuantity ? "quantity" : "target"
            errorsByKind["\(what) (\(rows[index].kind))", default: 0] += 1
            if showErrors {
                let row = rows[index]
                let expected = row.complaint ? "complaint \(row.duration ?? "-") per \(row.per ?? "-") on \(row.target ?? "-")" : "none"
                let got = said
                    ? "complaint \(string(found[index]["duration"]) ?? "-") per \(string(found[index]["per"]) ?? "-") on \(string(found[index]["target"]) ?? "-")"
                    : "none"
                print("  \(rows[index].id) [\(rows[index].kind)] expected \(expected), found \(got): \(rows[index].text)")
            }
        }
        print("errors: " + errorsByKind.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
    }

    static func string(_ value: JSONValue?) -> String? {
        if case let .string(text)? = value { return text }
        return nil
    }

    static func exactQuantity(_ row: Row, _ found: JSONValue) -> Bool {
        string(found["duration"]) == row.duration && string(found["per"]) == row.per
    }

    /// « les réseaux sociaux » matches « réseaux sociaux » and « Les réseaux sociaux pro ».
    static func sameTarget(_ row: Row, _ found: JSONValue) -> Bool {
        guard let expected = row.target?.lowercased(), let target = string(found["target"])?.lowercased() else { return false }
        return expected.contains(target) || target.contains(expected)
    }

    static func read(_ path: String) throws -> [Row] {
        let text = String(decoding: try ForumLens.Eval.labeledFile(path), as: UTF8.self)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true)
        guard !lines.isEmpty else { throw PluginError("\(path): empty") }
        let header = lines.removeFirst().split(separator: "\t", omittingEmptySubsequences: false).map { $0.lowercased() }
        func column(_ name: String) throws -> Int {
            guard let index = header.firstIndex(of: name) else { throw PluginError("\(path):1: the header has no '\(name)' column") }
            return index
        }
        let id = try column("id"), language = try column("language"), complaint = try column("complaint")
        let duration = try column("duration"), per = try column("per"), textColumn = try column("text")
        let kind = header.firstIndex(of: "kind"), target = header.firstIndex(of: "target")
        return try lines.enumerated().map { number, line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == header.count, ["true", "false"].contains(fields[complaint]) else {
                throw PluginError("\(path):\(number + 2): expected \(header.count) tab-separated fields with complaint true or false")
            }
            return Row(
                id: fields[id], language: fields[language], complaint: fields[complaint] == "true",
                duration: fields[duration].isEmpty ? nil : fields[duration], per: fields[per].isEmpty ? nil : fields[per],
                target: target.flatMap { fields[$0].isEmpty ? nil : fields[$0] },
                kind: kind.map { fields[$0] } ?? "", text: fields[textColumn])
        }
    }
}
