import Foundation
import ForumLensAnalysis
import ForumLensCore
import ForumLensIngest
import ForumLensText

@inline(never) func blackHole(_ value: Int) { if value == -12345 { print(value) } }

/// The page the profiles are tried on: the main package's profile example.
let profilePage: [UInt8] = {
    let here = URL(fileURLWithPath: #filePath)
    let file = here.deletingLastPathComponent().appendingPathComponent("../../../corpora/profiles/bulletin-du-lac.html").path
    if let data = FileManager.default.contents(atPath: file) { return Array(data) }
    return Array("""
        <html><body><div class="bl-msg" data-num="1"><div class="bl-entete"><span class="bl-qui">Ana</span>
        <span class="bl-quand">12/03/2021 10:00</span></div><div class="bl-corps">Bonjour à tous</div></div>
        <div class="bl-msg" data-num="2"><div class="bl-entete"><span class="bl-qui">Bob</span>
        <span class="bl-quand">12/03/2021 11:00</span></div><div class="bl-corps">Salut Ana</div></div></body></html>
        """.utf8)
}()

let samples = [
    "Je suis sur LinkedIn et Viadeo, pas sur Facebook. #emploi @recruteur_12",
    "I don't use Linked In anymore; try Welcome to the Jungle or indeed.com #jobs",
]

/// Process-plugin manifests are read from a path only: the input is written here (once per
/// input that names a `command`; the same name for the whole run).
let manifestPath = "/dev/shm/forumlens-fuzz-rules-\(getpid()).yml"

/// One input: a rule file's text, read as a rule plugin, a site profile and (when it names a
/// `command`) a plugin file. What loads is used: the rule plugin on two messages and its
/// examples, the profile on its example page. A process plugin is only loaded, never run.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let buffer = UnsafeBufferPointer(start: data, count: size)
    let text = String(decoding: buffer, as: UTF8.self)
    var total = 0
    if let analyzer = try? RuleAnalyzer.parse(text, path: "fuzz.yml") {
        for (index, sample) in samples.enumerated() {
            let message = Message(id: "m\(index)", position: index + 1, text: sample)
            let result = analyzer.analyze(AnalyzerInput(message: message, text: TextLayer(sample), language: "en"))
            total &+= analyzer.tally(result, of: message).entries.count
        }
        if let pipeline = try? AnalyzerPipeline([analyzer]) { total &+= pipeline.failingExamples().count }
    }
    if let profile = try? SiteProfile.parse(text, path: "fuzz.yml") {
        var options = IngestOptions()
        options.extractor = ExtractorChoice(profiles: [profile])
        options.keptAttributes = KeptAttributes.standard.adding(profile.attributeNames)
        let read = InputReader.read(profilePage, as: InputItem(path: "bulletin-du-lac.html", kind: .page), options: options)
        total &+= read.discussions.reduce(0) { $0 &+ $1.messages.count }
    }
    if size < 1 << 16, text.contains("command") {
        let written = buffer.withMemoryRebound(to: UInt8.self) { FileManager.default.createFile(atPath: manifestPath, contents: Data($0)) }
        if written, let plugin = try? PluginFile.load(manifestPath) {
            // Never `analyze`: a process plugin would run the input's command.
            total &+= plugin.descriptor.examples.count &+ plugin.descriptor.produces.count
        }
    }
    blackHole(total)
    return 0
}
