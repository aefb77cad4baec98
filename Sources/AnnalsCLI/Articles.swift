import AnnalsKit
import ArgumentParser

extension Annals {
    struct Articles: ArchiveCommand {
        static let configuration = CommandConfiguration(abstract: "List articles.")

        @ParentCommand var parent: Annals
        @OptionGroup var archiveOptions: ArchiveOptions
        @OptionGroup var output: OutputOptions

        @Option(help: "At most this many articles.")
        var limit: Int?

        func run() throws {
            let archive = try openArchive()
            switch output.format {
            case .json, .ndjson:
                var writer = JSONLinesOutput(array: output.format == .json)
                try archive.forEachArticle(limit: limit) { writer.add($0.jsonString()) }
                writer.finish()
            case .table, .csv:
                let rows = try archive.articleSummaries(limit: limit).map { article in
                    [String(article.id), article.source, article.title, article.publishedAt ?? "",
                     String(article.takeaways), String(article.implications), String(article.timelineEntries)]
                }
                if rows.isEmpty { Terminal.note("no articles"); return }
                let table = TableRenderer(
                    columns: [
                        .init(title: "id", numeric: true), .init(title: "source", flexible: true),
                        .init(title: "title", flexible: true), .init(title: "published"),
                        .init(title: "takeaways", numeric: true), .init(title: "implications", numeric: true),
                        .init(title: "timeline", numeric: true),
                    ],
                    width: Terminal.width, color: Terminal.usesColor)
                Terminal.write(table.render(rows))
            }
        }
    }
}
