import Foundation
import GRDB

extension Archive {
    // MARK: - The taxonomy in use

    /// The taxonomy the archive classifies with: the one imported, else the built-in one.
    public func taxonomy() throws -> Taxonomy {
        try writer.read { db in try Self.taxonomy(in: db) }
    }

    /// The JSON text of the taxonomy in use, in the canonical form ``Taxonomy/jsonData()``
    /// writes: the imported one as stored, else `taxonomy/default.json` (kept in that form).
    static func taxonomyText(in db: Database) throws -> String {
        try String.fetchOne(db, sql: "SELECT json FROM taxonomy WHERE id = 1") ?? Taxonomy.builtInText
    }

    static func taxonomy(in db: Database) throws -> Taxonomy {
        guard let json = try String.fetchOne(db, sql: "SELECT json FROM taxonomy WHERE id = 1") else {
            return Taxonomy.builtIn
        }
        return try Taxonomy.load(json: Data(json.utf8))
    }

    /// Replaces the taxonomy in use (validated by ``Taxonomy/load(json:)``) and the topic
    /// and entity tables; run ``Reclassifier/run()`` to re-tag what is stored.
    public func importTaxonomy(_ taxonomy: Taxonomy, at date: Date = Date()) throws {
        try writer.write { db in
            let json = String(decoding: taxonomy.jsonData(), as: UTF8.self)
            try db.execute(sql: """
                INSERT INTO taxonomy (id, json, updated_at) VALUES (1, ?, ?)
                ON CONFLICT (id) DO UPDATE SET json = excluded.json, updated_at = excluded.updated_at
                """, arguments: [json, Timestamp.iso(date)])
            try Self.syncTags(taxonomy, in: db)
            try Self.recordTagsDigest(of: taxonomy, in: db)
        }
    }

    /// Makes sure the topic and entity tables reflect the taxonomy in use (after a first
    /// open, or an upgrade that changed the built-in taxonomy). Writes only when needed,
    /// so opening an archive does not wait for a running ingest. Returns whether it wrote.
    @discardableResult
    func syncTagsIfNeeded() throws -> Bool {
        guard try tagsAreStale() else { return false }
        try writer.write { db in
            let taxonomy = try Self.taxonomy(in: db)
            try Self.syncTags(taxonomy, in: db)
            try Self.recordTagsDigest(of: taxonomy, in: db)
        }
        return true
    }

    /// Whether the topic and entity tables were written for another taxonomy than the one
    /// in use (an upgrade changed the built-in one).
    func tagsAreStale() throws -> Bool {
        // The digest of the taxonomy's text, not of the taxonomy parsed: both are its
        // canonical form (`jsonData()`), and parsing it is most of what opening an archive costs.
        try writer.read { db in
            let digest = Digest.sha256Hex(Array(try Self.taxonomyText(in: db).utf8))
            return try String.fetchOne(db, sql: "SELECT value FROM settings WHERE key = 'tags_sha256'") != digest
        }
    }

    static func recordTagsDigest(of taxonomy: Taxonomy, in db: Database) throws {
        try db.execute(sql: """
            INSERT INTO settings (key, value) VALUES ('tags_sha256', ?)
            ON CONFLICT (key) DO UPDATE SET value = excluded.value
            """, arguments: [Digest.sha256Hex(taxonomy.jsonData())])
    }
}
