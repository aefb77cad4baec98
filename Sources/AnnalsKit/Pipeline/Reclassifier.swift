import Foundation

/// Re-applies the taxonomy in use to the whole archive, in one transaction: every
/// timeline entry (and so every event: the topics a quarter of its mentions have, every
/// entity they name) and every article (the topics it is about) is tagged anew.
public struct Reclassifier: Sendable {
    public let archive: Archive

    public init(archive: Archive) {
        self.archive = archive
    }

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
