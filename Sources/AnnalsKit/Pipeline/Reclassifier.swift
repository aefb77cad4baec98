import Foundation

/// Re-applies the taxonomy in use to the whole archive, in one transaction: every
/// timeline entry (and so every event: the topics a quarter of its mentions have, every
/// entity they name) and every article (the topics it is about) is tagged anew.
public struct Reclassifier: Sendable {
    /// The archive re-tagged; the taxonomy it stores (``Archive/taxonomy()``) is the one applied.
    public let archive: Archive

    /// A reclassifier of `archive`.
    public init(archive: Archive) {
        self.archive = archive
    }

    /// Re-tags the whole archive with its taxonomy, classifying texts in parallel, and reports what it tagged.
    public func run() throws -> ReclassifyReport {
        let articles = try ArticleClassifier(taxonomy: try archive.taxonomy())
        let classifier = articles.classifier
        return try archive.reclassify(
            mentionTags: { texts in
                texts.concurrentMap { text in
                    let found = classifier.classify(text)
                    return Tags(topics: found.topics, entities: found.entities)
                }
            },
            articleTags: { parts in parts.concurrentMap { articles.articleTags(parts: $0) } })
    }
}
