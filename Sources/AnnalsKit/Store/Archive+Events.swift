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

    /// Tags an event; returns whether it gained an entity (its `entities` column changed).
    @discardableResult
    static func tagEvent(_ id: Int64, topics: [String], entities: [String], tags: TagIDs, in db: Database) throws -> Bool {
        let added = try linkTags(ofEvent: id, topics: topics, entities: entities, tags: tags, in: db)
        if added { try refreshEntityNames(ofEvent: id, in: db) }
        return added
    }

    /// Adds the event's topic and entity links (not its `entities` column); returns whether an entity was new.
    static func linkTags(ofEvent id: Int64, topics: [String], entities: [String], tags: TagIDs, in db: Database) throws -> Bool {
        let topic = try db.cachedStatement(sql: "INSERT OR IGNORE INTO event_topics (topic_id, event_id) VALUES (?, ?)")
        for slug in topics { if let tag = tags.topics[slug] { try topic.execute(arguments: [tag, id]) } }
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

    /// The `events.entities` value for these names: the known ones, sorted as SQLite sorts
    /// them in ``refreshEntityNames(ofEvent:in:)`` (bytewise), joined by U+001F.
    static func entityNames(_ entities: [String], tags: TagIDs) -> String {
        Set(entities.filter { tags.entities[$0] != nil })
            .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            .joined(separator: "\u{1F}")
    }

    /// Copies an event's entity names into `events.entities`, where the merger reads them.
    static func refreshEntityNames(ofEvent id: Int64, in db: Database) throws {
        try db.cachedStatement(sql: """
            UPDATE events SET entities = coalesce((SELECT group_concat(name, char(31)) FROM (
                SELECT n.name FROM event_entities ee JOIN entities n ON n.id = ee.entity_id
                WHERE ee.event_id = events.id ORDER BY n.name)), '') WHERE id = ?
            """).execute(arguments: [id])
    }

    // MARK: - Placing timeline entries in events

    /// The event a new mention belongs to: an analyst's correction first, then an event
    /// with the same terms, then the merger's best candidate among events of the same
    /// year that share its rarest terms; otherwise a new event.
    static func placeMention(_ entry: TimelineEntry, facts: EntryFacts, context: StoreContext, in db: Database) throws -> Int64 {
        let tags = context.tags, now = context.now
        if context.hasCorrections, let corrected = try correctedEvent(for: facts.mentionKey, in: db) {
            if let event = corrected {
                try tagEvent(event, topics: facts.topics, entities: facts.entities, tags: tags, in: db)
                return event
            }
            return try createEvent(entry, facts: facts, tags: tags, at: now, in: db)
        }
        let year = entry.date.start?.year
        var candidates = try context.candidates.fetch(
            db.cachedStatement(sql: """
                SELECT id, date_text, date, precision, start, end, terms, entities, text FROM events
                WHERE year IS ? AND signature = ? AND (year IS NOT NULL OR date_text = ?) LIMIT 8
                """),
            arguments: [year, facts.signature, entry.date.text])
        if candidates.isEmpty, let year, !facts.terms.isEmpty {
            let probes = try String.fetchAll(
                db.cachedStatement(sql: """
                    SELECT term FROM term_counts WHERE year = ? AND events > 0
                        AND term IN (SELECT value FROM json_each(?)) ORDER BY events, term LIMIT 3
                    """),
                arguments: [year, termList(facts.terms)])
            if !probes.isEmpty {
                // A rewording keeps most of an event's rare terms: share two of the three probes
                // (or the only one), which keeps the candidates few however large the archive.
                candidates = try context.candidates.fetch(
                    db.cachedStatement(sql: candidatesSQL(probes: probes.count)),
                    arguments: [year, entry.date.postingMonth] + StatementArguments(probes))
            }
        }
        if let event = context.merger.bestMatch(for: facts, dated: entry.date, among: candidates) {
            if try tagEvent(event, topics: facts.topics, entities: facts.entities, tags: tags, in: db) {
                context.candidates.forget(event)
            }
            if let joined = candidates.first(where: { $0.id == event }), entry.date.refines(joined.date) {
                try refineDate(ofEvent: event, to: entry.date, in: db)
                context.candidates.forget(event)
            }
            return event
        }
        return try createEvent(entry, facts: facts, tags: tags, at: now, in: db)
    }

    /// The events of year `?1` that hold two of the `probes` terms `?3…` (ordered rarest
    /// first), or the only one, and whose date can hold a mention of month `?2` (the same
    /// month, or no month: a year or a quarter; any, when `?2` is NULL).
    ///
    /// Two of three is (1 and 2) or (1 and 3) or (2 and 3): the postings of the two rarest
    /// terms are read, each checked against the others by key, and the commonest term's
    /// postings (the longest list) are never scanned. The month is in the postings, so an
    /// event of another month is passed over without reading its row.
    static func candidatesSQL(probes: Int) -> String {
        func has(_ term: Int) -> String {
            "EXISTS (SELECT 1 FROM event_terms b WHERE b.term = ?\(term) AND b.year = ?1 AND b.event_id = a.event_id)"
        }
        func postings(_ term: Int) -> String {
            "SELECT a.event_id FROM event_terms a WHERE a.term = ?\(term) AND a.year = ?1 AND (?2 IS NULL OR a.month IS NULL OR a.month = ?2)"
        }
        let ids: String
        switch probes {
        case 1: ids = postings(3)
        case 2: ids = "\(postings(3)) AND \(has(4))"
        default: ids = "\(postings(3)) AND (\(has(4)) OR \(has(5)))\nUNION\n\(postings(4)) AND \(has(5))"
        }
        return """
            SELECT id, date_text, date, precision, start, end, terms, entities, text FROM events WHERE id IN (
            \(ids)
            ) LIMIT 300
            """
    }

    /// Gives an event the more precise date of a mention that falls inside its own: an
    /// event known as "2025" that a "2025-03" mention joins becomes a March event, so a
    /// "2025-06" line cannot join it through the vaguer date.
    static func refineDate(ofEvent id: Int64, to date: PartialDate, in db: Database) throws {
        try db.cachedStatement(sql: """
            UPDATE events SET date_text = ?, date = ?, precision = ?, start = ?, end = ? WHERE id = ?
            """).execute(arguments: [date.text, date.normalized, date.precision.rawValue, date.start?.iso, date.end?.iso, id])
    }

    /// Terms as a JSON array, for `json_each`: one cached statement whatever their number.
    static func termList(_ terms: [String]) -> String {
        String(decoding: JSONWriter().data(.array(terms.map(JSONValue.string))), as: UTF8.self)
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
            INSERT INTO events (date_text, date, precision, start, end, year, text, terms, signature, entities, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [
                entry.date.text, entry.date.normalized, entry.date.precision.rawValue, entry.date.start?.iso,
                entry.date.end?.iso, year, entry.text, facts.terms.joined(separator: " "), facts.signature,
                entityNames(facts.entities, tags: tags), now,
            ])
        let id = db.lastInsertedRowID
        if let year {
            let term = try db.cachedStatement(sql: "INSERT OR IGNORE INTO event_terms (term, year, event_id, month) VALUES (?, ?, ?, ?)")
            let month = entry.date.postingMonth
            for value in facts.terms { try term.execute(arguments: [value, year, id, month]) }
        }
        _ = try linkTags(ofEvent: id, topics: facts.topics, entities: facts.entities, tags: tags, in: db)
        return id
    }

    /// Deletes those of `events` that no mention refers to any more.
    static func deleteEmptyEvents(_ events: [Int64], in db: Database) throws {
        let statement = try db.cachedStatement(sql: "DELETE FROM events WHERE id = ? AND mentions <= 0")
        for event in events { try statement.execute(arguments: [event]) }
    }
}

/// The merge candidates read in one write transaction, by event id: a popular event is
/// parsed from its row, and its merge key made, once, not at every mention. Callers forget an event when they change
/// its date or entities; a new transaction starts with an empty cache (a rolled-back one
/// may have cached events that no longer exist).
final class CandidateCache {
    private var events: [Int64: EventCandidate] = [:]

    /// The events `statement` lists (columns: id, date_text, date, precision, start, end,
    /// terms, entities, text), from the cache when known.
    func fetch(_ statement: Statement, arguments: StatementArguments) throws -> [EventCandidate] {
        var result: [EventCandidate] = []
        let rows = try Row.fetchCursor(statement, arguments: arguments)
        while let row = try rows.next() {
            let id: Int64 = row[0]
            if let known = events[id] {
                result.append(known)
                continue
            }
            let candidate = EventCandidate(
                id: id, date: PartialDate(row: row), terms: Archive.split(row[6], by: " "), entities: Archive.split(row[7]),
                text: row[8])
            events[id] = candidate
            result.append(candidate)
        }
        return result
    }

    func forget(_ id: Int64) {
        events[id] = nil
    }
}

extension PartialDate {
    /// The month `event_terms.month` holds for an event of this date: its month when the
    /// date is precise to a month or a day, nil for a year, a quarter or an unreadable date.
    var postingMonth: Int? {
        precision == .month || precision == .day ? start?.month : nil
    }
}
