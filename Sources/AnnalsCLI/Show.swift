import AnnalsKit
import ArgumentParser

extension Annals {
    struct Show: ArchiveCommand {
        static let writesArchive = false
        static let configuration = CommandConfiguration(
            abstract: "Show one article in full.",
            discussion: "The JSON form is the feed shape plus \"id\": ingesting it again finds the same article."
        )

        enum Format: String, CaseIterable, ExpressibleByArgument { case text, json }

        @ParentCommand var parent: Annals
        @OptionGroup var archiveOptions: ArchiveOptions

        @Option(help: "Output format: text or json.")
        var format: Format = .text

        @Argument(help: "The article's id.")
        var id: Int64

        func run() throws {
            let article = try openArchive().article(id: id)
            switch format {
            case .json: Terminal.writeExact(article.jsonString(pretty: true) + "\n")
            case .text: Terminal.write(Self.text(of: article))
            }
        }

        static func text(of article: Article) -> String {
            var out = "\(article.title)\n\(article.source)"
            if let published = article.publishedAt { out += " · \(published)" }
            if let url = article.url { out += " · \(url)" }
            out += " · article \(article.id.map(String.init) ?? "?")\n"
            if let summary = article.summary { out += "\n\(summary)\n" }
            let tldr: [(String, String?)] = [
                ("What changed", article.tldr.whatChanged), ("Why it matters", article.tldr.whyItMatters),
                ("What to do next", article.tldr.whatToDoNext), ("Who should care", article.tldr.whoShouldCare),
            ]
            if !article.tldr.isEmpty {
                out += "\nTL;DR\n"
                for case let (label, value?) in tldr { out += "  \(label): \(value)\n" }
            }
            if let insight = article.insight { out += "\nInsight\n  \(insight)\n" }
            if !article.takeaways.isEmpty {
                out += "\nKey takeaways\n"
                for takeaway in article.takeaways { out += "  • \(takeaway)\n" }
            }
            if !article.implications.isEmpty {
                out += "\nFuture implications\n"
                for item in article.implications { out += "  • \(item.headline)\n    \(item.detail)\n" }
            }
            if !article.timeline.isEmpty {
                out += "\nTimeline\n"
                let width = article.timeline.map(\.date.text.displayWidth).max() ?? 0
                for entry in article.timeline {
                    let pad = String(repeating: " ", count: width - entry.date.text.displayWidth)
                    out += "  \(entry.date.text)\(pad)  \(entry.text)\n"
                }
            }
            return out
        }
    }
}
