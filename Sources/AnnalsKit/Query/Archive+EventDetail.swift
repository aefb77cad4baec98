import GRDB

extension Archive {
    // MARK: - Events

    /// The event with `id`.
    public func event(id: Int64) throws -> Event {
        try writer.read { db in
            guard let row = try Row.fetchOne(db, sql: Self.eventSelect(articleLimit: nil) + " WHERE e.id = ?", arguments: [id]) else {
                throw ArchiveError.notFound(kind: "event", id: id)
            }
            return Self.event(row)
        }
    }

    /// The timeline entries that mention event `id`, oldest article first.
    public func mentions(ofEvent id: Int64) throws -> [TimelineRow] {
        try writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT x.id, x.event_id, x.position, x.date_text, x.date, x.precision, x.start, x.end, x.text,
                    a.id AS article_id, a.title, s.name AS source
                FROM timeline_entries x JOIN articles a ON a.id = x.article_id JOIN sources s ON s.id = a.source_id
                WHERE x.event_id = ? ORDER BY a.id, x.position
                """, arguments: [id]
            ).map { row in
                TimelineRow(
                    id: row["id"], article: ArticleRef(id: row["article_id"], title: row["title"], source: row["source"]),
                    eventID: row["event_id"], position: row["position"], date: PartialDate(row: row), text: row["text"])
            }
        }
    }
}
