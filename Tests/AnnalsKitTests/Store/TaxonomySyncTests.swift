import Foundation
import GRDB
import Testing

@testable import AnnalsKit

/// Opening an archive re-syncs its topic and entity tables only when the taxonomy in use
/// changed since they were written, which it tells by the digest of the taxonomy's text.
@Suite struct TaxonomySyncTests {
    static func recordedDigest(_ archive: Archive) throws -> String? {
        try archive.writer.read { try String.fetchOne($0, sql: "SELECT value FROM settings WHERE key = 'tags_sha256'") }
    }

    @Test func theDigestIsTheTaxonomysCanonicalFormsAsBefore() throws {
        let path = try Fixtures.scratchFolder().appending(path: "a.sqlite").path
        let archive = try Archive(path: path)
        // The value archives already hold: the digest of the parsed taxonomy's `jsonData()`.
        #expect(try Self.recordedDigest(archive) == Digest.sha256Hex(Taxonomy.builtIn.jsonData()))
        var imported = Taxonomy.builtIn
        imported.topics.removeLast()
        try archive.importTaxonomy(imported)
        #expect(try Self.recordedDigest(archive) == Digest.sha256Hex(imported.jsonData()))
        // Opening it again finds the tables in step: nothing is written (the first
        // connection would see another's commit in its data version).
        func dataVersion() throws -> Int? { try archive.writer.write { try Int.fetchOne($0, sql: "PRAGMA data_version") } }
        let before = try dataVersion()
        let again = try Archive(path: path)
        #expect(try dataVersion() == before)
        #expect(try Self.recordedDigest(again) == Digest.sha256Hex(imported.jsonData()))
        #expect(try again.writer.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM topics") } == imported.topics.count)
    }

    @Test func aChangedTaxonomyIsSyncedWhenTheArchiveOpens() throws {
        let path = try Fixtures.scratchFolder().appending(path: "a.sqlite").path
        let archive = try Archive(path: path)
        // As if written by an earlier `annals` with another built-in taxonomy.
        try archive.writer.write { db in
            try db.execute(sql: "UPDATE settings SET value = 'an older taxonomy' WHERE key = 'tags_sha256'")
            try db.execute(sql: "DELETE FROM topics WHERE slug = ?", arguments: [Taxonomy.builtIn.topics.last!.slug])
        }
        // A reader cannot write them: it says so rather than answer with the old tags.
        #expect(throws: ArchiveError.needsUpgrade(path: path, pending: ["the tags of this version's taxonomy"])) {
            try Archive(path: path, access: .readOnly)
        }
        let reopened = try Archive(path: path)
        #expect(try Self.recordedDigest(reopened) == Digest.sha256Hex(Taxonomy.builtIn.jsonData()))
        #expect(try Archive(path: path, access: .readOnly).tagsAreStale() == false)
        #expect(try reopened.writer.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM topics") } == Taxonomy.builtIn.topics.count)
    }
}
