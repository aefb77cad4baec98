/// What a listing asks for: the same filters for events, articles, takeaways,
/// implications and timeline entries.
///
/// Dates compare intervals: `since` keeps what ends on or after it, `until` what
/// starts on or before it, so "since 2024" keeps a `2024-10` event and a `2023`
/// event does not pass. An event's interval is its date's; an article's is the day it
/// was published (feeds) or first received (cards carry no date); takeaways and
/// implications take their article's.
public struct QueryFilter: Sendable, Hashable {
    /// How rows are ordered.
    public enum Sort: String, Sendable, Hashable, CaseIterable {
        /// Chronological (oldest first), then by id.
        case date
        /// Newest first.
        case recent
        /// Best full-text match first (with `search`; else like `date`).
        case relevance
        /// Most mentioned events first (events only; else like `date`).
        case mentions
    }

    /// Topic slugs: a row matches when it has any of them.
    public var topics: [String]
    /// Topic slugs a row must have every one of ("open-weight model releases"), besides
    /// one of ``topics``.
    public var allTopics: [String]
    /// Canonical entity names: a row matches when it names all of them.
    public var entities: [String]
    /// Canonical entity names of which a row must name at least one ("Nvidia or AMD"),
    /// besides all of ``entities``. Empty: no such condition.
    public var anyEntities: [String]
    /// Source names (any case): a row matches when it comes from any of them.
    public var sources: [String]
    /// Keep what ends on or after this day.
    public var since: Day?
    /// Keep what starts on or before this day.
    public var until: Day?
    /// Full-text search: words and "quoted phrases", all of which must occur.
    public var search: String?
    /// Full-text words of which at least one must occur, besides all of `search`: the
    /// loose words of a question that no record has all of (``Archive/answer(_:)``).
    public var anyWords: [String]
    /// How the rows are ordered; ``Sort/date`` by default.
    public var sort: Sort
    /// The most rows to return, after `offset`; nil for all.
    public var limit: Int?
    /// How many rows to skip first, for paging; 0 by default.
    public var offset: Int

    /// A filter with these conditions; the defaults keep every row, oldest first.
    public init(
        topics: [String] = [], allTopics: [String] = [], entities: [String] = [], anyEntities: [String] = [],
        sources: [String] = [], since: Day? = nil, until: Day? = nil, search: String? = nil, anyWords: [String] = [],
        sort: Sort = .date, limit: Int? = nil, offset: Int = 0
    ) {
        self.topics = topics
        self.allTopics = allTopics
        self.anyWords = anyWords
        self.entities = entities
        self.anyEntities = anyEntities
        self.sources = sources
        self.since = since
        self.until = until
        self.search = search
        self.sort = sort
        self.limit = limit
        self.offset = offset
    }

    /// Whether the filter keeps only some rows: a topic, entity, source, date or search
    /// condition (sort, limit and offset aside).
    public var hasConditions: Bool {
        !topics.isEmpty || !allTopics.isEmpty || !entities.isEmpty || !anyEntities.isEmpty || !sources.isEmpty
            || since != nil || until != nil || fullText != nil
    }

    /// Whether the interval can hold anything.
    public func validated() throws -> QueryFilter {
        if let since, let until, since > until {
            throw QueryError.emptyInterval(since: since.iso, until: until.iso)
        }
        if let search, FullTextQuery(search) == nil {
            throw QueryError.emptySearch
        }
        return self
    }

    /// One page of this filter's rows: at most `limit` of them (nil: all), after skipping
    /// `offset`. The page stays within the rows the filter already keeps: of "the 100
    /// latest" (limit 100), `page(limit: 50, offset: 80)` is its last 20 rows, and a page
    /// past its end is empty. How `annals ask --limit --offset` pages an answer.
    public func page(limit: Int?, offset: Int) -> QueryFilter {
        var page = self
        page.offset = self.offset + max(0, offset)
        let left = self.limit.map { max(0, $0 - max(0, offset)) }
        page.limit = [left, limit.map { max(0, $0) }].compactMap { $0 }.min()
        return page
    }

    /// A short account of the filter, e.g. `topic export-controls · since 2024-01-01`.
    public var summary: String {
        var parts: [String] = []
        if !topics.isEmpty { parts.append("topic " + topics.joined(separator: " or ")) }
        if !allTopics.isEmpty { parts.append("topic " + allTopics.joined(separator: " and ")) }
        if !entities.isEmpty || !anyEntities.isEmpty {
            var names = entities
            if !anyEntities.isEmpty {
                let either = anyEntities.joined(separator: " or ")
                names.append(entities.isEmpty ? either : "(\(either))")
            }
            parts.append("entity " + names.joined(separator: " and "))
        }
        if !sources.isEmpty { parts.append("source " + sources.joined(separator: " or ")) }
        if let since { parts.append("since \(since.iso)") }
        if let until { parts.append("until \(until.iso)") }
        if let search { parts.append("search \"\(search)\"") }
        if !anyWords.isEmpty { parts.append("any of " + anyWords.map { "\"\($0)\"" }.joined(separator: ", ")) }
        if sort != .date { parts.append("sorted by \(sort.rawValue)") }
        if let limit { parts.append("limit \(limit)") }
        if offset > 0 { parts.append("offset \(offset)") }
        return parts.joined(separator: " · ")
    }
}

extension QueryFilter {
    /// The full-text condition of `search` and `anyWords` together, or nil when there is none.
    public var fullText: FullTextQuery? { FullTextQuery(search: search, anyOf: anyWords) }
}

/// A user's search text turned into a safe FTS5 query: every word and "quoted phrase"
/// becomes a quoted FTS5 string, so no input is read as FTS5 syntax; all must match.
public struct FullTextQuery: Sendable, Hashable {
    /// The FTS5 MATCH expression.
    public let expression: String

    /// All of `search`, and at least one of the words `anyOf` (`"a" "b" AND ("c" OR "d")`:
    /// FTS5 reads two phrases side by side as both, but not a phrase beside a parenthesis).
    public init?(search: String?, anyOf words: [String]) {
        let all = search.flatMap(FullTextQuery.init)?.expression
        let either = words.compactMap { FullTextQuery($0)?.expression }
        let any = either.isEmpty ? nil : (either.count == 1 ? either[0] : "(" + either.joined(separator: " OR ") + ")")
        guard let expression = [all, any].compactMap({ $0 }).joined(separator: " AND ").nonEmpty else { return nil }
        self.expression = expression
    }

    /// The query of a user's text: each word and each "quoted phrase" quoted for FTS5; nil when it has no word.
    public init?(_ text: String) {
        var terms: [String] = []
        var current = ""
        var inQuotes = false
        func close() {
            let words = current.split(whereSeparator: { !($0.isLetter || $0.isNumber) })
            if !words.isEmpty {
                if inQuotes {
                    terms.append("\"" + words.joined(separator: " ") + "\"")
                } else {
                    terms += words.map { "\"\($0)\"" }
                }
            }
            current = ""
        }
        for character in text {
            if character == "\"" || character == "“" || character == "”" {
                close()
                inQuotes.toggle()
            } else {
                current.append(character)
            }
        }
        close()
        guard !terms.isEmpty else { return nil }
        expression = terms.joined(separator: " ")
    }
}

extension String {
    fileprivate var nonEmpty: String? { isEmpty ? nil : self }
}
