import Foundation

/// Re-applies the taxonomy in use to the whole archive, in one transaction: every
/// event (from the text of all its mentions) and every article is tagged anew.
public struct Reclassifier: Sendable {
    public let archive: Archive

    public init(archive: Archive) {
        self.archive = archive
    }

    public func run() throws -> ReclassifyReport {
        let classifier = try Classifier(taxonomy: try archive.taxonomy())
        let tag: ([[String]]) -> [Tags] = { texts in Self.tagConcurrently(texts, with: classifier) }
        return try archive.reclassify(eventTags: tag, articleTags: tag)
    }

    /// Takes mention `entry` out of event `event` into an event of its own (see
    /// ``Archive/splitMention(_:fromEvent:retag:at:)``), both tagged anew from their
    /// mentions with the taxonomy in use. Returns the new event.
    @discardableResult
    public func split(mention entry: Int64, fromEvent event: Int64) throws -> Int64 {
        let classifier = try Classifier(taxonomy: try archive.taxonomy())
        return try archive.splitMention(entry, fromEvent: event) { Self.tagConcurrently($0, with: classifier) }
    }

    /// The union of the tags of each group of texts, classified on every core.
    static func tagConcurrently(_ groups: [[String]], with classifier: Classifier) -> [Tags] {
        groups.concurrentMap { texts in
            var topics: [String] = []
            var entities: [String] = []
            for text in texts {
                let classification = classifier.classify(text)
                for topic in classification.topics where !topics.contains(topic) { topics.append(topic) }
                for entity in classification.entities where !entities.contains(entity) { entities.append(entity) }
            }
            return Tags(topics: topics, entities: entities)
        }
    }
}
