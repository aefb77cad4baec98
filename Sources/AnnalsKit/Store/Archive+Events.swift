import Foundation
import GRDB

extension Archive {
    // MARK: - Placing timeline entries in events

    /// The event a new mention belongs to: an analyst's correction first, then the merger's
    /// choice among the events of the same year with the same terms or sharing its rarest
    /// terms (which may bring several events together, see ``EventMerger/placement(for:dated:among:)``);
    /// otherwise a new event. The event it joins is findable by the mention's terms too.
    /// `apartFrom`: the events of the other lines of the same article, which it does not join.
    static func placeMention(
        _ entry: TimelineEntry, facts: EntryFacts, apartFrom siblings: Set<Int64> = [], context: StoreContext, in db: Database
    ) throws -> Int64 {
        if context.hasCorrections, let corrected = try correctedEvent(for: facts.mentionKey, in: db) {
            if let event = corrected {
                try join(event, entry, facts: facts, context: context, in: db)
                return event
            }
            return try createEvent(entry, facts: facts, context: context, in: db)
        }
        let candidates = try mergeCandidates(for: entry, facts: facts, context: context, in: db).filter { !siblings.contains($0.id) }
        let placement = context.merger.placement(for: facts, dated: entry.date, among: candidates)
        guard let event = placement.event else {
            return try createEvent(entry, facts: facts, context: context, in: db)
        }
        // An event an analyst split a mention out of (or into) is left as it is.
        let keepsSplits = try context.hasCorrections && hasSplitMentions(event, in: db)
        for other in placement.absorbing where try !context.hasCorrections || (!keepsSplits && !hasSplitMentions(other, in: db)) {
            try absorb(other, into: event, context: context, in: db)
        }
        try join(event, entry, facts: facts, context: context, in: db)
        return event
    }

    /// The events a mention may join: those of its year with exactly its terms, and those
    /// that share one of its rarest distinctive terms (see ``probeCap``).
    static func mergeCandidates(for entry: TimelineEntry, facts: EntryFacts, context: StoreContext, in db: Database) throws -> [EventCandidate] {
        let year = entry.date.start?.year
        let sameTerms = try Int64.fetchAll(
            db.cachedStatement(sql: """
                SELECT id FROM events WHERE year IS ? AND signature = ? AND (year IS NOT NULL OR date_text = ?) LIMIT 8
                """),
            arguments: [year, facts.signature, entry.date.text])
        var candidates = try context.candidates.events(sameTerms, in: db)
        guard let year, !facts.terms.isEmpty else { return candidates }
        // Common terms (`us`, `chip`, `@china`) find too many events to say anything.
        let distinctive = facts.terms.filter(context.merger.isDistinctive)
        // An event that tells the same happening shares some of the line's distinctive terms,
        // and which ones are read should not depend on how many events each term had when the
        // line arrived (that would make the events depend on the order of ingest): every one
        // is read up to ``probeCount``, but for very common ones.
        // Point lookups (terms are unique), ordered as SQL's `ORDER BY events, term` would.
        let count = try db.cachedStatement(sql: "SELECT events FROM term_counts WHERE term = ? AND year = ?")
        var counted: [(term: String, events: Int)] = []
        for term in distinctive {
            if let events = try Int.fetchOne(count, arguments: [term, year]), events > 0 { counted.append((term, events)) }
        }
        counted.sort { a, b in
            a.events != b.events ? a.events < b.events : a.term.utf8.lexicographicallyPrecedes(b.term.utf8)
        }
        // The rarest terms, up to probeCount of them, of those not past the cap; the two
        // rarest when every term is past it.
        let rare = counted.filter { $0.events <= probeCap }
        let probes = (rare.isEmpty ? Array(counted.prefix(2)) : Array(rare.prefix(probeCount))).map(\.term)
        guard !probes.isEmpty else { return candidates }
        let known = Set(candidates.map(\.id))
        candidates += try context.candidates.events(
            try sharingEvents(probes, year: year, month: entry.date.postingMonth, in: db), in: db
        ).filter { !known.contains($0.id) }
        return candidates
    }

    /// The events of `year` that hold one of `terms` and whose date can hold a mention of
    /// `month` (the same month, or no month: a year or a quarter; any, when `month` is nil):
    /// those holding the most, then the oldest, at most ``candidateLimit``, by ascending id.
    /// The month is in the postings, so an event of another month is passed over without
    /// reading its row. Each term's postings are one range of `event_terms`' key, counted
    /// here rather than grouped and sorted by SQLite in temporary B-trees; at most the
    /// newest ``probeCap`` of them are read, so a term past the cap (read when all the
    /// mention's terms are) costs the same in an archive of any size.
    static func sharingEvents(_ terms: [String], year: Int, month: Int?, in db: Database) throws -> [Int64] {
        let postings = try db.cachedStatement(sql: """
            SELECT event_id FROM event_terms WHERE term = ?1 AND year = ?2 AND (?3 IS NULL OR month IS NULL OR month = ?3)
            ORDER BY event_id DESC LIMIT \(probeCap)
            """)
        var shared: [Int64: Int] = [:]
        for term in terms {
            let events = try Int64.fetchCursor(postings, arguments: [term, year, month])
            while let event = try events.next() { shared[event, default: 0] += 1 }
        }
        let best = shared.sorted { a, b in a.value != b.value ? a.value > b.value : a.key < b.key }
        return best.prefix(candidateLimit).map(\.key).sorted()
    }

    /// Adds a mention's tags and terms to the event it joins, and the mention's date when it
    /// is the more precise.
    static func join(_ event: Int64, _ entry: TimelineEntry, facts: EntryFacts, context: StoreContext, in db: Database) throws {
        // A cached candidate names every entity the event is tagged with (and maybe more the
        // taxonomy has no tag for), and holds its date: only what it lacks is written or read.
        let cached = context.candidates.cached(event)
        let unnamed = cached.map { known in facts.entities.filter { !known.entities.contains($0) } } ?? facts.entities
        if !unnamed.isEmpty { try tagEvent(event, entities: unnamed, tags: context.tags, in: db) }
        let date = try refineDate(ofEvent: event, toward: entry.date, known: cached?.date, in: db)
        try post(facts.terms, year: entry.date.start?.year, month: date?.postingMonth, ofEvent: event, in: db)
        // The cached event learns the new wording rather than being read again.
        context.candidates.update(event) {
            $0.joined(
                by: EventCandidate.Wording(text: entry.text, key: facts.key, entities: facts.entities, date: entry.date),
                dated: entry.date, limit: CandidateCache.wordingsPerEvent)
        }
    }

    /// Moves every mention, tag and term of event `other` into `event`, deletes `other`, and
    /// gives `event` the more precise of the two dates.
    static func absorb(_ other: Int64, into event: Int64, context: StoreContext? = nil, in db: Database) throws {
        guard let otherDate = try eventDate(other, in: db) else { return }
        let date = try refineDate(ofEvent: event, toward: otherDate, in: db)
        try db.cachedStatement(sql: "UPDATE timeline_entries SET event_id = ? WHERE event_id = ?").execute(arguments: [event, other])
        // Mentions whose line predates stored topics carry their old event's support along.
        try db.cachedStatement(sql: """
            INSERT INTO event_topic_support (event_id, topic_id, mentions)
            SELECT ?, topic_id, mentions FROM event_topic_support s WHERE s.event_id = ? AND s.mentions > 0
            ON CONFLICT (event_id, topic_id) DO UPDATE SET mentions = mentions + excluded.mentions
            """).execute(arguments: [event, other])
        try db.cachedStatement(sql: "INSERT OR IGNORE INTO event_entities SELECT entity_id, ? FROM event_entities WHERE event_id = ?")
            .execute(arguments: [event, other])
        try db.cachedStatement(sql: """
            INSERT OR IGNORE INTO event_terms (term, year, event_id, month) SELECT term, year, ?, ? FROM event_terms WHERE event_id = ?
            """).execute(arguments: [event, date?.postingMonth, other])
        try db.cachedStatement(sql: "DELETE FROM events WHERE id = ?").execute(arguments: [other])
        try syncTopics(ofEvent: event, in: db)
        try refreshEntityNames(ofEvent: event, in: db)
        context?.candidates.forget(other)
        context?.candidates.forget(event)
    }

    /// Whether an analyst split one of event `id`'s mentions out of another event: the
    /// merger then leaves the event as it is.
    static func hasSplitMentions(_ id: Int64, in db: Database) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: """
            SELECT EXISTS (SELECT 1 FROM timeline_entries t JOIN event_corrections c ON c.mention_key = t.mention_key
                WHERE t.event_id = ? AND c.kind = 'split')
            """), arguments: [id]) ?? false
    }

    /// The most events a mention is compared with.
    static let candidateLimit = 16
    /// A term of more events than this in a year is not read for candidates (unless all
    /// the mention's terms are, and then only its newest `probeCap` events): it says little,
    /// and its postings are long. In an archive where no term is that common (the evaluation
    /// corpus, most drop folders), which events are found does not depend on the order lines
    /// arrived in.
    static let probeCap = 300
    /// How many of a mention's rarest terms are read: the postings read per mention are at
    /// most `probeCap × probeCount` rows, however large the archive.
    static let probeCount = 6

    /// An event's date, nil when there is no such event.
    static func eventDate(_ id: Int64, in db: Database) throws -> PartialDate? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT date_text, date, precision, start, end FROM events WHERE id = ?"), arguments: [id])
            .map(PartialDate.init(row:))
    }

    /// Gives event `id` the date `other` when it is the more precise (it falls inside the
    /// event's own, see ``refineDate(ofEvent:to:in:)``); returns the event's date after.
    /// The event's date is read unless `known` (a cached candidate's: the read was 1.9% of
    /// an ingest's writer, the update it decides 0.1%).
    @discardableResult
    static func refineDate(ofEvent id: Int64, toward other: PartialDate, known: PartialDate? = nil, in db: Database) throws -> PartialDate? {
        guard let current = try known ?? eventDate(id, in: db) else { return nil }
        guard other.refines(current) else { return current }
        try refineDate(ofEvent: id, to: other, in: db)
        return other
    }

    /// Gives an event the more precise date of a mention that falls inside its own: an
    /// event known as "2025" that a "2025-03" mention joins becomes a March event, so a
    /// "2025-06" line cannot join it through the vaguer date.
    /// The month beside the event's terms follows (``PartialDate/postingMonth``).
    static func refineDate(ofEvent id: Int64, to date: PartialDate, in db: Database) throws {
        try db.cachedStatement(sql: """
            UPDATE events SET date_text = ?, date = ?, precision = ?, start = ?, end = ? WHERE id = ?
            """).execute(arguments: [date.text, date.normalized, date.precision.rawValue, date.start?.iso, date.end?.iso, id])
        try db.cachedStatement(sql: "UPDATE event_terms SET month = ? WHERE event_id = ?").execute(arguments: [date.postingMonth, id])
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

    /// A new event for the mention `entry`, tagged with its entities, and cached as a merge
    /// candidate: the next line that cites it finds it in memory instead of reading back the
    /// row and the wording just written (read back, it is the same candidate:
    /// `StoreCachesTests` compares the two).
    static func createEvent(_ entry: TimelineEntry, facts: EntryFacts, context: StoreContext, in db: Database) throws -> Int64 {
        let names = entityNames(facts.entities, tags: context.tags)
        let id = try insertEvent(
            date: entry.date, text: entry.text, terms: facts.terms, signature: facts.signature,
            entityNames: names.joined(separator: "\u{1F}"), at: context.now, in: db)
        _ = try linkEntities(ofEvent: id, entities: facts.entities, tags: context.tags, in: db)
        context.candidates.add(EventCandidate(
            id: id, date: entry.date, terms: facts.terms, entities: names, text: entry.text,
            wordings: [EventCandidate.Wording(text: entry.text, key: facts.key, entities: facts.entities, date: entry.date)]))
        return id
    }

    /// Stores a new event row and the postings the merger finds it by (its `terms` in its
    /// year, with ``PartialDate/postingMonth``): the one place an event is made, for the
    /// merger's new events and an analyst's split alike. Returns the event's id.
    static func insertEvent(
        date: PartialDate, text: String, terms: [String], signature: String?, entityNames: String, at now: String, in db: Database
    ) throws -> Int64 {
        let year = date.start?.year
        try db.cachedStatement(sql: """
            INSERT INTO events (date_text, date, precision, start, end, year, text, terms, signature, entities, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [
                date.text, date.normalized, date.precision.rawValue, date.start?.iso, date.end?.iso, year, text,
                terms.joined(separator: " "), signature, entityNames, now,
            ])
        let id = db.lastInsertedRowID
        try post(terms, year: year, month: date.postingMonth, ofEvent: id, in: db)
        return id
    }

    /// Adds `terms` to the postings the merger finds event `event` by, in `year` and `month`
    /// (``PartialDate/postingMonth`` of the event's date). A mention of an unreadable date
    /// (no year) posts nothing: its event is found by its signature.
    static func post(_ terms: [String], year: Int?, month: Int?, ofEvent event: Int64, in db: Database) throws {
        guard let year else { return }
        let term = try db.cachedStatement(sql: "INSERT OR IGNORE INTO event_terms (term, year, event_id, month) VALUES (?, ?, ?, ?)")
        for value in terms { try term.execute(arguments: [value, year, event, month]) }
    }

    /// Deletes those of `events` that no mention refers to any more.
    static func deleteEmptyEvents(_ events: [Int64], in db: Database) throws {
        let statement = try db.cachedStatement(sql: "DELETE FROM events WHERE id = ? AND mentions <= 0")
        for event in events { try statement.execute(arguments: [event]) }
    }
}

extension PartialDate {
    /// The month `event_terms.month` holds for an event of this date: its month when the
    /// date is precise to a month or a day, nil for a year, a quarter or an unreadable date.
    var postingMonth: Int? {
        precision == .month || precision == .day ? start?.month : nil
    }
}
