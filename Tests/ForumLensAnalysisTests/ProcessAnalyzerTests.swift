import ForumLensCore
import ForumLensRules
import ForumLensTestSupport
import Foundation
import Testing
@testable import ForumLensAnalysis

/// Process plugins that crash, hang or print garbage: an `error` result and one problem naming
/// the plugin and the message, and every other result complete.
@Suite(.serialized) struct ProcessAnalyzerTests {
    static let networks = RuleAnalyzerTests.examplePlugin
    static let questions = URL(fileURLWithPath: RuleAnalyzerTests.examplePlugin).deletingLastPathComponent()
        .appendingPathComponent("questions/questions.yml").path

    /// A plugin whose Python body handles each message (`n` counts them from 1).
    static func plugin(_ scratch: ScratchDirectory, _ name: String, timeout: Double = 2, body: String) throws -> ProcessAnalyzer {
        let script = """
            import json, sys, time
            n = 0
            for line in sys.stdin:
                n += 1
                message = json.loads(line)
            \(body.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n"))
                print(json.dumps({"n": n}), flush=True)
            """
        try scratch.file("\(name)/plugin.py", script)
        let manifest = try scratch.file("\(name)/\(name).yml", "id: \(name)\ncommand: [python3, plugin.py]\ntimeout: \(timeout)\nfields: [n]\n")
        return try ProcessAnalyzer.load(manifest: manifest)
    }

    static func discussion(_ count: Int) -> Discussion {
        Discussion(id: "d", language: "fr", messages: (1 ... count).map {
            Message(id: "m\($0)", position: $0, author: "A", text: "Message \($0) : je suis sur LinkedIn, et vous ?")
        })
    }

    /// Runs `plugin` beside the rule plugin on 15 messages: the rule plugin's results are all
    /// there whatever the process plugin does.
    static func run(_ plugin: ProcessAnalyzer) throws -> (DiscussionAnalysis, [String]) {
        let pipeline = try AnalyzerPipeline([try RuleAnalyzer.load(file: networks), plugin])
        let analysis = pipeline.analyze(discussion(15))
        #expect(analysis.results.allSatisfy { $0[0].value["count"] == 1 }, "the rule plugin's results are complete")
        return (analysis, pipeline.drainProblems())
    }

    @Test func aPluginAnswersEveryMessageThroughOneProcess() throws {
        let scratch = try ScratchDirectory()
        let (analysis, problems) = try Self.run(try Self.plugin(scratch, "fine", body: "pass"))
        #expect(problems.isEmpty)
        // One process for the run: it counted the messages one after the other.
        #expect(analysis.results.map { $0[1].value["n"] } == (1 ... 15).map { .number(Double($0)) })
        #expect(analysis.summary["fine"]?["n"] == Double((1 ... 15).reduce(0, +)))
    }

    @Test func aPluginThatCrashesAfterTenMessages() throws {
        let scratch = try ScratchDirectory()
        let (analysis, problems) = try Self.run(try Self.plugin(scratch, "crashing", body: "if n == 11:\n    sys.exit(3)"))
        #expect(analysis.results.prefix(10).allSatisfy { $0[1].value["n"] != nil })
        #expect(analysis.results.dropFirst(10).allSatisfy { $0[1].value["error"] != nil })
        #expect(problems.count == 1, "\(problems)")
        #expect(problems.first?.contains("plugin 'crashing' exited (status 3) after 10 messages (message m11)") == true, "\(problems)")
        #expect(analysis.summary["crashing"]?["errors"] == 5)
    }

    @Test func aPluginThatHangsIsStoppedAtItsTimeout() throws {
        let scratch = try ScratchDirectory()
        let started = Date()
        let (analysis, problems) = try Self.run(try Self.plugin(scratch, "hanging", timeout: 1, body: "if n == 3:\n    time.sleep(60)"))
        #expect(Date().timeIntervalSince(started) < 30 * TestSlowdown.factor, "the later messages do not wait again")
        #expect(analysis.results.prefix(2).allSatisfy { $0[1].value["n"] != nil })
        #expect(analysis.results.dropFirst(2).allSatisfy { $0[1].value["error"] != nil })
        #expect(problems == ["plugin 'hanging' gave no answer within 1 s and was stopped (message m3); its later messages get no result"])
    }

    @Test func aPluginThatPrintsWithoutEndIsStopped() throws {
        let scratch = try ScratchDirectory()
        let started = Date()
        let body = "if n == 2:\n    sys.stdout.write('x' * 3000000)\n    sys.stdout.flush()\n    time.sleep(60)"
        let (analysis, problems) = try Self.run(try Self.plugin(scratch, "endless", timeout: 30, body: body))
        #expect(Date().timeIntervalSince(started) < 20 * TestSlowdown.factor, "stopped at the limit, not at the timeout")
        #expect(analysis.results[0][1].value["n"] == 1 && analysis.results.dropFirst().allSatisfy { $0[1].value["error"] != nil })
        #expect(problems == ["plugin 'endless' printed more than 1048576 bytes without ending its answer line and was stopped (message m2); its later messages get no result"])
    }

    /// What a plugin started is stopped with it, and a plugin that closes its output but lingers
    /// does not keep the run waiting.
    @Test func aStoppedPluginTakesItsChildrenWithIt() throws {
        let scratch = try ScratchDirectory()
        let pidFile = scratch.url("child.pid")
        let body = """
            if n == 3:
                import subprocess
                child = subprocess.Popen(['sleep', '300'])
                open('\(pidFile)', 'w').write(str(child.pid))
                time.sleep(60)
            """
        let (_, problems) = try Self.run(try Self.plugin(scratch, "parent", timeout: 1, body: body))
        #expect(problems.first?.contains("gave no answer within 1 s") == true, "\(problems)")
        let pid = try #require(Int32(String(decoding: try scratch.read("child.pid"), as: UTF8.self)))
        // Gone, or a zombie waiting for init to reap it: not running (the signal takes a moment).
        func state() -> Substring? {
            (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8))?.split(separator: ")").last?.split(separator: " ").first
        }
        let deadline = Date().addingTimeInterval(5)
        while let running = state(), running != "Z", Date() < deadline { usleep(20_000) }
        #expect(state() == nil || state() == "Z", "the plugin's child \(pid) still runs (\(state() ?? ""))")

        let started = Date()
        let lingering = try Self.plugin(scratch, "lingering", timeout: 30, body: "if n == 2:\n    import os\n    os.close(1)\n    time.sleep(300)")
        let (_, lingered) = try Self.run(lingering)
        #expect(Date().timeIntervalSince(started) < 20 * TestSlowdown.factor)
        #expect(lingered.first?.contains("plugin 'lingering' exited") == true, "\(lingered)")
    }

    @Test func aPluginThatPrintsGarbage() throws {
        let scratch = try ScratchDirectory()
        let (analysis, problems) = try Self.run(try Self.plugin(scratch, "noisy", body: "if n == 4:\n    print('Traceback: oops', flush=True)\n    continue"))
        #expect(analysis.results[3][1].value == ["error": "not a JSON object"])
        #expect(analysis.results.enumerated().filter { $0.offset != 3 }.allSatisfy { $0.element[1].value["n"] != nil })
        #expect(problems == ["plugin 'noisy' printed something that is not a JSON object for message m4: Traceback: oops"])
    }

    @Test func theExampleProcessPluginPassesItsExamples() throws {
        let plugin = try PluginFile.load(Self.questions)
        #expect(plugin is ProcessAnalyzer)
        #expect(try AnalyzerPipeline([plugin]).failingExamples() == [])
    }

    @Test func aManifestWithoutACommandOrWithAWrongTimeout() {
        for (text, line, message) in [("id: x\ncommand: []\n", 2, "'command' is the program and its arguments"), ("id: x\ncommand: [python3]\ntimeout: soon\n", 3, "'timeout' is a number of seconds")] {
            do {
                let scratch = try ScratchDirectory()
                _ = try ProcessAnalyzer.load(manifest: try scratch.file("p.yml", text))
                Issue.record("accepted: \(text)")
            } catch let error as RuleFileError {
                #expect(error.line == line, "\(error)")
                #expect(error.message.contains(message), "\(error)")
            } catch {
                Issue.record("\(error)")
            }
        }
    }
}
