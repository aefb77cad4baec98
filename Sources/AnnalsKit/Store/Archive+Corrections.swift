import Foundation
import GRDB

/// A topic with how much of the archive it tags.
public struct TopicCount: Sendable, Hashable {
    /// The topic's slug (`export-controls`).
    public var slug: String
    /// The topic's human name (`Export controls`).
    public var name: String
    /// How many events the topic tags (rows of `event_topics`).
    public var events: Int
    /// How many articles the topic tags (rows of `article_topics`).
    public var articles: Int
}

/// What `reclassify` changed.
public struct ReclassifyReport: Sendable, Hashable {
    /// Events re-tagged: every event of the archive.
    public var events = 0
    /// Articles re-tagged: every article of the archive.
    public var articles = 0
    /// Event–topic tags after reclassifying (rows of `event_topics`).
    public var eventTopics = 0
    /// Article–topic tags after reclassifying (rows of `article_topics`).
    public var articleTopics = 0
}

extension Archive {
    /// Topics in taxonomy order with the number of events and articles each tags.
    public func topicCounts() throws -> [TopicCount] {
        try writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT t.slug, t.name,
                    (SELECT count(*) FROM event_topics et WHERE et.topic_id = t.id) AS events,
                    (SELECT count(*) FROM article_topics at WHERE at.topic_id = t.id) AS articles
                FROM topics t ORDER BY t.position
                """
            ).map { TopicCount(slug: $0["slug"], name: $0["name"], events: $0["events"], articles: $0["articles"]) }
        }
    }

    // MARK: - Analysts' corrections

    /// Moves every mention of event `other` into event `target` and deletes `other`;
    /// recorded by mention, so the merge holds when the articles are ingested again.
    ///
    /// Refused when `target == other`, and when the two dates cannot be one event's (2025-03
    /// and 2025-06) unless `force`: the event then gets a date that contains both (`2025`, or
    /// the target's when they are years apart), written as both (`2025-03 / 2025-06`), and each
    /// mention keeps its own. Returns the event's date after the merge.
    @discardableResult
    public func mergeEvents(into target: Int64, from other: Int64, force: Bool = false, at date: Date = Date()) throws -> PartialDate {
        guard target != other else { throw ArchiveError.mergeIntoItself(id: target) }
        return try writer.write { db in
            let dates = try [target, other].map { id in
                guard let date = try Self.eventDate(id, in: db) else { throw ArchiveError.notFound(kind: "event", id: id) }
                return date
            }
            // The more precise date when one contains the other, as when the merger joins them.
            var merged = dates[1].refines(dates[0]) ? dates[1] : dates[0]
            if !EventMatcher.datesCompatible(dates[0], dates[1]) {
                guard force else {
                    throw ArchiveError.datesIncompatible(id: target, date: dates[0].text, other: other, otherDate: dates[1].text)
                }
                merged = PartialDate.enclosing(dates[0], dates[1]) ?? dates[0]
                merged.text = "\(dates[0].text) / \(dates[1].text)"
            }
            let anchor = try String.fetchOne(db, sql: """
                SELECT mention_key FROM timeline_entries WHERE event_id = ? ORDER BY id LIMIT 1
                """, arguments: [target])
            let moving = try String.fetchAll(db, sql: "SELECT DISTINCT mention_key FROM timeline_entries WHERE event_id = ?", arguments: [other])
            for key in moving where key != anchor {
                try db.execute(sql: """
                    INSERT INTO event_corrections (kind, mention_key, other_key, created_at) VALUES ('merge', ?, ?, ?)
                    """, arguments: [key, anchor, Timestamp.iso(date)])
            }
            try Self.absorb(other, into: target, in: db)
            if merged != dates[0] { try Self.refineDate(ofEvent: target, to: merged, in: db) }
            return merged
        }
    }

    /// Takes mention `entry` out of event `event` into a new event of its own; recorded by
    /// mention, so it stays apart when its article is ingested again. Both events' topics
    /// and entities are those of the mentions they now have. Returns the new event.
    @discardableResult
    public func splitMention(_ entry: Int64, fromEvent event: Int64, at date: Date = Date()) throws -> Int64 {
        try writer.write { db in
            guard try Int.fetchOne(db, sql: "SELECT 1 FROM events WHERE id = ?", arguments: [event]) != nil else {
                throw ArchiveError.notFound(kind: "event", id: event)
            }
            guard let row = try Row.fetchOne(db, sql: """
                SELECT x.*, coalesce(x.terms, e.terms) AS key_terms, e.signature FROM timeline_entries x JOIN events e ON e.id = x.event_id
                WHERE x.id = ? AND x.event_id = ?
                """, arguments: [entry, event])
            else {
                throw ArchiveError.noMention(event: event, entry: entry)
            }
            let now = Timestamp.iso(date)
            // The new event is found by its mention's terms, like any other.
            let newEvent = try Self.insertEvent(
                date: PartialDate(row: row), text: row["text"], terms: Self.split(row["key_terms"], by: " "),
                signature: row["signature"], entityNames: "", at: now, in: db)  // names refreshed below
            // Moving the entry moves its topics' support (a trigger).
            try db.execute(sql: "UPDATE timeline_entries SET event_id = ? WHERE id = ?", arguments: [newEvent, entry])
            try db.execute(sql: """
                INSERT INTO event_corrections (kind, mention_key, created_at) VALUES ('split', ?, ?)
                """, arguments: [row["mention_key"], now])
            let tags = try TagIDs(db)
            for id in [newEvent, event] {
                try Self.syncTopics(ofEvent: id, in: db)
                // Entities from the lines that stored theirs; an older line keeps the event's.
                let names = try String?.fetchAll(db, sql: "SELECT entities FROM timeline_entries WHERE event_id = ?", arguments: [id])
                guard !names.contains(nil) else { continue }
                try db.execute(sql: "DELETE FROM event_entities WHERE event_id = ?", arguments: [id])
                _ = try Self.linkEntities(ofEvent: id, entities: names.flatMap { Self.split($0) }, tags: tags, in: db)
                try Self.refreshEntityNames(ofEvent: id, in: db)
            }
            try Self.deleteEmptyEvents([event], in: db)
            return newEvent
        }
    }

    // MARK: - Reclassify

    /// Re-tags every timeline entry, and so every event, and every article, in one
    /// transaction: `mentionTags` turns entry texts into tags, `articleTags` each article's
    /// parts (title, summary, what changed, why it matters, what to do next, insight, then
    /// takeaways and implications), a batch at a time (they may work in parallel). An event
    /// gets every entity its mentions name and the topics a quarter of them have
    /// (`syncTopics(ofEvent:in:)`). Merges are not redone: events and corrections stay.
    public func reclassify(
        batchSize: Int = 20_000, mentionTags: ([String]) -> [Tags], articleTags: ([[String]]) -> [Tags]
    ) throws -> ReclassifyReport {
        // Every event and article is written again: not left in the log for the next process.
        defer { settleAfterWrites() }
        return try writer.write { db in
            var report = ReclassifyReport()
            let tags = try TagIDs(db)
            try db.execute(sql: """
                DELETE FROM event_topics; DELETE FROM event_topic_support; DELETE FROM event_entities;
                DELETE FROM article_topics; DELETE FROM article_entities
                """)
            var last: Int64 = 0
            let update = try db.makeStatement(sql: "UPDATE timeline_entries SET topics = ?, entities = ? WHERE id = ?")
            while true {
                let rows = try Row.fetchAll(
                    db, sql: "SELECT id, event_id, text FROM timeline_entries WHERE id > ? ORDER BY id LIMIT ?", arguments: [last, batchSize])
                guard let final = rows.last else { break }
                for (row, result) in zip(rows, mentionTags(rows.map { $0[2] })) {
                    try update.execute(arguments: [Self.termList(result.topics), result.entities.joined(separator: "\u{1F}"), row[0]])
                    if let event: Int64 = row[1] { _ = try Self.linkEntities(ofEvent: event, entities: result.entities, tags: tags, in: db) }
                }
                last = final[0]
            }
            // The support the triggers would have counted, in one pass.
            try db.execute(sql: """
                INSERT INTO event_topic_support (event_id, topic_id, mentions)
                SELECT e.event_id, t.id, count(*) FROM timeline_entries e, json_each(e.topics) j JOIN topics t ON t.slug = j.value
                WHERE e.event_id IS NOT NULL GROUP BY e.event_id, t.id
                """)
            try Self.syncAllTopics(in: db)
            report.events = try Int.fetchOne(db, sql: "SELECT count(*) FROM events") ?? 0
            var lastArticle: Int64 = 0
            while true {
                let rows = try Row.fetchAll(db, sql: """
                    SELECT a.id, a.title || char(30) || coalesce(a.summary, '') || char(30) || coalesce(a.what_changed, '')
                        || char(30) || coalesce(a.why_it_matters, '') || char(30) || coalesce(a.what_to_do_next, '')
                        || char(30) || coalesce(a.insight, '')
                        || coalesce((SELECT char(30) || group_concat(text, char(30)) FROM takeaways WHERE article_id = a.id), '')
                        || coalesce((SELECT char(30) || group_concat(headline || char(10) || detail, char(30)) FROM implications WHERE article_id = a.id), '')
                    FROM articles a WHERE a.id > ? ORDER BY a.id LIMIT ?
                    """, arguments: [lastArticle, batchSize])
                guard let final = rows.last else { break }
                for (row, result) in zip(rows, articleTags(rows.map { Self.split($0[1], by: "\u{1E}") })) {
                    try Self.tagArticle(row[0], topics: result.topics, entities: result.entities, tags: tags, replacing: false, in: db)
                }
                report.articles += rows.count
                lastArticle = final[0]
            }
            try db.execute(sql: """
                UPDATE events SET entities = coalesce((SELECT group_concat(name, char(31)) FROM (
                    SELECT n.name FROM event_entities ee JOIN entities n ON n.id = ee.entity_id
                    WHERE ee.event_id = events.id ORDER BY n.name)), '')
                """)
            report.eventTopics = try Int.fetchOne(db, sql: "SELECT count(*) FROM event_topics") ?? 0
            report.articleTopics = try Int.fetchOne(db, sql: "SELECT count(*) FROM article_topics") ?? 0
            return report
        }
    }
}
