import Foundation
import GRDB
import Testing

@testable import AnnalsKit

/// What the store remembers from one write transaction to the next (merge candidates,
/// source ids) is kept only while the archive is as the store left it.
@Suite struct StoreCachesTests {
    /// Two cards citing the same event, so the second reads the first's event as a candidate.
    static func twoCards(_ archive: Archive, suffix: String = "") throws {
        let documents = ["First", "Second"].map { name in
            ArchiveTests.document(ArchiveTests.sample(title: "\(name) card\(suffix)"), bytes: "\(name)\(suffix)")
        }
        _ = try ArchiveTests.store(archive, documents)
    }

    static func isValid(_ archive: Archive) throws -> Bool {
        try archive.writer.write { try archive.storeCaches.isValid($0) }
    }

    @Test func theCandidatesOutliveATransactionAndTheRunsBookkeeping() throws {
        let path = try Fixtures.scratchFolder().appending(path: "a.sqlite").path
        let archive = try Archive(path: path)
        try Self.twoCards(archive)
        let cached = archive.storeCaches.candidates.count
        #expect(cached > 0)
        #expect(try Self.isValid(archive))
        // A reject of an unreadable input changes no event: the caches stay valid.
        try archive.recordReject(Reject(origin: "unreadable.txt", reason: "cannot read"))
        #expect(try Self.isValid(archive))
        // The next store transaction starts from them.
        try Self.twoCards(archive, suffix: " again")
        #expect(archive.storeCaches.candidates.count >= cached)
        #expect(try Self.isValid(archive))
    }

    /// Reading a candidate's wordings touches no table page: at a million cards, a page
    /// per mention of a much-cited event was most of an ingest's reads.
    @Test func anEventsWordingsAreReadFromOneIndexAlone() throws {
        let archive = try Archive.inMemory()
        try Self.twoCards(archive)
        let event = try #require(try archive.writer.read { db in
            try Int64.fetchOne(db, sql: "SELECT event_id FROM timeline_entries WHERE event_id IS NOT NULL LIMIT 1")
        })
        let plan = try archive.writer.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + CandidateCache.wordingsSQL, arguments: [event]).map { $0["detail"] as String }
        }
        #expect(plan.contains("SEARCH timeline_entries USING COVERING INDEX timeline_entries_wordings (event_id=?)"), "\(plan)")
        // And it reads what the table holds: both cards' wordings of the shared event.
        let wordings = try archive.writer.read { db in try Row.fetchAll(db, sql: CandidateCache.wordingsSQL, arguments: [event]) }
        let direct = try archive.writer.read { db in
            try Int.fetchOne(db, sql: "SELECT count(DISTINCT terms || '|' || coalesce(entities, '') || '|' || coalesce(date, '') || '|' || precision) FROM timeline_entries NOT INDEXED WHERE event_id = ? AND terms IS NOT NULL", arguments: [event])
        }
        #expect(wordings.count == direct)
        #expect(wordings.count >= 1)
    }

    @Test func pastItsLimitTheCacheKeepsWhatTheLastTransactionAskedFor() throws {
        let archive = try Archive.inMemory()
        try Self.twoCards(archive)
        let cache = archive.storeCaches.candidates
        let cached = cache.count
        #expect(cached > 0)
        // Under the limit nothing is forgotten; over it, what was asked for since stays…
        cache.prune(above: cached)
        #expect(cache.count == cached)
        try Self.twoCards(archive, suffix: " again")
        let asked = cache.count
        cache.prune(above: 0)
        #expect(cache.count == asked)
        // …and what was not is forgotten…
        cache.prune(above: 0)
        #expect(cache.count == 0)
        // …but for the events of the most wordings, up to the limit: they cost most to read
        // again. (A card that gives the first line's day is another wording of its event.)
        var third = ArchiveTests.sample(title: "Third card")
        let day = Day(year: 2024, month: 10, day: 15)
        third.timeline[0].date = PartialDate(text: "2024-10-15", normalized: "2024-10-15", precision: .day, start: day, end: day)
        _ = try ArchiveTests.store(archive, [ArchiveTests.document(third, bytes: "Third")])
        try Self.twoCards(archive, suffix: " a third time")
        let wordings = cache.cachedWordingCounts()
        #expect(wordings.count > 1 && Set(wordings.values).count > 1, "\(wordings)")
        cache.prune(above: 0)
        cache.prune(above: 1)
        #expect(Array(cache.cachedWordingCounts().values) == [wordings.values.max()!])
    }

    @Test func anotherConnectionsCommitEmptiesThem() throws {
        let path = try Fixtures.scratchFolder().appending(path: "a.sqlite").path
        let archive = try Archive(path: path)
        try Self.twoCards(archive)
        #expect(archive.storeCaches.candidates.count > 0)
        // Another process (here another connection) writes: whatever it changed, the
        // cached events may be stale.
        let other = try Archive(path: path)
        try other.recordReject(Reject(origin: "elsewhere.txt", reason: "cannot read"))
        #expect(try !Self.isValid(archive))
        try archive.writer.write { try archive.storeCaches.validate($0) }
        #expect(archive.storeCaches.candidates.count == 0)
    }

    @Test func aCorrectionThroughTheSameArchiveEmptiesThem() throws {
        let archive = try Archive.inMemory()
        try Self.twoCards(archive)
        #expect(try Self.isValid(archive))
        let row = try #require(try archive.writer.read { db in
            try Row.fetchOne(db, sql: "SELECT event_id, id FROM timeline_entries WHERE event_id IS NOT NULL ORDER BY id DESC LIMIT 1")
        })
        let (event, entry): (Int64, Int64) = (row[0], row[1])
        _ = try archive.splitMention(entry, fromEvent: event)
        #expect(try !Self.isValid(archive))
    }

    @Test func aFailedStoreEmptiesThem() throws {
        let archive = try Archive.inMemory()
        try Self.twoCards(archive)
        #expect(archive.storeCaches.candidates.count > 0)
        // A document that cannot be stored (a trigger refuses one of its takeaways) rolls
        // its transaction back, and with it what the caches learned there.
        try archive.writer.write { db in
            try db.execute(sql: "CREATE TRIGGER refuse BEFORE INSERT ON takeaways WHEN new.text = 'Refused.' BEGIN SELECT RAISE(ABORT, 'refused'); END")
        }
        // (A schema change is no row change: the caches are still valid here.)
        #expect(try Self.isValid(archive))
        let bad = ArchiveTests.document(ArchiveTests.sample(title: "Third card", takeaways: ["Refused."]), bytes: "Third")
        let outcomes = try ArchiveTests.store(archive, [bad])
        #expect(outcomes.first?.rejects.count == 1)
        #expect(archive.storeCaches.candidates.count == 0)
    }

    /// A new event is cached as it is made: the next line citing it reads nothing back. And
    /// the cache holds what a fresh read gives: on the hand-written corpus of real history
    /// (entities, vague dates written many ways, odd punctuation), every event of one
    /// mention is in the cache, and every cached event (of one mention or of many, whose
    /// wordings it learned as they joined) equals a fresh read of its row and wordings. So
    /// the events do not depend on whether a process or an eviction came between two lines.
    @Test func newEventsAreCachedAsTheyWouldBeReadBack() throws {
        let folder = try Fixtures.scratchFolder()
        let archive = try Archive(path: folder.appending(path: "a.sqlite").path)
        let cards = Fixtures.root.appending(path: "eval/cards").path
        let report = try Ingestor(archive: archive, options: IngestOptions(settle: 0)).ingest(paths: [cards])
        #expect(report.rejects.isEmpty)
        let events = try archive.writer.read { try Int64.fetchAll($0, sql: "SELECT id FROM events ORDER BY id") }
        #expect(events.count > 100 && events.count < Archive.StoreCaches.eventLimit)
        let single = try archive.writer.read { try Int64.fetchAll($0, sql: "SELECT id FROM events WHERE mentions = 1 ORDER BY id") }
        #expect(single.count >= 10)
        #expect(Set(single).isSubset(of: archive.storeCaches.candidates.cachedWordingCounts().keys))
        let counts = archive.storeCaches.candidates.cachedWordingCounts()
        #expect(counts.values.contains { $0 > 1 })
        let ids = counts.keys.sorted()
        let (cached, fresh) = try archive.writer.read { db in
            (try archive.storeCaches.candidates.events(ids, in: db), try CandidateCache().events(ids, in: db))
        }
        #expect(cached.count == ids.count && fresh.count == ids.count)
        for (a, b) in zip(cached, fresh) { #expect(a == b) }
        // So every cached event's date is its row's, whatever its mentions (joining refines
        // it): the store reads it from the cache. Said again apart, as the store relies on it.
        let rows = try archive.writer.read { db in
            try counts.keys.map { id in (id, try Archive.eventDate(id, in: db)) }
        }
        for (id, date) in rows { #expect(archive.storeCaches.candidates.cached(id)?.date == date, "event \(id)") }
        // And of the entities the taxonomy tags, it names exactly those the event is tagged
        // with: the store tags an event only with those it does not name.
        let taggable = try archive.writer.read { try Set(String.fetchAll($0, sql: "SELECT name FROM entities")) }
        let tagged = try archive.writer.read { db in
            try counts.keys.map { id in
                (id, try String.fetchAll(db, sql: """
                    SELECT n.name FROM event_entities ee JOIN entities n ON n.id = ee.entity_id WHERE ee.event_id = ?
                    """, arguments: [id]))
            }
        }
        #expect(tagged.contains { !$0.1.isEmpty })
        for (id, names) in tagged {
            #expect(Set(names) == Set(archive.storeCaches.candidates.cached(id)?.entities ?? []).intersection(taggable), "event \(id)")
        }
    }

    @Test func anEventsWordingsAreReadFromItsFirstMentions() throws {
        let path = try Fixtures.scratchFolder().appending(path: "a.sqlite").path
        let archive = try Archive(path: path)
        // One event told by more cards than are read back, the last with a wording of its own
        // (its day), in one transaction: the cache learns that wording as the mention joins.
        let cards = CandidateCache.mentionsRead + 1
        var documents: [PreparedDocument] = []
        for card in 0..<cards {
            var article = ArchiveTests.sample(title: "Card \(card)")
            if card == cards - 1 {
                let day = Day(year: 2024, month: 10, day: 15)
                article.timeline[0].date = PartialDate(text: "2024-10-15", normalized: "2024-10-15", precision: .day, start: day, end: day)
            }
            documents.append(ArchiveTests.document(article, bytes: "Card \(card)"))
        }
        _ = try ArchiveTests.store(archive, documents)
        let event = try #require(try archive.writer.read { db in
            try Int64.fetchOne(db, sql: "SELECT id FROM events ORDER BY mentions DESC LIMIT 1")
        })
        #expect(try archive.writer.read { try Int.fetchOne($0, sql: "SELECT mentions FROM events WHERE id = ?", arguments: [event]) } == cards)
        #expect(try archive.writer.read { try archive.storeCaches.candidates.events([event], in: $0) }.first?.wordings.count == 2)
        // Read afresh, only the first mentions' wordings are there.
        let fresh = CandidateCache()
        #expect(try archive.writer.read { try fresh.events([event], in: $0) }.first?.wordings.count == 1)
    }
}
