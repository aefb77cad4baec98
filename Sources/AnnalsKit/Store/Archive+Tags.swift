// The topic and entity tables, kept to the taxonomy's, and the tags of articles and events.

import GRDB

extension Archive {
    // MARK: - Taxonomy tables

    /// Makes the `topics` and `entities` tables list exactly the taxonomy's, keeping the
    /// ids of those that stay (their tags stay too) and dropping the tags of those gone.
    static func syncTags(_ taxonomy: Taxonomy, in db: Database) throws {
        let slugs = taxonomy.topics.map(\.slug)
        for (position, topic) in taxonomy.topics.enumerated() {
            try db.execute(sql: """
                INSERT INTO topics (slug, name, description, position) VALUES (?, ?, ?, ?)
                ON CONFLICT (slug) DO UPDATE SET name = excluded.name, description = excluded.description,
                    position = excluded.position
                """, arguments: [topic.slug, topic.name, topic.description, position])
        }
        try db.execute(sql: "DELETE FROM topics WHERE slug NOT IN (SELECT value FROM json_each(?))",
            arguments: [String(decoding: JSONWriter().data(.array(slugs.map(JSONValue.string))), as: UTF8.self)])
        for entity in taxonomy.entities {
            try db.execute(sql: """
                INSERT INTO entities (name, kind) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET kind = excluded.kind
                """, arguments: [entity.name, entity.kind.rawValue])
        }
        try db.execute(sql: "DELETE FROM entities WHERE name NOT IN (SELECT value FROM json_each(?))",
            arguments: [String(decoding: JSONWriter().data(.array(taxonomy.entities.map { .string($0.name) })), as: UTF8.self)])
    }

    /// Topic and entity ids by slug and name, for one write transaction.
    struct TagIDs {
        var topics: [String: Int64]
        var entities: [String: Int64]

        init(_ db: Database) throws {
            topics = Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT slug, id FROM topics").map { ($0[0], $0[1]) })
            entities = Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT name, id FROM entities").map { ($0[0], $0[1]) })
        }
    }

    /// Tags an article with exactly `topics` and `entities`; `replacing` drops the tags it had
    /// (a new article has none).
    static func tagArticle(_ id: Int64, topics: [String], entities: [String], tags: TagIDs, replacing: Bool = true, in db: Database) throws {
        if replacing {
            try db.cachedStatement(sql: "DELETE FROM article_topics WHERE article_id = ?").execute(arguments: [id])
            try db.cachedStatement(sql: "DELETE FROM article_entities WHERE article_id = ?").execute(arguments: [id])
        }
        let topic = try db.cachedStatement(sql: "INSERT OR IGNORE INTO article_topics (topic_id, article_id) VALUES (?, ?)")
        for slug in topics { if let tag = tags.topics[slug] { try topic.execute(arguments: [tag, id]) } }
        let entity = try db.cachedStatement(sql: "INSERT OR IGNORE INTO article_entities (entity_id, article_id) VALUES (?, ?)")
        for name in entities { if let tag = tags.entities[name] { try entity.execute(arguments: [tag, id]) } }
    }

    /// Adds a mention's entities to its event; returns whether it gained one (its `entities`
    /// column is then refreshed). Topics follow the mentions' support: ``syncTopics(ofEvent:in:)``.
    @discardableResult
    static func tagEvent(_ id: Int64, entities: [String], tags: TagIDs, in db: Database) throws -> Bool {
        let added = try linkEntities(ofEvent: id, entities: entities, tags: tags, in: db)
        if added { try refreshEntityNames(ofEvent: id, in: db) }
        return added
    }

    /// Adds the event's entity links (not its `entities` column); returns whether one was new.
    static func linkEntities(ofEvent id: Int64, entities: [String], tags: TagIDs, in db: Database) throws -> Bool {
        let entity = try db.cachedStatement(sql: "INSERT OR IGNORE INTO event_entities (entity_id, event_id) VALUES (?, ?)")
        var added = false
        for name in entities {
            if let tag = tags.entities[name] {
                try entity.execute(arguments: [tag, id])
                added = added || db.changesCount > 0
            }
        }
        return added
    }

    /// Gives an event the topics at least a quarter of its mentions have
    /// (`event_topic_support`, kept by triggers as mentions come and go): a topic one line of
    /// eight names in passing (`the chipmaker` in a line about a licence) is not the event's.
    static func syncTopics(ofEvent id: Int64, in db: Database) throws {
        try db.cachedStatement(sql: "DELETE FROM event_topics WHERE event_id = ?").execute(arguments: [id])
        try db.cachedStatement(sql: """
            INSERT INTO event_topics (topic_id, event_id) SELECT s.topic_id, s.event_id FROM event_topic_support s
            WHERE s.event_id = ?1 AND s.mentions > 0 AND s.mentions * \(topicShare) >= (SELECT max(mentions, 1) FROM events WHERE id = ?1)
            """).execute(arguments: [id])
    }

    /// An event's topic is held by at least one in this many of its mentions.
    public static let topicShare = 4

    /// The topics of every event from its support, after the support was rebuilt.
    static func syncAllTopics(in db: Database) throws {
        try db.execute(sql: """
            DELETE FROM event_topics;
            INSERT INTO event_topics (topic_id, event_id) SELECT s.topic_id, s.event_id FROM event_topic_support s
            JOIN events e ON e.id = s.event_id WHERE s.mentions > 0 AND s.mentions * \(topicShare) >= max(e.mentions, 1);
            """)
    }

    /// The names `events.entities` holds (joined by U+001F) for these entities: the known
    /// ones, once each, sorted as SQLite sorts them in ``refreshEntityNames(ofEvent:in:)`` (bytewise).
    static func entityNames(_ entities: [String], tags: TagIDs) -> [String] {
        Set(entities.filter { tags.entities[$0] != nil })
            .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// Copies an event's entity names into `events.entities`, where the merger reads them.
    static func refreshEntityNames(ofEvent id: Int64, in db: Database) throws {
        try db.cachedStatement(sql: """
            UPDATE events SET entities = coalesce((SELECT group_concat(name, char(31)) FROM (
                SELECT n.name FROM event_entities ee JOIN entities n ON n.id = ee.entity_id
                WHERE ee.event_id = events.id ORDER BY n.name)), '') WHERE id = ?
            """).execute(arguments: [id])
    }
}
