import AnnalsKit
import ArgumentParser

extension Annals {
    struct Stats: ArchiveCommand {
        static let writesArchive = false
        static let configuration = CommandConfiguration(abstract: "Count the rows of each table.")

        @ParentCommand var parent: Annals
        @OptionGroup var archiveOptions: ArchiveOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let counts = try openArchive().statistics()
            try RecordPrinter<TableCount>(format: output.format, empty: "no tables").print { try counts.forEach($0) }
        }
    }
}
