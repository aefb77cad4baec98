// Listing events: the statement that pages and sorts them, the walk in date order, and the
// articles of many events read in one pass.

import GRDB

extension Archive {
    // MARK: - Events

    /// Calls `body` with each event matching `filter`, streaming: rows are read one at a time.
    /// `articleLimit` caps the articles each event lists (``Event/articleLimit`` by default;
    /// nil lists them all, as exports do).
    ///
    /// With every article listed, `articleTitles: false` leaves each ``ArticleRef/title``
    /// empty and the titles unread: a CSV export lists articles by id and source only, and
    /// so holds a few bytes per mention however large the archive.
    public func forEachEvent(
        matching filter: QueryFilter, articleLimit: Int? = Event.articleLimit, articleTitles: Bool = true,
        _ body: (Event) throws -> Void
    ) throws {
        // Every article of every event: one pass over the timeline, in storage order, costs
        // far less than looking each event's mentions and articles up (two random reads per
        // mention), and the events' sort then carries no article lists.
        let listsAll = articleLimit == nil
        try writer.read { db in
            let searched = try Self.searchedEventsByKeys(filter, db, limits: queryLimits)
                ?? Self.searchedEvents(filter, db, limits: queryLimits)
            let (sql, arguments) = try Self.eventQuery(
                filter, articleLimit: articleLimit, listsArticles: !listsAll,
                walkInDateOrder: try Self.walksInDateOrder(filter, db, searched: searched?.count), searchedEvents: searched)
            let lists = listsAll ? try ArticleLists(db, matching: filter, titles: articleTitles) : ArticleLists()
            let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
            while let row = try rows.next() {
                try body(Self.event(row, articles: listsAll ? lists.articles(ofEvent: row["id"]) : nil))
            }
        }
    }

    /// The one statement, and its arguments, that lists the events matching `filter`.
    /// Without `listsArticles`, its `articles` column is NULL (see ``ArticleLists``).
    ///
    /// A page (a `limit`) is chosen first, by id, and only its events get their columns:
    /// SQLite computes a row's columns (topics, entities, articles: three subqueries) before
    /// it sorts, so choosing the first 50 of 20,000 matches would otherwise compute them
    /// 20,000 times.
    ///
    /// With `walkInDateOrder` (see ``walksInDateOrder(_:_:searched:)``), the page is found by
    /// walking the events in date order and checking each one's tags, which stops at the
    /// page's end. With `searchedEvents` (``searchedEvents(_:_:limits:markingBudget:)``), a
    /// search that is not ranked keeps those events rather than looking each hit's event up.
    static func eventQuery(
        _ filter: QueryFilter, articleLimit: Int? = Event.articleLimit, listsArticles: Bool = true, walkInDateOrder: Bool = false,
        searchedEvents: [Int64]? = nil
    ) throws -> (String, StatementArguments) {
        let filter = try filter.validated()
        let matching = Self.matchingEvents(filter, searched: searchedEvents)
        func order(rank: String) -> String {
            switch filter.sort {
            case .date: return "e.start IS NULL, e.start, e.end, e.id"
            case .recent: return "e.end IS NULL, e.end DESC, e.start DESC, e.id DESC"
            case .mentions: return "e.mentions DESC, e.start IS NULL, e.start, e.id"
            case .relevance: return matching.ranked ? "\(rank), e.start, e.id" : "e.start IS NULL, e.start, e.id"
            }
        }
        var arguments = matching.arguments
        arguments += [filter.limit ?? -1, filter.offset]
        guard filter.limit != nil else {
            let sql = Self.eventSelect(articleLimit: articleLimit, listsArticles: listsArticles) + """
                 \(matching.sql)
                ORDER BY \(order(rank: "hit.rank"))
                LIMIT ? OFFSET ?
                """
            return (sql, arguments)
        }
        var page = """
            (SELECT e.id AS id\(matching.ranked ? ", hit.rank AS rank" : "") FROM events e
             \(matching.sql)
             ORDER BY \(order(rank: "hit.rank"))
             LIMIT ? OFFSET ?) page
            JOIN events e ON e.id = page.id
            """
        if walkInDateOrder, filter.sort == .date, !matching.ranked, let limit = filter.limit {
            (page, arguments) = Self.dateOrderPage(filter, limit: limit, searched: searchedEvents)
        }
        let sql = Self.eventSelect(articleLimit: articleLimit, listsArticles: listsArticles, from: page)
            + "\nORDER BY \(order(rank: "page.rank"))"
        return (sql, arguments)
    }

    /// Whether the page of `filter`'s events is found faster by walking the events in date
    /// order through `events_by_interval`, checking each one's tags, than by collecting every
    /// tagged event and sorting them. The walk reads about (limit + offset) × events ÷ tagged
    /// index entries, the collection `tagged` rows: walk when that is fewer. Only for a
    /// page in date order with topic or entity filters, or a search whose `searched` events
    /// (``searchedEvents(_:_:limits:markingBudget:)``, their count) are known; not for a
    /// search without them.
    static func walksInDateOrder(_ filter: QueryFilter, _ db: Database, searched: Int? = nil) throws -> Bool {
        let tags = !filter.topics.isEmpty || !filter.entities.isEmpty || !filter.anyEntities.isEmpty
        guard filter.sort == .date, let limit = filter.limit, (filter.fullText == nil) == (searched == nil),
              tags || searched != nil, filter.allTopics.isEmpty
        else { return false }
        // The fewest events that any one of the tag conditions (or the search) lets through.
        var tagged = searched ?? Int.max
        if !filter.topics.isEmpty {
            let count = try Int.fetchOne(db, sql: """
                SELECT count(*) FROM event_topics WHERE topic_id IN (
                    SELECT id FROM topics WHERE slug IN (\(SQLConditions.placeholders(filter.topics.count))))
                """, arguments: StatementArguments(filter.topics)) ?? 0
            tagged = min(tagged, count)
        }
        for entity in filter.entities {
            let count = try Int.fetchOne(db, sql: """
                SELECT count(*) FROM event_entities WHERE entity_id = (SELECT id FROM entities WHERE name = ?)
                """, arguments: [entity]) ?? 0
            tagged = min(tagged, count)
        }
        if !filter.anyEntities.isEmpty {
            let count = try Int.fetchOne(db, sql: """
                SELECT count(*) FROM event_entities WHERE entity_id IN (
                    SELECT id FROM entities WHERE name IN (\(SQLConditions.placeholders(filter.anyEntities.count))))
                """, arguments: StatementArguments(filter.anyEntities)) ?? 0
            tagged = min(tagged, count)
        }
        // About the number of events, without counting them (a scan of 800k index entries
        // costs more than the page): ids grow by one per event and few are ever deleted.
        let events = try Int.fetchOne(db, sql: "SELECT max(id) FROM events") ?? 0
        guard tagged > 0 else { return false }
        return Double(limit + filter.offset) * Double(events) / Double(tagged) < Double(tagged)
    }

    /// The page subquery (`… page JOIN events e`) of a walk in date order, and all its arguments.
    /// Events with a date come first, in index order; events without one after them (the
    /// order of `e.start IS NULL, e.start, e.end, e.id`). A date's interval lies within one
    /// calendar year (the vaguest date Annals reads is a year), so an event that ends on or
    /// after `since` starts on or after January 1 of its year: the walk begins there rather
    /// than at the oldest event.
    ///
    /// A search's events are `searched` (``searchedEvents(_:_:limits:markingBudget:)``), a
    /// set each event is looked up in.
    static func dateOrderPage(_ filter: QueryFilter, limit: Int, searched: [Int64]? = nil) -> (String, StatementArguments) {
        func conditions() -> SQLConditions {
            var conditions = FilterTarget.events.conditions(filter, tagsPerRow: true)
            if let searched { conditions.add(Self.searchedCondition, [Self.searchedArgument(searched)]) }
            return conditions
        }
        var dated = conditions()
        dated.add("e.start IS NOT NULL")
        if let since = filter.since { dated.add("e.start >= ?", ["\(since.year)-01-01"]) }
        var arguments = dated.arguments
        var sql = """
            SELECT e.id AS id, 0 AS undated, e.start AS start, e.end AS end FROM events e INDEXED BY events_by_interval
            \(dated.sql)
            ORDER BY e.start, e.end, e.id LIMIT ?
            """
        arguments += [limit + filter.offset]
        if filter.since == nil && filter.until == nil {
            // Undated events can match too: they follow the dated ones.
            var undated = conditions()
            undated.add("e.start IS NULL")
            sql = """
                SELECT * FROM (\(sql))
                UNION ALL
                SELECT * FROM (SELECT e.id, 1, NULL, NULL FROM events e \(undated.sql) ORDER BY e.id LIMIT ?)
                """
            arguments += undated.arguments
            arguments += [limit + filter.offset]
        }
        let page = """
            (SELECT id FROM (\(sql)) ORDER BY undated, start, end, id LIMIT ? OFFSET ?) page
            JOIN events e ON e.id = page.id
            """
        arguments += [limit, filter.offset]
        return (page, arguments)
    }

    /// What follows `FROM events e` to keep the events matching `filter` (limit and offset
    /// aside), and whether it joins the search hits as `hit` with their `rank`: only when
    /// the answer is sorted by relevance. Otherwise a search is a condition (the events some
    /// hit mentions), and no hit's rank is computed: ranking every hit of a common phrase
    /// (29k at 100k cards) was most of a first page's time in date order. Those events, when
    /// already known (`searched`, from ``searchedEvents(_:_:limits:markingBudget:)``), are
    /// the condition instead.
    static func matchingEvents(
        _ filter: QueryFilter, searched: [Int64]? = nil
    ) -> (sql: String, arguments: StatementArguments, ranked: Bool) {
        var conditions = FilterTarget.events.conditions(filter)
        var arguments = StatementArguments()
        var rankJoin = ""
        if let searched, filter.sort != .relevance, filter.fullText != nil {
            conditions.add(Self.searchedCondition, [Self.searchedArgument(searched)])
        } else if let search = filter.fullText {
            let hits = """
                FROM search_index f JOIN timeline_entries te ON te.id = \(SearchKey.rowID(of: "f.rowid"))
                WHERE search_index MATCH ? AND \(SearchKey.timeline.holds(for: "f.rowid"))
                """
            if filter.sort == .relevance {
                rankJoin = "JOIN (SELECT te.event_id AS event_id, min(f.rank) AS rank \(hits) GROUP BY te.event_id) hit ON hit.event_id = e.id"
                arguments += [search.expression]
            } else {
                conditions.add("e.id IN (SELECT te.event_id \(hits))", [search.expression])
            }
        }
        arguments += conditions.arguments
        return (rankJoin + "\n" + conditions.sql, arguments, !rankJoin.isEmpty)
    }

    /// The columns of an ``Event``, from `events e` (or `from`, which names the events `e`).
    /// Without `listsArticles` the `articles` column is NULL: the caller reads the lists apart.
    static func eventSelect(articleLimit: Int?, listsArticles: Bool = true, from: String = "events e") -> String {
        let articles = !listsArticles ? "NULL" : """
            (SELECT group_concat(ref, char(30)) FROM (SELECT a.id || char(31) || s.name || char(31) || a.title AS ref
                FROM (SELECT article_id FROM timeline_entries WHERE event_id = e.id ORDER BY id LIMIT \(articleLimit ?? -1)) te
                JOIN articles a ON a.id = te.article_id JOIN sources s ON s.id = a.source_id))
            """
        return """
        SELECT e.id, e.date_text, e.date, e.precision, e.start, e.end, e.text, e.mentions,
            (SELECT group_concat(slug, char(31)) FROM (SELECT t.slug FROM event_topics et JOIN topics t ON t.id = et.topic_id
                WHERE et.event_id = e.id ORDER BY t.position)) AS topics,
            (SELECT group_concat(name, char(31)) FROM (SELECT n.name FROM event_entities ee JOIN entities n ON n.id = ee.entity_id
                WHERE ee.event_id = e.id ORDER BY n.name)) AS entities,
            \(articles) AS articles
        FROM \(from)
        """
    }

    /// The events matching `filter`, in memory: for small answers.
    public func events(matching filter: QueryFilter) throws -> [Event] {
        var events: [Event] = []
        try forEachEvent(matching: filter) { events.append($0) }
        return events
    }

    /// The event in a row of ``eventSelect(articleLimit:listsArticles:from:)``, by column
    /// name; its articles are `articles` when given, else read from the row.
    static func event(_ row: Row, articles: [ArticleRef]? = nil) -> Event {
        Event(
            id: row["id"], date: PartialDate(row: row), text: row["text"], topics: split(row["topics"]),
            entities: split(row["entities"]), mentions: row["mentions"],
            articles: articles ?? uniqueArticles(split(row["articles"], by: "\u{1E}").compactMap(articleRef)))
    }

    /// The articles in order of first mention, each once (an article may mention an event twice).
    static func uniqueArticles(_ articles: [ArticleRef]) -> [ArticleRef] {
        guard articles.count > 1 else { return articles }
        var seen = Set<Int64>(minimumCapacity: articles.count)
        return articles.filter { seen.insert($0.id).inserted }
    }

    static func articleRef(_ packed: String) -> ArticleRef? {
        let parts = packed.utf8.split(separator: 0x1F, maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, let id = Int64(Substring(parts[0])) else { return nil }
        return ArticleRef(id: id, title: String(Substring(parts[2])), source: String(Substring(parts[1])))
    }
}
