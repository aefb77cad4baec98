import Foundation
import PackagePlugin

/// Embeds `migrations/*.sql` and `taxonomy/*.json` (at the package root) into the
/// target as a generated Swift file, so that those files stay the only source of
/// the schema and the default taxonomy, and the built binary needs nothing beside it.
@main
struct EmbedMigrations: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let files = try ["migrations": "sql", "taxonomy": "json"].flatMap { folder, ext in
            let directory = context.package.directoryURL.appending(path: folder)
            guard FileManager.default.fileExists(atPath: directory.path) else { return [URL]() }
            return try FileManager.default
                .contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
                .filter { $0.pathExtension == ext }
        }.sorted { $0.lastPathComponent < $1.lastPathComponent }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedFiles.swift")
        return [
            .buildCommand(
                displayName: "Embedding migrations and taxonomy (\(files.count) files)",
                executable: try context.tool(named: "MigrationEmbedder").url,
                arguments: [output.path] + files.map(\.path),
                inputFiles: files,
                outputFiles: [output]
            )
        ]
    }
}
