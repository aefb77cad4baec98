import Foundation
import Synchronization

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

    /// The union of the tags of each group of texts, classified on every core.
    static func tagConcurrently(_ groups: [[String]], with classifier: Classifier) -> [Tags] {
        let results = Mutex([Tags?](repeating: nil, count: groups.count))
        let workers = max(1, min(groups.count, ProcessInfo.processInfo.activeProcessorCount))
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var local: [(Int, Tags)] = []
            var index = worker
            while index < groups.count {
                var topics: [String] = []
                var entities: [String] = []
                for text in groups[index] {
                    let classification = classifier.classify(text)
                    for topic in classification.topics where !topics.contains(topic) { topics.append(topic) }
                    for entity in classification.entities where !entities.contains(entity) { entities.append(entity) }
                }
                local.append((index, Tags(topics: topics, entities: entities)))
                index += workers
            }
            results.withLock { results in for (index, tags) in local { results[index] = tags } }
        }
        return results.withLock { $0.map { $0! } }
    }
}
