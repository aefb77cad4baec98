import Foundation
import GRDB

/// The Annals archive: one SQLite file (WAL, foreign keys, STRICT tables) holding
/// every document received and everything parsed from it.
///
/// `Archive` owns the database connection and migrates the schema when opened.
/// It is `Sendable`: share one instance; writes are serialized, reads run beside them.
public final class Archive: Sendable {
    /// The GRDB writer: a `DatabasePool` for files, a `DatabaseQueue` in memory.
    public let writer: any DatabaseWriter
    /// The file path, or `:memory:`.
    public let path: String

    /// Opens (creating it and its folder if needed) and migrates the archive at `path`.
    public convenience init(path: String) throws {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw ArchiveError.cannotOpen(path: path, reason: "cannot create the folder \(folder.path)")
        }
        let pool: DatabasePool
        do {
            pool = try DatabasePool(path: path, configuration: Archive.configuration())
        } catch let error as DatabaseError {
            throw ArchiveError.cannotOpen(path: path, reason: error.message ?? "\(error.resultCode)")
        }
        try self.init(writer: pool, path: path)
    }

    /// An empty archive in memory, for tests and previews.
    public static func inMemory() throws -> Archive {
        try Archive(writer: DatabaseQueue(configuration: configuration()), path: ":memory:")
    }

    init(writer: any DatabaseWriter, path: String) throws {
        self.writer = writer
        self.path = path
        try migrate()
        try syncTagsIfNeeded()
    }

    static func configuration() -> Configuration {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        // Cron and analysts share the file: wait for a writer rather than fail.
        configuration.busyMode = .timeout(60)
        configuration.prepareDatabase { db in
            // Savepoint journals (one per document) stay in memory instead of a temporary file.
            try db.execute(sql: "PRAGMA synchronous = NORMAL; PRAGMA temp_store = MEMORY")
        }
        return configuration
    }

    /// The migrations embedded from `migrations/*.sql`, in order.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for migration in embeddedMigrations {
            migrator.registerMigration(migration.identifier) { db in
                try db.execute(sql: migration.sql)
            }
        }
        return migrator
    }

    /// The identifiers of the embedded migrations, in order.
    public static var migrationIdentifiers: [String] { embeddedMigrations.map(\.identifier) }

    private func migrate() throws {
        let migrator = Archive.migrator
        let known = Set(Archive.migrationIdentifiers)
        let applied = try writer.read { db in try migrator.appliedIdentifiers(db) }
        let unknown = applied.subtracting(known)
        guard unknown.isEmpty else {
            throw ArchiveError.newerSchema(path: path, unknown: unknown.sorted())
        }
        do {
            try migrator.migrate(writer)
        } catch let error as DatabaseError {
            throw ArchiveError.cannotOpen(path: path, reason: error.message ?? "\(error.resultCode)")
        }
    }
}
