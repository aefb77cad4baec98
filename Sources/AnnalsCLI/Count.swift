import AnnalsKit
import ArgumentParser

extension Annals {
    struct Count: QueryCommand {
        static let configuration = CommandConfiguration(
            abstract: "Count events (or articles, takeaways, implications, timeline entries) by period or facet.",
            discussion: """
                The same filters and question-style QUERY as `annals events`. --by year, quarter or month \
                lists every period from the first to the last (or --since to --until), empty ones included, \
                in date order; a record counts in the period that holds its whole date, and two last rows \
                count those dated less precisely than the period and those with no date. --by topic, entity \
                or source lists each value, most first (an event with two topics counts under both). Without \
                --by: one total. A QUERY may ask itself: "how many export-control events per year".

                Examples:
                  annals count --by year --topic export-controls
                  annals count "export controls involving China by quarter since 2023"
                  annals count --kind articles --by source --format csv --output sources.csv
                """)

        @ParentCommand var parent: Annals
        @OptionGroup var archiveOptions: ArchiveOptions
        @OptionGroup var limits: QueryOptions

        @Option(help: "What to count: events, articles, takeaways, implications or timeline (default: events, or the kind QUERY names).")
        var kind: RecordKind?

        @Option(help: "Group by year, quarter, month, topic, entity or source (default: one total, or what QUERY asks).")
        var by: CountGrouping?

        @OptionGroup var filters: FilterOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var csv: CSVOptions

        func run() throws {
            let format = try output.format(writingTo: csv.output)
            let archive = try openArchive()
            let (filter, answer) = try filters.resolve(in: archive)
            let kind = kind ?? answer?.kind ?? .events
            let grouping = by ?? answer?.count ?? .total
            Terminal.note(Answer.understanding(kind: kind, filter: filter, count: grouping, ignored: answer?.ignoredWords ?? []))
            try Counting.run(kind, filter: filter, by: grouping, archive: archive, format: format, csv: csv)
        }
    }
}
