import AnnalsKit
import ArgumentParser

extension Annals {
    struct Explain: ArchiveCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show which taxonomy rule matched which words, for an event or an article.")

        enum Kind: String, CaseIterable, ExpressibleByArgument { case event, article }

        @ParentCommand var parent: Annals
        @OptionGroup var archiveOptions: ArchiveOptions

        @Argument(help: "event or article.")
        var kind: Kind

        @Argument(help: "Its id.")
        var id: Int64

        func run() throws {
            let archive = try openArchive()
            let classifier = try Classifier(taxonomy: try archive.taxonomy())
            var out = ""
            switch kind {
            case .event:
                let event = try archive.event(id: id)
                out += "event \(event.id) · \(event.date.text) · \(event.mentions) mention\(event.mentions == 1 ? "" : "s")\n"
                out += "topics: \(event.topics.joined(separator: ", "))\nentities: \(event.entities.joined(separator: ", "))\n"
                for mention in try archive.mentions(ofEvent: id) {
                    out += "\nmention \(mention.id) (article \(mention.article.id), \(mention.article.source)): \(mention.text)\n"
                    out += Self.describe(classifier.classify(mention.text))
                }
            case .article:
                let article = try archive.article(id: id)
                out += "article \(id) · \(article.source) · \(article.title)\n"
                let text = ([article.title, article.summary, article.tldr.whatChanged, article.tldr.whyItMatters,
                    article.tldr.whatToDoNext, article.insight].compactMap { $0 } + article.takeaways
                    + article.implications.flatMap { [$0.headline, $0.detail] }).joined(separator: "\n")
                out += Self.describe(classifier.classify(text))
            }
            Terminal.write(out)
        }

        static func describe(_ classification: Classification) -> String {
            guard !classification.evidence.isEmpty else { return "  no rule matched\n" }
            return classification.evidence.map { evidence in
                "  \(evidence.kind) \(evidence.target) ← \(evidence.rule) matched \"\(evidence.matched)\"\n"
            }.joined()
        }
    }
}
