import Foundation
import Testing

/// `annals count`, "how many …" questions, loose words, either-or names and vague dates,
/// run through the built binary on the fixtures and checked against SQL written apart.
@Suite struct CountCommandTests {
    let fixtures: FixtureArchive
    var folder: URL { fixtures.folder }

    init() throws { fixtures = try FixtureArchive() }

    func annals(_ arguments: [String]) throws -> AnnalsRun { try fixtures.annals(arguments) }

    func json(_ run: AnnalsRun) throws -> [[String: Any]] { try fixtures.json(run) }

    /// The first column of a one-column `annals sql` answer, as numbers.
    func sqlColumn(_ sql: String) throws -> [Int] {
        try annals(["sql", sql, "--format", "csv"]).stdout.split(separator: "\r\n").dropFirst().compactMap { Int($0) }
    }

    @Test func countsByYearShowEveryYearAndMatchSQL() throws {
        let run = try annals(["count", "--by", "year", "--topic", "export-controls", "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr == "count of events by year · topic export-controls\n")
        let rows = try json(run)
        let years = rows.compactMap { $0["label"] as? String }.compactMap { Int($0) }
        #expect(years.count >= 2)
        // Every year from the first to the last, in order, none missing.
        #expect(years == Array(years.first!...years.last!), "\(years)")
        for row in rows {
            guard let label = row["label"] as? String, let year = Int(label) else { continue }
            let expected = try sqlColumn("""
                SELECT count(*) FROM events e WHERE e.start >= '\(year)-01-01' AND e.end <= '\(year)-12-31' AND e.id IN (
                  SELECT et.event_id FROM event_topics et JOIN topics t ON t.id = et.topic_id WHERE t.slug = 'export-controls')
                """)
            #expect([row["count"] as? Int ?? -1] == expected, "\(label)")
            #expect(row["start"] as? String == "\(year)-01-01" && row["end"] as? String == "\(year)-12-31")
        }
        // Every event is counted once: in a year, or in the rows for the rest.
        let total = rows.compactMap { $0["count"] as? Int }.reduce(0, +)
        let all = try sqlColumn("""
            SELECT count(*) FROM event_topics et JOIN topics t ON t.id = et.topic_id WHERE t.slug = 'export-controls'
            """)
        #expect([total] == all)
    }

    @Test func askHowManyPerYearAnswersLikeCount() throws {
        let asked = try annals(["ask", "how many export-control events per year", "--format", "csv"])
        let counted = try annals(["count", "--by", "year", "--topic", "export-controls", "--format", "csv"])
        #expect(asked.status == 0, "\(asked.stderr)")
        #expect(asked.stderr == "count of events by year · topic export-controls\n")
        #expect(asked.stdout == counted.stdout)
        #expect(asked.stdout.hasPrefix("grouping,label,start,end,count\r\n"))
    }

    @Test func aCountTableHasABarPerRow() throws {
        let run = try fixtures.annals(["count", "--by", "quarter", "--since", "2024"], environment: ["COLUMNS": "80"])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("quarter") == true, "\(run.stdout)")
        #expect(lines.dropFirst().first?.hasPrefix("2024-Q1") == true, "\(run.stdout)")
        #expect(lines.contains { $0.contains("█") })
        #expect(lines.allSatisfy { $0.count <= 80 })
    }

    @Test func countsByFacetMatchSQL() throws {
        let topics = try json(try annals(["count", "--by", "topic", "--format", "json"]))
        let expected = try annals(["sql", """
            SELECT t.slug AS slug, count(*) AS n FROM event_topics et JOIN topics t ON t.id = et.topic_id GROUP BY t.slug
            """, "--format", "json"])
        let truth = try json(expected)
        #expect(topics.count == truth.count)
        let counts = topics.map { $0["count"] as? Int ?? 0 }
        #expect(counts == counts.sorted(by: >), "most first")
        for row in truth {
            let slug = row["slug"] as? String
            #expect(topics.first { $0["label"] as? String == slug }?["count"] as? Int == row["n"] as? Int, "\(slug ?? "")")
        }
        let sources = try annals(["count", "--kind", "articles", "--by", "source", "--format", "csv"])
        #expect(sources.status == 0, "\(sources.stderr)")
        let articles = try sqlColumn("SELECT count(*) FROM articles")
        let total = sources.stdout.split(separator: "\r\n").dropFirst().compactMap { $0.split(separator: ",").last.flatMap { Int($0) } }.reduce(0, +)
        #expect([total] == articles)
    }

    @Test func aWordNoEventHasIsIgnoredAndSaidSo() throws {
        let plain = try annals(["ask", "export controls involving China", "--format", "json"])
        let padded = try annals(["ask", "export controls involving China zzqxv", "--format", "json"])
        #expect(padded.status == 0, "\(padded.stderr)")
        #expect(padded.stderr.contains("ignored \"zzqxv\": no events with the rest of the question contain it"), "\(padded.stderr)")
        #expect(try json(padded).map { $0["id"] as? Int } == json(plain).map { $0["id"] as? Int })
        #expect(try !json(plain).isEmpty)
        // Words alone are the whole question: none is dropped, and the answer is empty.
        let alone = try annals(["ask", "zzqxv qqwpz"])
        #expect(alone.status == 0)
        #expect(alone.stderr.contains("search \"zzqxv qqwpz\""), "\(alone.stderr)")
        #expect(alone.stderr.contains("no events match"))
        #expect(alone.stdout.isEmpty)
    }

    @Test func aRealWordNearATopicIsNotRefusedInAnyCommandsQuery() throws {
        // "chipz" is a near miss of the chips topic and occurs nowhere: refused everywhere.
        for command in [["ask"], ["events"], ["count"]] {
            #expect(try annals(command + ["chipz export controls"]).status == 64, "\(command)")
        }
        // "minerals" is as near Mistral AI, but once a card uses it, it is a word, not a typo.
        #expect(try annals(["events", "export controls on minerals"]).status == 64)
        let card = folder.appending(path: "minerals.txt")
        try """
            Reuters
            Minerals

            TL;DR
            China restricts exports of critical minerals.
            ⏳ Timeline
            2025-04
            China adds seven critical minerals to its export-control list.
            """.write(to: card, atomically: true, encoding: .utf8)
        #expect(try annals(["ingest", "--settle", "0", card.path]).status == 0)
        for command in [["ask"], ["events"], ["count"]] {
            let run = try annals(command + ["export controls on minerals"])
            #expect(run.status == 0, "\(command): \(run.stderr)")
        }
    }

    @Test func orBetweenNamesMeansEither() throws {
        let either = try json(try annals(["ask", "events involving Nvidia or Huawei", "--format", "json"]))
        let expected = try sqlColumn("""
            SELECT DISTINCT ee.event_id FROM event_entities ee JOIN entities n ON n.id = ee.entity_id
            WHERE n.name IN ('Nvidia', 'Huawei') ORDER BY 1
            """)
        #expect(!expected.isEmpty)
        #expect(either.compactMap { $0["id"] as? Int }.sorted() == expected)
    }

    @Test func vagueDatesAreIntervalsInTimelinesAndQuestions() throws {
        let card = folder.appending(path: "vague.txt")
        try """
            Reuters
            Vague dates on a timeline

            TL;DR
            Dates as people write them.
            ⏳ Timeline
            Early 2025
            Regulators in Brussels draft a zzvague code of practice for general-purpose models.
            H2 2024
            Regulators in Brussels zzvague consult on the code's first draft.
            mid-2023
            Regulators in Brussels zzvague announce the code.
            """.write(to: card, atomically: true, encoding: .utf8)
        let ingest = try annals(["ingest", "--settle", "0", card.path])
        #expect(ingest.status == 0, "\(ingest.stderr)")
        let timeline = try json(try annals(["export", "timeline", "--search", "zzvague", "--format", "json"]))
        #expect(timeline.count == 3)
        let dates = Set(timeline.map { entry in
            [entry["precision"] as? String ?? "", entry["start"] as? String ?? "", entry["end"] as? String ?? ""]
        })
        #expect(Set(timeline.compactMap { $0["normalized"] as? String }) == ["2025-T1", "2024-H2", "2023-T2"])
        #expect(dates.contains(["third", "2025-01-01", "2025-04-30"]), "\(timeline)")
        #expect(dates.contains(["half", "2024-07-01", "2024-12-31"]), "\(timeline)")
        #expect(dates.contains(["third", "2023-05-01", "2023-08-31"]), "\(timeline)")
        let early = try annals(["ask", "timeline entries mentioning zzvague in early 2025", "--format", "json"])
        #expect(early.stderr.contains("since 2025-01-01 · until 2025-04-30"), "\(early.stderr)")
        #expect(try json(early).count == 1)
        let secondHalf = try annals(["ask", "timeline entries mentioning zzvague in H2 2024", "--format", "json"])
        #expect(try json(secondHalf).count == 1)
    }
}
