import AnnalsKit
import ArgumentParser

extension Annals {
    struct Ask: QueryCommand {
        static let configuration = CommandConfiguration(
            abstract: "Answer a question such as \"all export-control events since 2024\".",
            discussion: """
                Prints how the question was understood on stderr (e.g. `events · topic export-controls · \
                since 2024-01-01`), then the answer. A word that looks like a misspelt topic or entity is \
                an error with a suggestion (exit 64); other unknown words are searched for as text.
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
            let parsed = try QuestionParser(vocabulary: try archive.vocabulary(), today: FilterOptions.day(today))
                .parse(question.joined(separator: " "))
            Terminal.note(parsed.understanding)
            try Listing.run(parsed.kind, filter: parsed.filter, archive: archive, format: format, csv: csv)
        }
    }
}
