import Foundation
import GRDB

extension Archive {
    // MARK: - Files already ingested

    /// The files recorded as ingested directly in `folder` (an absolute path, as the walk
    /// of the inputs makes it; not in its subfolders): path → (size, modification time). A
    /// run holds those of the folders it is walking, not every file below its inputs: a
    /// drop folder of a million files kept in place would be ~100 MB of memory.
    func seenFiles(in folder: String) throws -> [String: (size: Int, modified: Double)] {
        // Every path from `folder/` up to (not including) `folder0`, without another `/`.
        let prefix = folder + "/"
        return try writer.read { db in
            var seen: [String: (size: Int, modified: Double)] = [:]
            let rows = try Row.fetchCursor(
                db, sql: """
                    SELECT path, size, modified FROM seen_files
                    WHERE path > ?1 AND path < ?2 AND instr(substr(path, length(?1) + 1), '/') = 0
                    """,
                arguments: [prefix, folder + "0"])
            while let row = try rows.next() {
                seen[row[0]] = (row[1], row[2])
            }
            return seen
        }
    }

    /// How the file `path` (absolute) was when it was last recorded as ingested, if it was.
    func seenFile(at path: String) throws -> (size: Int, modified: Double)? {
        try writer.read { db in
            try Row.fetchOne(db, sql: "SELECT size, modified FROM seen_files WHERE path = ?", arguments: [path]).map { ($0[0], $0[1]) }
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
