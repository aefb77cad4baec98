import GRDB

/// A WHERE clause and its arguments, assembled from a ``QueryFilter`` only: user
/// text never becomes SQL, it is always a bound argument.
struct SQLConditions {
    var clauses: [String] = []
    var arguments = StatementArguments()

    mutating func add(_ clause: String, _ values: [(any DatabaseValueConvertible)?] = []) {
        clauses.append(clause)
        arguments += StatementArguments(values)
    }

    var sql: String { clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND ") }

    static func placeholders(_ count: Int) -> String {
        Array(repeating: "?", count: count).joined(separator: ", ")
    }
}

/// How the shared filters reach one kind of row: which columns hold its interval,
/// which tag tables tag it, how its source is known, and which full-text rows are its.
struct FilterTarget {
    /// Columns of the row's interval: `since` compares `end`, `until` compares `start`.
    var start: String
    var end: String
    /// The column the tag tables point to, and the tables: `event` or `article`.
    var tagged: String
    var tags: String
    /// A condition on `s.key` (sources joined as `s`), or on the event's mentions.
    var sourceViaMentions: Bool
    /// The row's id column and its kind in `search_index` (see ``SearchKey``).
    var searchRow: String
    var searchKind: SearchKey

    static let events = FilterTarget(
        start: "e.start", end: "e.end", tagged: "e.id", tags: "event", sourceViaMentions: true, searchRow: "", searchKind: .timeline)
    static let timeline = FilterTarget(
        start: "x.start", end: "x.end", tagged: "x.event_id", tags: "event", sourceViaMentions: false,
        searchRow: "x.id", searchKind: .timeline)
    static func article(row: String, kind: SearchKey) -> FilterTarget {
        FilterTarget(start: "a.day", end: "a.day", tagged: "a.id", tags: "article", sourceViaMentions: false, searchRow: row, searchKind: kind)
    }

    /// The conditions `filter` sets on this kind of row. Tags are a set the row must be in,
    /// or, with `tagsPerRow`, a lookup for each row (for a walk that stops early).
    func conditions(_ filter: QueryFilter, tagsPerRow: Bool = false) -> SQLConditions {
        var conditions = SQLConditions()
        if let since = filter.since { conditions.add("\(end) >= ?", [since.iso]) }
        if let until = filter.until { conditions.add("\(start) <= ?", [until.iso]) }
        /// The row has a tag of `facet` (`topics` or `entities`) whose `key` is one of `values`.
        func hasTag(_ facet: String, key: String, oneOf values: [String]) {
            let column = facet == "topics" ? "topic_id" : "entity_id"
            let names = SQLConditions.placeholders(values.count)
            conditions.add(tagsPerRow ? """
                EXISTS (SELECT 1 FROM \(tags)_\(facet) g WHERE g.\(tags)_id = \(tagged)
                        AND g.\(column) IN (SELECT id FROM \(facet) WHERE \(key) IN (\(names))))
                """ : """
                \(tagged) IN (SELECT g.\(tags)_id FROM \(tags)_\(facet) g JOIN \(facet) x ON x.id = g.\(column)
                         WHERE x.\(key) IN (\(names)))
                """, values)
        }
        if !filter.topics.isEmpty { hasTag("topics", key: "slug", oneOf: filter.topics) }
        for topic in filter.allTopics { hasTag("topics", key: "slug", oneOf: [topic]) }
        for entity in filter.entities { hasTag("entities", key: "name", oneOf: [entity]) }
        if !filter.anyEntities.isEmpty { hasTag("entities", key: "name", oneOf: filter.anyEntities) }
        if !filter.sources.isEmpty {
            let keys = SQLConditions.placeholders(filter.sources.count)
            conditions.add(sourceViaMentions ? """
                e.id IN (SELECT te.event_id FROM timeline_entries te JOIN articles a ON a.id = te.article_id
                         JOIN sources s ON s.id = a.source_id WHERE s.key IN (\(keys)))
                """ : "s.key IN (\(keys))", filter.sources.map(Normalize.sourceKey))
        }
        if !searchRow.isEmpty, let search = filter.fullText {
            conditions.add(
                "\(searchKind.key(of: searchRow)) IN (SELECT rowid FROM search_index WHERE search_index MATCH ?)",
                [search.expression])
        }
        return conditions
    }
}

extension Archive {
    // MARK: - Articles and their parts

    static func order(_ filter: QueryFilter, rank: String?, tieBreak: String) -> String {
        switch filter.sort {
        case .date, .mentions: return "a.day, \(tieBreak)"
        case .recent: return "a.day DESC, \(tieBreak) DESC"
        case .relevance:
            guard let rank, filter.fullText != nil else { return "a.day, \(tieBreak)" }
            return "\(rank), a.day, \(tieBreak)"
        }
    }

    static func rankExpression(_ filter: QueryFilter, rowColumn: String, kind: SearchKey) -> (sql: String, arguments: StatementArguments)? {
        guard filter.sort == .relevance, let search = filter.fullText else { return nil }
        return ("(SELECT rank FROM search_index WHERE search_index MATCH ? AND rowid = \(kind.key(of: rowColumn)))", [search.expression])
    }

    /// Calls `body` with each article matching `filter`, streaming.
    public func forEachArticle(matching filter: QueryFilter, _ body: (ArticleRow) throws -> Void) throws {
        let (sql, arguments) = try Self.articleQuery(filter)
        try writer.read { db in
            let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
            while let row = try rows.next() {
                try body(ArticleRow(
                    id: row["id"], source: row["source"], title: row["title"], url: row["url"],
                    publishedAt: row["published_at"], day: row["day"], summary: row["summary"],
                    topics: Self.split(row["topics"]), entities: Self.split(row["entities"]),
                    takeaways: row["takeaways"], implications: row["implications"], timelineEntries: row["entries"]))
            }
        }
    }

    /// The one statement, and its arguments, that lists the articles matching `filter`.
    static func articleQuery(_ filter: QueryFilter) throws -> (String, StatementArguments) {
        let filter = try filter.validated()
        let conditions = FilterTarget.article(row: "a.id", kind: .article).conditions(filter)
        let rank = Self.rankExpression(filter, rowColumn: "a.id", kind: .article)
        var arguments = conditions.arguments
        if let rank { arguments += rank.arguments }
        arguments += [filter.limit ?? -1, filter.offset]
        let sql = """
            SELECT a.id, s.name AS source, a.title, a.url, a.published_at, a.day, a.summary,
                (SELECT group_concat(slug, char(31)) FROM (SELECT t.slug FROM article_topics at JOIN topics t ON t.id = at.topic_id
                    WHERE at.article_id = a.id ORDER BY t.position)) AS topics,
                (SELECT group_concat(name, char(31)) FROM (SELECT n.name FROM article_entities ae JOIN entities n ON n.id = ae.entity_id
                    WHERE ae.article_id = a.id ORDER BY n.name)) AS entities,
                (SELECT count(*) FROM takeaways t WHERE t.article_id = a.id) AS takeaways,
                (SELECT count(*) FROM implications i WHERE i.article_id = a.id) AS implications,
                (SELECT count(*) FROM timeline_entries te WHERE te.article_id = a.id) AS entries
            FROM articles a JOIN sources s ON s.id = a.source_id
            \(conditions.sql)
            ORDER BY \(Self.order(filter, rank: rank?.sql, tieBreak: "a.id"))
            LIMIT ? OFFSET ?
            """
        return (sql, arguments)
    }

    /// Calls `body` with each takeaway whose article matches `filter` (search: in the takeaway's text).
    public func forEachTakeaway(matching filter: QueryFilter, _ body: (TakeawayRow) throws -> Void) throws {
        try forEachPart(table: "takeaways", columns: "x.text", searchKind: .takeaway, filter: filter) { row, article in
            try body(TakeawayRow(id: row["id"], article: article, day: row["day"], position: row["position"], text: row["text"]))
        }
    }

    /// Calls `body` with each implication whose article matches `filter` (search: in the implication).
    public func forEachImplication(matching filter: QueryFilter, _ body: (ImplicationRow) throws -> Void) throws {
        try forEachPart(table: "implications", columns: "x.headline, x.detail", searchKind: .implication, filter: filter) { row, article in
            try body(ImplicationRow(
                id: row["id"], article: article, day: row["day"], position: row["position"], headline: row["headline"],
                detail: row["detail"]))
        }
    }

    /// Streams the rows of an article part table (`x`), filtered through their articles.
    private func forEachPart(
        table: String, columns: String, searchKind: SearchKey, filter: QueryFilter, _ body: (Row, ArticleRef) throws -> Void
    ) throws {
        let filter = try filter.validated()
        let conditions = FilterTarget.article(row: "x.id", kind: searchKind).conditions(filter)
        let rank = Self.rankExpression(filter, rowColumn: "x.id", kind: searchKind)
        var arguments = conditions.arguments
        if let rank { arguments += rank.arguments }
        arguments += [filter.limit ?? -1, filter.offset]
        let sql = """
            SELECT x.id, x.position, \(columns), a.id AS article_id, a.title, s.name AS source, a.day
            FROM \(table) x JOIN articles a ON a.id = x.article_id JOIN sources s ON s.id = a.source_id
            \(conditions.sql)
            ORDER BY \(Self.order(filter, rank: rank?.sql, tieBreak: "x.article_id, x.position"))
            LIMIT ? OFFSET ?
            """
        try writer.read { db in
            let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
            while let row = try rows.next() {
                try body(row, ArticleRef(id: row["article_id"], title: row["title"], source: row["source"]))
            }
        }
    }

    /// Calls `body` with each timeline entry matching `filter`: dates, topics and entities
    /// are those of the entry's event; sources those of its article.
    public func forEachTimelineEntry(matching filter: QueryFilter, _ body: (TimelineRow) throws -> Void) throws {
        let filter = try filter.validated()
        let conditions = FilterTarget.timeline.conditions(filter)
        var arguments = conditions.arguments
        arguments += [filter.limit ?? -1, filter.offset]
        let order = filter.sort == .recent ? "x.end DESC, x.id DESC" : "x.start IS NULL, x.start, x.end, x.id"
        let sql = """
            SELECT x.id, x.event_id, x.position, x.date_text, x.date, x.precision, x.start, x.end, x.text,
                a.id AS article_id, a.title, s.name AS source
            FROM timeline_entries x JOIN articles a ON a.id = x.article_id JOIN sources s ON s.id = a.source_id
            \(conditions.sql)
            ORDER BY \(order)
            LIMIT ? OFFSET ?
            """
        try writer.read { db in
            let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
            while let row = try rows.next() {
                try body(TimelineRow(
                    id: row["id"], article: ArticleRef(id: row["article_id"], title: row["title"], source: row["source"]),
                    eventID: row["event_id"], position: row["position"], date: PartialDate(row: row), text: row["text"]))
            }
        }
    }

    // MARK: - Full-text search across kinds

    /// Ranked hits across articles, takeaways, implications and timeline entries.
    public func search(_ text: String, limit: Int = 50) throws -> [SearchHit] {
        guard let query = FullTextQuery(text) else { throw QueryError.emptySearch }
        let id = SearchKey.rowID(of: "f.rowid")
        let articleOfHit = SearchKey.allCases.map { kind in
            "WHEN \(kind.rawValue) THEN " + (kind == .article ? id : "(SELECT article_id FROM \(kind.table) WHERE id = \(id))")
        }.joined(separator: " ")
        let sql = """
            SELECT f.rowid AS rowid, f.rank AS rank, snippet(search_index, -1, '[', ']', '…', 12) AS snippet,
                CASE \(SearchKey.code(of: "f.rowid")) \(articleOfHit) END AS article_id,
                CASE WHEN \(SearchKey.timeline.holds(for: "f.rowid")) THEN (SELECT event_id FROM timeline_entries WHERE id = \(id)) END AS event_id
            FROM search_index f WHERE search_index MATCH ? ORDER BY f.rank LIMIT ?
            """
        return try writer.read { db in
            try Row.fetchAll(db, sql: sql, arguments: [query.expression, limit]).compactMap { row in
                let rowid: Int64 = row["rowid"]
                guard let articleID: Int64 = row["article_id"],
                    let article = try Row.fetchOne(
                        db.cachedStatement(sql: "SELECT a.title, s.name FROM articles a JOIN sources s ON s.id = a.source_id WHERE a.id = ?"),
                        arguments: [articleID])
                else { return nil }
                return SearchHit(
                    kind: SearchKey(key: rowid).name, id: SearchKey.rowID(ofKey: rowid),
                    article: ArticleRef(id: articleID, title: article[0], source: article[1]),
                    eventID: row["event_id"], snippet: row["snippet"], rank: row["rank"])
            }
        }
    }
}
