// The merge candidates of a run of write transactions, each read and parsed once.

import GRDB

/// The merge candidates read by the store, by event id: a popular event is read from the
/// database, parsed, and its merge key made once, not at every mention. Callers forget an
/// event when they change its date or entities, and update it when a mention joins it.
///
/// It outlives a write transaction (see ``Archive/StoreCaches``): an ingest of 20,000 cards
/// is 40 transactions, and the events its cards cite are the same in each. It is emptied
/// whenever what it holds may no longer be in the database: a rolled-back transaction or
/// savepoint, or any write the store did not make.
final class CandidateCache {
    private var events: [Int64: EventCandidate] = [:]
    /// The events asked for since the last ``prune(above:)``: what a run keeps citing.
    private var recent: Set<Int64> = []

    /// How many events are cached.
    var count: Int { events.count }

    /// When more than `limit` events are cached, keeps those asked for since the last call
    /// and, while there is room under `limit`, those of the others with the most wordings.
    /// Bounds the cache's memory however long the run (what one transaction asks for, at
    /// most 24 events a line, besides), and keeps what costs most to read again: an event
    /// told in many wordings has many mentions to read (at 300,000 generated cards, such
    /// reads were a third of the ingest when only the last transaction's events were kept);
    /// an event told once is rarely a candidate again.
    ///
    /// Evicts in place: copying the kept events into a new dictionary held the cache two or
    /// three times over for a moment (~10 MB of a run's peak at 20,000 events, at 50k cards).
    func prune(above limit: Int) {
        defer { recent = [] }
        guard events.count > limit else { return }
        var others: [(id: Int64, wordings: Int)] = []
        for (id, candidate) in events where !recent.contains(id) { others.append((id, candidate.wordings.count)) }
        let room = max(0, limit - (events.count - others.count))
        guard others.count > room else { return }
        others.sort { a, b in a.wordings != b.wordings ? a.wordings > b.wordings : a.id > b.id }
        for other in others[room...] { events.removeValue(forKey: other.id) }
    }

    /// The events `ids`, in that order, from the cache when known, each with its mentions'
    /// distinct wordings (at most ``wordingsPerEvent``, the oldest first, of its first
    /// ``mentionsRead`` mentions). Ids of events that no longer exist are left out.
    func events(_ ids: [Int64], in db: Database) throws -> [EventCandidate] {
        recent.formUnion(ids)
        let missing = ids.filter { events[$0] == nil }
        if !missing.isEmpty { try read(missing, in: db) }
        return ids.compactMap { events[$0] }
    }

    /// Reads events `ids` and their wordings into the cache.
    private func read(_ ids: [Int64], in db: Database) throws {
        let list = "[" + ids.map(String.init).joined(separator: ",") + "]"
        var rows: [Int64: Row] = [:]
        let eventRows = try Row.fetchCursor(
            db.cachedStatement(sql: """
                SELECT id, date_text, date, precision, start, end, terms, entities, text FROM events
                WHERE id IN (SELECT value FROM json_each(?))
                """),
            arguments: [list])
        while let row = try eventRows.next() { rows[row["id"]] = row.copy() }
        guard !rows.isEmpty else { return }
        var wordings: [Int64: [EventCandidate.Wording]] = [:]
        let statement = try db.cachedStatement(sql: Self.wordingsSQL)
        for id in rows.keys {
            let entries = try Row.fetchCursor(statement, arguments: [id])
            while let row = try entries.next() {
                wordings[id, default: []].append(EventCandidate.Wording(
                    text: row["text"], terms: Archive.split(row["terms"], by: " "), entities: Archive.split(row["entities"]),
                    date: PartialDate(row: row)))
            }
        }
        for (id, row) in rows {
            events[id] = EventCandidate(
                id: id, date: PartialDate(row: row), terms: Archive.split(row["terms"], by: " "),
                entities: Archive.split(row["entities"]), text: row["text"], wordings: wordings[id] ?? [])
        }
    }

    /// An event's wordings (its one argument): the distinct ways its first
    /// ``mentionsRead`` mentions tell it, at most ``wordingsPerEvent``, in the order they
    /// were first told. Read from the index `timeline_entries_wordings` alone (migration
    /// 0009), one range of it per event; `StoreCachesTests` holds the plan to it.
    ///
    /// A wording is what ``EventCandidate/joined(by:dated:limit:)`` keeps as mentions join a
    /// cached event: distinct terms, entities and date (as written), each with the text of
    /// the first mention that told it (SQLite takes a group's bare columns from the row of
    /// its one `min()`), so an event read afresh is the event the cache held, whether or not
    /// a process or an eviction came between (`StoreCachesTests` compares them).
    static let wordingsSQL = """
        SELECT text, terms, entities, date_text, date, precision, start, end, min(id) AS first
        FROM (SELECT id, text, terms, entities, date_text, date, precision, start, end FROM timeline_entries
            WHERE event_id = ? AND terms IS NOT NULL ORDER BY id LIMIT \(mentionsRead))
        GROUP BY terms, entities, date_text, date, precision ORDER BY first LIMIT \(wordingsPerEvent)
        """

    /// The wordings of an event a new mention is compared with: enough for the ways one
    /// event is told, few enough that a much-cited event stays cheap to compare.
    static let wordingsPerEvent = 12
    /// An event's wordings are read from its first mentions, this many at most: reading
    /// every mention of an event cited thousands of times (each time it was not cached)
    /// was a third of an ingest at 300,000 generated cards. An event of more mentions keeps
    /// a wording first told later while it stays cached (``EventCandidate/joined(by:dated:limit:)``).
    static let mentionsRead = 200

    /// Event `id` when cached, read nothing. Its date is the row's, since every change the
    /// store makes to an event's date updates or forgets it here; and it names every entity
    /// the event is tagged with, since the store tags an event with a line's entities before
    /// the cached event learns them.
    func cached(_ id: Int64) -> EventCandidate? {
        events[id]
    }

    /// Caches an event just made, as ``events(_:in:)`` would read it back.
    func add(_ candidate: EventCandidate) {
        events[candidate.id] = candidate
    }

    /// Replaces a cached event by `change` of it; an event not cached stays so.
    func update(_ id: Int64, _ change: (EventCandidate) -> EventCandidate) {
        if let known = events[id] { events[id] = change(known) }
    }

    /// Each cached event's number of wordings, by id (for tests).
    func cachedWordingCounts() -> [Int64: Int] {
        events.mapValues(\.wordings.count)
    }

    func forget(_ id: Int64) {
        events[id] = nil
    }

    /// Forgets every event, after a savepoint rolled back what the cache may hold.
    func forgetAll() {
        events = [:]
        recent = []
    }
}

extension Archive {
    /// What the store remembers from one write transaction to the next: merge candidates
    /// and source ids. Kept only while nothing else writes: at the start of each store
    /// transaction, ``validate(_:)`` empties them unless the archive is exactly as the last
    /// store transaction left it (no other connection committed, per `PRAGMA data_version`,
    /// and this connection made no other change, per its total change count).
    ///
    /// Touched only inside the writer's serialized transactions, hence `@unchecked Sendable`.
    final class StoreCaches: @unchecked Sendable {
        let candidates = CandidateCache()
        let sources = SourceIDs()
        /// The connection's total change count and data version when the last store
        /// transaction ended; nil when nothing is known to be valid.
        private var stamp: (changes: Int, dataVersion: Int)?

        /// Past this many cached events, those the last transaction did not ask for are
        /// forgotten at the next one. An event holds up to ``CandidateCache/wordingsPerEvent``
        /// wordings with their merge keys: at a million cards 20,000 events took 47 MB, a
        /// quarter of the ingest's peak RSS; 10,000 keep the ingest's time within the noise
        /// there (three pairs of runs) and its peak ~30 MiB lower.
        static let eventLimit = 10_000

        /// Empties the caches unless the archive is as the last store transaction left it,
        /// and keeps the candidate cache within ``eventLimit``.
        func validate(_ db: Database) throws {
            if try isValid(db) {
                candidates.prune(above: Self.eventLimit)
            } else {
                forgetAll()
            }
        }

        /// Whether the archive is as the last store transaction (or a write that keeps the
        /// caches) left it.
        func isValid(_ db: Database) throws -> Bool {
            guard let stamp else { return false }
            return stamp == (db.totalChangesCount, try Self.dataVersion(db))
        }

        /// Records the state a successful store transaction leaves, before it commits (a
        /// commit changes neither number).
        func stamp(_ db: Database) throws {
            stamp = (db.totalChangesCount, try Self.dataVersion(db))
        }

        /// Forgets everything: the caches may hold rows a rollback undid.
        func forgetAll() {
            stamp = nil
            candidates.forgetAll()
            sources.forgetAll()
        }

        private static func dataVersion(_ db: Database) throws -> Int {
            try Int.fetchOne(db.cachedStatement(sql: "PRAGMA data_version")) ?? 0
        }
    }
}

extension Archive {
    /// A write that touches no event, timeline entry or source (a run's bookkeeping: seen
    /// files, rejects of unread inputs), so the ``StoreCaches`` stay valid across it.
    func writeKeepingStoreCaches(_ body: (Database) throws -> Void) throws {
        try writer.write { db in try keepingStoreCaches(db, body) }
    }

    /// Runs `body` in the write transaction open on `db`, keeping the ``StoreCaches`` valid
    /// across it when they were before (`body` touches no event, entry or source).
    func keepingStoreCaches(_ db: Database, _ body: (Database) throws -> Void) throws {
        let valid = try storeCaches.isValid(db)
        try body(db)
        if valid { try storeCaches.stamp(db) }
    }
}
