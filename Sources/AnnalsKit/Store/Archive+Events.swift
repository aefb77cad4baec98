import Foundation
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

    static func tagArticle(_ id: Int64, topics: [String], entities: [String], tags: TagIDs, in db: Database) throws {
        try db.cachedStatement(sql: "DELETE FROM article_topics WHERE article_id = ?").execute(arguments: [id])
        try db.cachedStatement(sql: "DELETE FROM article_entities WHERE article_id = ?").execute(arguments: [id])
        let topic = try db.cachedStatement(sql: "INSERT OR IGNORE INTO article_topics (topic_id, article_id) VALUES (?, ?)")
        for slug in topics { if let tag = tags.topics[slug] { try topic.execute(arguments: [tag, id]) } }
        let entity = try db.cachedStatement(sql: "INSERT OR IGNORE INTO article_entities (entity_id, article_id) VALUES (?, ?)")
        for name in entities { if let tag = tags.entities[name] { try entity.execute(arguments: [tag, id]) } }
    }

    static func tagEvent(_ id: Int64, topics: [String], entities: [String], tags: TagIDs, in db: Database) throws {
        let topic = try db.cachedStatement(sql: "INSERT OR IGNORE INTO event_topics (topic_id, event_id) VALUES (?, ?)")
        for slug in topics { if let tag = tags.topics[slug] { try topic.execute(arguments: [tag, id]) } }
        let entity = try db.cachedStatement(sql: "INSERT OR IGNORE INTO event_entities (entity_id, event_id) VALUES (?, ?)")
        for name in entities { if let tag = tags.entities[name] { try entity.execute(arguments: [tag, id]) } }
    }

    // MARK: - Placing timeline entries in events

    /// The event a new mention belongs to: an analyst's correction first, then an event
    /// with the same terms, then the merger's best candidate among events of the same
    /// year that share its rarest terms; otherwise a new event.
    static func placeMention(
        _ entry: TimelineEntry, facts: EntryFacts, merger: EventMerger, tags: TagIDs, at now: String, in db: Database
    ) throws -> Int64 {
        if let corrected = try correctedEvent(for: facts.mentionKey, in: db) {
            if let event = corrected {
                try tagEvent(event, topics: facts.topics, entities: facts.entities, tags: tags, in: db)
                return event
            }
            return try createEvent(entry, facts: facts, tags: tags, at: now, in: db)
        }
        let year = entry.date.start?.year
        var candidates = try Row.fetchAll(
            db.cachedStatement(sql: """
                SELECT id, date_text, date, precision, start, end, terms FROM events
                WHERE year IS ? AND signature = ? AND (year IS NOT NULL OR date_text = ?) LIMIT 8
                """),
            arguments: [year, facts.signature, entry.date.text])
        if candidates.isEmpty, let year {
            let probes = try rarestTerms(facts.terms, year: year, count: 3, in: db)
            if !probes.isEmpty {
                candidates = try Row.fetchAll(db, sql: """
                    SELECT id, date_text, date, precision, start, end, terms FROM events WHERE id IN (
                        SELECT event_id FROM event_terms WHERE year = ? AND term IN (\(SQLConditions.placeholders(probes.count)))
                    ) LIMIT 200
                    """, arguments: [year] + StatementArguments(probes))
            }
        }
        let snapshots = try candidates.map { row in
            let id: Int64 = row["id"]
            return EventCandidate(
                id: id, date: PartialDate(row: row), terms: split(row["terms"], by: " "),
                entities: try String.fetchAll(
                    db.cachedStatement(sql: "SELECT n.name FROM event_entities ee JOIN entities n ON n.id = ee.entity_id WHERE ee.event_id = ?"),
                    arguments: [id]))
        }
        if let event = merger.bestMatch(for: facts, dated: entry.date, among: snapshots) {
            try tagEvent(event, topics: facts.topics, entities: facts.entities, tags: tags, in: db)
            return event
        }
        return try createEvent(entry, facts: facts, tags: tags, at: now, in: db)
    }

    /// The `count` terms with the shortest posting lists in `year` (counted up to 256).
    static func rarestTerms(_ terms: [String], year: Int, count: Int, in db: Database) throws -> [String] {
        let statement = try db.cachedStatement(sql: """
            SELECT count(*) FROM (SELECT 1 FROM event_terms WHERE term = ? AND year = ? LIMIT 256)
            """)
        var counted: [(String, Int)] = []
        for term in terms {
            let postings = try Int.fetchOne(statement, arguments: [term, year]) ?? 0
            if postings > 0 { counted.append((term, postings)) }
        }
        return counted.sorted { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }.prefix(count).map(\.0)
    }

    /// An analyst's correction for the mention `key`: `.some(event)` to join the event of a
    /// mention it was merged with, `.some(nil)` to stand alone (split), nil for none.
    static func correctedEvent(for key: String, in db: Database) throws -> Int64?? {
        guard let correction = try Row.fetchOne(
            db.cachedStatement(sql: """
                SELECT kind, CASE WHEN mention_key = ? THEN other_key ELSE mention_key END AS other
                FROM event_corrections WHERE mention_key = ? OR other_key = ? ORDER BY id DESC LIMIT 1
                """),
            arguments: [key, key, key])
        else { return nil }
        if (correction["kind"] as String) == "split" { return .some(nil) }
        let other: String? = correction["other"]
        let event = try Int64.fetchOne(
            db.cachedStatement(sql: "SELECT event_id FROM timeline_entries WHERE mention_key = ? AND event_id IS NOT NULL LIMIT 1"),
            arguments: [other])
        return event.map { .some($0) } ?? nil
    }

    static func createEvent(_ entry: TimelineEntry, facts: EntryFacts, tags: TagIDs, at now: String, in db: Database) throws -> Int64 {
        let year = entry.date.start?.year
        try db.cachedStatement(sql: """
            INSERT INTO events (date_text, date, precision, start, end, year, text, terms, signature, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [
                entry.date.text, entry.date.normalized, entry.date.precision.rawValue, entry.date.start?.iso,
                entry.date.end?.iso, year, entry.text, facts.terms.joined(separator: " "), facts.signature, now,
            ])
        let id = db.lastInsertedRowID
        if let year {
            let term = try db.cachedStatement(sql: "INSERT OR IGNORE INTO event_terms (term, year, event_id) VALUES (?, ?, ?)")
            for value in facts.terms { try term.execute(arguments: [value, year, id]) }
        }
        try tagEvent(id, topics: facts.topics, entities: facts.entities, tags: tags, in: db)
        return id
    }

    /// Deletes those of `events` that no mention refers to any more.
    static func deleteEmptyEvents(_ events: [Int64], in db: Database) throws {
        let statement = try db.cachedStatement(sql: "DELETE FROM events WHERE id = ? AND mentions <= 0")
        for event in events { try statement.execute(arguments: [event]) }
    }
}
