import Foundation
import GRDB
import Testing

@testable import AnnalsKit

/// An ingest, an upgrade or a reclassify leaves no write-ahead log behind for the next
/// process to read back, and does not wait for a reader to let it empty the log.
@Suite struct CheckpointTests {
    static func walSize(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path + "-wal"))?[.size] as? Int) ?? 0
    }

    /// An archive holding two cards, and another process's connection to it, inside a
    /// transaction of `kind` that has run `sql` (left open: the test commits it).
    static func archiveAndAnotherProcess(
        in transaction: Database.TransactionKind, running sql: String
    ) throws -> (path: String, archive: Archive, other: DatabaseQueue) {
        let path = try Fixtures.scratchFolder().appending(path: "a.sqlite").path
        let archive = try Archive(path: path)
        try StoreCachesTests.twoCards(archive)
        var configuration = Configuration()
        configuration.allowsUnsafeTransactions = true
        let other = try DatabaseQueue(path: path, configuration: configuration)
        try other.inDatabase { db in
            try db.beginTransaction(transaction)
            try db.execute(sql: sql)
        }
        return (path, archive, other)
    }

    @Test func aRunEmptiesTheLog() throws {
        let path = try Fixtures.scratchFolder().appending(path: "a.sqlite").path
        let archive = try Archive(path: path)
        try StoreCachesTests.twoCards(archive)
        #expect(Self.walSize(path) > 0)
        try archive.checkpoint()
        #expect(Self.walSize(path) == 0)
    }

    /// The other writers of a whole archive leave no log either: an upgrade (0009 writes an
    /// index of the whole timeline, 750 MB of log at a million cards, which every later
    /// command read back when it opened the archive), a reclassify and a reparse.
    @Test func anUpgradeAReclassifyAndAReparseEmptyTheLog() throws {
        let path = try Fixtures.scratchFolder().appending(path: "a.sqlite").path
        let queue = try DatabaseQueue(path: path)
        let identifiers = Archive.migrationIdentifiers
        try Archive.migrator.migrate(queue, upTo: identifiers[identifiers.count - 2])
        try queue.close()
        var told: [[String]] = []
        let archive = try Archive(path: path) { told.append($0) }
        #expect(told == [[identifiers.last!]])
        #expect(Self.walSize(path) == 0)
        try StoreCachesTests.twoCards(archive)
        #expect(Self.walSize(path) > 0)
        _ = try Reclassifier(archive: archive).run()
        #expect(Self.walSize(path) == 0)
        // A reparse stores every document again, and empties the log as well.
        try StoreCachesTests.twoCards(archive, suffix: " again")
        #expect(Self.walSize(path) > 0)
        let reparsed = try Ingestor(archive: archive).reparse()
        #expect(reparsed.documents > 0)
        #expect(Self.walSize(path) == 0)
    }

    @Test func aReaderOnAnOlderSnapshotIsNotWaitedFor() throws {
        // Another process reads, in a transaction that began before the next write.
        let (path, archive, reader) = try Self.archiveAndAnotherProcess(in: .deferred, running: "SELECT count(*) FROM events")
        try StoreCachesTests.twoCards(archive, suffix: " again")
        let start = Date()
        try archive.checkpoint()
        #expect(Date().timeIntervalSince(start) < 5)
        #expect(Self.walSize(path) > 0)
        try reader.inDatabase { try $0.commit() }
        try archive.checkpoint()
        #expect(Self.walSize(path) == 0)
        // The busy timeout is back: the archive's writes still wait for a lock.
        #expect(try archive.writer.write { try Int.fetchOne($0, sql: "PRAGMA busy_timeout") } == 60_000)
    }

    /// The merge of `event_search`'s segments at the end of a run does not wait for another
    /// process's write (an analyst's correction, say): it is left to the next run, and the
    /// run ends at once.
    @Test func anotherWriterIsNotWaitedForByTheMergeAfterARun() throws {
        let (_, archive, other) = try Self.archiveAndAnotherProcess(
            in: .immediate, running: "UPDATE settings SET value = value WHERE key = 'tags_sha256'")
        let start = Date()
        #expect(throws: DatabaseError.self) { try archive.mergeEventSearchSegments() }
        archive.settleAfterWrites()
        #expect(Date().timeIntervalSince(start) < 5)
        try other.inDatabase { try $0.commit() }
        try archive.mergeEventSearchSegments()
        #expect(try archive.writer.write { try Int.fetchOne($0, sql: "PRAGMA busy_timeout") } == 60_000)
    }
}
