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

                Examples:
                  annals ask "all export-control events since 2024"
                  annals ask "Entity List additions involving Huawei or SMIC"
                  annals ask "how many export-control events per year" --format csv
                """)

        @ParentCommand var parent: Annals
        @OptionGroup var archiveOptions: ArchiveOptions
        @OptionGroup var limits: QueryOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var csv: CSVOptions

        @Option(help: ArgumentHelp("The day relative dates (last year, this month) count from; default today (UTC).", valueName: "date"))
        var today: String?

        @Argument(help: "The question.")
        var question: [String]

        func validate() throws {
            if let today, Day(iso: today) == nil { throw ValidationError("--today must be a day, YYYY-MM-DD") }
        }

        func run() throws {
            let format = try output.format(writingTo: csv.output)
            let archive = try openArchive()
            let answer = try archive.answer(question: question.joined(separator: " "), today: FilterOptions.day(today))
            Terminal.note(answer.understanding)
            if let grouping = answer.count {
                try Counting.run(answer.kind, filter: answer.filter, by: grouping, archive: archive, format: format, csv: csv)
            } else {
                try Listing.run(answer.kind, filter: answer.filter, archive: archive, format: format, csv: csv)
            }
        }
    }
}
