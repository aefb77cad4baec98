import AnnalsKit
import ArgumentParser

extension RecordKind: ExpressibleByArgument {}

extension Annals {
    struct Export: QueryCommand {
        static let configuration = CommandConfiguration(
            abstract: "Export events, articles, takeaways, implications or timeline entries as CSV, JSON or NDJSON.",
            discussion: """
                Every column of that kind, in the documented order (see docs/csv.md). CSV is RFC 4180 \
                (CRLF, quoted as needed, UTF-8) with a formula guard: a text cell starting with = + - @ \
                tab CR or LF gets a leading ' so no spreadsheet runs it (not a lone - or a plain negative \
                number; --raw turns it off). --output \
                writes a temporary file and renames it at the end: a failed export leaves no half file.
                """)

        @ParentCommand var parent: Annals
        @OptionGroup var archiveOptions: ArchiveOptions
        @OptionGroup var limits: QueryOptions
        static let defaultTimeout = QueryOptions.defaultExportTimeout

        @Argument(help: "What to export: events, articles, takeaways, implications or timeline.")
        var kind: RecordKind

        @OptionGroup var filters: FilterOptions
        @OptionGroup var csv: CSVOptions

        @Option(help: "Output format: csv, json or ndjson.")
        var format: OutputFormat = .csv

        func validate() throws {
            if format == .table { throw ValidationError("export writes csv, json or ndjson; for a table use `annals \(kind.rawValue)`") }
        }

        func run() throws {
            let archive = try openArchive()
            let (filter, answer) = try filters.resolve(in: archive)
            // How the query and the filters were understood, as `ask` and `report` say it.
            Terminal.note(Answer.understanding(kind: kind, filter: filter, count: nil, ignored: answer?.ignoredWords ?? []))
            let count = try Listing.run(kind, filter: filter, archive: archive, format: format, csv: csv, complete: true)
            if let output = csv.output { Terminal.note("exported \(count) \(kind.noun) to \(output)") }
        }
    }
}
