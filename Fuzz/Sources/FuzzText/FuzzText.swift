import Foundation
import ForumLensAnalysis
import ForumLensCore
import ForumLensText

// The built-in analyzers (sentiment, advice, time-cost) live in the ForumLensPlugins module,
// which the main package does not export as a library product: they cannot be reached from
// here. The pipeline runs with the example rule plugin instead (Plugins/Examples/networks.yml).

/// The example rule plugin, read from the main package (a copy here if that file moved).
let pipeline: AnalyzerPipeline = {
    let here = URL(fileURLWithPath: #filePath)
    let file = here.deletingLastPathComponent().appendingPathComponent("../../../Plugins/Examples/networks.yml").path
    let text = (try? String(contentsOfFile: file, encoding: .utf8)) ?? """
        id: networks
        languages: [fr, en]
        terms: {linkedin: [linkedin, linked in], welcome-to-the-jungle: [welcome to the jungle]}
        patterns: {hashtag: "(?<![\\\\w#])#[\\\\p{L}0-9_]{2,}"}
        """
    do {
        return try AnalyzerPipeline([RuleAnalyzer.parse(text, path: file)])
    } catch {
        fatalError("fuzz-text: the example rule plugin does not load: \(error)")
    }
}()

@inline(never) func blackHole(_ value: Int) { if value == -12345 { print(value) } }

/// One input: a message's text (UTF-8, invalid sequences repaired). Record separators (0x1E)
/// split it into up to 8 messages of one discussion for the pipeline.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let layer = TextLayer(text)
    var total = layer.text.scalars.count &+ layer.negated.filter { $0 }.count
    for index in layer.tokens.indices {
        let range = layer.originalRange(of: index)
        total &+= range.count
        if index < 64, layer.tokens[index].kind == .word {
            total &+= Stemmer.stem(layer.tokens[index].lowercased, language: "fr").utf8.count
            total &+= Stemmer.stem(layer.tokens[index].lowercased, language: "en").utf8.count
        }
    }
    for index in layer.sentences.indices {
        let sentence = layer.sentence(index)
        total &+= sentence.text.utf8.count &+ sentence.range.count
    }
    total &+= layer.language.resolved(fallback: "fr").utf8.count
    let parts = text.split(separator: "\u{1E}", maxSplits: 7, omittingEmptySubsequences: false)
    let messages = parts.enumerated().map { index, part in
        Message(id: "m\(index)", position: index + 1, author: index % 2 == 0 ? "a" : "b", text: String(part))
    }
    let analysis = pipeline.analyze(Discussion(id: "fuzz", language: nil, messages: messages), fallbackLanguage: "en")
    total &+= analysis.results.count
    blackHole(total)
    return 0
}
