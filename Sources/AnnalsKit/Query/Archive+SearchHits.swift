// The events a full-text search hits, for a page that is not ranked: found by walking
// `event_search`'s keys, one event a step (reading on through its hits, or a short query
// past them), or with about one lookup per event rather than one per hit.

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

    /// For a page of a search that is not ranked: the events of its search that the page
    /// can hold, found by walking `event_search` (migration 0010), whose keys are in date
    /// order (start day, event, line), one event a step, each step past the event's other
    /// lines (read on through, or skipped by a new query); nil when the walk does not
    /// apply (no limit, relevance, event ids past its key's 24 bits) or costs more than
    /// reading every hit would (``searchedEvents(_:_:limits:markingBudget:)``): more than
    /// `stepBudget` steps.
    ///
    /// - By date (without `since`): upward, until the day of the (offset + limit)-th event
    ///   that passes the filter's other conditions; every event up to that day is returned.
    /// - By recency: downward from the last dated key, down to the (offset + limit)-th
    ///   latest end among the events passing the conditions (or `since`, if later), then
    ///   only to the first days of the month, quarter, third, half and year that hold it:
    ///   an event's date is one such period (every precision of ``PartialDate`` is, and so
    ///   is what a forced merge gives: `annals check` says otherwise), so an event that
    ///   starts on another day before that end ends before it. When the dated events run
    ///   out first (without `since`), nil: the page reaches the undated ones.
    /// - By mentions: every event of the search (an event's count of mentions is not in
    ///   its keys); within `stepBudget` only when one is given.
    ///
    /// The events returned are a superset of the page's and all match the search, so the
    /// statement that then sorts and pages them (`e.id IN …`, ``searchedCondition``) gives
    /// the page the plain SQL gives. `SearchPageTests` holds the two to each other, through
    /// every change of keys.
    ///
    /// The events walked are checked against the filter's other conditions `checkBatch` at
    /// a time (one statement each). A step reads on through the hits, up to `readOn` of
    /// them, before it starts a query from its bound (``walkReadsOn``). The parameters are
    /// there for tests.
    static func searchedEventsByKeys(
        _ filter: QueryFilter, _ db: Database, limits: QueryLimits? = nil, stepBudget: ((Int) -> Int)? = nil, checkBatch: Int = 32,
        readOn: Int = Archive.walkReadsOn
    ) throws -> [Int64]? {
        let filter = try filter.validated()
        guard let limit = filter.limit, limit > 0, let search = filter.fullText else { return nil }
        let need = limit + filter.offset
        let budget: Int
        switch filter.sort {
        case .date:
            guard filter.since == nil else { return nil }
            budget = stepBudget?(need) ?? (400 + 2 * need)
        case .recent:
            // A step is at most one short FTS5 query, 10-60 µs at a million cards: 2,000 of
            // them cost about what looking 100,000 hits up does; a common word's first page
            // by recency takes about 1,200 there (fewer since the jumps, and most of them
            // read on through the hits rather than query).
            budget = stepBudget?(need) ?? max(2000, 400 + 2 * need)
        case .mentions:
            // Every event of the search, with no budget by default: reading on through the
            // hits (``walkReadsOn``) costs less than looking every hit's line up for its
            // event, whatever the number of events (`china`: 13,000 events, 608,000 hits at
            // 1.1M events, 93 ms against 750–830 with the lookups).
            budget = stepBudget?(need) ?? .max
        case .relevance:
            return nil
        }
        guard let last = try Int64.fetchOne(db, sql: "SELECT max(id) FROM events"), last < 1 << 24 else { return nil }
        var walk = try KeyWalk(search: search, db, limits: limits, budget: budget, batch: checkBatch, readOn: readOn)
        // The filter's other conditions (an event's search is not among them: it is the walk's).
        let conditions = FilterTarget.events.conditions(filter)
        do {
            switch filter.sort {
            case .date: return try walk.upToPage(need: need, conditions: conditions)
            case .recent: return try walk.downToPage(need: need, since: filter.since, conditions: conditions)
            case .mentions: return try walk.every()
            case .relevance: return nil  // returned above: a ranked page reads every hit
            }
        } catch is KeyWalk.OverBudget {
            return nil
        }
    }


    /// How many hits a step of ``searchedEventsByKeys(_:_:limits:stepBudget:checkBatch:readOn:)``
    /// reads on, at most, to reach the next event, before it starts its query again from
    /// the step's bound: starting it seeks in every segment of `event_search` (tens of
    /// microseconds at a million cards), reading on costs about a tenth of a microsecond a
    /// hit. At 1.1M events, `china`'s first page by recency went from 33–38 to 9–14 ms.
    static let walkReadsOn = 128

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

/// The walks of ``Archive/searchedEventsByKeys(_:_:limits:stepBudget:checkBatch:readOn:)`` over `event_search`'s
/// keys (start day << 46 | event << 22 | line number), one event a step: each step asks
/// for the first key past the event's lines, up or down.
private struct KeyWalk {
    /// More steps than the budget: reading every hit costs less.
    struct OverBudget: Error {}

    let db: Database
    let limits: QueryLimits?
    let budget: Int
    /// How many events walked are checked against the filter's other conditions at once.
    let batch: Int
    let started = Date()
    var up: HitStream
    var down: HitStream
    var steps = 0
    /// The events walked, each once.
    var events: [Int64] = []

    init(search: FullTextQuery, _ db: Database, limits: QueryLimits?, budget: Int, batch: Int, readOn: Int) throws {
        self.db = db
        self.limits = limits
        self.budget = budget
        self.batch = max(1, batch)
        up = HitStream(statement: try RawStatement(
            db, "SELECT rowid FROM event_search WHERE event_search MATCH ?2 AND rowid >= ?1 ORDER BY rowid",
            text: search.expression, textIndex: 2), downward: false, readOn: readOn)
        down = HitStream(statement: try RawStatement(
            db, "SELECT rowid FROM event_search WHERE event_search MATCH ?2 AND rowid <= ?1 ORDER BY rowid DESC",
            text: search.expression, textIndex: 2), downward: true, readOn: readOn)
    }

    /// The start day and id of the event of the first key at or above `bound` (at or below
    /// it, `downward`), now walked; nil when there is none.
    mutating func event(from bound: Int64, downward: Bool = false) throws -> (day: Int64, event: Int64)? {
        steps += 1
        if steps > budget { throw OverBudget() }
        if steps % 64 == 0, let timeout = limits?.timeout, Date().timeIntervalSince(started) > timeout {
            throw QueryError.timedOut(seconds: timeout)
        }
        guard let key = try downward ? down.first(from: bound) : up.first(from: bound) else { return nil }
        let event = (key >> 22) & 0xFF_FFFF
        events.append(event)
        return (key >> 46, event)
    }

    /// The first key of an event's lines, and the first key past them.
    static func firstKey(day: Int64, event: Int64) -> Int64 { (day << 46) | (event << 22) }
    static func keyPast(day: Int64, event: Int64) -> Int64 { (day << 46) | ((event + 1) << 22) }
    /// The largest key of a dated event: day 131071 is the undated events'.
    static let lastDatedKey: Int64 = (131_070 << 46) | ((1 << 46) - 1)

    /// Of `events`, the rows of those that pass `conditions`, in no order: `columns` (SQL
    /// over the event `e`).
    func passing(_ events: [Int64], _ conditions: SQLConditions, columns: String) throws -> [Row] {
        var batch = conditions
        batch.add(Archive.searchedCondition, [Archive.searchedArgument(events)])
        return try Row.fetchAll(db, sql: "SELECT \(columns) FROM events e \(batch.sql)", arguments: batch.arguments)
    }

    /// By date: up from the first key, until the start day of the `need`-th event that
    /// passes `conditions`, checked `batch` at a time (the events walked meanwhile past that
    /// day are returned too: more than the page needs, never less).
    mutating func upToPage(need: Int, conditions: SQLConditions) throws -> [Int64] {
        var unchecked: [(event: Int64, day: Int64)] = []
        var passed = 0
        var lastDay: Int64?
        func check() throws {
            defer { unchecked = [] }
            guard lastDay == nil, !unchecked.isEmpty else { return }
            let kept = Set(try passing(unchecked.map(\.event), conditions, columns: "e.id").map { $0[0] as Int64 })
            for (event, day) in unchecked where kept.contains(event) {
                passed += 1
                if passed == need { return lastDay = day }
            }
        }
        var lower: Int64 = 0
        while let (day, event) = try self.event(from: lower) {
            if let lastDay, day > lastDay {
                events.removeLast()
                break
            }
            if lastDay == nil {
                if conditions.clauses.isEmpty {
                    passed += 1
                    if passed == need { lastDay = day }
                } else {
                    unchecked.append((event, day))
                    if unchecked.count >= batch { try check() }
                }
            }
            lower = Self.keyPast(day: day, event: event)
        }
        return events
    }

    /// By recency: down from the last dated key, until every event has been walked that
    /// may end on the bound `B` or after, where `B` is `since` or, once known, the `need`-th
    /// latest end among the events that pass `conditions` (checked `batch` at a time),
    /// whichever is later: the events that start on `B` or after, and below `B` only those
    /// that start on the first day of a period holding `B` (``PartialDate/periodStarts(holding:)``:
    /// its month, quarter, third, half or year), as every date Annals gives an event is one
    /// such period (`annals check` says otherwise). The walk jumps to each of those days in
    /// turn, and stops below the last (January 1 of `B`'s year). `B` only grows as the walk
    /// goes on, so a day passed over stays passed over. Nil when the dated events run out
    /// first without `since`: the page then reaches the undated ones, which come last.
    mutating func downToPage(need: Int, since: Day?, conditions: SQLConditions) throws -> [Int64]? {
        var bound = since
        // The key days that may start an event ending on `bound` or after, latest first.
        var starts = since.map { PartialDate.periodStarts(holding: $0).map(Self.keyDay) } ?? []
        var unchecked: [Int64] = []
        var latest: [String] = []
        func check() throws {
            defer { unchecked = [] }
            guard !unchecked.isEmpty else { return }
            latest += try passing(unchecked, conditions, columns: "e.end").compactMap { $0[0] as String? }
            guard latest.count >= need else { return }
            latest.sort(by: >)
            latest.removeLast(latest.count - need)
            guard let end = Day(iso: latest[need - 1]), bound.map({ $0 < end }) ?? true else { return }
            bound = end
            starts = PartialDate.periodStarts(holding: end).map(Self.keyDay)
        }
        var upper = Self.lastDatedKey
        while let (day, event) = try self.event(from: upper, downward: true) {
            if let first = starts.first, day < first, !starts.contains(day) {
                // No event that starts on this day ends on `bound` or after.
                events.removeLast()
                guard let next = starts.first(where: { $0 < day }) else { return events }
                upper = Self.firstKey(day: next + 1, event: 0) - 1
                continue
            }
            unchecked.append(event)
            if unchecked.count >= batch { try check() }
            upper = Self.firstKey(day: day, event: event) - 1
        }
        try check()
        return latest.count >= need || since != nil ? events : nil
    }

    /// A day as the keys count them: days since 1900-01-01, within 0...131070 as in
    /// `event_search_prefixes` (0010): every start outside it shares the nearest end day,
    /// so the walk visits all of them together.
    static func keyDay(_ day: Day) -> Int64 {
        Int64(min(131_070, max(0, day.ordinal - Day.ordinal(year: 1900, month: 1, day: 1))))
    }

    /// Every event of the search, up from the first key.
    mutating func every() throws -> [Int64] {
        var lower: Int64 = 0
        while let (day, event) = try self.event(from: lower) { lower = Self.keyPast(day: day, event: event) }
        return events
    }
}

/// `event_search`'s hits in one direction, for a ``KeyWalk``: the first key at or past a
/// bound (at or below it, `downward`). A step reads on from where the last one stopped,
/// while the hits it skips are few (an event's other lines: up to `readOn`), and starts
/// the query again from the bound when they are many (``Archive/walkReadsOn``). The walk's
/// bounds only move on in its direction.
private struct HitStream {
    let statement: RawStatement
    let downward: Bool
    let readOn: Int
    /// The bound the statement was last started from; nil before the first step.
    private var from: Int64?
    /// The last key read since; nil when none was, or the hits ran out.
    private var last: Int64?

    init(statement: RawStatement, downward: Bool, readOn: Int) {
        self.statement = statement
        self.downward = downward
        self.readOn = max(0, readOn)
    }

    /// The first hit's key at or past `bound` in the stream's direction, or nil.
    mutating func first(from bound: Int64) throws -> Int64? {
        func reaches(_ key: Int64) -> Bool { downward ? key <= bound : key >= bound }
        if let from, downward ? from >= bound : from <= bound {
            // Every key between `from` and `last` was read: `last`, when it reaches the
            // bound, is the first that does; with none left, there is none.
            guard let known = last else { return nil }
            if reaches(known) { return known }
            for _ in 0..<readOn {
                last = try statement.next()
                guard let key = last else { return nil }
                if reaches(key) { return key }
            }
        }
        try statement.start(bound)
        from = bound
        last = try statement.next()
        return last
    }
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
