/// Classifies parsed articles: topics and entities for the article's own text, and for
/// each timeline entry the facts the ``EventMerger`` needs. Pure: runs on any thread.
public struct ArticleClassifier: Sendable {
    public let classifier: Classifier

    public init(taxonomy: Taxonomy) throws {
        classifier = try Classifier(taxonomy: taxonomy)
    }

    public func classify(_ parsed: ParsedArticle) -> ClassifiedArticle {
        let article = parsed.article
        let own = articleTags(parts: Self.parts(of: article))
        return ClassifiedArticle(
            parsed: parsed, topics: own.topics, entities: own.entities, entries: article.timeline.map(facts(for:)))
    }

    /// An article's tags: every entity it names, and the topics it is about rather than every
    /// topic it mentions (a digest about the H20 licence names tariffs, summits and lawsuits
    /// in passing). `parts` are, in order, the title, the summary, what changed, why it
    /// matters, what to do next, the insight, then each takeaway and implication. A topic
    /// scores 3 in the title, 2 in the summary or in what changed, 1 in any other part; the
    /// article has those that score ``topicScore`` or more, and at least its best one.
    public func articleTags(parts: [String]) -> Tags {
        let (scores, entities) = topicScores(parts: parts)
        let kept = Self.keptTopics(scores)
        let order = classifier.taxonomy.topics.map(\.slug)
        let entityOrder = classifier.taxonomy.entities.map(\.name)
        return Tags(
            topics: order.filter(kept.contains),
            entities: entities.sorted { (entityOrder.firstIndex(of: $0) ?? .max) < (entityOrder.firstIndex(of: $1) ?? .max) })
    }

    /// The least score (see ``articleTags(parts:)``) of an article's topic.
    public static let topicScore = 3

    /// The parts of an article that ``articleTags(parts:)`` reads, in its order.
    public static func parts(of article: Article) -> [String] {
        [article.title, article.summary, article.tldr.whatChanged, article.tldr.whyItMatters, article.tldr.whatToDoNext,
            article.insight].map { $0 ?? "" }
            + article.takeaways + article.implications.map { $0.headline + "\n" + $0.detail }
    }

    /// Each topic's score over `parts` (see ``articleTags(parts:)``), and every entity named.
    public func topicScores(parts: [String]) -> (scores: [String: Int], entities: [String]) {
        var scores: [String: Int] = [:]
        var entities: [String] = []
        for (index, text) in parts.enumerated() where !text.isEmpty {
            let found = classifier.classify(text)
            let weight = index == 0 ? 3 : (index <= 2 ? 2 : 1)
            for topic in found.topics { scores[topic, default: 0] += weight }
            for entity in found.entities where !entities.contains(entity) { entities.append(entity) }
        }
        return (scores, entities)
    }

    /// The topics an article with these scores has: those of ``topicScore`` or more, and its best.
    public static func keptTopics(_ scores: [String: Int]) -> Set<String> {
        let best = scores.values.max() ?? 0
        return Set(scores.filter { $0.value >= topicScore || $0.value == best }.keys)
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
