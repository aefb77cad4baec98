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
            // The statement's columns are known once it is prepared, before its first row.
            var printing: RecordOutput<SQLRow>?
            try archive.readOnlyQuery(query, header: { names in
                printing = try RecordPrinter<SQLRow>(
                    format: output.format, empty: "no rows", columns: names,
                    tableColumns: names.map { TableRenderer.Column(title: $0, flexible: true) }
                ).start()
            }, row: { row in
                try printing?.add(row)
            })
            try printing?.finish()
        }
    }
}
