import Foundation
import GRDB
import GRDBSQLite

extension Archive {
    // MARK: - Read-only SQL

    /// Runs one read-only SQL statement and streams its rows to `body` as text cells
    /// (NULL as nil), after calling `header` with the column names.
    ///
    /// Read-only by construction: a separate connection opened read-only, with
    /// `PRAGMA query_only`, ATTACH disabled (its limit set to 0) and extension loading
    /// off; a statement that would write is refused before it runs.
    ///
    /// Rows are handed over as SQLite produces them, never collected, so a result larger
    /// than memory streams. The statement answers to ``queryLimits``: past its timeout it
    /// throws ``QueryError/timedOut(seconds:)``, after ``QueryLimits/cancel()``
    /// ``QueryError/interrupted``.
    public func readOnlyQuery(
        _ sql: String, header: ([String]) throws -> Void, row body: ([String?]) throws -> Void
    ) throws {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            sqlite3_limit(db.sqliteConnection, SQLITE_LIMIT_ATTACHED, 0)
            try db.execute(sql: "PRAGMA query_only = ON")
        }
        let limits = queryLimits
        configuration.prepareDatabase { db in limits.prepare(db) }
        let queue: DatabaseQueue
        if isInMemory {
            throw QueryError.sqlFailed("read-only SQL needs an archive file")
        }
        queue = try DatabaseQueue(path: path, configuration: configuration)
        try queue.read { db in
            let statement: Statement
            do {
                statement = try db.makeStatement(sql: sql)
            } catch let error as DatabaseError {
                if error.message?.hasPrefix("Multiple statements") == true {
                    throw QueryError.notReadOnly("give one statement at a time")
                }
                throw QueryError.sqlFailed(error.message ?? "\(error.resultCode)")
            }
            guard statement.isReadonly else {
                throw QueryError.notReadOnly("this statement would change the archive; only SELECT, WITH and read-only PRAGMAs run")
            }
            if sql.range(of: #"^\s*(ATTACH|DETACH)\b"#, options: [.regularExpression, .caseInsensitive]) != nil {
                throw QueryError.notReadOnly("ATTACH and DETACH are not allowed")
            }
            try header(statement.columnNames)
            do {
                let rows = try Row.fetchCursor(statement)
                while let row = try rows.next() {
                    try body((0..<row.count).map { index in
                        let value = row[index] as DatabaseValue
                        switch value.storage {
                        case .null: return nil
                        case .int64(let int): return String(int)
                        case .double(let double): return String(double)
                        case .string(let string): return string
                        case .blob(let data): return "<\(data.count) bytes>"
                        }
                    })
                }
            } catch let error as DatabaseError {
                throw QueryError(interrupted: error, limits: limits) ?? .sqlFailed(error.message ?? "\(error.resultCode)")
            }
        }
    }
}
