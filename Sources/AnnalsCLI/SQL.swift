import AnnalsKit
import ArgumentParser

extension Annals {
    struct SQL: QueryCommand {
        static let configuration = CommandConfiguration(
            commandName: "sql",
            abstract: "Run one read-only SQL query against the archive.",
            discussion: """
                Read-only by construction: a read-only connection with PRAGMA query_only, no ATTACH, \
                no extensions. A statement that would write is refused and changes nothing (exit 64). \
                Rows are printed as they are read. A query that works longer than --timeout seconds \
                (default 5) is stopped (exit 64); Ctrl-C stops it too (exit 130).
                """)

        @ParentCommand var parent: Annals
        @OptionGroup var archiveOptions: ArchiveOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var limits: QueryOptions

        @Argument(help: "One SELECT (or WITH …) statement.")
        var query: String

        func run() throws {
            let archive = try openArchive()
            var stream: RowStream?
            try archive.readOnlyQuery(query, header: { names in
                stream = RowStream(RowPrinter(format: output.format, columns: names.map {
                    RowPrinter.Column(name: $0, flexible: true)
                }))
            }, row: { cells in
                stream?.add(cells.map { $0 ?? "" })
            })
            stream?.finish(empty: "no rows")
        }
    }
}
