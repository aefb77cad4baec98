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
        // …and what was not is forgotten.
        cache.prune(above: 0)
        #expect(cache.count == 0)
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
}
