import AnnalsKit
import ArgumentParser

extension Annals {
    struct Stats: ArchiveCommand {
        static let configuration = CommandConfiguration(abstract: "Count the rows of each table.")

        @ParentCommand var parent: Annals
        @OptionGroup var archiveOptions: ArchiveOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let counts = try openArchive().statistics()
            let rows = counts.map { [$0.table, String($0.rows)] }
            try RowPrinter(format: output.format, columns: [
                .init(name: "table"), .init(name: "rows", numeric: true),
            ]).print(rows)
        }
    }
}
