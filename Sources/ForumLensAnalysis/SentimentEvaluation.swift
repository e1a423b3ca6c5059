/// Scores sentiment predictions (-1…1) against human ratings (a mean on -4…4) or labels, with
/// the metrics and rules of ../shared/eval/sentiment_metrics.py, so that the two agree:
/// Pearson r and Spearman ρ against numeric gold; 3 classes (gold beyond ±`goldBand`,
/// predictions beyond ±`threshold`) with accuracy and macro-F1; 2 classes on the items whose
/// gold is not neutral, predictions by sign (0 counts as positive).
public struct SentimentEvaluation: Sendable {
    public enum Gold: Sendable, Equatable {
        case score(Double)
        case label(String)
    }

    public var count = 0
    public var goldNeutral: Int?
    public var pearson: Double?
    public var spearman: Double?
    public var accuracy3: Double?
    public var macroF1_3: Double?
    public var accuracy2 = Double.nan
    public var macroF1_2 = Double.nan
    /// Binary label sets only: accuracy counting predictions within ±threshold as wrong, and
    /// the share of predictions beyond it.
    public var strictAccuracy2: Double?
    public var coverage: Double?

    public init(gold: [Gold], predicted: [Double], goldBand: Double = 0.5, threshold: Double = 0.05) {
        precondition(gold.count == predicted.count)
        count = gold.count
        let scores = gold.compactMap { if case let .score(value) = $0 { value } else { nil } }
        let labels: [String]
        if scores.count == gold.count {
            pearson = Self.pearson(predicted, scores)
            spearman = Self.pearson(Self.ranks(predicted), Self.ranks(scores))
            labels = scores.map { $0 > goldBand ? "positive" : $0 < -goldBand ? "negative" : "neutral" }
        } else {
            labels = gold.map { if case let .label(label) = $0 { label } else { "neutral" } }
        }
        let polar = labels.indices.filter { labels[$0] != "neutral" }
        let classes3 = predicted.map { $0 >= threshold ? "positive" : $0 <= -threshold ? "negative" : "neutral" }
        if scores.count == gold.count || labels.contains("neutral") {
            (accuracy3, macroF1_3) = Self.classification(labels, classes3, ["negative", "neutral", "positive"])
            goldNeutral = labels.count - polar.count
        } else if !labels.isEmpty {
            strictAccuracy2 = Double(zip(labels, classes3).filter { $0 == $1 }.count) / Double(labels.count)
            coverage = Double(classes3.filter { $0 != "neutral" }.count) / Double(labels.count)
        }
        (accuracy2, macroF1_2) = Self.classification(
            polar.map { labels[$0] }, polar.map { predicted[$0] < 0 ? "negative" : "positive" }, ["negative", "positive"])
    }

    /// One line, `key=value` as the Python script prints them.
    public var summary: String {
        var parts = ["n=\(count)", "missing=0"]
        if let goldNeutral { parts.append("n_gold_neutral=\(goldNeutral)") }
        for (key, value) in [("pearson_r", pearson), ("spearman_rho", spearman), ("acc3", accuracy3), ("macro_f1_3", macroF1_3),
                             ("acc2", accuracy2), ("macro_f1_2", macroF1_2), ("acc2_strict", strictAccuracy2), ("coverage", coverage)] {
            if let value { parts.append("\(key)=\(Self.fixed(value))") }
        }
        return parts.joined(separator: " ")
    }

    static func fixed(_ value: Double) -> String {
        guard value.isFinite else { return "nan" }
        let scaled = (value * 10000).rounded()
        let sign = scaled < 0 ? "-" : ""
        let magnitude = Int(abs(scaled))
        let fraction = String(magnitude % 10000)
        return "\(sign)\(magnitude / 10000).\(String(repeating: "0", count: 4 - fraction.count))\(fraction)"
    }

    static func pearson(_ x: [Double], _ y: [Double]) -> Double {
        let n = Double(x.count)
        guard x.count >= 2 else { return .nan }
        let meanX = x.reduce(0, +) / n, meanY = y.reduce(0, +) / n
        var sxy = 0.0, sxx = 0.0, syy = 0.0
        for (a, b) in zip(x, y) {
            sxy += (a - meanX) * (b - meanY)
            sxx += (a - meanX) * (a - meanX)
            syy += (b - meanY) * (b - meanY)
        }
        return sxx > 0 && syy > 0 ? sxy / (sxx * syy).squareRoot() : .nan
    }

    /// Ranks from 1, ties sharing their mean rank.
    static func ranks(_ values: [Double]) -> [Double] {
        let order = values.indices.sorted { values[$0] < values[$1] }
        var ranks = [Double](repeating: 0, count: values.count)
        var start = 0
        while start < order.count {
            var end = start
            while end + 1 < order.count, values[order[end + 1]] == values[order[start]] { end += 1 }
            for position in start ... end { ranks[order[position]] = Double(start + end) / 2 + 1 }
            start = end + 1
        }
        return ranks
    }

    static func classification(_ gold: [String], _ predicted: [String], _ classes: [String]) -> (Double, Double) {
        guard !gold.isEmpty else { return (.nan, .nan) }
        // One pass over the pairs: per class, the right guesses, the gold and predicted counts.
        var truePositives = [Int](repeating: 0, count: classes.count), goldCounts = truePositives, predictedCounts = truePositives
        var correct = 0
        for (gold, predicted) in zip(gold, predicted) {
            if gold == predicted { correct += 1 }
            let goldClass = classes.firstIndex(of: gold), predictedClass = classes.firstIndex(of: predicted)
            if let goldClass { goldCounts[goldClass] += 1 }
            if let predictedClass { predictedCounts[predictedClass] += 1 }
            if let goldClass, goldClass == predictedClass { truePositives[goldClass] += 1 }
        }
        let f1s = classes.indices.map { index -> Double in
            let tp = Double(truePositives[index]), fp = Double(predictedCounts[index]) - tp, fn = Double(goldCounts[index]) - tp
            let precision = tp + fp > 0 ? tp / (tp + fp) : 0, recall = tp + fn > 0 ? tp / (tp + fn) : 0
            return precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
        }
        return (Double(correct) / Double(gold.count), f1s.reduce(0, +) / Double(f1s.count))
    }
}
