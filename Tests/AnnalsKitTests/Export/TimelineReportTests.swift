import Foundation
import Testing

#if canImport(FoundationXML)
import FoundationXML
#endif

@testable import AnnalsKit

/// Events for reports: `date` is read as a card's timeline would be.
func reportEvent(
    _ id: Int64, _ date: String, _ text: String = "", topics: [String] = [], entities: [String] = [], mentions: Int = 1,
    articles: [ArticleRef] = []
) -> Event {
    Event(
        id: id, date: PartialDate(parsing: date), text: text.isEmpty ? "Event number \(id)." : text, topics: topics,
        entities: entities, mentions: mentions,
        articles: articles.isEmpty ? [ArticleRef(id: id, title: "Card \(id)", source: "Reuters")] : articles)
}

let reportTopicNames = [
    "export-controls": "Export controls", "sanctions": "Sanctions", "chips-hardware": "Chips and AI hardware",
    "semiconductor-manufacturing": "Semiconductor manufacturing",
]

/// `count` events from 2019 to 2026: mostly days, some months, quarters and years, a few
/// unreadable; one to three of six topics; deterministic.
func generatedEvents(_ count: Int, unreadableEvery: Int = 50) -> [Event] {
    var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
    func next(_ bound: Int) -> Int {
        seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int((seed >> 33) % UInt64(bound))
    }
    let topics = ["export-controls", "sanctions", "chips-hardware", "semiconductor-manufacturing", "regulation", "diplomacy"]
    let entities = ["China", "United States", "Nvidia", "TSMC", "ASML", "Huawei", "Japan", "Netherlands"]
    return (1...count).map { number in
        let year = 2019 + next(8), month = 1 + next(12), day = 1 + next(28)
        let date: String
        switch next(100) {
        case _ where number % unreadableEvery == 0: date = "early \(year)"
        case ..<65: date = String(format: "%04d-%02d-%02d", year, month, day)
        case ..<88: date = String(format: "%04d-%02d", year, month)
        case ..<95: date = "Q\(1 + next(4)) \(year)"
        default: date = String(year)
        }
        let tags = (0..<(1 + next(3))).map { _ in topics[next(topics.count)] }
        return reportEvent(
            Int64(number), date, "Generated event \(number) about \(tags[0]) <in> \(year).",
            topics: tags.enumerated().filter { !tags[..<$0.offset].contains($0.element) }.map(\.element), entities: [entities[next(entities.count)]],
            mentions: 1 + next(12),
            articles: (0...next(3)).map { ArticleRef(id: Int64(1 + next(400)), title: "Card \($0)", source: "Source \($0)") })
    }
}

/// Reads the markup the report writes: every literal `<` starts a tag, because text is escaped.
enum ReportMarkup {
    /// Every tag (`<…>`), outside the contents of `<script>` and `<style>`.
    static func tags(_ text: String) -> [Substring] {
        var tags: [Substring] = []
        var rest = text[...]
        while let open = rest.firstIndex(of: "<") {
            guard let close = rest[open...].firstIndex(of: ">") else { break }
            let tag = rest[open...close]
            tags.append(tag)
            rest = rest[rest.index(after: close)...]
            for raw in ["script", "style"] where tag.hasPrefix("<\(raw)") {
                if let end = rest.range(of: "</\(raw)>") { rest = rest[end.lowerBound...] }
            }
        }
        return tags
    }

    /// The value of `name="…"` in each tag that has it.
    static func attribute(_ name: String, in text: String) -> [String] {
        tags(text).compactMap { tag in
            guard let range = tag.range(of: " \(name)=\"") else { return nil }
            return String(tag[range.upperBound...].prefix { $0 != "\"" })
        }
    }

    /// The event ids of each mark, by lane index.
    static func lanes(_ text: String) -> [(label: String, events: [[Int64]])] {
        text.components(separatedBy: "<g class=\"legend\"")[0].components(separatedBy: "id=\"lane-").dropFirst().map { lane in
            let label = lane.components(separatedBy: "<title>")[1].components(separatedBy: "</title>")[0]
            return (label, attribute("data-events", in: lane).map { $0.split(separator: " ").map { Int64($0)! } })
        }
    }

    /// The ids of the table's rows, in order.
    static func tableIDs(_ text: String) -> [Int64] {
        text.components(separatedBy: "<tr id=\"event-").dropFirst().map { Int64($0.prefix { $0 != "\"" })! }
    }

    /// The contents of each `<tag>…</tag>`.
    static func contents(of tag: String, in text: String) -> [String] {
        text.components(separatedBy: "<\(tag)>").dropFirst().map { $0.components(separatedBy: "</\(tag)>")[0] }
    }

    /// Whether the file points nowhere outside itself: every `href`, `src` and `url()` is a
    /// fragment of the file, no tag names a scheme or a `//` host, no tag loads anything.
    static func pointsOutside(_ text: String, allowingNamespace: Bool = false) -> [String] {
        var problems: [String] = []
        for tag in tags(text) {
            var tag = String(tag).replacingOccurrences(of: "'sha256-[A-Za-z0-9+/=]+'", with: "'hash'", options: .regularExpression)
            if allowingNamespace { tag = tag.replacingOccurrences(of: " xmlns=\"http://www.w3.org/2000/svg\"", with: "") }
            let lower = tag.lowercased()
            for name in ["href", "src", "xlink:href", "action", "poster", "srcset", "background"] {
                if let range = lower.range(of: " \(name)="), !lower[range.upperBound...].hasPrefix("\"#") {
                    problems.append("\(name) leaves the file: \(tag)")
                }
            }
            if lower.contains("url("), lower.components(separatedBy: "url(").dropFirst().contains(where: { !$0.hasPrefix("#") }) {
                problems.append("url() leaves the file: \(tag)")
            }
            if lower.contains("http:") || lower.contains("https:") || lower.contains("//") || lower.contains("data:") {
                problems.append("a URL in a tag: \(tag)")
            }
            for loader in ["<img", "<link", "<iframe", "<object", "<embed", "<source", "<video", "<audio", "<image", "<use", "<base"]
            where lower.hasPrefix(loader + " ") || lower.hasPrefix(loader + ">") || lower.hasPrefix(loader + "/") {
                problems.append("a tag that loads: \(tag)")
            }
        }
        for code in contents(of: "script", in: text) + contents(of: "style", in: text)
        where code.contains("http") || code.contains("//") || code.contains("@import") || code.contains("url(") {
            problems.append("script or style names a URL")
        }
        return problems
    }
}

@Suite struct TimelineReportTests {
    let events = [
        reportEvent(3, "2024-10", "US expands export controls on advanced AI chips.", topics: ["export-controls"], entities: ["United States"], mentions: 12),
        reportEvent(52, "2024-09-06", "Dutch licence requirements extended.", topics: ["export-controls"], entities: ["Netherlands"]),
        reportEvent(33, "2024-12-02", "Commerce adds HBM to the controls.", topics: ["export-controls", "semiconductor-manufacturing"], mentions: 3),
        reportEvent(10, "Q1 2025", "BIS publishes the AI diffusion framework.", topics: ["export-controls", "chips-hardware"]),
        reportEvent(40, "2025", "A year of sanctions on Russia.", topics: ["sanctions"]),
        reportEvent(41, "2025-06-30", "Something untagged happens.", topics: []),
        reportEvent(42, "spring 2026", "An event whose date cannot be read.", topics: ["export-controls"]),
    ]

    func report(_ events: [Event]? = nil, lanes: TimelineReport.Lanes = .topic(names: reportTopicNames)) -> TimelineReport {
        TimelineReport(
            events: events ?? self.events, title: "export-control events since 2024",
            understanding: "events · topic export-controls · since 2024-01-01", lanes: lanes, generatedAt: "2026-05-02 14:03 UTC")
    }

    @Test func everyEventIsInTheTableAndEveryDatedOneOnTheTimeline() throws {
        let html = report().html()
        for event in events {
            #expect(html.contains("<tr id=\"event-\(event.id)\""), "event \(event.id) missing from the table")
        }
        let drawn = Set(ReportMarkup.lanes(html).flatMap { $0.events.flatMap { $0 } })
        #expect(drawn == Set(events.filter(\.date.isKnown).map(\.id)))
        #expect(html.contains("<h1>export-control events since 2024</h1>"))
        #expect(html.contains("Understood as: <code>events · topic export-controls · since 2024-01-01</code>"))
        #expect(html.contains("7 events · 20 mentions in 7 cards · 2024-09-06 to 2025-12-31 · 5 lanes by topic"))
        #expect(html.contains("Generated 2026-05-02 14:03 UTC"))
    }

    @Test func lanesAreTopicsBusiestFirstEventsInEachOfTheirLanesAndUntaggedInOther() throws {
        let lanes = ReportMarkup.lanes(report().html())
        #expect(lanes.map(\.label) == ["Export controls", "Chips and AI hardware", "Sanctions", "Semiconductor manufacturing", "Other"])
        #expect(lanes[0].events == [[52], [3], [33], [10]])  // by date within the lane
        #expect(lanes[1].events == [[10]])
        #expect(lanes[2].events == [[40]])
        #expect(lanes[3].events == [[33]])
        #expect(lanes[4].events == [[41]])
        #expect(report().html().contains("An event with several topics appears in the lane of each; the table lists it once."))
    }

    @Test func entityLanesKeepTheBusiestTwelveAndShareTheRestInOther() throws {
        let events = (1...30).map { number in
            reportEvent(Int64(number), "2025-0\(1 + number % 9)", entities: ["Entity \(number % 15)"])
        }
        let lanes = ReportMarkup.lanes(report(events, lanes: .entity).svg())
        #expect(lanes.count == TimelineReport.maxLanes + 1)
        #expect(lanes.last?.label == "Other")
        // Two events each; ties by name: "Entity 0", "Entity 1", "Entity 10" … "Entity 7" have lanes.
        #expect(lanes.first?.label == "Entity 0")
        #expect(lanes.last?.events.flatMap { $0 }.count == 6)
        #expect(report(events, lanes: .entity).svg().contains("or only entities beyond the 12 busiest (3 more)"))
    }

    @Test func cardTextIsEscapedAndAScriptInItStaysInert() throws {
        let hostile = [
            reportEvent(
                1, "2025-03", "<script>alert('x')</script> & \"quoted\" <img src=x onerror=alert(1)>",
                topics: ["<b>topic</b>"], entities: ["A&B <i>"],
                articles: [ArticleRef(id: 9, title: "</title><script>alert(2)</script>", source: "\"><svg onload=alert(3)>")]),
            reportEvent(2, "\u{1}2025\u{7}", "Control \u{0}characters\u{1B} and U+FFFE \u{FFFE}."),
        ]
        let report = TimelineReport(
            events: hostile, title: "<script>alert(4)</script>", understanding: "\" onmouseover=\"alert(5)",
            lanes: .topic(names: [:]), generatedAt: "<now>")
        let html = report.html()
        #expect(html.components(separatedBy: "<script").count == 2, "only the report's own script")
        #expect(!html.contains("<img") && !html.contains("<svg onload") && !html.contains("<b>") && !html.contains("<i>"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quoted&quot; &lt;img src=x onerror=alert(1)&gt;"))
        #expect(html.contains("&lt;/title&gt;&lt;script&gt;alert(2)&lt;/script&gt;"))
        #expect(html.contains("Understood as: <code>&quot; onmouseover=&quot;alert(5)</code>"))
        #expect(!html.contains("\u{0}") && !html.contains("\u{1B}") && !html.contains("\u{FFFE}"))
        for tag in ReportMarkup.tags(html) {
            #expect(tag.range(of: #"\son[a-z]+\s*="#, options: [.regularExpression, .caseInsensitive]) == nil, "an event handler: \(tag)")
        }
        // The standalone SVG is well-formed XML even with control characters in the text.
        try expectWellFormedXML(report.svg())
    }

    @Test func nothingPointsOutsideTheFile() throws {
        var events = generatedEvents(40)
        events[0].text = "See https://evil.example/x.png and //evil.example/y and url(http://evil.example/z)."
        events[1].articles = [ArticleRef(id: 1, title: "http://evil.example/title", source: "https://evil.example")]
        let html = report(events).html()
        #expect(ReportMarkup.pointsOutside(html) == [])
        #expect(ReportMarkup.pointsOutside(report(events).svg(), allowingNamespace: true) == [])
        #expect(ReportMarkup.pointsOutside(report(generatedEvents(2000)).html()) == [])
        // The escaped text is still there, as text.
        #expect(html.contains("See https://evil.example/x.png"))
        // Internal references are fragments of the file.
        #expect(ReportMarkup.attribute("href", in: html).allSatisfy { $0.hasPrefix("#event-") })
        #expect(html.contains("fill=\"url(#hatch-"))
    }

    @Test func thePolicyAllowsExactlyTheReportsOwnScriptAndStyles() throws {
        let html = report().html()
        let policy = try #require(ReportMarkup.attribute("content", in: html).first { $0.hasPrefix("default-src 'none'") })
        let scripts = ReportMarkup.contents(of: "script", in: html), styles = ReportMarkup.contents(of: "style", in: html)
        #expect(scripts.count == 1 && styles.count == 2)
        for code in scripts + styles {
            #expect(policy.contains(TimelineHTML.hash(code)))
        }
        #expect(!policy.contains("unsafe"))
    }

    @Test func datesAreDrawnAsTheirIntervalTheVaguerTheFainter() throws {
        let svg = report().svg()
        func mark(_ id: Int64) -> String {
            svg.components(separatedBy: "data-events=\"\(id)\">")[1].components(separatedBy: "</g>")[0]
        }
        #expect(mark(52).contains("<circle class=\"dot\""))
        #expect(!mark(52).contains("class=\"bar"), "a day is a point")
        #expect(mark(3).contains("<rect class=\"bar p-month\""))
        #expect(mark(10).contains("class=\"bar p-quarter\""))
        #expect(mark(40).contains("class=\"bar p-year\"") && mark(40).contains("fill=\"url(#hatch-"))
        // A year spans about twelve times a month.
        func width(_ id: Int64) -> Double {
            Double(mark(id).components(separatedBy: "width=\"")[1].prefix { $0 != "\"" })!
        }
        #expect(width(40) > 11 * width(3) && width(40) < 13 * width(3))
        // More mentions, a bigger marker.
        func radius(_ id: Int64) -> Double { Double(mark(id).components(separatedBy: " r=\"")[1].prefix { $0 != "\"" })! }
        #expect(radius(3) > radius(52))
    }

    @Test func unreadableDatesAreListedAndNotedButNotDrawn() throws {
        let html = report().html()
        #expect(html.contains("1 event with an unreadable date is not on the axis."))
        #expect(html.contains("<tr id=\"event-42\" class=\"undated\">"))
        #expect(html.contains("spring 2026<span class=\"flag\">unreadable date: not on the axis</span>"))
        #expect(!ReportMarkup.attribute("data-events", in: html).contains { $0.split(separator: " ").contains("42") })
        let onlyUndated = report([reportEvent(1, "sometime"), reportEvent(2, "later")]).html()
        #expect(onlyUndated.contains("No event of this answer has a readable date: see the table."))
        #expect(onlyUndated.contains("2 events with unreadable dates are not on the axis."))
        #expect(report([]).html().contains("No event matches."))
    }

    @Test func crowdedTimelinesCountEventsPerMonthThenPerQuarter() throws {
        let few = report(generatedEvents(TimelineReport.monthThreshold, unreadableEvery: 10_000)).html()
        #expect(!few.contains("aggregation-note"))
        #expect(ReportMarkup.lanes(few).allSatisfy { $0.events.allSatisfy { $0.count == 1 } })

        let many = generatedEvents(TimelineReport.monthThreshold + 1, unreadableEvery: 10_000)
        let monthly = report(many).html()
        #expect(monthly.contains("151 dated events are too many to draw one by one: the timeline groups them per month"))
        #expect(monthly.contains("class=\"mark bucket\""))
        let lanes = ReportMarkup.lanes(monthly)
        #expect(lanes.contains { $0.events.contains { $0.count > 1 } })
        // Every event is once in each of its lanes, and in the table.
        for lane in lanes {
            let placed = lane.events.flatMap { $0 }
            #expect(placed.count == Set(placed).count)
        }
        #expect(lanes.reduce(0) { $0 + $1.events.flatMap { $0 }.count } == many.reduce(0) { $0 + $1.topics.count })
        #expect(Set(lanes.flatMap { $0.events.flatMap { $0 } }) == Set(many.map(\.id)))
        #expect(ReportMarkup.tableIDs(monthly) == many.map(\.id))

        let quarterly = report(generatedEvents(TimelineReport.quarterThreshold + 1, unreadableEvery: 10_000)).html()
        #expect(quarterly.contains("groups them per quarter"))
    }

    @Test func theAxisTicksByMonthQuarterOrYearDependingOnTheSpan() throws {
        func labels(_ dates: [String]) -> [String] {
            let svg = report(dates.enumerated().map { reportEvent(Int64($0.offset + 1), $0.element, topics: ["sanctions"]) }).svg()
            return svg.components(separatedBy: "<text class=\"tick").dropFirst().map {
                String($0.components(separatedBy: ">")[1].prefix { $0 != "<" })
            }
        }
        #expect(labels(["2024-10-15", "2025-01"]) == ["Oct", "Nov", "Dec", "Jan", "2024", "2025"])
        #expect(labels(["2024-02", "2026-11-20"]).prefix(5) == ["Q1", "Q2", "Q3", "Q4", "Q1"])
        #expect(labels(["2014", "2025-03-01"]) == (2014...2025).map(String.init))
        #expect(labels(["1950", "2025"]) == stride(from: 1950, through: 2025, by: 5).map(String.init))
    }

    @Test func theOutputIsDeterministic() throws {
        let events = generatedEvents(300)
        let a = report(events).html(), b = report(events).html()
        #expect(a == b)
        #expect(report(events).svg() == report(events).svg())
    }

    @Test func theStandaloneSVGIsWellFormedAndHasItsTitleAndLegend() throws {
        let svg = report().svg()
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\""))
        #expect(svg.contains("<text class=\"title\" x=\"16\" y=\"30\">export-control events since 2024</text>"))
        #expect(svg.contains("a year (vague)"))
        #expect(!svg.contains("<a ") && !svg.contains("<script"))
        try expectWellFormedXML(svg)
        try expectWellFormedXML(report(generatedEvents(700)).svg())
    }

    @Test func markersAreKeyboardReachableAndNamed() throws {
        let html = report().html()
        let marks = html.components(separatedBy: "<a class=\"mark").dropFirst()
        #expect(marks.count == 8)  // 6 dated events, two of them in two lanes
        for mark in marks {
            #expect(mark.contains(" href=\"#event-"), "an SVG link is focusable and activates with Enter")
            #expect(mark.contains("><title>"), "its title is its accessible name and hover text")
        }
        #expect(html.contains("<title>2024-10 · US expands export controls on advanced AI chips.\nTopics: Export controls\nEntities: United States\n12 mentions in 1 card:\n• Card 3 — Reuters</title>"))
        #expect(html.contains("@media print"))
    }

    @Test func twoThousandEventsRenderWellUnderASecond() throws {
        let events = generatedEvents(2000)
        let clock = ContinuousClock()
        var html = ""
        let elapsed = clock.measure { html = report(events).html() }
        let svgTime = clock.measure { _ = report(events).svg() }
        print("TimelineReport: 2,000 events: html \(elapsed), svg \(svgTime), \(html.utf8.count) bytes")
        #expect(elapsed < .seconds(1), "html() of 2,000 events took \(elapsed)")
        #expect(svgTime < .seconds(1))
        #expect(ReportMarkup.tableIDs(html) == events.map(\.id))
    }
}

func expectWellFormedXML(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let parser = XMLParser(data: Data(text.utf8))
    let ok = parser.parse()
    #expect(ok, "not well-formed XML: \(parser.parserError.map { "\($0)" } ?? "?") at line \(parser.lineNumber)", sourceLocation: sourceLocation)
}
