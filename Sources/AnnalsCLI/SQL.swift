import AnnalsKit
import ArgumentParser

extension Annals {
    struct SQL: ArchiveCommand {
        static let configuration = CommandConfiguration(
            commandName: "sql",
            abstract: "Run one read-only SQL query against the archive.",
            discussion: """
                Read-only by construction: a read-only connection with PRAGMA query_only, no ATTACH, \
                no extensions. A statement that would write is refused and changes nothing (exit 64).
                """)

        @ParentCommand var parent: Annals
        @OptionGroup var archiveOptions: ArchiveOptions
        @OptionGroup var output: OutputOptions

        @Argument(help: "One SELECT (or WITH …) statement.")
        var query: String

        func run() throws {
            let archive = try openArchive()
            var columns: [RowPrinter.Column] = []
            var rows: [[String]] = []
            try archive.readOnlyQuery(query, header: { names in
                columns = names.map { RowPrinter.Column(name: $0, flexible: true) }
            }, row: { cells in
                rows.append(cells.map { $0 ?? "" })
            })
            try RowPrinter(format: output.format, columns: columns).print(rows, empty: "no rows")
        }
    }
}
