import AnnalsKit
import ArgumentParser

extension Annals {
    struct Ask: QueryCommand {
        static let configuration = CommandConfiguration(
            abstract: "Answer a question such as \"all export-control events since 2024\".",
            discussion: """
                Prints how the question was understood on stderr (e.g. `events · topic export-controls · \
                since 2024-01-01`), then the answer. A word that looks like a misspelt topic or entity is \
                an error with a suggestion (exit 64); other unknown words are searched for as text, and \
                left out (the understanding says which) when no record with the rest of the question has \
                them. "How many …", with "per year", "by quarter", "by month", "by topic", "by entity" \
                or "by source", counts instead of listing, as `annals count` does.

                --limit and --offset page a list: `--limit 50` prints the answer's first 50 rows (and says \
                on stderr when there may be more), `--limit 50 --offset 50` the next 50. A count is not paged.

                Examples:
                  annals ask "all export-control events since 2024"
                  annals ask "Entity List additions involving Huawei or SMIC"
                  annals ask "how many export-control events per year" --format csv
                  annals ask --limit 50 "all export-control events since 2024"
                """)

        @ParentCommand var parent: Annals
        @OptionGroup var archiveOptions: ArchiveOptions
        @OptionGroup var limits: QueryOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var csv: CSVOptions

        @Option(help: ArgumentHelp("The day relative dates (last year, this month) count from; default today (UTC).", valueName: "date"))
        var today: String?

        @Option(help: "List at most this many rows of the answer (a page); default: all of them.")
        var limit: Int?

        @Option(help: "Skip this many rows of the answer first (the next page: --offset 50).")
        var offset: Int = 0

        @Argument(help: "The question.")
        var question: [String]

        func validate() throws {
            if let today, Day(iso: today) == nil { throw ValidationError("--today must be a day, YYYY-MM-DD") }
            if let limit, limit < 0 { throw ValidationError("--limit must be 0 or more") }
            if offset < 0 { throw ValidationError("--offset must be 0 or more") }
        }

        func run() throws {
            let format = try output.format(writingTo: csv.output)
            let archive = try openArchive()
            let answer = try archive.answer(question: question.joined(separator: " "), today: FilterOptions.day(today))
            Terminal.note(answer.understanding)
            if let grouping = answer.count {
                guard limit == nil, offset == 0 else {
                    throw ValidationError("--limit and --offset page a list; a \"how many\" question is answered whole")
                }
                try Counting.run(answer.kind, filter: answer.filter, by: grouping, archive: archive, format: format, csv: csv)
                return
            }
            let page = answer.filter.page(limit: limit, offset: offset)
            let shown = try Listing.run(answer.kind, filter: page, archive: archive, format: format, csv: csv)
            // A full page that --limit cut (not the question's own "10 latest"): there may be more.
            if let limit, limit > 0, shown == limit, answer.filter.limit.map({ $0 - offset > limit }) ?? true {
                Terminal.note("rows \(offset + 1)–\(offset + shown) shown; --offset \(offset + shown) for the next page")
            }
        }
    }
}
