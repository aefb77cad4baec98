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
            let rows = hits.map { hit in
                [hit.kind, String(hit.id), String(hit.article.id), hit.eventID.map(String.init) ?? "", hit.article.source,
                 hit.article.title, hit.snippet]
            }
            try RowPrinter(format: output.format, columns: [
                .init(name: "kind"), .init(name: "id", numeric: true), .init(name: "article", numeric: true),
                .init(name: "event", numeric: true), .init(name: "source", flexible: true),
                .init(name: "title", flexible: true), .init(name: "snippet", flexible: true),
            ]).print(rows, empty: "no matches")
        }
    }
}
