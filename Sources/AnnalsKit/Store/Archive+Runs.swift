import Foundation
import GRDB

/// One recorded ingest run.
public struct IngestRun: Sendable, Hashable {
    /// The run's row id in `ingest_runs`, increasing with each run.
    public var id: Int64
    /// When the run started, UTC, `YYYY-MM-DDTHH:MM:SSZ`.
    public var startedAt: String
    /// When the run recorded its end, UTC, `YYYY-MM-DDTHH:MM:SSZ`; nil while running, or when it was killed.
    public var finishedAt: String?
    /// `running`, `ok`, `rejected` (some input rejected) or `failed` (with no `finishedAt`
    /// when the process was killed before it could record its end).
    public var status: String
    /// The host name of the machine the run ran on.
    public var host: String
    /// The id of the process that ran it.
    public var pid: Int
    /// The paths the run was given, joined with spaces (`-` for standard input).
    public var inputs: String
    /// Documents read: files, and lines of NDJSON feeds (``IngestReport/documents``); 0 until it ends, or if it failed.
    public var documents: Int
    /// Articles stored for the first time (``IngestReport/new``); 0 until it ends, or if it failed.
    public var new: Int
    /// Stored articles that a new version changed (``IngestReport/updated``); 0 until it ends, or if it failed.
    public var updated: Int
    /// Articles carried again with the same content (``IngestReport/unchanged``); 0 until it ends, or if it failed.
    public var unchanged: Int
    /// Inputs rejected (the count of ``IngestReport/rejects``); 0 until it ends, or if it failed.
    public var rejected: Int
}

extension Archive {
    // MARK: - Ingest runs

    /// Records the start of a run and returns its id.
    ///
    /// The caller holds the ingest lock, so no other run can still be going: a run still
    /// marked `running` was killed (`kill -9`, a crash, a power cut) before it could record
    /// its end. It is marked `failed`, with no finish time, so `annals runs` tells the truth.
    func beginRun(inputs: [String], at date: Date = Date()) throws -> Int64 {
        try writer.write { db in
            try db.execute(sql: "UPDATE ingest_runs SET status = 'failed' WHERE status = 'running'")
            try db.execute(
                sql: "INSERT INTO ingest_runs (started_at, status, host, pid, inputs) VALUES (?, 'running', ?, ?, ?)",
                arguments: [Timestamp.iso(date), ProcessInfo.processInfo.hostName, Int(getpid()), inputs.joined(separator: " ")])
            return db.lastInsertedRowID
        }
    }

    /// Records the end of run `id`; `report` nil means the run failed.
    func finishRun(_ id: Int64, report: IngestReport?, at date: Date = Date()) throws {
        let status = report.map { $0.rejects.isEmpty ? "ok" : "rejected" } ?? "failed"
        try writer.write { db in
            try db.execute(
                sql: """
                    UPDATE ingest_runs SET finished_at = ?, status = ?, documents = ?, new = ?, updated = ?,
                        unchanged = ?, rejected = ? WHERE id = ?
                    """,
                arguments: [
                    Timestamp.iso(date), status, report?.documents ?? 0, report?.new ?? 0, report?.updated ?? 0,
                    report?.unchanged ?? 0, report?.rejects.count ?? 0, id,
                ])
        }
    }

    /// The most recent runs first.
    public func runs(limit: Int = 50) throws -> [IngestRun] {
        try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM ingest_runs ORDER BY id DESC LIMIT ?", arguments: [limit]).map { row in
                IngestRun(
                    id: row["id"], startedAt: row["started_at"], finishedAt: row["finished_at"], status: row["status"],
                    host: row["host"], pid: row["pid"], inputs: row["inputs"], documents: row["documents"],
                    new: row["new"], updated: row["updated"], unchanged: row["unchanged"], rejected: row["rejected"])
            }
        }
    }
}
