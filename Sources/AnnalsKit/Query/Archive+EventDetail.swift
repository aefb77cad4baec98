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

    /// How many of event `id`'s mentions have each topic, most first, and whether that is
    /// enough for the event to have it (one mention in ``topicShare`` or more).
    public func topicSupport(ofEvent id: Int64) throws -> [TopicSupport] {
        try writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT t.slug, s.mentions, EXISTS (SELECT 1 FROM event_topics et WHERE et.event_id = s.event_id AND et.topic_id = s.topic_id) AS kept
                FROM event_topic_support s JOIN topics t ON t.id = s.topic_id
                WHERE s.event_id = ? AND s.mentions > 0 ORDER BY s.mentions DESC, t.slug
                """, arguments: [id]
            ).map { TopicSupport(topic: $0["slug"], mentions: $0["mentions"], kept: $0["kept"]) }
        }
    }
}

/// How many of an event's mentions have one topic (``Archive/topicSupport(ofEvent:)``).
public struct TopicSupport: Sendable, Hashable {
    /// The topic's slug.
    public var topic: String
    /// The mentions whose text has the topic.
    public var mentions: Int
    /// Whether the event has the topic: one mention in ``Archive/topicShare`` or more does.
    public var kept: Bool
}
