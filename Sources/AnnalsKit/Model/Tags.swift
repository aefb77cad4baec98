/// Tags for one event or article, from classification.
public struct Tags: Sendable, Hashable {
    /// Topic slugs, in taxonomy order.
    public var topics: [String]
    /// Canonical entity names, in taxonomy order.
    public var entities: [String]

    /// Tags with these topics and entities.
    public init(topics: [String], entities: [String]) {
        self.topics = topics
        self.entities = entities
    }
}
