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
            let json: JSONValue = .object([
                ("source", .string(article % 2 == 0 ? "Reuters" : "Nikkei")), ("title", .string("Article \(article)")),
                ("published_at", .string(String(format: "2026-%02d-01T10:00:00Z", 1 + article % 12))),
                ("takeaways", .array([.string("The entity list grows, number \(article).")])), ("timeline", .array(timeline)),
            ])
            lines.append(String(decoding: JSONWriter().data(json), as: UTF8.self))
        }
        _ = try Ingestor(archive: archive).ingest(bytes: Array(lines.joined(separator: "\n").utf8), origin: "feed.ndjson", format: .ndjson)
    }

    /// The events of `filter` by the plain statement: the search a condition on every hit's entry.
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
