import AnnalsKit
import ArgumentParser

extension Annals {
    struct Search: QueryCommand {
        static let configuration = CommandConfiguration(
            abstract: "Full-text search across articles, takeaways, implications and timeline entries, best first.",
            discussion: "Words must all occur (any form: 'controls' finds 'control'); \"quoted phrases\" must occur as written.")

        @ParentCommand var parent: Annals
        @OptionGroup var archiveOptions: ArchiveOptions
        @OptionGroup var limits: QueryOptions
        @OptionGroup var output: OutputOptions

        @Option(help: "At most this many hits.")
        var limit = 20

        @Argument(help: "The words or \"phrases\" to search for.")
        var text: [String]

        func run() throws {
            let hits = try openArchive().search(text.joined(separator: " "), limit: limit)
            try RecordPrinter<SearchHit>(format: output.format, empty: "no matches").print { try hits.forEach($0) }
        }
    }
}
