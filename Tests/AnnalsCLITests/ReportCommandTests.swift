import Foundation
import Testing

/// `annals report`, run as a user would, on the fixtures and on a large generated archive.
@Suite struct ReportCommandTests {
    let folder: URL
    let db: String

    init() throws {
        folder = try AnnalsBinary.scratchFolder()
        db = folder.appending(path: "annals.sqlite").path
    }

    @discardableResult
    func annals(_ arguments: [String], environment: [String: String] = [:]) throws -> AnnalsRun {
        try AnnalsBinary.run(["--db", db] + arguments, directory: folder, environment: environment)
    }

    func ingestFixtures() throws {
        let run = try annals(["ingest", "--settle", "0", AnnalsBinary.fixture("cards"), AnnalsBinary.fixture("feeds")])
        #expect(run.status == 0, "\(run.stderr)")
    }

    func file(_ name: String) throws -> String {
        try String(contentsOf: folder.appending(path: name), encoding: .utf8)
    }

    func eventIDs(_ arguments: [String]) throws -> [Int] {
        let run = try annals(["events"] + arguments + ["--format", "json"])
        let rows = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]] ?? []
        return rows.compactMap { $0["id"] as? Int }
    }

    /// The event ids of every marker of the timeline.
    func drawnIDs(_ text: String) -> Set<Int> {
        Set(text.components(separatedBy: "data-events=\"").dropFirst().flatMap {
            $0.prefix { $0 != "\"" }.split(separator: " ").compactMap { Int($0) }
        })
    }

    @Test func theSampleQuestionBecomesAPageWithEveryEventTheListingHas() throws {
        try ingestFixtures()
        let question = "export-control events since 2024"
        let run = try annals(["report", question, "--output", "r.html"], environment: ["SOURCE_DATE_EPOCH": "1777730580"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("events · topic export-controls · since 2024-01-01\n"), "\(run.stderr)")
        // Filter options narrow the question, and the understanding says so.
        let narrowed = try annals(["report", question, "--until", "2025", "--output", "n.html"])
        #expect(narrowed.stderr.hasPrefix("events · topic export-controls · since 2024-01-01 · until 2025-12-31\n"), "\(narrowed.stderr)")
        #expect(run.stderr.contains("wrote 15 events to r.html"), "\(run.stderr)")
        #expect(run.stdout.isEmpty)
        let html = try file("r.html")
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(html.hasSuffix("</html>\n"))
        #expect(html.contains("<h1>export-control events since 2024</h1>"))
        #expect(html.contains("Understood as: <code>events · topic export-controls · since 2024-01-01</code>"))
        #expect(html.contains("Generated 2026-05-02 14:03 UTC"))

        let listed = try eventIDs([question])
        #expect(listed.count == 15)
        for id in listed { #expect(html.contains("<tr id=\"event-\(id)\""), "event \(id) is not in the table") }
        #expect(drawnIDs(html) == Set(listed), "every listed event has a readable date since 2024, so is drawn")
        #expect(html.contains("<title>Export controls</title>"), "the topic's name labels its lane")
        #expect(html.contains("Chips and AI hardware"))
        // Self-contained: nothing fetched, no URL in any tag.
        for needle in ["src=", "<link", "<img", "@import", "http://", "https://"] {
            #expect(!html.contains(needle), "\(needle)")
        }
        #expect(html.components(separatedBy: " href=\"").dropFirst().allSatisfy { $0.hasPrefix("#") })
    }

    @Test func svgFromTheExtensionOrTheFlagAndEntityLanes() throws {
        try ingestFixtures()
        let question = "export-control events since 2024"
        #expect(try annals(["report", question, "--output", "timeline.svg"]).status == 0)
        let svg = try file("timeline.svg")
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\""))
        #expect(!svg.contains("<html") && !svg.contains("<table") && !svg.contains("<script"))
        #expect(drawnIDs(svg) == Set(try eventIDs([question])))

        #expect(try annals(["report", question, "--format", "svg", "--output", "slide.out", "--lanes", "entity"]).status == 0)
        let entities = try file("slide.out")
        #expect(entities.hasPrefix("<svg "))
        #expect(entities.contains("lanes by entity"))
        #expect(entities.contains("<title>China</title>"))

        let standardOutput = try annals(["report", "--topic", "sanctions", "--output", "-", "--title", "Sanctions <2025>"])
        #expect(standardOutput.status == 0)
        #expect(standardOutput.stdout.hasPrefix("<!DOCTYPE html>"))
        #expect(standardOutput.stdout.contains("<h1>Sanctions &lt;2025&gt;</h1>"))
    }

    @Test func theHistogramCountsWhatAnnalsCountCounts() throws {
        try ingestFixtures()
        let question = "export-control events"
        #expect(try annals(["report", question, "-o", "h.html"]).status == 0)
        let html = try file("h.html")
        let counted = try annals(["count", question, "--by", "year", "--format", "csv"])
        let rows = counted.stdout.split(separator: "\r\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        let years = rows.filter { !$0[2].isEmpty }
        #expect(years.count >= 2, "\(counted.stdout)")
        #expect(html.contains("<h2 id=\"histogram-heading\">Events per year</h2>"))
        // One bar per year, empty years too, each titled with the count `annals count` gives.
        #expect(html.components(separatedBy: "<rect class=\"bar\"").count - 1 == years.count)
        for row in years {
            let n = Int(row[4])!
            #expect(html.contains("<title>\(row[1]): \(n) event\(n == 1 ? "" : "s")</title>"), "\(row)")
        }
    }

    @Test func withoutAQuestionEverythingIsDrawnAndUnreadableDatesAreNoted() throws {
        try ingestFixtures()
        #expect(try annals(["report", "-o", "all.html"]).status == 0)
        let html = try file("all.html")
        let all = try eventIDs([])
        #expect(all.count > 12)
        for id in all { #expect(html.contains("<tr id=\"event-\(id)\"")) }
        #expect(html.contains("<h1>All events</h1>"))
        #expect(html.contains("1 event with an unreadable date is not on the axis."), "the feed fixture has 'spring 2026'")
        #expect(html.contains("class=\"undated\""))
    }

    @Test func aQuestionForAnotherKindOrABadQuestionIsAUsageError() throws {
        try ingestFixtures()
        let articles = try annals(["report", "articles about export controls", "--output", "x.html"])
        #expect(articles.status == 64)
        #expect(articles.stderr.contains("a report draws events"), "\(articles.stderr)")
        let misspelt = try annals(["report", "export-contrls events", "--output", "x.html"])
        #expect(misspelt.status == 64)
        #expect(!FileManager.default.fileExists(atPath: folder.appending(path: "x.html").path))
        #expect(try annals(["report", "--format", "pdf", "--output", "x.pdf"]).status == 64)
    }

    /// 1,000 events from 125 generated NDJSON articles: aggregated per quarter, all in the table.
    @Test func aLargeGeneratedArchiveIsAggregatedAndComplete() throws {
        let topics = ["export controls", "sanctions", "tariffs", "lawsuit", "antitrust", "data center", "GPU", "summit"]
        let names = ["Nvidia", "TSMC", "Huawei", "ASML", "Japan", "China", "Samsung", "Intel"]
        var lines: [String] = []
        var number = 0
        for article in 0..<125 {
            var timeline: [String] = []
            for _ in 0..<8 {
                number += 1
                let year = 2019 + number % 8, month = 1 + (number * 7) % 12
                let date = switch number % 10 {
                case 0: "\(year)"
                case 1, 2: String(format: "%04d-%02d", year, month)
                case 3: "Q\(1 + number % 4) \(year)"
                default: String(format: "%04d-%02d-%02d", year, month, 1 + number % 28)
                }
                let text = "\(names[number % 8]) \(topics[number % 8]) and \(topics[(number / 8) % 8]) case \(number)"
                timeline.append("{\"date\": \"\(date)\", \"text\": \"\(text)\"}")
            }
            lines.append("{\"source\": \"Source \(article % 7)\", \"title\": \"Generated article \(article)\", \"timeline\": [\(timeline.joined(separator: ", "))]}")
        }
        let feed = folder.appending(path: "large.ndjson")
        try (lines.joined(separator: "\n") + "\n").write(to: feed, atomically: true, encoding: .utf8)
        let ingest = try annals(["ingest", "--settle", "0", feed.path])
        #expect(ingest.status == 0, "\(ingest.stderr)")

        let started = ContinuousClock.now
        let run = try annals(["report", "--output", "large.html"])
        let elapsed = ContinuousClock.now - started
        #expect(run.status == 0, "\(run.stderr)")
        let html = try file("large.html")
        let all = try eventIDs([])
        #expect(all.count == 1000)
        let rows = html.components(separatedBy: "<tr id=\"event-").dropFirst().map { Int($0.prefix { $0 != "\"" })! }
        #expect(Set(rows) == Set(all) && rows.count == all.count)
        #expect(drawnIDs(html) == Set(all))
        #expect(html.contains("groups them per quarter"))
        #expect(elapsed < .seconds(5), "annals report of 1,000 events took \(elapsed)")
    }
}
