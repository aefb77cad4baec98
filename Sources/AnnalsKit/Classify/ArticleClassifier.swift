/// Classifies parsed articles: topics and entities for the article's own text, and for
/// each timeline entry the facts the ``EventMerger`` needs. Pure: runs on any thread.
public struct ArticleClassifier: Sendable {
    public let classifier: Classifier

    public init(taxonomy: Taxonomy) throws {
        classifier = try Classifier(taxonomy: taxonomy)
    }

    public func classify(_ parsed: ParsedArticle) -> ClassifiedArticle {
        let article = parsed.article
        var text = [article.title, article.summary, article.tldr.whatChanged, article.tldr.whyItMatters,
            article.tldr.whatToDoNext, article.insight].compactMap { $0 }
        text += article.takeaways
        text += article.implications.flatMap { [$0.headline, $0.detail] }
        let own = classifier.classify(text.joined(separator: "\n"))
        return ClassifiedArticle(
            parsed: parsed, topics: own.topics, entities: own.entities, entries: article.timeline.map(facts(for:)))
    }

    /// What the merger knows of one timeline entry.
    public func facts(for entry: TimelineEntry) -> EntryFacts {
        let classification = classifier.classify(entry.text)
        let key = EventKey(text: entry.text, classification: classification)
        return EntryFacts(
            topics: classification.topics, entities: classification.entities, terms: key.terms,
            signature: String(Digest.sha256Hex(Array(key.terms.joined(separator: " ").utf8)).prefix(16)),
            mentionKey: Self.mentionKey(entry), sequence: key.sequence)
    }

    /// A digest of an entry's date and wording (case, spacing and punctuation aside).
    public static func mentionKey(_ entry: TimelineEntry) -> String {
        let date = entry.date.normalized ?? entry.date.text
        return String(Digest.sha256Hex(Array("\(date)|\(Normalize.titleKey(entry.text))".utf8)).prefix(24))
    }
}
