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
            let articles = try ArticleClassifier(taxonomy: try archive.taxonomy())
            let classifier = articles.classifier
            var out = ""
            switch kind {
            case .event:
                let event = try archive.event(id: id)
                out += "event \(event.id) · \(event.date.text) · \(event.mentions) mention\(event.mentions == 1 ? "" : "s")\n"
                out += "topics: \(event.topics.joined(separator: ", ")) (those a quarter of its mentions have)\n"
                out += "entities: \(event.entities.joined(separator: ", "))\n"
                for mention in try archive.mentions(ofEvent: id) {
                    out += "\nmention \(mention.id) (article \(mention.article.id), \(mention.article.source)): \(mention.text)\n"
                    out += Self.describe(classifier.classify(mention.text))
                }
            case .article:
                let article = try archive.article(id: id)
                out += "article \(id) · \(article.source) · \(article.title)\n"
                let parts = ArticleClassifier.parts(of: article)
                let scores = articles.topicScores(parts: parts).scores
                let kept = ArticleClassifier.keptTopics(scores)
                out += "topic scores (title 3, summary and what changed 2, other parts 1; kept at "
                    + "\(ArticleClassifier.topicScore) or the best): "
                    + scores.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
                        .map { "\($0.key) \($0.value)\(kept.contains($0.key) ? "" : " (not kept)")" }.joined(separator: ", ") + "\n"
                out += Self.describe(classifier.classify(parts.filter { !$0.isEmpty }.joined(separator: "\n")))
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
