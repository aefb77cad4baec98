import AnnalsKit
import ArgumentParser

extension Annals {
    struct Explain: ArchiveCommand {
        static let writesArchive = false
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
            let articles = try ArticleClassifier(taxonomy: try archive.taxonomy())
            var out = ""
            switch kind {
            case .event:
                let event = try archive.event(id: id)
                let plural = event.mentions == 1 ? "" : "s"
                out += "event \(event.id) · \(event.date.text) · \(event.mentions) mention\(plural)\n"
                out += "topics (kept when 1 mention in \(Archive.topicShare) or more has it): "
                out += try archive.topicSupport(ofEvent: id).map { support in
                    "\(support.topic) \(support.mentions) of \(event.mentions)\(support.kept ? "" : " (not kept)")"
                }.joined(separator: ", ") + "\n"
                out += "entities: \(event.entities.joined(separator: ", "))\n"
                for mention in try archive.mentions(ofEvent: id) {
                    out += "\nmention \(mention.id) (article \(mention.article.id), \(mention.article.source)): \(mention.text)\n"
                    out += Self.describe(articles.classification(ofEntry: mention.text))
                }
            case .article:
                let article = try archive.article(id: id)
                let explanation = articles.explanation(of: article)
                out += "article \(id) · \(article.source) · \(article.title)\n"
                out += "topic scores (kept at \(ArticleClassifier.topicScore) or more, or the best): "
                    + explanation.rankedTopics.map { "\($0.topic) \($0.score)\($0.kept ? "" : " (not kept)")" }.joined(separator: ", ")
                    + "\n"
                for part in explanation.parts {
                    out += "\(ArticleClassifier.name(ofPart: part.index)) (counts \(part.weight)):\n"
                    out += Self.describe(part.classification)
                }
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
