/// Classifies parsed articles: topics and entities for the article's own text, and for
/// each timeline entry the facts the ``EventMerger`` needs. Pure: runs on any thread.
public struct ArticleClassifier: Sendable {
    /// The classifier compiled from the taxonomy; it tags the article's parts and each timeline entry.
    public let classifier: Classifier

    /// Compiles `taxonomy`'s rules; throws its first ``TaxonomyError`` if it is not valid.
    public init(taxonomy: Taxonomy) throws {
        classifier = try Classifier(taxonomy: taxonomy)
    }

    /// Tags `parsed`: the article's own topics and entities (``articleTags(parts:)``) and each timeline entry's ``facts(for:)``.
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
    /// scores ``weight(ofPart:)`` in each part that names it (3 in the title, 2 in the
    /// summary or in what changed, 1 in any other part); the article has those that score
    /// ``topicScore`` or more, and at least its best one.
    public func articleTags(parts: [String]) -> Tags {
        explanation(parts: parts).tags
    }

    /// Why an article has the tags it has: each part's matches, each topic's score, and the
    /// tags those give (``articleTags(parts:)``). `annals explain article` prints this.
    public func explanation(of article: Article) -> TagExplanation {
        explanation(parts: Self.parts(of: article))
    }

    /// The explanation of ``articleTags(parts:)`` for these parts.
    public func explanation(parts: [String]) -> TagExplanation {
        var scores: [String: Int] = [:]
        var entities: [String] = []
        var read: [TagExplanation.Part] = []
        for (index, text) in parts.enumerated() where !text.isEmpty {
            let found = classifier.classify(text)
            let weight = Self.weight(ofPart: index)
            read.append(TagExplanation.Part(index: index, weight: weight, classification: found))
            for topic in found.topics { scores[topic, default: 0] += weight }
            for entity in found.entities where !entities.contains(entity) { entities.append(entity) }
        }
        let best = scores.values.max() ?? 0
        let kept = Set(scores.filter { $0.value >= Self.topicScore || $0.value == best }.keys)
        let order = classifier.taxonomy.topics.map(\.slug)
        let entityOrder = classifier.taxonomy.entities.map(\.name)
        let tags = Tags(
            topics: order.filter(kept.contains),
            entities: entities.sorted { (entityOrder.firstIndex(of: $0) ?? .max) < (entityOrder.firstIndex(of: $1) ?? .max) })
        return TagExplanation(parts: read, scores: scores, tags: tags)
    }

    /// The least score (see ``articleTags(parts:)``) of an article's topic.
    public static let topicScore = 3

    /// What a topic named in part `index` of ``parts(of:)`` adds to its score: 3 for the
    /// title, 2 for the summary and what changed, 1 for the rest.
    public static func weight(ofPart index: Int) -> Int {
        index == 0 ? 3 : (index <= 2 ? 2 : 1)
    }

    /// The name of part `index` of ``parts(of:)``, for people: "title", "summary",
    /// "what changed", "why it matters", "what to do next", "insight", then "takeaway or
    /// implication" for the rest.
    public static func name(ofPart index: Int) -> String {
        let names = ["title", "summary", "what changed", "why it matters", "what to do next", "insight"]
        return index < names.count ? names[index] : "takeaway or implication"
    }

    /// The parts of an article that ``articleTags(parts:)`` reads, in its order.
    public static func parts(of article: Article) -> [String] {
        [article.title, article.summary, article.tldr.whatChanged, article.tldr.whyItMatters, article.tldr.whatToDoNext,
            article.insight].map { $0 ?? "" }
            + article.takeaways + article.implications.map { $0.headline + "\n" + $0.detail }
    }

    /// The topics and entities of a timeline entry's text, with the rules that matched: what
    /// its mention brings to its event. `annals explain event` prints this for each mention.
    public func classification(ofEntry text: String) -> Classification {
        classifier.classify(text)
    }

    /// What the merger knows of one timeline entry.
    public func facts(for entry: TimelineEntry) -> EntryFacts {
        let classification = classification(ofEntry: entry.text)
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

/// How ``ArticleClassifier`` tagged an article, step by step.
public struct TagExplanation: Sendable, Hashable {
    /// One non-empty part of the article that was read.
    public struct Part: Sendable, Hashable {
        /// Its place in ``ArticleClassifier/parts(of:)``; ``ArticleClassifier/name(ofPart:)`` names it.
        public var index: Int
        /// What each topic it names adds to that topic's score.
        public var weight: Int
        /// The rules that matched in it.
        public var classification: Classification
    }

    /// The parts read, in order.
    public var parts: [Part]
    /// Each topic named anywhere, with its score.
    public var scores: [String: Int]
    /// The tags the article gets: the topics kept, and every entity named.
    public var tags: Tags

    /// The topics by score, best first (ties by slug), each with whether the article kept it.
    public var rankedTopics: [(topic: String, score: Int, kept: Bool)] {
        scores.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { ($0.key, $0.value, tags.topics.contains($0.key)) }
    }
}
