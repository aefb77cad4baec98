import AnnalsKit
import ArgumentParser
import Foundation

extension Annals {
    struct TaxonomyCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "taxonomy",
            abstract: "Export or replace the taxonomy of topics and entities.",
            subcommands: [ExportFile.self, ImportFile.self])

        struct ExportFile: ArchiveCommand {
            static let writesArchive = false
            static let configuration = CommandConfiguration(commandName: "export", abstract: "Write the taxonomy in use as JSON.")

            @ParentCommand var parent: Annals
            @OptionGroup var archiveOptions: ArchiveOptions

            @Argument(help: ArgumentHelp("The file to write, or - for stdout.", valueName: "file"))
            var file: String

            func run() throws {
                let data = try openArchive().taxonomy().jsonData()
                if file == "-" {
                    Terminal.writeExact(String(decoding: data, as: UTF8.self))
                } else {
                    let out = try AtomicFile(path: file)
                    try out.write(Array(data))
                    try out.commit()
                    Terminal.note("wrote the taxonomy to \(file)")
                }
            }
        }

        struct ImportFile: ArchiveCommand {
            static let writesArchive = true
            static let configuration = CommandConfiguration(
                commandName: "import",
                abstract: "Validate a taxonomy JSON file and make it the one in use.",
                discussion: "Errors name the path of the bad field. Then run `annals reclassify` to re-tag the archive.")

            @ParentCommand var parent: Annals
            @OptionGroup var archiveOptions: ArchiveOptions

            @Argument(help: ArgumentHelp("The taxonomy JSON file.", valueName: "file"))
            var file: String

            func run() throws {
                let data: Data
                do {
                    data = try Data(contentsOf: URL(fileURLWithPath: file))
                } catch {
                    throw TaxonomyError.unreadable(path: file, reason: error.localizedDescription)
                }
                let taxonomy: AnnalsKit.Taxonomy
                do {
                    taxonomy = try AnnalsKit.Taxonomy.load(json: data)
                } catch {
                    Terminal.error("\(file): \(error.localizedDescription)")
                    throw ExitCode(ExitStatus.dataError)
                }
                try openArchive().importTaxonomy(taxonomy)
                Terminal.note("taxonomy imported: \(taxonomy.topics.count) topics, \(taxonomy.entities.count) entities; run `annals reclassify` to re-tag the archive")
            }
        }
    }
}
