import CSQLiteTuning
import Foundation
import GRDB

/// The Annals archive: one SQLite file (WAL, foreign keys, STRICT tables) holding
/// every document received and everything parsed from it.
///
/// `Archive` owns the database connection and migrates the schema when opened.
/// It is `Sendable`: share one instance; writes are serialized, reads run beside them.
public final class Archive: Sendable {
    /// The GRDB writer: a `DatabasePool` for files, a `DatabaseQueue` in memory. Not
    /// public: every read and write goes through the archive's own methods, which keep its
    /// invariants (one transaction per batch, the search index, the event tables); raw
    /// reads are ``readOnlyQuery(_:header:row:)``'s, and the tests reach it with `@testable import`.
    let writer: any DatabaseWriter
    /// The file path, or `:memory:`.
    public let path: String
    /// How long a query may run, and the switch that stops them all (Ctrl-C).
    public let queryLimits: QueryLimits
    /// What the store keeps from one write transaction to the next (merge candidates).
    let storeCaches = StoreCaches()
    /// Whether this process may write the archive (``Access``).
    public let access: Access

    /// How a process uses the archive file.
    public enum Access: Sendable, Equatable {
        /// Reads and writes; opening creates the file and its folder if needed, brings an
        /// older archive up to this version and empties the write-ahead log after an upgrade.
        case readWrite
        /// Reads only, for a person who may read an archive that another account (the cron
        /// job's) writes: the file must exist, nothing is written to it, and every write throws
        /// ``ArchiveError/database(reason:unusable:)``. An archive that needs an upgrade, or
        /// tags for this version's taxonomy, is refused (``ArchiveError/needsUpgrade(path:pending:)``), as is
        /// an empty file, or one being created by another process (``ArchiveError/notSetUp(path:)``).
        /// SQLite still needs the `-wal` and `-shm` files beside it, or a folder it may create
        /// them in: a writer leaves them there while the archive is in use.
        case readOnly
    }

    /// Opens the archive at `path`: with ``Access/readWrite`` (the default), creating it and
    /// its folder if needed, and migrating it.
    ///
    /// `willUpgrade`, when given, is told the migrations an existing archive is about to
    /// be brought through (their identifiers, such as `0009_event_wordings_index`) before
    /// they run: one that builds an index reads the whole archive once, a minute or more at
    /// a million cards, and a person waiting should know why. It is not called for a new
    /// archive or one already up to date.
    public convenience init(
        path: String, access: Access = .readWrite, willUpgrade: ((_ pending: [String]) -> Void)? = nil
    ) throws {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        switch access {
        case .readWrite:
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            } catch {
                throw ArchiveError.cannotOpen(path: path, reason: "cannot create the folder \(folder.path)")
            }
            if FileManager.default.fileExists(atPath: path), !FileManager.default.isWritableFile(atPath: path) {
                throw ArchiveError.cannotOpen(path: path, reason: "this account cannot write it (it can be opened read-only)")
            }
        case .readOnly:
            guard FileManager.default.fileExists(atPath: path) else {
                throw ArchiveError.cannotOpen(path: path, reason: "no such file (opened read-only, it is not created)")
            }
        }
        let limits = QueryLimits()
        var configuration = Archive.configuration(limits: limits)
        configuration.readonly = access == .readOnly
        let pool: DatabasePool
        var attempt = 0
        while true {
            do {
                pool = try DatabasePool(path: path, configuration: configuration)
                break
            } catch let error as DatabaseError {
                // A new file is switched to WAL mode when first opened. When several processes
                // do it at once, SQLite answers SQLITE_BUSY at once to all but one, without
                // waiting (two connections upgrading their locks would deadlock). It lasts
                // milliseconds: try again, for up to 5 seconds.
                attempt += 1
                if error.resultCode == .SQLITE_BUSY && attempt < 100 {
                    usleep(50_000)
                    continue
                }
                throw ArchiveError.cannotOpen(path: path, reason: error.message ?? "\(error.resultCode)")
            }
        }
        try self.init(writer: pool, path: path, limits: limits, access: access, willUpgrade: willUpgrade)
    }

    /// An empty archive in memory, for tests and previews.
    public static func inMemory() throws -> Archive {
        let limits = QueryLimits()
        return try Archive(writer: DatabaseQueue(configuration: configuration(limits: limits)), path: ":memory:", limits: limits)
    }

    init(
        writer: any DatabaseWriter, path: String, limits: QueryLimits, access: Access = .readWrite,
        willUpgrade: (([String]) -> Void)? = nil
    ) throws {
        self.writer = writer
        self.path = path
        self.queryLimits = limits
        self.access = access
        guard access == .readWrite else {
            // Nothing is written: an archive this version cannot read as it is, is refused.
            _ = try pendingMigrations()
            if try tagsAreStale() { throw ArchiveError.needsUpgrade(path: path, pending: [Self.staleTags]) }
            return
        }
        let migrated = try migrate(willUpgrade: willUpgrade)
        let retagged = try syncTagsIfNeeded()
        // What they wrote (0009: a gigabyte at a million cards) is not left in the log for
        // every later process to read back when it opens the archive, as after an ingest.
        if migrated || retagged { settleAfterWrites() }
    }

    /// Settings SQLite takes once per process, before its first use.
    private static let processSettings: Void = {
        _ = annals_sqlite_disable_memory_statistics()
    }()

    /// How long a connection waits for another's lock before it fails, in seconds.
    static let busyTimeout: TimeInterval = 60

    /// The connections' settings; read-only ones answer to `limits`.
    static func configuration(limits: QueryLimits) -> Configuration {
        _ = processSettings
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        // Cron and analysts share the file: wait for a writer rather than fail.
        configuration.busyMode = .timeout(busyTimeout)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            // The writer's statement and savepoint journals stay in memory; a reader's sort
            // (the events of a large export) may spill to a temporary file, as sqlite3's does.
            if !db.configuration.readonly { try db.execute(sql: "PRAGMA temp_store = MEMORY") }
            limits.prepare(db)
        }
        return configuration
    }

    /// The last migration run as GRDB runs them by default: foreign keys off while it runs
    /// (as rebuilding a table needs: 0006, 0007), then `PRAGMA foreign_key_check` over the
    /// whole archive before it commits, a read of every table with a foreign key (5.6 s at
    /// 50,000 cards, a 15 GB file at a million) for each migration applied. The later ones
    /// keep foreign keys on as they go: one that broke a reference would fail at once, and
    /// one that must rebuild a table has to be registered as these are.
    static let lastMigrationCheckingForeignKeysAtEnd = "0011_event_search_merging"

    /// The migrations embedded from `migrations/*.sql`, in order.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for migration in embeddedMigrations {
            let checks: DatabaseMigrator.ForeignKeyChecks =
                migration.identifier <= lastMigrationCheckingForeignKeysAtEnd ? .deferred : .immediate
            migrator.registerMigration(migration.identifier, foreignKeyChecks: checks) { db in
                var sql = migration.sql
                // A migration that edits table definitions in place (0007) must then raise the
                // schema version, to a number this one cannot know: the current one plus one.
                if sql.contains(":next_schema_version") {
                    let version = try Int.fetchOne(db, sql: "PRAGMA schema_version") ?? 0
                    sql = sql.replacingOccurrences(of: ":next_schema_version", with: String(version + 1))
                }
                try db.execute(sql: sql)
            }
        }
        return migrator
    }

    /// What ``ArchiveError/needsUpgrade(path:pending:)`` names when the topic and entity
    /// tables were written for another taxonomy (an upgrade changed the built-in one).
    static let staleTags = "the tags of this version's taxonomy"

    /// The identifiers of the embedded migrations, in order.
    public static var migrationIdentifiers: [String] { embeddedMigrations.map(\.identifier) }

    /// The migrations the archive lacks, in order, and those it has; throws
    /// ``ArchiveError/newerSchema(path:unknown:)`` when it has one this version does not know,
    /// and, opened read-only, ``ArchiveError/notSetUp(path:)`` or ``ArchiveError/needsUpgrade(path:pending:)``
    /// when it lacks all or some.
    private func pendingMigrations() throws -> (pending: [String], applied: Set<String>) {
        let known = Set(Archive.migrationIdentifiers)
        let applied = try writer.read { db in try Archive.migrator.appliedIdentifiers(db) }
        let unknown = applied.subtracting(known)
        guard unknown.isEmpty else {
            throw ArchiveError.newerSchema(path: path, unknown: unknown.sorted())
        }
        let pending = Archive.migrationIdentifiers.filter { !applied.contains($0) }
        if access == .readOnly, !pending.isEmpty {
            guard !applied.isEmpty else { throw ArchiveError.notSetUp(path: path) }
            throw ArchiveError.needsUpgrade(path: path, pending: pending)
        }
        return (pending, applied)
    }

    /// Applies the migrations the archive lacks; whether any ran.
    private func migrate(willUpgrade: (([String]) -> Void)?) throws -> Bool {
        let migrator = Archive.migrator
        let known = Set(Archive.migrationIdentifiers)
        let (pending, applied) = try pendingMigrations()
        guard !pending.isEmpty else { return false }
        if !applied.isEmpty { willUpgrade?(pending) }
        // A migration that builds an index sorts a whole table (0009: the timeline's text, a
        // gigabyte at a million cards): its sort spills to a temporary file, not to memory as
        // the writer's journals do (840 MB of memory at a million cards).
        try writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA temp_store = FILE") }
        defer { try? writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA temp_store = MEMORY") } }
        // Two processes can open a new (or older) archive at once: two cron runs, or a run and
        // an analyst. GRDB applies each migration in its own transaction after reading which
        // are applied, so the slower process may try a migration the other has just committed
        // ("table documents already exists"). When that happens the other process made
        // progress: read again and apply what is still missing.
        var before = applied
        for attempt in 1...(known.count + 2) {
            do {
                try migrator.migrate(writer)
                return true
            } catch let error as DatabaseError {
                let now = (try? writer.read { db in try migrator.appliedIdentifiers(db) }) ?? before
                guard now.count > before.count, attempt <= known.count + 1 else {
                    throw ArchiveError.cannotOpen(path: path, reason: error.message ?? "\(error.resultCode)")
                }
                before = now
            }
        }
        // Not reached: the last attempt returns or throws.
        throw ArchiveError.cannotOpen(path: path, reason: "the migrations did not complete")
    }
}

extension Archive {
    // MARK: - Packed columns

    /// `text` cut at each `separator`. The unit and record separators (control characters,
    /// which never join the next character into one) are found by their UTF-8 byte, the
    /// cheap way; other separators as characters.
    static func split(_ text: String?, by separator: Unicode.Scalar = "\u{1F}") -> [String] {
        guard let text, !text.isEmpty else { return [] }
        guard separator.value < 0x20 else {
            return text.split(separator: Character(separator), omittingEmptySubsequences: false).map(String.init)
        }
        return text.utf8.split(separator: UInt8(separator.value), omittingEmptySubsequences: false).map { String(Substring($0)) }
    }
}
