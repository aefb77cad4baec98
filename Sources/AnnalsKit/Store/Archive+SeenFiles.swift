import Foundation
import GRDB

extension Archive {
    // MARK: - Files already ingested

    /// The files recorded as ingested at `root` (an absolute path) or below it: path →
    /// (size, modification time). A run reads only those of its inputs, not every file the
    /// archive has seen (a million paths would be ~100 MB of memory).
    func seenFiles(under root: String) throws -> [String: (size: Int, modified: Double)] {
        try writer.read { db in
            var seen: [String: (size: Int, modified: Double)] = [:]
            // `root` itself, and every path below it: from `root/` up to (not including) `root0`.
            let rows = root == "/"
                ? try Row.fetchCursor(db, sql: "SELECT path, size, modified FROM seen_files")
                : try Row.fetchCursor(
                    db, sql: "SELECT path, size, modified FROM seen_files WHERE path = ?1 OR (path >= ?1 || '/' AND path < ?1 || '0')",
                    arguments: [root])
            while let row = try rows.next() {
                seen[row[0]] = (row[1], row[2])
            }
            return seen
        }
    }

    /// Records `files` as ingested as they are now.
    func markSeen(_ files: [InputFile], at date: Date = Date()) throws {
        guard !files.isEmpty else { return }
        let now = Timestamp.iso(date)
        try writeKeepingStoreCaches { db in
            let statement = try db.cachedStatement(sql: """
                INSERT INTO seen_files (path, size, modified, seen_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (path) DO UPDATE SET size = excluded.size, modified = excluded.modified, seen_at = excluded.seen_at
                """)
            for file in files {
                try statement.execute(arguments: [file.key, file.size, file.modified, now])
            }
        }
    }
}
