import Foundation
import GRDB
import Testing

@testable import AnnalsKit

@Suite struct EventsTests {
    let archive: Archive
    let ingestor: Ingestor

    init() throws {
        archive = try Archive.inMemory()
        ingestor = Ingestor(archive: archive)
    }

    func ingestFixtures() throws {
        for name in Fixtures.cardNames {
            _ = try ingestor.ingest(bytes: try Fixtures.bytes("cards/\(name)"), origin: name)
        }
        for name in ["feed.json", "single.json", "feed.ndjson"] {
            _ = try ingestor.ingest(bytes: try Fixtures.bytes("feeds/\(name)"), origin: name)
        }
    }

    /// A JSON feed article with the given timeline.
    func ingest(title: String, source: String = "Reuters", takeaway: String = "A takeaway.", timeline: [(String, String)]) throws -> IngestReport {
        let entries = timeline.map { JSONValue.object([("date", .string($0.0)), ("text", .string($0.1))]) }
        let json: JSONValue = .object([
            ("source", .string(source)), ("title", .string(title)), ("takeaways", .array([.string(takeaway)])),
            ("timeline", .array(entries)),
        ])
        return try ingestor.ingest(bytes: Array(JSONWriter().data(json)), origin: "\(title).json", format: .json)
    }

    func events(_ filter: QueryFilter = QueryFilter()) throws -> [Event] { try archive.events(matching: filter) }

    @Test func theRepeatedExportControlEventAppearsOnceWithAMentionPerCard() throws {
        try ingestFixtures()
        let october = try events(QueryFilter(topics: ["export-controls"], since: Day(iso: "2024-10-01"), until: Day(iso: "2024-10-31")))
        let main = try #require(october.max { $0.mentions < $1.mentions })
        #expect(main.date.normalized == "2024-10")
        #expect(main.mentions >= 11, "\(main.mentions) mentions")
        #expect(main.text.contains("export controls on advanced AI chips"))
        #expect(main.entities.contains("United States") && main.entities.contains("China"), "\(main.entities)")
        // One mention per card: no article mentions it twice, and every mention is kept.
        let mentions = try archive.mentions(ofEvent: main.id)
        #expect(mentions.count == main.mentions)
        #expect(Set(mentions.map(\.article.id)).count == mentions.count)
        #expect(main.articles.count == mentions.count)
        #expect(try archive.check() == [])
    }

    @Test func entriesNamingDifferentEntitiesOrMonthsStayApart() throws {
        _ = try ingest(title: "One", timeline: [("2019-05", "US adds Huawei to the Entity List."), ("2024-10", "US expands export controls on advanced AI chips.")])
        _ = try ingest(title: "Two", timeline: [("2019-05", "US adds SMIC to the Entity List."), ("2024-11", "US expands export controls on advanced AI chips.")])
        _ = try ingest(title: "Three", timeline: [("2019-05", "The US adds Huawei to its Entity List."), ("2024", "US expands export controls on advanced AI chips.")])
        let all = try events()
        func mentions(_ text: String, _ date: String) -> [Int] {
            all.filter { $0.text.contains(text) && $0.date.text == date }.map(\.mentions)
        }
        #expect(mentions("Huawei", "2019-05") == [2])
        #expect(mentions("SMIC", "2019-05") == [1])
        // A year-precision mention joins the first compatible event: the 2024-10 one.
        #expect(mentions("export controls", "2024-10") == [2])
        #expect(mentions("export controls", "2024-11") == [1])
        #expect(all.count == 4)
    }

    @Test func aVagueEventTakesTheDateOfAPreciseMentionAndNoLongerBridgesMonths() throws {
        _ = try ingest(title: "One", timeline: [("2025", "US Commerce Department adds several Huawei affiliates to the Entity List.")])
        _ = try ingest(title: "Two", timeline: [("2025-03", "US Commerce Department adds several Huawei affiliates to the Entity List.")])
        _ = try ingest(title: "Three", timeline: [("2025-06", "US Commerce Department adds several Huawei affiliates to the Entity List.")])
        let all = try events()
        #expect(all.map(\.date.text) == ["2025-03", "2025-06"])
        #expect(all.map(\.mentions) == [2, 1])
        #expect(PartialDate(parsing: "2025-03").refines(PartialDate(parsing: "2025")))
        #expect(!PartialDate(parsing: "2025").refines(PartialDate(parsing: "2025-03")))
        #expect(!PartialDate(parsing: "2025-03").refines(PartialDate(parsing: "2025-03")))
        // The candidate lookup's postings follow the refined date (refining the date moves them).
        #expect(try postingMonths() == [[3], [6]])
    }

    /// `event_terms.month` of each event's terms, by event id.
    func postingMonths() throws -> [[Int?]] {
        try archive.writer.read { db in
            try Int64.fetchAll(db, sql: "SELECT id FROM events ORDER BY id").map { id in
                try Int?.fetchAll(db, sql: "SELECT DISTINCT month FROM event_terms WHERE event_id = ? ORDER BY month", arguments: [id])
            }
        }
    }

    @Test func aRewordedMentionFindsEventsOfItsMonthOrOfItsYearOnly() throws {
        // Reworded (other terms, so no exact-terms match): found through the postings.
        _ = try ingest(title: "One", timeline: [
            ("2024", "Nvidia unveils the Rubin accelerator platform for data centres."),
            ("2024-10", "TSMC starts volume production of 2nm chips in Hsinchu."),
        ])
        _ = try ingest(title: "Two", timeline: [
            ("2024-09", "Nvidia unveils its Rubin accelerator platform for data centres, officials said."),
            ("2024-11", "TSMC starts volume production of 2nm chips in Hsinchu, officials said."),
            ("2024-10-21", "TSMC begins volume production of 2nm chips in Hsinchu."),
        ])
        let all = try events()
        // The year event takes the September mention (and its month); November stays apart;
        // the October day joins the October event (and gives it its day).
        #expect(all.map(\.date.text) == ["2024-09", "2024-10-21", "2024-11"])
        #expect(all.map(\.mentions) == [2, 2, 1])
        #expect(try postingMonths() == [[9], [10], [11]])
    }

    @Test func migrationGivesExistingPostingsTheirEventsMonth() throws {
        let path = try Fixtures.scratchFolder().appending(path: "old.sqlite").path
        let queue = try DatabaseQueue(path: path)
        try Archive.migrator.migrate(queue, upTo: "0004_article_day")
        try queue.write { db in
            for (id, date, precision, start, end) in [
                (1, "2024-10", "month", "2024-10-01", "2024-10-31"), (2, "2024", "year", "2024-01-01", "2024-12-31"),
                (3, "2024-10-15", "day", "2024-10-15", "2024-10-15"),
            ] {
                try db.execute(sql: """
                    INSERT INTO events (id, date_text, date, precision, start, end, year, text, terms, signature, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, 2024, 'text', 'chips export', 'sig', 'now')
                    """, arguments: [id, date, date, precision, start, end])
                try db.execute(sql: "INSERT INTO event_terms (term, year, event_id) VALUES ('chips', 2024, ?), ('export', 2024, ?)", arguments: [id, id])
            }
        }
        try queue.close()
        let archive = try Archive(path: path)
        let months = try archive.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT event_id, month FROM event_terms WHERE term = 'chips' ORDER BY event_id")
                .map { [$0[0] as Int64?, $0[1] as Int64?] }
        }
        #expect(months == [[1, 10], [2, nil], [3, 10]])
    }

    @Test func migration0006KeepsEventsAndTheirTagsAndNeverReusesTheirIDs() throws {
        let path = try Fixtures.scratchFolder().appending(path: "old.sqlite").path
        let queue = try DatabaseQueue(path: path)
        try Archive.migrator.migrate(queue, upTo: "0005_event_terms_month")
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO topics (id, slug, name, description, position) VALUES (1, 'export-controls', 'Export controls', '', 0);
                INSERT INTO sources (id, name, key) VALUES (1, 'Reuters', 'reuters');
                INSERT INTO documents (id, sha256, origin, format, size, received_at, status, bytes)
                    VALUES (1, 'x', 'old.json', 'json', 1, 'now', 'parsed', X'00');
                INSERT INTO articles (id, source_id, document_id, title, title_key, content_sha256, created_at, updated_at)
                    VALUES (1, 1, 1, 'Old', 'old', 'c', 'now', 'now');
                INSERT INTO events (id, date_text, date, precision, start, end, year, text, terms, signature, created_at)
                    VALUES (7, '2024-10', '2024-10', 'month', '2024-10-01', '2024-10-31', 2024, 'US curbs chips', 'chip curb us', 's', 'now');
                INSERT INTO event_topics (topic_id, event_id) VALUES (1, 7);
                INSERT INTO timeline_entries (article_id, position, date_text, date, precision, start, end, text, event_id, mention_key)
                    VALUES (1, 1, '2024-10', '2024-10', 'month', '2024-10-01', '2024-10-31', 'US curbs chips', 7, 'k1'),
                           (1, 2, '2024-10', '2024-10', 'month', '2024-10-01', '2024-10-31', 'US curbs chips.', 7, 'k2');
                """)
        }
        try queue.close()
        let archive = try Archive(path: path)
        #expect(try archive.event(id: 7).mentions == 2)
        #expect(try archive.event(id: 7).topics == ["export-controls"])
        let (sequence, support) = try archive.writer.read { db in
            (try Int.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'events'"),
             try Int.fetchOne(db, sql: "SELECT mentions FROM event_topic_support WHERE event_id = 7"))
        }
        #expect(sequence == 7 && support == 2)
        // A new event takes a new id, and the old event's topic survives its growing.
        let json = #"{"source": "Reuters", "title": "New", "timeline": [{"date": "2024-10", "text": "OpenAI releases a reasoning model."}]}"#
        _ = try Ingestor(archive: archive).ingest(bytes: Array(json.utf8), origin: "new.json", format: .json)
        #expect(try archive.events(matching: QueryFilter()).map(\.id).sorted() == [7, 8])
        // The rebuilt table keeps every reference (the hand-made rows above are not a
        // whole archive, so `check()`'s own invariants do not apply).
        let (foreignKeys, integrity) = try archive.writer.read { db in
            (try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").count, try String.fetchOne(db, sql: "PRAGMA integrity_check"))
        }
        #expect(foreignKeys == 0 && integrity == "ok")
    }

    @Test func updatingAnArticleMovesItsMentionsAndDropsEmptyEvents() throws {
        _ = try ingest(title: "One", timeline: [("2023-03", "The Netherlands announces controls on DUV lithography exports.")])
        #expect(try events().count == 1)
        let update = try ingest(title: "One", takeaway: "Changed.", timeline: [("2025-01", "BIS publishes the AI diffusion framework.")])
        #expect(update.updated == 1)
        let after = try events()
        #expect(after.map(\.date.text) == ["2025-01"])
        #expect(after.map(\.mentions) == [1])
        #expect(try archive.check() == [])
    }

    @Test func analystsCorrectionsSurviveReingestAndReclassify() throws {
        _ = try ingest(title: "A", timeline: [("2025-02", "OpenAI releases a reasoning model."), ("2025-03", "Commerce adds 80 firms to the Entity List.")])
        _ = try ingest(title: "B", timeline: [("2025-02", "Anthropic publishes its scaling policy."), ("2025-03", "Commerce adds 80 firms to the Entity List.")])
        let openAI = try #require(try events().first { $0.text.hasPrefix("OpenAI") })
        let anthropic = try #require(try events().first { $0.text.hasPrefix("Anthropic") })
        let entityList = try #require(try events().first { $0.text.hasPrefix("Commerce") })
        #expect(entityList.mentions == 2)

        try archive.mergeEvents(into: openAI.id, from: anthropic.id)
        let splitEntry = try #require(try archive.mentions(ofEvent: entityList.id).first { $0.article.title == "B" })
        let alone = try archive.splitMention(splitEntry.id, fromEvent: entityList.id)
        func check() throws {
            let all = try events()
            #expect(all.count == 3, "\(all.map(\.text))")
            #expect(all.first { $0.text.hasPrefix("OpenAI") }?.mentions == 2)
            #expect(all.filter { $0.text.hasPrefix("Commerce") }.map(\.mentions) == [1, 1])
            #expect(try archive.check() == [])
        }
        try check()
        #expect(try archive.event(id: alone).mentions == 1)
        // The split-off event is found by its terms, in its month's postings.
        let months = try archive.writer.read { db in
            try Int.fetchAll(db, sql: "SELECT DISTINCT month FROM event_terms WHERE event_id = ?", arguments: [alone])
        }
        #expect(months == [3])

        // New versions of both articles: every entry is placed again, corrections first.
        _ = try ingest(title: "A", takeaway: "A new version.", timeline: [("2025-02", "OpenAI releases a reasoning model."), ("2025-03", "Commerce adds 80 firms to the Entity List.")])
        _ = try ingest(title: "B", takeaway: "A new version.", timeline: [("2025-02", "Anthropic publishes its scaling policy."), ("2025-03", "Commerce adds 80 firms to the Entity List.")])
        try check()
        _ = try Reclassifier(archive: archive).run()
        try check()
    }

    @Test func reclassifyAppliesAnImportedTaxonomyToEverything() throws {
        try ingestFixtures()
        var taxonomy = try archive.taxonomy()
        taxonomy.topics.append(Topic(
            slug: "thresholds", name: "Performance thresholds", description: "Chip performance thresholds.",
            aliases: ["threshold"], rules: .init(phrases: ["threshold", "loophole"])))
        try archive.importTaxonomy(taxonomy)
        #expect(try archive.topicCounts().last?.events == 0)
        let report = try Reclassifier(archive: archive).run()
        #expect(report.events == (try archive.statistics().first { $0.table == "events" }?.rows ?? -1))
        let counts = try #require(try archive.topicCounts().last)
        #expect(counts.slug == "thresholds")
        // Every event a quarter of whose lines name a threshold or a loophole, and only those.
        let named = try archive.writer.read { db in
            try Int.fetchOne(db, sql: """
                SELECT count(*) FROM (SELECT sum(text LIKE '%threshold%' OR text LIKE '%loophole%') AS hits, count(*) AS n
                    FROM timeline_entries GROUP BY event_id) WHERE hits > 0 AND hits * 4 >= n
                """)
        }
        #expect(counts.events == named && counts.events >= 1)
        // Articles about it: the one whose title closes a loophole.
        #expect(counts.articles >= 1)
        #expect(try events(QueryFilter(topics: ["thresholds"])).allSatisfy { $0.topics.contains("thresholds") })
    }

    @Test func listingEveryArticleGivesWhatEachEventSays() throws {
        // Exports read every event's articles in one pass over the timeline (restricted to the
        // matching events when a filter is set); `event(id:)` looks them up per event.
        try ingestFixtures()
        _ = try ingest(title: "Twice", timeline: [
            ("2024-10", "US expands export controls on advanced AI chips."),
            ("October 2024", "The US expands export controls on advanced AI chips."),
        ])
        let filters = [
            QueryFilter(), QueryFilter(topics: ["export-controls"]), QueryFilter(search: "export controls", sort: .relevance),
            QueryFilter(sources: ["Reuters"], sort: .recent), QueryFilter(since: Day(iso: "2025-01-01"), sort: .mentions),
            QueryFilter(limit: 3, offset: 2),
        ]
        for filter in filters {
            var listed: [Event] = []
            try archive.forEachEvent(matching: filter, articleLimit: nil) { listed.append($0) }
            #expect(!listed.isEmpty, "\(filter)")
            #expect(listed.map(\.id) == (try events(filter)).map(\.id), "\(filter)")
            for event in listed {
                #expect(event == (try archive.event(id: event.id)))
                #expect(Set(event.articles.map(\.id)).count == event.articles.count)
            }
        }
        // Without titles (CSV exports): the same articles, in the same order, titles empty; and
        // an article id with no article (deleted) in the middle of the ids changes nothing else.
        let deleted = try archive.writer.write { db -> Int64 in
            let id = try #require(try Int64.fetchOne(db, sql: "SELECT id FROM articles ORDER BY id LIMIT 1 OFFSET 3"))
            try db.execute(sql: "DELETE FROM articles WHERE id = ?", arguments: [id])
            return id
        }
        for filter in [QueryFilter(), QueryFilter(topics: ["export-controls"])] {
            var withTitles: [Event] = [], without: [Event] = []
            try archive.forEachEvent(matching: filter, articleLimit: nil) { withTitles.append($0) }
            try archive.forEachEvent(matching: filter, articleLimit: nil, articleTitles: false) { without.append($0) }
            #expect(withTitles.count == without.count && !without.isEmpty)
            for (titled, plain) in zip(withTitles, without) {
                #expect(titled == (try archive.event(id: titled.id)))
                #expect(!titled.articles.contains { $0.id == deleted })
                #expect(plain.articles.map(\.id) == titled.articles.map(\.id))
                #expect(plain.articles.map(\.source) == titled.articles.map(\.source))
                #expect(plain.articles.allSatisfy { $0.title.isEmpty } && titled.articles.allSatisfy { !$0.title.isEmpty })
            }
        }
    }

    @Test func aPageIsTheSameSliceOfTheWholeListInEveryOrder() throws {
        try ingestFixtures()
        for sort in QueryFilter.Sort.allCases {
            for base in [QueryFilter(), QueryFilter(topics: ["export-controls"]), QueryFilter(search: "china")] {
                var filter = base
                filter.sort = sort
                let all = try events(filter)
                #expect(all.count > 6, "\(filter)")
                for offset in [0, 2, all.count - 3] {
                    filter.limit = 3
                    filter.offset = offset
                    #expect(try events(filter) == Array(all[offset..<min(offset + 3, all.count)]), "\(filter)")
                }
            }
        }
    }

    @Test func aWalkInDateOrderFindsTheSamePageAsTheSort() throws {
        try ingestFixtures()
        // One undated event with the tag, which must come after every dated one.
        _ = try ingest(title: "Undated", timeline: [("soon", "US expands export controls on advanced AI chips to China.")])
        let filters = [
            QueryFilter(topics: ["export-controls"]), QueryFilter(entities: ["China"]),
            QueryFilter(topics: ["export-controls"], since: Day(iso: "2024-06-01")),
            QueryFilter(entities: ["China"], until: Day(iso: "2024-12-31")),
            QueryFilter(topics: ["export-controls", "entity-list"], entities: ["China"]),
        ]
        for base in filters {
            let all = try events(base)
            #expect(all.count >= 3, "\(base)")
            for offset in [0, 1, max(0, all.count - 2)] {
                var filter = base
                filter.limit = 2
                filter.offset = offset
                let (sql, arguments) = try Archive.eventQuery(filter, walkInDateOrder: true)
                let walked = try archive.writer.read { db in try Row.fetchAll(db, sql: sql, arguments: arguments).map { Archive.event($0) } }
                #expect(walked.map(\.id) == Array(all.dropFirst(offset).prefix(2)).map(\.id), "\(filter)")
            }
        }
        #expect(try events(QueryFilter(topics: ["export-controls"])).last?.date.start == nil)
    }

    @Test func theMainFiltersUseIndexes() throws {
        try ingestFixtures()
        func plan(_ filter: QueryFilter, kind: String = "events") throws -> String {
            // Ask SQLite how it would run the query the archive builds.
            return try archive.writer.read { db in
                let sql: String
                let arguments: StatementArguments
                if kind == "events" {
                    (sql, arguments) = try Archive.eventQuery(filter)
                } else {
                    (sql, arguments) = try Archive.articleQuery(filter)
                }
                return try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql, arguments: arguments)
                    .map { $0["detail"] as String }.joined(separator: "\n")
            }
        }
        let topic = try plan(QueryFilter(topics: ["export-controls"], since: Day(iso: "2024-01-01")))
        #expect(topic.contains("event_topics") && topic.contains("USING"), "\(topic)")
        #expect(!topic.contains("SCAN e"), "\(topic)")
        let entity = try plan(QueryFilter(entities: ["Huawei"]))
        #expect(entity.contains("event_entities") && !entity.contains("SCAN e"), "\(entity)")
        let text = try plan(QueryFilter(search: "export controls"))
        #expect(text.contains("VIRTUAL TABLE INDEX"), "\(text)")
        let articles = try plan(QueryFilter(sources: ["Reuters"], since: Day(iso: "2025-01-01")), kind: "articles")
        #expect(articles.contains("USING INDEX"), "\(articles)")
    }
}
