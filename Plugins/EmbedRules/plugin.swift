import Foundation
import PackagePlugin

/// Embeds the package's `rules/*.toml` into the target, so the built binary needs no files
/// beside it.
@main
struct EmbedRules: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let rulesDir = context.package.directoryURL.appending(path: "rules")
        let files = try FileManager.default
            .contentsOfDirectory(at: rulesDir, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "toml" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedRules.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(files.count) rule files",
                executable: try context.tool(named: "EmbedRulesTool").url,
                arguments: [output.path] + files.map(\.path),
                inputFiles: files + [rulesDir],
                outputFiles: [output]
            )
        ]
    }
}
