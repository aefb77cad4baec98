import Foundation
import GRDB
import Testing

@testable import AnnalsKit

/// A page of a search that is not ranked finds its events from the hits in Swift
/// (`Archive.searchedEvents`), and may then walk the events in date order: every plan gives
/// the ids, in the order, of the plain SQL condition (one timeline lookup per hit).
@Suite struct SearchPageTests {
    let archive: Archive

    /// Words of the one-off events' texts: each says "entity" and "list" or not, by its index.
    static let firms = ["Huawei", "SMIC", "YMTC", "CXMT", "Hikvision", "Inspur", "Sugon", "Biren"]

    /// 160 articles of four timeline entries each: two background events from a small pool
    /// (the Entity List ones are mentioned dozens of times: many hits, few events), one
    /// one-off, and an undated one-off now and then. Dates and firms cycle at different
    /// periods so that events interleave in date order.
    init() throws {
        archive = try Archive.inMemory()
        _ = try Ingestor(archive: archive).ingest(bytes: Self.feed(), origin: "feed.ndjson", format: .ndjson)
    }

    /// The articles, as one NDJSON feed.
    static func feed() -> [UInt8] {
        var lines: [String] = []
        func entry(_ date: String, _ text: String) -> JSONValue {
            .object([("date", .string(date)), ("text", .string(text))])
        }
        for article in 0..<160 {
            let firm = Self.firms[article % Self.firms.count]
            let year = 2019 + article % 7
            let month = 1 + (article * 5) % 12
            let pool = article % 11
            // The one-off follows the pool event: an entry next to a hit of another event.
            var timeline = [
                entry("\(2018 + pool % 8)-0\(1 + pool % 9)", "US Commerce Department adds \(Self.firms[pool % 8]) to the Entity List."),
                entry(String(format: "%04d-%02d", year, month), article % 3 == 0
                    ? "\(firm) appears on a revised entity list of suppliers number \(article)."
                    : "\(firm) reports quarterly revenue number \(article) for its memory unit."),
                entry("\(2018 + (pool + 3) % 8)", "TSMC starts volume production of \(2 + pool)nm chips in Arizona plant \(pool)."),
            ]
            if article % 10 == 0 {
                timeline.append(entry("soon", "\(firm) plans an entity list appeal, filing number \(article)."))
            }
            // Every other precision, so that a page by recency may end inside a quarter, a
            // third, a half or a year that an event starting before its last end fills.
            if article % 3 == 1 {
                let dates = [
                    "Q\(1 + article % 4) \(year)", "H\(1 + article % 2) \(year)", "\(["early", "mid", "late"][article % 3]) \(year)",
                    // A day inside the month of a pool event.
                    String(format: "%04d-%02d-%02d", 2018 + pool % 8, 1 + pool % 9, 2 + article % 27), "\(year)",
                ]
                timeline.append(entry(dates[(article / 3) % dates.count], "Entity list review of \(firm) opens, docket \(article)."))
            }
            // Year events created before the pool's January ones: the same start day, a later
            // end, a smaller id (the walk meets them first; the page puts them after).
            if article < 4 {
                timeline.insert(entry("\(2019 + article / 2)", "Entity list hearing for Zetalabs\(article) is set for the year."), at: 0)
            }
            let json: JSONValue = .object([
                ("source", .string(article % 2 == 0 ? "Reuters" : "Nikkei")), ("title", .string("Article \(article)")),
                ("published_at", .string(String(format: "2026-%02d-01T10:00:00Z", 1 + article % 12))),
                ("takeaways", .array([.string("The entity list grows, number \(article).")])), ("timeline", .array(timeline)),
            ])
            lines.append(String(decoding: JSONWriter().data(json), as: UTF8.self))
        }
        return Array(lines.joined(separator: "\n").utf8)
    }

    /// The events of `filter` by the plain statement: the search a condition on every hit's entry.
    /// Ingests one Reuters article titled `title` whose timeline has `lines` (date, text).
    static func ingest(title: String, lines: [(date: String, text: String)], into archive: Archive) throws {
        let timeline: [JSONValue] = lines.map { .object([("date", .string($0.date)), ("text", .string($0.text))]) }
        let json: JSONValue = .object([("source", .string("Reuters")), ("title", .string(title)), ("timeline", .array(timeline))])
        _ = try Ingestor(archive: archive).ingest(bytes: Array(JSONWriter().data(json)), origin: "\(title).json", format: .json)
    }

    func plain(_ filter: QueryFilter) throws -> [Int64] {
        let (sql, arguments) = try Archive.eventQuery(filter)
        return try archive.writer.read { db in try Row.fetchAll(db, sql: sql, arguments: arguments).map { $0["id"] } }
    }

    /// The events of `filter` with the searched events given, walked in date order or not.
    func planned(_ filter: QueryFilter, walk: Bool, budget: @escaping (Int) -> Int = Archive.markingBudget(hits:)) throws -> [Int64] {
        try archive.writer.read { db in
            let searched = try Archive.searchedEvents(filter, db, markingBudget: budget)
            let (sql, arguments) = try Archive.eventQuery(filter, walkInDateOrder: walk, searchedEvents: searched)
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map { $0["id"] }
        }
    }

    /// The events of `filter` with the searched events found by the walk in key order
    /// (`event_search`), or nil when that walk does not apply.
    func byKeys(
        _ filter: QueryFilter, in archive: Archive? = nil, checkBatch: Int = 32, readOn: Int = Archive.walkReadsOn
    ) throws -> [Int64]? {
        try (archive ?? self.archive).writer.read { db in
            guard let searched = try Archive.searchedEventsByKeys(filter, db, checkBatch: checkBatch, readOn: readOn) else { return nil }
            let (sql, arguments) = try Archive.eventQuery(filter, searchedEvents: searched)
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map { $0["id"] }
        }
    }

    /// ``byKeys(_:in:checkBatch:readOn:)`` starting a query at every step, reading on through
    /// at most two hits before it does, and as the library does: the three must agree.
    func byKeysEveryWay(_ filter: QueryFilter, in archive: Archive? = nil, checkBatch: Int) throws -> [Int64]? {
        let ways = try [0, 2, Archive.walkReadsOn].map { try byKeys(filter, in: archive, checkBatch: checkBatch, readOn: $0) }
        #expect(ways.dropFirst().allSatisfy { $0 == ways[0] }, "reading on 0, 2, \(Archive.walkReadsOn) hits: \(filter)")
        return ways[0]
    }

    /// Every page, by date, by recency and by mentions, of every search and filter, by the
    /// walk in key order and by the library's choice, against the plain statement; how many
    /// pages the walk gave. The walk checks the events it meets `batches` at a time: one at
    /// a time, it stops as soon as it may, which tests its bounds most closely. Each walk
    /// runs three ways (``byKeysEveryWay(_:in:checkBatch:)``).
    @discardableResult
    func pagesAgree(
        in archive: Archive? = nil, sorts: [QueryFilter.Sort] = [.date, .recent, .mentions], batches: [Int] = [1]
    ) throws -> Int {
        let archive = archive ?? self.archive
        func plain(_ filter: QueryFilter) throws -> [Int64] {
            let (sql, arguments) = try Archive.eventQuery(filter)
            return try archive.writer.read { db in try Row.fetchAll(db, sql: sql, arguments: arguments).map { $0["id"] } }
        }
        var walked = 0
        let filters = Self.searches.flatMap { search in
            sorts.flatMap { sort in
                Self.filters(search).map { filter in
                    var filter = filter
                    filter.sort = sort
                    return filter
                }
            }
        }
        for var filter in filters {
            let all = try plain(filter)
            for (limit, offset) in [(1, 0), (3, 0), (3, 2), (50, 0), (5, max(0, all.count - 2)), (2, all.count + 1)] {
                filter.limit = limit
                filter.offset = offset
                let expected = Array(all.dropFirst(offset).prefix(limit))
                #expect(try archive.events(matching: filter).map(\.id) == expected, "\(filter)")
                for batch in batches {
                    guard let found = try byKeysEveryWay(filter, in: archive, checkBatch: batch) else { continue }
                    walked += 1
                    #expect(found == expected, "walk in key order, checked \(batch) at a time: \(filter)")
                }
            }
        }
        return walked
    }

    /// Every line of an event has the key of its event's start day, its event, and a number
    /// no other line of the event has, and `event_search` finds the line by its own words
    /// under that key.
    static func keysAreInStep(_ archive: Archive) throws {
        try archive.writer.read { db in
            // Every event's mentions are counted once.
            let miscounted = try Int.fetchOne(db, sql: """
                SELECT count(*) FROM events e WHERE e.mentions != (SELECT count(*) FROM timeline_entries t WHERE t.event_id = e.id)
                """)
            #expect(miscounted == 0)
            let rows = try Row.fetchAll(db, sql: """
                SELECT t.id, t.event_id, t.search_key, t.text, e.start FROM timeline_entries t LEFT JOIN events e ON e.id = t.event_id
                """)
            var numbers: [Int64: Set<Int64>] = [:]
            for row in rows {
                let event: Int64? = row["event_id"], key: Int64? = row["search_key"], text: String = row["text"]
                guard let event else {
                    #expect(key == nil)
                    continue
                }
                let found = try #require(key, "line \(row["id"] as Int64) has no key")
                #expect((found >> 22) & 0xFF_FFFF == event)
                let start: String? = row["start"]
                let day = try Int64.fetchOne(db, sql: """
                    SELECT CASE WHEN ? IS NULL THEN 131071 ELSE max(0, min(131070, CAST(julianday(?) - 2415020.5 AS INTEGER))) END
                    """, arguments: [start, start])
                #expect(found >> 46 == day)
                #expect(numbers[event, default: []].insert(found & 0x3F_FFFF).inserted, "two lines of event \(event) share a number")
                // The line's longest word finds it under its key.
                let words = text.split(whereSeparator: { (character: Character) in !(character.isLetter || character.isNumber) })
                let word = words.max { $0.count < $1.count }.map(String.init) ?? ""
                guard word.count > 3 else { continue }
                let hit = try Int.fetchOne(db, sql: "SELECT count(*) FROM event_search WHERE event_search MATCH ? AND rowid = ?", arguments: ["\"\(word)\"", found])
                #expect(hit == 1, "line \(row["id"] as Int64) not found by \(word)")
            }
        }
    }

    /// The orders whose walk stops by the keys' days, which every change of keys must keep
    /// right (by mentions, the walk reads every event of the search).
    static let keyedSorts: [QueryFilter.Sort] = [.date, .recent]

    static let searches = ["entity list", "\"entity list\"", "arizona", "revenue", "huawei", "nothing-like-this"]

    static func filters(_ search: String) -> [QueryFilter] {
        [
            QueryFilter(search: search), QueryFilter(topics: ["entity-list"], search: search),
            QueryFilter(entities: ["Huawei"], search: search), QueryFilter(since: Day(iso: "2021-01-01"), search: search),
            QueryFilter(until: Day(iso: "2022-06-30"), search: search),
            QueryFilter(since: Day(iso: "2020-01-01"), until: Day(iso: "2024-12-31"), search: search),
            QueryFilter(search: search, anyWords: ["appeal"]), QueryFilter(search: search, anyWords: ["appeal", "revenue"]),
            QueryFilter(sources: ["Nikkei"], search: search),
        ]
    }

    @Test func theArchiveHasWhatBothPlansNeed() throws {
        let hits = try archive.writer.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM search_index WHERE search_index MATCH '\"entity\" \"list\"' AND rowid % 4 = 3")
        }
        let events = try plain(QueryFilter(search: "entity list"))
        // Many hits, fewer events; some of them undated (last in date order).
        #expect((hits ?? 0) > 2 * events.count && events.count > 40, "\(hits ?? 0) hits, \(events.count) events")
        #expect(try archive.events(matching: QueryFilter(search: "entity list")).last?.date.start == nil)
        // The walk is chosen for a common search's first page, and not for a rare one's.
        for (search, walks) in [("entity list", true), ("huawei appeal", false)] {
            let filter = QueryFilter(search: search, limit: 3)
            let chosen = try archive.writer.read { db -> Bool? in
                guard let searched = try Archive.searchedEvents(filter, db) else { return nil }
                return try Archive.walksInDateOrder(filter, db, searched: searched.count)
            }
            #expect(chosen == walks, "\(search)")
        }
    }

    @Test func everyPlanGivesThePlainAnswer() throws {
        for search in Self.searches {
            for base in Self.filters(search) {
                for sort in QueryFilter.Sort.allCases {
                    var filter = base
                    filter.sort = sort
                    let all = try plain(filter)
                    for (limit, offset) in [(nil, 0), (1, 0), (3, 0), (3, 2), (50, 0), (5, max(0, all.count - 2)), (2, all.count + 1)] {
                        filter.limit = limit
                        filter.offset = offset
                        let expected = try plain(filter)
                        #expect(expected == Array(all.dropFirst(offset).prefix(limit ?? all.count)), "\(filter)")
                        // The library's own choice of plan.
                        #expect(try archive.events(matching: filter).map(\.id) == expected, "\(filter)")
                        guard limit != nil else { continue }
                        // Each plan, forced; and the searched events found with every entry
                        // marked, and with none (one lookup per hit).
                        for walk in [false, true] {
                            #expect(try planned(filter, walk: walk) == expected, "walk \(walk): \(filter)")
                        }
                        #expect(try planned(filter, walk: true, budget: { _ in 0 }) == expected, "no marks: \(filter)")
                        #expect(try planned(filter, walk: false, budget: { _ in .max }) == expected, "all marked: \(filter)")
                    }
                }
            }
        }
    }

    /// A page by recency may end on any event's end, inside a month, quarter, third, half or
    /// year that an event starting before it fills: pages of every length, checked one
    /// event at a time (the walk's bound as tight as it gets), are the plain pages.
    @Test func aPageByRecencyOfEveryLengthIsThePlainPage() throws {
        var precisions = Set<String>()
        for filter in [
            QueryFilter(search: "entity list", sort: .recent), QueryFilter(since: Day(iso: "2021-05-17"), search: "entity list", sort: .recent),
            QueryFilter(sources: ["Nikkei"], search: "entity list", sort: .recent),
        ] {
            let all = try plain(filter)
            var limited = filter
            for limit in 1...all.count {
                limited.limit = limit
                let found = try byKeysEveryWay(limited, checkBatch: 1)
                // Every page with a dated last event is walked; the rest reach the undated ones.
                let last = try archive.event(id: all[limit - 1])
                #expect(found == nil ? last.date.end == nil : found == Array(all.prefix(limit)), "\(limited)")
                if last.date.end != nil { precisions.insert(last.date.precision.rawValue) }
            }
        }
        #expect(precisions == ["day", "month", "quarter", "third", "half", "year"])
        // The latest event of a search starts inside a month, quarter or third that began
        // before it (on a day that starts no other period) and ends after it: the first page
        // is that period's event, which the walk finds only by jumping to its first day.
        for (period, day) in [("2027-03", "2027-03-12"), ("Q2 2028", "2028-05-20"), ("late 2029", "2029-11-15")] {
            try Self.ingest(title: period, lines: [
                (period, "US Commerce Department adds Zetalabs to the Entity List."), (day, "Entity list review of Zetalabs opens, docket \(day)."),
            ], into: archive)
            for limit in [1, 2, 3] {
                let filter = QueryFilter(search: "entity list", sort: .recent, limit: limit)
                let expected = try plain(filter)
                #expect(try archive.event(id: expected[0]).date.text == period)
                #expect(try byKeysEveryWay(filter, checkBatch: 1) == expected, "\(period), \(limit)")
            }
        }
        // Past 2258 every start is keyed on one day (131070): the walk meets the later of
        // two such events second, and must not pass it over for the day of the first's end.
        for (date, title) in [("2400", "Far"), ("2300-06-15", "Near")] {
            try Self.ingest(title: title, lines: [(date, "Entity list review of Farlabs opens, docket \(date).")], into: archive)
        }
        for limit in [1, 2, 3] {
            let filter = QueryFilter(search: "entity list", sort: .recent, limit: limit)
            let expected = try plain(filter)
            #expect(try archive.event(id: expected[0]).date.text == "2400")
            #expect(try byKeysEveryWay(filter, checkBatch: 1) == expected, "far future, \(limit)")
        }
    }

    /// By mentions the walk reads every event of a search, however many: it had given up
    /// past 1,000, and every hit's line was then looked up for its event.
    @Test func byMentionsTheWalkReadsEveryEventHoweverMany() throws {
        let archive = try Archive.inMemory()
        // 1,250 one-line events, each on its own day (28 a month), none alike.
        for article in 0..<25 {
            let lines = (0..<50).map { line in
                let number = article * 50 + line
                let date = String(format: "%04d-%02d-%02d", 2001 + number / 336, 1 + number / 28 % 12, 1 + number % 28)
                return (date: date, text: "Quagga permit \(number) goes to firm \(number) in district \(number % 7).")
            }
            try Self.ingest(title: "Permits \(article)", lines: lines, into: archive)
        }
        let filter = QueryFilter(search: "quagga", sort: .mentions, limit: 5)
        let walked = try archive.writer.read { db in try Archive.searchedEventsByKeys(filter, db) }
        let events = try #require(walked)
        #expect(events.count == 1250 && Set(events).count == 1250)
        let all = try archive.writer.read { db in
            try Int64.fetchAll(db, sql: "SELECT DISTINCT event_id FROM timeline_entries WHERE text LIKE 'Quagga permit %'")
        }
        #expect(Set(events) == Set(all))
        let (sql, arguments) = try Archive.eventQuery(filter)
        let plain = try archive.writer.read { db in try Row.fetchAll(db, sql: sql, arguments: arguments).map { $0["id"] as Int64 } }
        #expect(try archive.events(matching: filter).map(\.id) == plain)
        #expect(plain.count == 5)
    }

    @Test func theWalkInKeyOrderGivesThePlainPageAndReadsLess() throws {
        #expect(try pagesAgree(batches: [32, 1]) > 300)
        try Self.keysAreInStep(archive)
        func walk(_ filter: QueryFilter, budget: ((Int) -> Int)? = nil) throws -> [Int64]? {
            try archive.writer.read { db in try Archive.searchedEventsByKeys(filter, db, stepBudget: budget) }
        }
        let every = try #require(try archive.writer.read { db in try Archive.searchedEvents(QueryFilter(search: "entity list", limit: 3), db) })
        // A common phrase's first page by date, or by recency: a few of its events, not all.
        for sort in [QueryFilter.Sort.date, .recent] {
            let few = try #require(try walk(QueryFilter(search: "entity list", sort: sort, limit: 3)), "\(sort)")
            #expect(few.count < every.count / 2, "\(sort): \(few.count) of \(every.count)")
            #expect(Set(few).isSubset(of: Set(every)))
        }
        // By mentions, every one of them, each once.
        let all = try #require(try walk(QueryFilter(search: "entity list", sort: .mentions, limit: 3)))
        #expect(all.count == Set(all).count && Set(all) == Set(every))
        // Not for a ranked page, every row, no search, a page by date `since` a day, a page
        // by recency that reaches the undated events (last), or past its budget of steps.
        for other in [
            QueryFilter(search: "entity list", sort: .relevance, limit: 3), QueryFilter(search: "entity list"),
            QueryFilter(topics: ["entity-list"], limit: 3), QueryFilter(since: Day(iso: "2021-01-01"), search: "entity list", limit: 3),
            QueryFilter(search: "entity list", sort: .recent, limit: 3, offset: every.count - 2),
        ] {
            #expect(try walk(other) == nil, "\(other)")
        }
        for sort in [QueryFilter.Sort.date, .recent, .mentions] {
            #expect(try walk(QueryFilter(search: "entity list", sort: sort, limit: 3), budget: { _ in 1 }) == nil, "\(sort)")
        }
        // By recency `since` a day: down to that day's year, not below.
        let since = try #require(try walk(QueryFilter(since: Day(iso: "2024-01-01"), search: "entity list", sort: .recent, limit: 500)))
        let starts = try archive.writer.read { db in
            try String.fetchAll(db, sql: "SELECT start FROM events WHERE id IN (SELECT value FROM json_each(?))", arguments: [Archive.searchedArgument(since)])
        }
        #expect(!starts.isEmpty && starts.allSatisfy { $0 >= "2024-01-01" }, "\(starts)")
        // `annals check` sees an event whose date is not one period of its precision, which
        // the walk by recency could pass over: one that spans two years, two months, a day
        // more than its quarter, or a day that is not its start.
        #expect(try archive.check() == [])
        let problem = "events whose date is not one day, month, quarter, third, half or year"
        for (precision, change) in [
            ("year", "end = '2026-03-31'"), ("month", "end = date(end, '+1 month', 'start of month', '+1 month', '-1 day')"),
            ("quarter", "end = date(end, '+1 day')"), ("day", "end = date(start, '+1 day')"), ("half", "start = date(start, '+1 month')"),
            ("third", "precision = 'quarter'"),
        ] {
            try archive.writer.write { db in
                let id = try #require(try Int64.fetchOne(db, sql: "SELECT min(id) FROM events WHERE precision = ?", arguments: [precision]))
                try db.inSavepoint {
                    try db.execute(sql: "UPDATE events SET \(change) WHERE id = ?", arguments: [id])
                    #expect(try Archive.check(db) == ["\(problem): 1"], "\(precision): \(change)")
                    return .rollback
                }
            }
        }
        #expect(try archive.check() == [])
    }

    /// The keys follow every change of an event's lines or date: a mention that refines an
    /// event's date, a merge, a split, a reparse and a reclassify.
    @Test func theKeysFollowEveryChangeOfAnEventsLinesOrDate() throws {
        func refine() throws {
            // Days for month events: "2018-01" becomes "2018-01-15" (the pool's first event).
            try Self.ingest(title: "Refined", lines: [("2018-01-15", "US Commerce Department adds Huawei to the Entity List.")], into: archive)
        }
        let before = try archive.writer.read { db in try String.fetchOne(db, sql: "SELECT group_concat(start) FROM events ORDER BY id") }
        try refine()
        let after = try archive.writer.read { db in try String.fetchOne(db, sql: "SELECT group_concat(start) FROM events ORDER BY id") }
        #expect(before != after, "the refining mention changed no event's date")
        try Self.keysAreInStep(archive)
        try pagesAgree(sorts: Self.keyedSorts)

        let events = try plain(QueryFilter(search: "entity list"))
        let merged = try archive.mergeEvents(into: events[0], from: events[1], force: true)
        #expect(merged.start != nil)
        let entry = try #require(try archive.writer.read { db in
            try Int64.fetchOne(db, sql: "SELECT id FROM timeline_entries WHERE event_id = ? ORDER BY id DESC LIMIT 1", arguments: [events[2]])
        })
        let mentions = try archive.event(id: events[2]).mentions
        if mentions > 1 { _ = try archive.splitMention(entry, fromEvent: events[2]) }
        try Self.keysAreInStep(archive)
        try pagesAgree(sorts: Self.keyedSorts)

        _ = try Ingestor(archive: archive).reparse()
        _ = try Reclassifier(archive: archive).run()
        try Self.keysAreInStep(archive)
        try pagesAgree(sorts: Self.keyedSorts)
        // `annals check` sees a key that does not match its event.
        #expect(try archive.check() == [])
        try archive.writer.write { try $0.execute(sql: "UPDATE timeline_entries SET search_key = search_key + (1 << 22) WHERE id = (SELECT min(id) FROM timeline_entries)") }
        #expect(try archive.check() == ["timeline entries whose key in event_search does not match their event: 1"])
    }

    /// How many segments `event_search` is in: FTS5 keys a segment's pages by the segment's
    /// id shifted left 37 bits (`FTS5_SEGMENT_ROWID`, fts5Int.h); rows 1 and 10 are the
    /// averages and the structure.
    static func segments(_ archive: Archive) throws -> Int {
        try archive.writer.read { db in
            try Int.fetchOne(db, sql: "SELECT count(DISTINCT id >> 37) FROM event_search_data WHERE id > 10") ?? 0
        }
    }

    /// Every store transaction leaves a segment in `event_search`, and a page's walk seeks
    /// in each: what a run, a reparse or a reclassify settles with merges them, two by two
    /// (0011), and the pages stay the same.
    @Test func theMergeAfterARunLeavesFewSegmentsAndTheSamePages() throws {
        let archive = try Archive(path: try Fixtures.scratchFolder().appending(path: "a.sqlite").path)
        // One article a transaction, and no run's settling (a document in memory).
        _ = try Ingestor(archive: archive, options: IngestOptions(batchSize: 1))
            .ingest(bytes: Self.feed(), origin: "feed.ndjson", format: .ndjson)
        let before = try Self.segments(archive)
        let pages = try pagesAgree(in: archive, sorts: Self.keyedSorts)
        #expect(before >= 5, "FTS5's own merging (four at a level) leaves \(before)")
        archive.settleAfterWrites()
        let after = try Self.segments(archive)
        #expect(after <= 2, "\(before) segments merged into \(after)")
        #expect(try pagesAgree(in: archive, sorts: Self.keyedSorts) == pages)
        #expect(try archive.check() == [])
        try Self.keysAreInStep(archive)
    }

    /// An archive from before `event_search` (0010) gets it, keyed, when it is upgraded.
    @Test func theUpgradeKeysEveryLineOfAnArchive() throws {
        let path = try Fixtures.scratchFolder().appending(path: "old.sqlite").path
        _ = try Ingestor(archive: try Archive(path: path)).ingest(bytes: Self.feed(), origin: "feed.ndjson", format: .ndjson)
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            for trigger in try String.fetchAll(db, sql: "SELECT name FROM sqlite_schema WHERE type = 'trigger' AND name LIKE '%event_search%'") {
                try db.execute(sql: "DROP TRIGGER \(trigger)")
            }
            try db.execute(sql: """
                DROP TABLE event_search; DROP VIEW event_search_prefixes; ALTER TABLE timeline_entries DROP COLUMN search_key; ALTER TABLE events DROP COLUMN search_seq;
                DELETE FROM grdb_migrations WHERE identifier = '0010_event_search'
                """)
        }
        try queue.close()
        let upgraded = try Archive(path: path)
        try Self.keysAreInStep(upgraded)
        #expect(try pagesAgree(in: upgraded, sorts: Self.keyedSorts) > 50)
        // A line added after the upgrade is counted, numbered and keyed.
        try Self.ingest(title: "After", lines: [("2024-05", "Entity list hearing for Zetalabs99 opens.")], into: upgraded)
        try Self.keysAreInStep(upgraded)
        #expect(try pagesAgree(in: upgraded, sorts: Self.keyedSorts) > 50)
        // Numbering goes on from the lines already numbered, and mentions are counted once.
        let next = try upgraded.writer.read { db in
            try Bool.fetchOne(db, sql: "SELECT bool_and FROM (SELECT min(search_seq = mentions) AS bool_and FROM events)")
        }
        #expect(next == true)
    }

    @Test func theSearchedEventsAreThoseAnyHitMentions() throws {
        for search in Self.searches {
            let filter = QueryFilter(search: search, limit: 10)
            let expression = try #require(filter.fullText).expression
            let expected = try archive.writer.read { db in
                try Set(Int64.fetchAll(db, sql: """
                    SELECT DISTINCT te.event_id FROM search_index f JOIN timeline_entries te ON te.id = f.rowid / 4
                    WHERE search_index MATCH ? AND f.rowid % 4 = 3 AND te.event_id IS NOT NULL
                    """, arguments: [expression]))
            }
            for budget: (Int) -> Int in [Archive.markingBudget(hits:), { _ in 0 }, { _ in .max }] {
                let found = try #require(try archive.writer.read { db in try Archive.searchedEvents(filter, db, markingBudget: budget) })
                #expect(found.count == Set(found).count, "each once: \(search)")
                #expect(Set(found) == expected, "\(search)")
            }
        }
        // Not for a ranked page or for every row (an export): those keep the SQL.
        for filter in [
            QueryFilter(search: "entity list", sort: .relevance, limit: 5), QueryFilter(search: "entity list"),
            QueryFilter(topics: ["entity-list"], limit: 5),
        ] {
            #expect(try archive.writer.read { db in try Archive.searchedEvents(filter, db) } == nil, "\(filter)")
        }
    }

    @Test func aSearchPageAnswersToTheArchivesLimits() throws {
        // A file archive: its readers carry the limits (an in-memory one has no read-only connection).
        let file = try Archive(path: try Fixtures.scratchFolder().appending(path: "annals.sqlite").path)
        let feed = try archive.writer.read { db in
            try String.fetchAll(db, sql: "SELECT text FROM timeline_entries ORDER BY id LIMIT 40")
        }
        let lines = feed.enumerated().map { index, text in
            let entry: JSONValue = .object([("date", .string("2025-0\(1 + index % 9)")), ("text", .string(text))])
            let json: JSONValue = .object([("source", .string("Reuters")), ("title", .string("T\(index)")), ("timeline", .array([entry]))])
            return String(decoding: JSONWriter().data(json), as: UTF8.self)
        }
        _ = try Ingestor(archive: file).ingest(bytes: Array(lines.joined(separator: "\n").utf8), origin: "f.ndjson", format: .ndjson)
        let filter = QueryFilter(search: "entity list", limit: 5)
        #expect(try !file.events(matching: filter).isEmpty)
        // An empty interval is refused as before, and a cancelled archive stops the page.
        #expect(throws: QueryError.emptyInterval(since: "2025-02-01", until: "2025-01-01")) {
            try file.events(matching: QueryFilter(since: Day(iso: "2025-02-01"), until: Day(iso: "2025-01-01"), search: "entity list", limit: 5))
        }
        file.queryLimits.cancel()
        do {
            _ = try file.events(matching: filter)
            Issue.record("a cancelled search page ran")
        } catch {
            #expect(QueryError(interrupted: error, limits: file.queryLimits) == .interrupted)
        }
    }
}
