import Foundation
import Testing

/// Questions, listings, search, topics, taxonomy and explain, run as an analyst would.
@Suite struct QueryCommandTests {
    let fixtures: FixtureArchive
    var folder: URL { fixtures.folder }
    var db: String { fixtures.db }

    init() throws { fixtures = try FixtureArchive() }

    @discardableResult
    func annals(_ arguments: [String]) throws -> AnnalsRun { try fixtures.annals(arguments) }

    func json(_ run: AnnalsRun) throws -> [[String: Any]] { try fixtures.json(run) }

    @Test func aTableAt80ColumnsShortensTopicsBeforeTheText() throws {
        let run = try AnnalsBinary.run(["--db", db, "ask", "export-control events since 2024"], directory: folder, environment: ["COLUMNS": "80"])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count > 3)
        #expect(lines.allSatisfy { $0.count <= 80 }, "\(lines.filter { $0.count > 80 })")
        let header = try #require(lines.first)
        let topics = try #require(header.range(of: "topics")), text = try #require(header.range(of: "text"))
        let topicsWidth = header.distance(from: topics.lowerBound, to: text.lowerBound) - 2
        #expect(topicsWidth <= 12, "\(header)")
        // The event's text keeps most of the line: at least 30 columns of it are shown.
        let longest = lines.dropFirst().map { $0.count - header.distance(from: header.startIndex, to: text.lowerBound) }.max() ?? 0
        #expect(longest >= 30, "\(run.stdout)")
    }

    @Test func askListsExactlyTheExportControlEventsSince2024EachOnce() throws {
        let run = try annals(["ask", "all export-control events since 2024", "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr == "events · topic export-controls · since 2024-01-01\n")
        let events = try json(run)
        // The same answer, computed independently in SQL.
        let expected = try annals(["sql", """
            SELECT e.id FROM events e WHERE e.end >= '2024-01-01' AND EXISTS (
              SELECT 1 FROM event_topics et JOIN topics t ON t.id = et.topic_id WHERE et.event_id = e.id AND t.slug = 'export-controls')
            ORDER BY e.id
            """, "--format", "csv"]).stdout.split(separator: "\r\n").dropFirst().compactMap { Int($0) }
        let ids = events.compactMap { $0["id"] as? Int }
        #expect(!ids.isEmpty)
        #expect(ids.sorted() == expected)
        #expect(Set(ids).count == ids.count)
        for event in events {
            #expect((event["topics"] as? [String])?.contains("export-controls") == true)
            #expect((event["end"] as? String ?? "") >= "2024-01-01")
            for key in ["date", "start", "end", "precision", "text", "entities", "mentions", "articles"] {
                #expect(event[key] != nil, "event JSON lacks \(key)")
            }
        }
        // Chronological, and the repeated 2024-10 event is there once with its mentions.
        let starts = events.compactMap { $0["start"] as? String }
        #expect(starts == starts.sorted())
        let october = events.filter { ($0["date"] as? String) == "2024-10" }.compactMap { $0["mentions"] as? Int }
        #expect(october.max() ?? 0 >= 11)
    }

    @Test func askPagesAListWithLimitAndOffset() throws {
        let question = "all export-control events since 2024"
        let ids = { (run: AnnalsRun) throws -> [Int] in try self.json(run).compactMap { $0["id"] as? Int } }
        let whole = try annals(["ask", question, "--format", "json"])
        let all = try ids(whole)
        try #require(all.count >= 5, "the fixture answer is too short to page")

        // The pages, end to end, are the whole answer in order, each row once.
        var paged: [Int] = []
        var offset = 0
        while true {
            let page = try annals(["ask", "--limit", "2", "--offset", String(offset), question, "--format", "json"])
            #expect(page.status == 0, "\(page.stderr)")
            let rows = try ids(page)
            #expect(rows.count <= 2)
            // A full page says where the next one starts; the understanding comes first.
            let lines = page.stderr.split(separator: "\n").map(String.init)
            #expect(lines.first == "events · topic export-controls · since 2024-01-01")
            if rows.count == 2 {
                #expect(lines.last == "rows \(offset + 1)–\(offset + 2) shown; --offset \(offset + 2) for the next page")
            } else {
                #expect(lines.count == 1, "\(page.stderr)")
            }
            paged += rows
            if rows.count < 2 { break }
            offset += 2
        }
        #expect(paged == all)

        // The question's own number stays the answer: of its 3 latest, a page of 5 is 3 rows
        // and says nothing of more.
        let latest = try annals(["ask", "--limit", "5", "the 3 latest export-control events", "--format", "json"])
        #expect(try ids(latest).count == 3)
        #expect(!latest.stderr.contains("next page"), "\(latest.stderr)")
        let pastIt = try annals(["ask", "--offset", "3", "the 3 latest export-control events"])
        #expect(pastIt.status == 0)
        #expect(pastIt.stdout.isEmpty)
        #expect(pastIt.stderr.hasSuffix("no events match\n"), "\(pastIt.stderr)")

        // A count is answered whole; asking to page it is a usage error, as are bad numbers.
        let count = try annals(["ask", "--limit", "2", "how many export-control events per year"])
        #expect(count.status == 64)
        #expect(count.stderr.contains("--limit and --offset page a list"), "\(count.stderr)")
        #expect(count.stdout.isEmpty)
        for bad in [["--limit=-1"], ["--offset=-2"]] {
            let run = try annals(["ask"] + bad + [question])
            #expect(run.status == 64, "\(bad)")
            #expect(run.stderr.contains("must be 0 or more"), "\(run.stderr)")
        }
    }

    @Test func listingsTakeFiltersAndFreeText() throws {
        let filtered = try json(try annals(["events", "--topic", "export control", "--entity", "China", "--since", "2024", "--format", "json"]))
        #expect(!filtered.isEmpty)
        for event in filtered { #expect((event["entities"] as? [String])?.contains("China") == true) }
        let sameByText = try json(try annals(["events", "export controls involving China since 2024", "--format", "json"]))
        #expect(sameByText.compactMap { $0["id"] as? Int } == filtered.compactMap { $0["id"] as? Int })

        let reuters = try json(try annals(["articles", "--source", "reuters", "--format", "json"]))
        #expect(!reuters.isEmpty && reuters.allSatisfy { $0["source"] as? String == "Reuters" })

        let hbm = try annals(["takeaways", "--search", "HBM", "--format", "csv"])
        #expect(hbm.stdout.hasPrefix("id,article_id,day,source,article_title,position,text\r\n"))
        #expect(hbm.stdout.contains("HBM"))

        // A page of a search (walked through `event_search`) is the head of the whole list
        // (read by the plain statement), in every order.
        for sort in ["date", "recent", "mentions"] {
            let all = try json(try annals(["events", "--search", "export controls", "--sort", sort, "--format", "json"]))
            #expect(all.count > 3, "\(sort)")
            for (limit, offset) in [(3, 0), (2, 1)] {
                let page = try json(try annals([
                    "events", "--search", "export controls", "--sort", sort, "--limit", "\(limit)", "--offset", "\(offset)", "--format", "json",
                ]))
                #expect(page.compactMap { $0["id"] as? Int } == all.dropFirst(offset).prefix(limit).compactMap { $0["id"] as? Int }, "\(sort)")
            }
        }
        let recent = try json(try annals(["events", "--search", "export controls", "--sort", "recent", "--limit", "3", "--format", "json"]))
        let ends = recent.compactMap { $0["end"] as? String }
        #expect(ends.count == 3 && ends == ends.sorted(by: >), "\(ends)")

        let none = try annals(["events", "--topic", "sanctions", "--since", "2099"])
        #expect(none.status == 0)
        #expect(none.stderr == "no events match\n")
    }

    @Test func badFiltersExit64WithTheReason() throws {
        let typo = try annals(["ask", "export-contrls since 2024"])
        #expect(typo.status == 64)
        #expect(typo.stderr.contains("export-contrls") && typo.stderr.contains("export-controls"), "\(typo.stderr)")
        let topic = try annals(["events", "--topic", "nonsense-topic"])
        #expect(topic.status == 64)
        #expect(topic.stderr.contains("unknown topic 'nonsense-topic'"))
        let date = try annals(["events", "--since", "2024-13"])
        #expect(date.status == 64)
        #expect(date.stderr.contains("cannot read the date '2024-13'"))
        let interval = try annals(["events", "--since", "2025", "--until", "2024"])
        #expect(interval.status == 64)
    }

    @Test func searchRanksHitsAcrossKinds() throws {
        let hits = try json(try annals(["search", "export controls", "--format", "json"]))
        let kinds = Set(hits.compactMap { $0["kind"] as? String })
        #expect(kinds.isSuperset(of: ["timeline", "takeaway"]), "\(kinds)")
        #expect(hits.allSatisfy { ($0["snippet"] as? String)?.contains("[") == true })
        #expect(try annals(["search", "zzzunlikelyword"]).stderr == "no matches\n")
    }

    @Test func topicsTaxonomyAndExplain() throws {
        let topics = try json(try annals(["topics", "--format", "json"]))
        let exportControls = try #require(topics.first { $0["slug"] as? String == "export-controls" })
        #expect((exportControls["events"] as? Int ?? 0) > 0)

        let exported = folder.appending(path: "taxonomy.json")
        #expect(try annals(["taxonomy", "export", exported.path]).status == 0)
        var taxonomy = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: exported)) as? [String: Any])
        #expect((taxonomy["topics"] as? [Any])?.count == topics.count)

        // A bad taxonomy is refused with the path of the bad field, and nothing changes.
        var bad = taxonomy
        var badTopics = try #require(bad["topics"] as? [[String: Any]])
        badTopics[1]["slug"] = "Not A Slug"
        bad["topics"] = badTopics
        let badFile = folder.appending(path: "bad.json")
        try JSONSerialization.data(withJSONObject: bad).write(to: badFile)
        let refused = try annals(["taxonomy", "import", badFile.path])
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("topics[1].slug"), "\(refused.stderr)")

        // A good one replaces it; reclassify applies it.
        var goodTopics = try #require(taxonomy["topics"] as? [[String: Any]])
        goodTopics.removeAll { $0["slug"] as? String == "export-controls" }
        taxonomy["topics"] = goodTopics
        let goodFile = folder.appending(path: "good.json")
        try JSONSerialization.data(withJSONObject: taxonomy).write(to: goodFile)
        #expect(try annals(["taxonomy", "import", goodFile.path]).status == 0)
        let reclassified = try annals(["reclassify"])
        #expect(reclassified.status == 0)
        #expect(reclassified.stdout.hasPrefix("reclassified "))
        let retired = try annals(["ask", "export-control events"])
        #expect(!retired.stderr.contains("topic export-controls"), "\(retired.stderr)")
        #expect(try annals(["check"]).stdout == "ok\n")

        let explained = try annals(["explain", "event", "3"])
        #expect(explained.status == 0)
        #expect(explained.stdout.hasPrefix("event 3 · "))
        #expect(explained.stdout.contains("← "))
    }

    /// `explain` shows the reasoning the store's tags came from: the topics it calls kept are
    /// exactly the stored ones, for articles (by score) and for events (by mentions).
    @Test func explainKeepsExactlyTheStoredTopics() throws {
        func stored(_ sql: String) throws -> [Int: Set<String>] {
            let rows = try json(annals(["sql", sql, "--format", "json"]))
            return Dictionary(grouping: rows) { $0["id"] as? Int ?? 0 }.mapValues { Set($0.compactMap { $0["slug"] as? String }) }
        }
        func kept(_ line: Substring?) -> Set<String> {
            guard let line, let colon = line.firstIndex(of: ":") else { return [] }
            return Set(line[line.index(after: colon)...].split(separator: ",").compactMap { item in
                item.contains("(not kept)") ? nil : item.split(separator: " ").first.map(String.init)
            })
        }
        let articles = try stored(
            "SELECT a.article_id AS id, t.slug FROM article_topics a JOIN topics t ON t.id = a.topic_id")
        let events = try stored("SELECT e.event_id AS id, t.slug FROM event_topics e JOIN topics t ON t.id = e.topic_id")
        #expect(articles.count >= 5 && events.count >= 5)
        for id in articles.keys.sorted().prefix(8) {
            let run = try annals(["explain", "article", String(id)])
            #expect(run.status == 0, "\(run.stderr)")
            let lines = run.stdout.split(separator: "\n")
            #expect(kept(lines.first { $0.hasPrefix("topic scores") }) == articles[id], "article \(id): \(run.stdout)")
            #expect(lines.contains { $0.hasPrefix("title (counts 3):") })
        }
        let multi = try json(annals(["sql", "SELECT id FROM events WHERE mentions > 3 ORDER BY mentions DESC LIMIT 5", "--format", "json"]))
        #expect(!multi.isEmpty)
        for id in multi.compactMap({ $0["id"] as? Int }) {
            let run = try annals(["explain", "event", String(id)])
            #expect(run.status == 0, "\(run.stderr)")
            let line = run.stdout.split(separator: "\n").first { $0.hasPrefix("topics (kept when") }
            #expect(kept(line) == events[id] ?? [], "event \(id): \(run.stdout)")
        }
    }

    /// sql, stats, topics, search, runs and rejects print through the same typed records as
    /// the listings: numbers are JSON numbers and unguarded CSV cells, a missing value is
    /// `null` in JSON and an empty cell in CSV.
    @Test func everyCommandPrintsTypedValues() throws {
        let sql = try json(annals(["sql", "SELECT count(*) AS n, 1.5 AS r, NULL AS z, 'x' AS t, -7 AS m FROM events", "--format", "json"]))
        let row = try #require(sql.first)
        #expect(row["n"] as? Int ?? 0 > 0)
        #expect(row["r"] as? Double == 1.5)
        #expect(row["z"] is NSNull)
        #expect(row["t"] as? String == "x")
        #expect(row["m"] as? Int == -7)
        let sqlCSV = try annals(["sql", "SELECT -7 AS m, NULL AS z, '-7' AS s, '=1+1' AS f", "--format", "csv"]).stdout
        #expect(sqlCSV == "m,z,s,f\r\n-7,,-7,'=1+1\r\n")
        let ndjson = try annals(["sql", "SELECT id FROM events ORDER BY id LIMIT 2", "--format", "ndjson"]).stdout
        #expect(ndjson == "{\"id\":1}\n{\"id\":2}\n")

        let stats = try json(annals(["stats", "--format", "json"]))
        let events = try #require(stats.first { $0["table"] as? String == "events" })
        #expect(events["rows"] as? Int == row["n"] as? Int)
        let topics = try json(annals(["topics", "--format", "json"]))
        #expect(topics.contains { $0["slug"] as? String == "export-controls" && $0["events"] as? Int ?? 0 > 0 })
        #expect(topics.allSatisfy { $0["articles"] is Int })
        let hits = try json(annals(["search", "export", "--format", "json"]))
        #expect(!hits.isEmpty)
        for hit in hits {
            #expect(hit["id"] is Int && hit["article"] is Int)
            // Only a timeline hit belongs to an event.
            #expect((hit["kind"] as? String == "timeline") == (hit["event"] is Int), "\(hit)")
            #expect((hit["kind"] as? String == "timeline") != (hit["event"] is NSNull), "\(hit)")
        }
        let runs = try json(annals(["runs", "--format", "json"]))
        let run = try #require(runs.first)
        #expect(run["documents"] as? Int ?? 0 > 0)
        #expect(run["finished"] is String)
        #expect(try annals(["rejects", "--format", "json"]).stdout == "[]\n")
        let header = try annals(["rejects", "--format", "csv", "--all"]).stdout
        #expect(header.hasPrefix("id,rejected_at,origin,line,reason,resolved_at\r\n"))
    }
}
