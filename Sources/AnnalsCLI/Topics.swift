import AnnalsKit
import ArgumentParser

extension Annals {
    struct Topics: ArchiveCommand {
        static let configuration = CommandConfiguration(abstract: "List topics with how many events and articles each tags.")

        @ParentCommand var parent: Annals
        @OptionGroup var archiveOptions: ArchiveOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let rows = try openArchive().topicCounts().map { [$0.slug, $0.name, String($0.events), String($0.articles)] }
            try RowPrinter(format: output.format, columns: [
                .init(name: "slug"), .init(name: "name", flexible: true), .init(name: "events", numeric: true),
                .init(name: "articles", numeric: true),
            ]).print(rows, empty: "no topics")
        }
    }
}
