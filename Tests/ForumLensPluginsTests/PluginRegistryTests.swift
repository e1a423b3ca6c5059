import ForumLensCore
import ForumLensPlugins
import Testing
@testable import ForumLensAnalysis

/// The Swift plugins under Plugins/, registered by the build: the example is there, opt-in,
/// and passes its own examples.
@Suite struct PluginRegistryTests {
    @Test func theBuildRegistersTheSwiftPlugins() throws {
        #expect(PluginRegistry.examples.map(\.descriptor.id) == ["links"])
        #expect(!PluginRegistry.analyzers.contains { $0.descriptor.id == "links" }, "examples are opt-in")
        #expect(try AnalyzerPipeline(PluginRegistry.analyzers + PluginRegistry.examples).failingExamples() == [])
    }
}
