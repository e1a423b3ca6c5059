import Foundation
import PackagePlugin

/// Generates the registry of the Swift analyzer plugins from the files of the target it is
/// applied to (Plugins/): a new plugin folder is picked up on the next build, no list to edit.
@main
struct PluginRegistry: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        guard let target = target as? SourceModuleTarget else { return [] }
        let sources = target.sourceFiles(withSuffix: "swift").map(\.url)
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("GeneratedPluginRegistry.swift")
        return [
            .buildCommand(
                displayName: "Registering the analyzer plugins of \(target.name)",
                executable: try context.tool(named: "PluginRegistryGenerator").url,
                arguments: [output.path] + sources.map(\.path),
                inputFiles: sources, outputFiles: [output]),
        ]
    }
}
