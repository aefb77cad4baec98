/// Tags for one event or article, from classification.
public struct Tags: Sendable, Hashable {
    public var topics: [String]
    public var entities: [String]

    public init(topics: [String], entities: [String]) {
        self.topics = topics
        self.entities = entities
    }
}
