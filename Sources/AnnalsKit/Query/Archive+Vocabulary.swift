import GRDB

extension Archive {
    /// The words questions and filters may use: the taxonomy's topics and entities with
    /// their aliases, and the archive's sources by any of their names (``SourceNames``).
    public func vocabulary() throws -> Vocabulary {
        let taxonomy = try taxonomy()
        let sources = try writer.read { db in try String.fetchAll(db, sql: "SELECT name FROM sources ORDER BY name") }
        return Vocabulary(
            topics: taxonomy.topics.map { .init(canonical: $0.slug, aliases: [$0.name] + $0.aliases) },
            entities: taxonomy.entities.map { .init(canonical: $0.name, aliases: $0.aliases) },
            sources: sources.map { .init(canonical: $0, aliases: SourceNames.aliases(of: $0)) })
    }
}

extension Vocabulary {
    /// A ``QueryFilter`` from the words of command-line options: topics, entities and
    /// sources by any of their names, dates in any form ``PartialDate`` reads (`since`
    /// takes the start of its date, `until` the end). Throws ``QueryError`` naming the
    /// word it cannot place.
    public func filter(
        topics: [String] = [], entities: [String] = [], sources: [String] = [], since: String? = nil,
        until: String? = nil, search: String? = nil, sort: QueryFilter.Sort = .date, limit: Int? = nil, offset: Int = 0
    ) throws -> QueryFilter {
        func day(_ text: String?, start: Bool) throws -> Day? {
            guard let text else { return nil }
            let date = PartialDate(parsing: text)
            guard let day = start ? date.start : date.end else { throw QueryError.badDate(text) }
            return day
        }
        return try QueryFilter(
            topics: topics.map { word in
                guard let slug = topic(word) else { throw QueryError.unknownTopic(word, suggestion: suggestTopic(word)) }
                return slug
            },
            entities: entities.map { word in
                guard let name = entity(word) else { throw QueryError.unknownEntity(word, suggestion: suggestEntity(word)) }
                return name
            },
            sources: sources.map { word in
                guard let name = source(word) else { throw QueryError.unknownSource(word, suggestion: suggestSource(word)) }
                return name
            },
            since: day(since, start: true), until: day(until, start: false), search: search, sort: sort, limit: limit,
            offset: offset
        ).validated()
    }
}

extension QueryFilter {
    /// This filter narrowed by `other`: topics, entities and sources of both, the later
    /// `since` and earlier `until`, both searches; `other`'s sort and limit when set.
    public func narrowed(by other: QueryFilter) -> QueryFilter {
        var result = self
        result.topics = Array(Set(topics + other.topics)).sorted()
        result.entities = Array(Set(entities + other.entities)).sorted()
        if !other.anyEntities.isEmpty { result.anyEntities = other.anyEntities }
        result.allTopics = Array(Set(allTopics + other.allTopics)).sorted()
        result.sources = Array(Set(sources + other.sources)).sorted()
        if let since = other.since { result.since = max(since, self.since ?? since) }
        if let until = other.until { result.until = min(until, self.until ?? until) }
        if let search = other.search { result.search = self.search.map { $0 + " " + search } ?? search }
        if other.sort != .date { result.sort = other.sort }
        if let limit = other.limit { result.limit = limit }
        if other.offset > 0 { result.offset = other.offset }
        return result
    }
}
