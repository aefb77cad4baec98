import Foundation
import Testing

@testable import AnnalsKit

/// Analysts' corrections cannot corrupt the events, and the merger's own joins do not
/// depend on the order lines arrive in.
@Suite struct EventCorrectionsTests {
    let archive: Archive
    let ingestor: Ingestor

    init() throws {
        archive = try Archive.inMemory()
        ingestor = Ingestor(archive: archive)
    }

    func ingest(title: String, timeline: [(String, String)]) throws {
        let entries = timeline.map { JSONValue.object([("date", .string($0.0)), ("text", .string($0.1))]) }
        let json: JSONValue = .object([("source", .string("Reuters")), ("title", .string(title)), ("timeline", .array(entries))])
        _ = try ingestor.ingest(bytes: Array(JSONWriter().data(json)), origin: "\(title).json", format: .json)
    }

    func event(_ prefix: String) throws -> Event {
        try #require(try archive.events(matching: QueryFilter()).first { $0.text.hasPrefix(prefix) }, "no event \(prefix)")
    }

    @Test func anEventIsNotMergedIntoItself() throws {
        try ingest(title: "A", timeline: [("2025-02", "OpenAI releases a reasoning model.")])
        let id = try event("OpenAI").id
        #expect(throws: ArchiveError.mergeIntoItself(id: id)) { try archive.mergeEvents(into: id, from: id) }
        #expect(try archive.event(id: id).mentions == 1)
        #expect(ArchiveError.mergeIntoItself(id: 44).localizedDescription == "event 44 cannot be merged into itself: give two different events")
    }

    @Test func incompatibleDatesNeedForceAndStayVisible() throws {
        try ingest(title: "A", timeline: [("2025-03", "OpenAI releases a reasoning model.")])
        try ingest(title: "B", timeline: [("2025-06", "Anthropic publishes its scaling policy.")])
        let (march, june) = (try event("OpenAI"), try event("Anthropic"))
        #expect(throws: ArchiveError.datesIncompatible(id: march.id, date: "2025-03", other: june.id, otherDate: "2025-06")) {
            try archive.mergeEvents(into: march.id, from: june.id)
        }
        #expect(try archive.events(matching: QueryFilter()).count == 2)
        let date = try archive.mergeEvents(into: march.id, from: june.id, force: true)
        #expect(date.text == "2025-03 / 2025-06" && date.normalized == "2025" && date.precision == .year)
        let merged = try archive.event(id: march.id)
        #expect(merged.date.text == "2025-03 / 2025-06" && merged.mentions == 2)
        // Each mention keeps its own date, and the event is found by either month.
        #expect(Set(try archive.mentions(ofEvent: march.id).map(\.date.text)) == ["2025-03", "2025-06"])
        #expect(try archive.events(matching: QueryFilter(since: Day(iso: "2025-06-01"), until: Day(iso: "2025-06-30"))).map(\.id) == [march.id])
        // Compatible dates need no force, and the more precise one is kept.
        try ingest(title: "C", timeline: [("2024", "Huawei ships its chip."), ("2024-05-02", "TSMC opens a fab.")])
        let (year, day) = (try event("Huawei"), try event("TSMC"))
        #expect(try archive.mergeEvents(into: year.id, from: day.id).text == "2024-05-02")
        #expect(try archive.check() == [])
    }

    @Test func eventIDsAreNeverReused() throws {
        try ingest(title: "A", timeline: [("2025-02", "OpenAI releases a reasoning model.")])
        try ingest(title: "B", timeline: [("2025-02", "Anthropic publishes its scaling policy.")])
        let (first, newest) = (try event("OpenAI").id, try event("Anthropic").id)
        try archive.mergeEvents(into: first, from: newest)
        try ingest(title: "C", timeline: [("2025-04", "Nvidia ships the Rubin platform.")])
        #expect(try event("Nvidia").id > newest)
        #expect(throws: ArchiveError.notFound(kind: "event", id: newest)) { try archive.event(id: newest) }
    }

    @Test func splittingRetagsBothEventsAndNamesAMissingMention() throws {
        try ingest(title: "A", timeline: [("2025-03", "Commerce adds 80 firms to the Entity List.")])
        try ingest(title: "B", timeline: [("2025-03", "Commerce adds 80 firms to the Entity List after a cyberattack on its network.")])
        let joined = try event("Commerce")
        #expect(joined.mentions == 2 && joined.topics.contains("cybersecurity"))
        let mention = try #require(try archive.mentions(ofEvent: joined.id).first { $0.article.title == "B" })
        let alone = try archive.splitMention(mention.id, fromEvent: joined.id)
        #expect(try archive.event(id: joined.id).topics == ["export-controls"])
        #expect(try archive.event(id: alone).topics.contains("cybersecurity"))
        #expect(throws: ArchiveError.noMention(event: joined.id, entry: 999)) {
            try archive.splitMention(999, fromEvent: joined.id)
        }
        #expect(ArchiveError.noMention(event: 1, entry: 999).localizedDescription.hasPrefix("event 1 has no mention 999"))
        #expect(try archive.check() == [])
    }

    @Test func aLineThatTellsTwoEventsApartBringsThemTogether() throws {
        // The short and the long line share too little to join, but each is the same event
        // as the middle one: in any order, the three end in one event.
        let lines = [
            ("2025-01-13", "US issues the AI diffusion rule."),
            ("2025-01", "The Commerce Department's BIS publishes the AI diffusion rule, sorting countries into three tiers."),
            ("2025-01-13", "BIS sorts countries into three tiers with caps on AI chip imports under its new framework."),
        ]
        for order in [[0, 1, 2], [0, 2, 1], [2, 0, 1]] {
            let archive = try Archive.inMemory()
            let ingestor = Ingestor(archive: archive)
            for (n, index) in order.enumerated() {
                let entry = JSONValue.object([("date", .string(lines[index].0)), ("text", .string(lines[index].1))])
                let json: JSONValue = .object([("source", .string("Reuters")), ("title", .string("Card \(n)")), ("timeline", .array([entry]))])
                _ = try ingestor.ingest(bytes: Array(JSONWriter().data(json)), origin: "\(n).json", format: .json)
            }
            let events = try archive.events(matching: QueryFilter())
            #expect(events.map(\.mentions) == [3], "order \(order): \(events.map(\.text))")
            #expect(events.first?.date.text == "2025-01-13")
            #expect(try archive.check() == [])
        }
    }

    @Test func twoLinesOfOneArticleStayTwoEvents() throws {
        try ingest(title: "A", timeline: [
            ("2023-11-17", "OpenAI's board removes Sam Altman as chief executive."),
            ("2023-11", "OpenAI's board and Sam Altman: chief executive news."),
        ])
        #expect(try archive.events(matching: QueryFilter()).count == 2)
    }
}
