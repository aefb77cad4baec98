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
    public func statistics() throws -> [TableCount] {
        try writer.read { db in
            try Self.countedTables.map { table in
                TableCount(table: table, rows: try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0)
            }
        }
    }

    static let countedTables = [
        "documents", "sources", "articles", "takeaways", "implications", "timeline_entries", "events", "topics",
        "entities", "event_topics", "event_entities", "article_topics", "article_entities", "event_corrections",
        "rejects", "ingest_runs", "seen_files",
    ]
}

/// How many rows one of the archive's tables holds (``Archive/statistics()``).
public struct TableCount: Sendable, Hashable {
    /// The table's name in the schema, e.g. `timeline_entries`.
    public var table: String
    /// How many rows it holds (`SELECT count(*)`).
    public var rows: Int
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

