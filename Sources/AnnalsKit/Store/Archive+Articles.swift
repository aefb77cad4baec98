import GRDB

extension Archive {
    // MARK: - Reading articles

    /// The article with `id`, with its takeaways, implications and timeline in order.
    public func article(id: Int64) throws -> Article {
        try writer.read { db in
            guard let article = try Self.article(id: id, in: db) else {
                throw ArchiveError.notFound(kind: "article", id: id)
            }
            return article
        }
    }

    /// Calls `body` with every article, in id order, one at a time: memory stays flat.
    public func forEachArticle(limit: Int? = nil, _ body: (Article) throws -> Void) throws {
        try writer.read { db in
            let ids = try Int64.fetchCursor(db, sql: "SELECT id FROM articles ORDER BY id LIMIT ?", arguments: [limit ?? -1])
            while let id = try ids.next() {
                if let article = try Self.article(id: id, in: db) { try body(article) }
            }
        }
    }

    static func article(id: Int64, in db: Database) throws -> Article? {
        guard let row = try Row.fetchOne(
            db.cachedStatement(sql: """
                SELECT a.*, s.name AS source FROM articles a JOIN sources s ON s.id = a.source_id WHERE a.id = ?
                """),
            arguments: [id])
        else { return nil }
        var article = Article(
            id: row["id"], source: row["source"], title: row["title"], url: row["url"],
            publishedAt: row["published_at"], summary: row["summary"],
            tldr: TLDR(
                whatChanged: row["what_changed"], whyItMatters: row["why_it_matters"],
                whatToDoNext: row["what_to_do_next"], whoShouldCare: row["who_should_care"]),
            insight: row["insight"])
        article.takeaways = try String.fetchAll(
            db.cachedStatement(sql: "SELECT text FROM takeaways WHERE article_id = ? ORDER BY position"), arguments: [id])
        article.implications = try Row.fetchAll(
            db.cachedStatement(sql: "SELECT headline, detail FROM implications WHERE article_id = ? ORDER BY position"),
            arguments: [id]
        ).map { Implication(headline: $0["headline"], detail: $0["detail"]) }
        article.timeline = try Row.fetchAll(
            db.cachedStatement(sql: """
                SELECT date_text, date, precision, start, end, text FROM timeline_entries
                WHERE article_id = ? ORDER BY position
                """),
            arguments: [id]
        ).map { row in
            TimelineEntry(date: PartialDate(row: row), text: row["text"])
        }
        return article
    }

    // MARK: - Counts

    /// The number of rows in each of the archive's tables, in schema order.
    public func statistics() throws -> [(table: String, rows: Int)] {
        try writer.read { db in
            try Self.countedTables.map { table in
                (table, try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0)
            }
        }
    }

    static let countedTables = [
        "documents", "sources", "articles", "takeaways", "implications", "timeline_entries", "events", "topics",
        "entities", "event_topics", "event_entities", "article_topics", "article_entities", "event_corrections",
        "rejects", "ingest_runs", "seen_files",
    ]
}

extension PartialDate {
    /// A stored date: columns `date_text`, `date`, `precision`, `start`, `end`.
    init(row: Row) {
        let start: String? = row["start"]
        let end: String? = row["end"]
        self.init(
            text: row["date_text"], normalized: row["date"],
            precision: Precision(rawValue: row["precision"]) ?? .unknown,
            start: start.flatMap(Day.init(iso:)), end: end.flatMap(Day.init(iso:)))
    }
}

/// One line of an article listing.
public struct ArticleSummary: Sendable, Hashable {
    public var id: Int64
    public var source: String
    public var title: String
    public var publishedAt: String?
    public var takeaways: Int
    public var implications: Int
    public var timelineEntries: Int
}

extension Archive {
    /// Articles in id order, with the number of their parts.
    public func articleSummaries(limit: Int? = nil) throws -> [ArticleSummary] {
        try writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT a.id, s.name AS source, a.title, a.published_at,
                    (SELECT count(*) FROM takeaways t WHERE t.article_id = a.id) AS takeaways,
                    (SELECT count(*) FROM implications i WHERE i.article_id = a.id) AS implications,
                    (SELECT count(*) FROM timeline_entries e WHERE e.article_id = a.id) AS entries
                FROM articles a JOIN sources s ON s.id = a.source_id
                ORDER BY a.id LIMIT ?
                """, arguments: [limit ?? -1]
            ).map { row in
                ArticleSummary(
                    id: row["id"], source: row["source"], title: row["title"], publishedAt: row["published_at"],
                    takeaways: row["takeaways"], implications: row["implications"], timelineEntries: row["entries"])
            }
        }
    }
}
