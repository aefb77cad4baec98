import Foundation
import GRDB
import Testing

@testable import AnnalsKit

/// An archive opened read-only (an analyst reading the archive another account writes):
/// it answers every question, writes nothing, and refuses what it cannot do without writing.
@Suite struct ReadOnlyAccessTests {
    /// The bytes of the archive and of its write-ahead log.
    static func files(_ path: String) throws -> [Data] {
        try [path, path + "-wal"].map { FileManager.default.fileExists(atPath: $0) ? try Data(contentsOf: URL(fileURLWithPath: $0)) : Data() }
    }

    @Test func answersAsTheWriterDoesAndWritesNothing() throws {
        let path = try Fixtures.scratchFolder().appending(path: "a.sqlite").path
        let writer = try Archive(path: path)
        try StoreCachesTests.twoCards(writer)
        try writer.checkpoint()
        let before = try Self.files(path)

        let reader = try Archive(path: path, access: .readOnly)
        #expect(reader.access == .readOnly)
        let filter = QueryFilter(sort: .recent)
        var written: [Event] = [], read: [Event] = []
        try writer.forEachEvent(matching: filter) { written.append($0) }
        try reader.forEachEvent(matching: filter) { read.append($0) }
        #expect(!read.isEmpty)
        #expect(read == written)
        #expect(try reader.statistics() == writer.statistics())
        #expect(try reader.check().isEmpty)

        // A write is refused by SQLite, as the archive's own error, and changes nothing.
        let event = try #require(read.first?.id)
        #expect {
            _ = try reader.mergeEvents(into: event, from: event + 1, force: true)
        } throws: { error in
            if case .database(let reason, unusable: true) = ArchiveError(databaseError: error) { return reason.contains("readonly") }
            return false
        }
        #expect(try Self.files(path) == before)
    }

    @Test func doesNotCreateAFileThatIsNotThere() throws {
        let path = try Fixtures.scratchFolder().appending(path: "none.sqlite").path
        #expect(throws: ArchiveError.cannotOpen(path: path, reason: "no such file (opened read-only, it is not created)")) {
            try Archive(path: path, access: .readOnly)
        }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func refusesAnEmptyFileAndAnArchiveThatNeedsAnUpgrade() throws {
        let folder = try Fixtures.scratchFolder()
        let empty = folder.appending(path: "empty.sqlite").path
        #expect(FileManager.default.createFile(atPath: empty, contents: Data()))
        #expect(throws: ArchiveError.notSetUp(path: empty)) { try Archive(path: empty, access: .readOnly) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: empty)).isEmpty)

        // An archive written before the last migration is not upgraded by a reader...
        let old = folder.appending(path: "old.sqlite").path
        let queue = try DatabaseQueue(path: old)
        let identifiers = Archive.migrationIdentifiers
        try Archive.migrator.migrate(queue, upTo: identifiers[identifiers.count - 2])
        try queue.close()
        #expect(throws: ArchiveError.needsUpgrade(path: old, pending: [identifiers.last!])) {
            try Archive(path: old, access: .readOnly)
        }
        let applied = try DatabaseQueue(path: old).read { db in try Archive.migrator.appliedIdentifiers(db) }
        #expect(!applied.contains(identifiers.last!))
        // ...and is, as before, by the first process that may write it; then it reads.
        var told: [[String]] = []
        let upgraded = try Archive(path: old) { told.append($0) }
        #expect(told == [[identifiers.last!]])
        try StoreCachesTests.twoCards(upgraded)
        #expect(try Archive(path: old, access: .readOnly).statistics() == upgraded.statistics())
    }

    @Test func theMessageOfAnUpgradeItCannotDoSaysWhatToDo() {
        let error = ArchiveError.needsUpgrade(path: "/srv/annals.sqlite", pending: ["0010_event_search"])
        #expect(error.localizedDescription == "the archive /srv/annals.sqlite was written by an older annals and needs an "
            + "upgrade (0010_event_search), which a read-only open cannot do: open it once with write access (as the account that writes it)")
    }
}
