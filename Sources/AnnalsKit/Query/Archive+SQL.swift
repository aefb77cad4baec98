import Foundation
import GRDB
import GRDBSQLite

extension Archive {
    // MARK: - Read-only SQL

    /// Runs one read-only SQL statement and streams its rows to `body`, each value typed as
    /// SQLite gives it (``SQLRow/Value``), after calling `header` with the column names.
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
        _ sql: String, header: ([String]) throws -> Void, row body: (SQLRow) throws -> Void
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
            let columns = statement.columnNames
            try header(columns)
            do {
                let rows = try Row.fetchCursor(statement)
                while let row = try rows.next() {
                    try body(SQLRow(columns: columns, values: (0..<row.count).map { SQLRow.Value(row[$0] as DatabaseValue) }))
                }
            } catch let error as DatabaseError {
                throw QueryError(interrupted: error, limits: limits) ?? .sqlFailed(error.message ?? "\(error.resultCode)")
            }
        }
    }
}

/// One row of a read-only SQL statement (``Archive/readOnlyQuery(_:header:row:)``): its
/// column names and its values as SQLite stored them, so that a number stays a number in
/// JSON and CSV.
public struct SQLRow: Sendable, Hashable {
    /// A value, by SQLite's storage class.
    public enum Value: Sendable, Hashable {
        /// SQL `NULL`.
        case null
        /// An `INTEGER`: a signed 64-bit integer.
        case integer(Int64)
        /// A `REAL`: a 64-bit floating-point number.
        case real(Double)
        /// A `TEXT`, as UTF-8.
        case text(String)
        /// A `BLOB`: its bytes (e.g. `documents.bytes`).
        case blob([UInt8])

        init(_ value: DatabaseValue) {
            switch value.storage {
            case .null: self = .null
            case .int64(let int): self = .integer(int)
            case .double(let double): self = .real(double)
            case .string(let string): self = .text(string)
            case .blob(let data): self = .blob(Array(data))
            }
        }

        /// The value as text: a number in decimal, a blob as its size (`<3 bytes>`), NULL as nil.
        public var text: String? {
            switch self {
            case .null: nil
            case .integer(let int): String(int)
            case .real(let double): String(double)
            case .text(let string): string
            case .blob(let bytes): "<\(bytes.count) bytes>"
            }
        }
    }

    /// The statement's column names, in order (shared by every row of one statement).
    public var columns: [String]
    /// The row's values, one per column, in the order of `columns`.
    public var values: [Value]

    /// A row with these column names and values.
    public init(columns: [String], values: [Value]) {
        self.columns = columns
        self.values = values
    }

    /// The value of column `index` as text (``Value/text``).
    public subscript(_ index: Int) -> String? { values[index].text }
}
