// The events a full-text search hits, for a page that is not ranked: found with about one
// lookup per event rather than one per hit.

import Foundation
import GRDB
import GRDBSQLite

extension Archive {
    /// The ids of the events that the timeline entries hit by `filter`'s search belong to,
    /// each once; nil when the page is left to ``matchingEvents(_:searched:)``'s SQL
    /// condition: no search, no limit (an export), sorted by relevance (ranked by a join),
    /// or hits that are spread over about as many events (see below).
    ///
    /// The SQL condition looks every hit's timeline entry up to read its event: a common
    /// phrase has tens of thousands of hits, and most of a page's time went there. But the
    /// hits of such a phrase crowd into a few events (every mention of "the Entity List"
    /// event says "Entity List"): here, a hit of an event not yet marked is looked up, and
    /// from the event's second hit on its later entries are marked known in a bitmap (one
    /// read of the events' index, in order), so that its other hits cost a bit test. An event with thousands of
    /// mentions and one hit would cost more marked than looked up: the entries marked stay
    /// within a budget that grows with the hits read (``markingBudget(hits:)``; the
    /// parameter is there for tests), and past it an event's hits are looked up one by one.
    /// When the hits read so far have found more than one event for every
    /// ``spreadHitsPerEvent`` hits, nothing is saved over the SQL, and nil is returned.
    /// The answer is the same set either way.
    ///
    /// The loop runs several statements while the hits' one is open, and the archive's time
    /// limit counts per statement: the loop keeps its own clock against `limits`.
    static func searchedEvents(
        _ filter: QueryFilter, _ db: Database, limits: QueryLimits? = nil,
        markingBudget: (Int) -> Int = Archive.markingBudget(hits:)
    ) throws -> [Int64]? {
        // An empty interval is the same error as without this step, before any work.
        let filter = try filter.validated()
        guard filter.limit != nil, filter.sort != .relevance, let search = filter.fullText else { return nil }
        let started = Date()
        let lastEntry = try Int64.fetchOne(db, sql: "SELECT max(id) FROM timeline_entries") ?? 0
        var known = [UInt64](repeating: 0, count: Int(max(lastEntry, 0) / 64) + 1)

        let eventOfEntry = try RawStatement(db, "SELECT event_id FROM timeline_entries WHERE id = ?")
        let laterEntries = try RawStatement(db, "SELECT id FROM timeline_entries WHERE event_id = ? AND id > ? ORDER BY id LIMIT ?")
        let hits = try RawStatement(db, """
            SELECT rowid FROM search_index WHERE search_index MATCH ? AND \(SearchKey.timeline.holds(for: "rowid")) ORDER BY rowid
            """, text: search.expression)
        var events: [Int64] = []
        var found = Set<Int64>()
        var hitCount = 0
        var marked = 0
        while let key = try hits.next() {
            hitCount += 1
            if hitCount % 1024 == 0 {
                if let timeout = limits?.timeout, Date().timeIntervalSince(started) > timeout {
                    throw QueryError.timedOut(seconds: timeout)
                }
                if events.count * Self.spreadHitsPerEvent > hitCount { return nil }
            }
            let entry = SearchKey.rowID(ofKey: key)
            // An index row with no timeline entry (none past the last) joins nothing, as in SQL.
            guard entry >= 0, entry <= lastEntry, known[Int(entry >> 6)] & (1 << UInt64(entry & 63)) == 0 else { continue }
            guard let event = try eventOfEntry.first(entry) else { continue }
            // Marked at its second hit: most events of a rare phrase have one, and marking
            // costs a seek in the events' index.
            if found.insert(event).inserted {
                events.append(event)
                continue
            }
            let budget = markingBudget(hitCount) - marked
            guard budget > 0 else { continue }
            // Hits come in ascending key order, so only the event's later entries can be hit again.
            try laterEntries.start(event, entry, Int64(budget))
            while let next = try laterEntries.next() {
                known[Int(next >> 6)] |= 1 << UInt64(next & 63)
                marked += 1
            }
        }
        return events
    }

    /// For a page in date order: the events of its search with a start day up to that of
    /// the page's last event, found by walking `event_search` (migration 0010) in key order
    /// (start day, event, line), one short query per event, each starting past the
    /// previous event's lines; nil when the walk does not apply (another order, no limit,
    /// `since`, event ids past its key's 24 bits) or costs more than ``searchedEvents(_:_:limits:markingBudget:)``
    /// would (more than `stepBudget` steps: a selective filter besides the search).
    ///
    /// The events returned are a superset of the page's and all match the search: every
    /// event whose start day is at most the day of the (offset + limit)-th event in the walk
    /// that passes the filter's other conditions is in it, so the statement that then sorts
    /// and pages them (`e.id IN …`, ``searchedCondition``) gives the page the plain SQL
    /// gives. `SearchPageTests` holds the two to each other, through every change of keys.
    static func searchedEventsByDate(
        _ filter: QueryFilter, _ db: Database, limits: QueryLimits? = nil, stepBudget: ((Int) -> Int)? = nil
    ) throws -> [Int64]? {
        let filter = try filter.validated()
        guard filter.sort == .date, let limit = filter.limit, limit > 0, filter.since == nil, let search = filter.fullText
        else { return nil }
        guard let last = try Int64.fetchOne(db, sql: "SELECT max(id) FROM events"), last < 1 << 24 else { return nil }
        let started = Date()
        let need = limit + filter.offset
        let budget = stepBudget?(need) ?? (400 + 2 * need)
        let next = try RawStatement(
            db, "SELECT rowid FROM event_search WHERE event_search MATCH ?2 AND rowid >= ?1 ORDER BY rowid LIMIT 1",
            text: search.expression, textIndex: 2)
        // The filter's other conditions (an event's search is not among them: it is the
        // walk's), checked a batch of candidates at a time.
        let conditions = FilterTarget.events.conditions(filter)
        var events: [Int64] = []
        var unchecked: [(event: Int64, day: Int64)] = []
        var passed = 0
        var lastDay: Int64?
        func check() throws {
            guard lastDay == nil, !unchecked.isEmpty else { return unchecked = [] }
            var batch = conditions
            batch.add(Self.searchedCondition, [Self.searchedArgument(unchecked.map(\.event))])
            let kept = Set(try Int64.fetchAll(db, sql: "SELECT e.id FROM events e \(batch.sql)", arguments: batch.arguments))
            for (event, day) in unchecked where kept.contains(event) {
                passed += 1
                if passed == need { lastDay = day; break }
            }
            unchecked = []
        }
        var lower: Int64 = 0
        var steps = 0
        while let key = try next.first(lower) {
            steps += 1
            if steps > budget { return nil }
            if steps % 64 == 0, let timeout = limits?.timeout, Date().timeIntervalSince(started) > timeout {
                throw QueryError.timedOut(seconds: timeout)
            }
            let day = key >> 46, event = (key >> 22) & 0xFF_FFFF
            if let lastDay, day > lastDay { break }
            events.append(event)
            if lastDay == nil {
                if conditions.clauses.isEmpty {
                    passed += 1
                    if passed == need { lastDay = day }
                } else {
                    unchecked.append((event, day))
                    // Checked 32 at a time: events walked meanwhile past the page's last day
                    // are returned too (more than the page needs, never less).
                    if unchecked.count >= 32 { try check() }
                }
            }
            lower = (day << 46) | ((event + 1) << 22)
        }
        return events
    }

    /// How many entries ``searchedEvents(_:_:limits:markingBudget:)`` may have marked after
    /// reading `hits` hits: reading an entry id from the events' index, in order, costs a
    /// small share of a lookup (a descent of the timeline's table to a random page), so
    /// marking up to 64 entries per hit, plus a few thousand to start with, costs no more
    /// than the lookups it may save.
    static func markingBudget(hits: Int) -> Int { 4096 + 64 * hits }

    /// Hits per event under which ``searchedEvents(_:_:limits:markingBudget:)`` gives the
    /// page back to the SQL condition (checked every 1,024 hits): each event costs the loop
    /// a lookup and a read of its entries, the SQL a lookup per hit.
    static let spreadHitsPerEvent = 3

    /// `events` as a JSON array, the argument of ``searchedCondition``.
    static func searchedArgument(_ events: [Int64]) -> String {
        "[" + events.map(String.init).joined(separator: ",") + "]"
    }

    /// SQL that holds for an event `e` among those of ``searchedEvents(_:_:limits:markingBudget:)``,
    /// whose JSON array (``searchedArgument(_:)``) is its one argument.
    static let searchedCondition = "e.id IN (SELECT value FROM json_each(?))"
}

/// A statement of one integer column, stepped through SQLite's C interface: GRDB's cursor
/// and row cost a few microseconds a call, more than the lookup itself, and
/// ``Archive/searchedEvents(_:_:limits:markingBudget:)`` makes one per event found.
private struct RawStatement {
    let statement: Statement
    let db: Database

    /// `text`, when given, is bound to parameter `textIndex` for good; ``start(_:)`` binds the others.
    init(_ db: Database, _ sql: String, text: String? = nil, textIndex: Int32 = 1) throws {
        self.db = db
        statement = try db.makeStatement(sql: sql)
        if let text {
            let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
            sqlite3_bind_text(statement.sqliteStatement, textIndex, text, -1, transient)
        }
    }

    /// Binds `values` to the parameters, in order, and rewinds.
    func start(_ values: Int64...) throws {
        let handle = statement.sqliteStatement
        sqlite3_reset(handle)
        for (index, value) in values.enumerated() { sqlite3_bind_int64(handle, Int32(index + 1), value) }
    }

    /// The next row's integer (nil for NULL is skipped: the column is an id), or nil at the end.
    func next() throws -> Int64? {
        let handle = statement.sqliteStatement
        while true {
            switch sqlite3_step(handle) {
            case SQLITE_ROW:
                if sqlite3_column_type(handle, 0) == SQLITE_NULL { continue }
                return sqlite3_column_int64(handle, 0)
            case SQLITE_DONE:
                return nil
            case let code:
                throw DatabaseError(
                    resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)),
                    sql: statement.sql)
            }
        }
    }

    /// The first row's integer with `value` bound, or nil (no row, or NULL).
    func first(_ value: Int64) throws -> Int64? {
        try start(value)
        return try next()
    }
}
