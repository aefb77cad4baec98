import Foundation
import GRDB
import Testing

@testable import AnnalsKit

/// Every read-only connection answers to the archive's time limit and to `cancel()`.
@Suite struct QueryLimitsTests {
    static let endless = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c) SELECT count(*) FROM c"

    let archive: Archive

    init() throws {
        archive = try Archive(path: try Fixtures.scratchFolder().appending(path: "annals.sqlite").path)
    }

    func sql(_ query: String, eachRow: () -> Void = {}) throws -> Int {
        var rows = 0
        try archive.readOnlyQuery(query, header: { _ in }, row: { _ in rows += 1; eachRow() })
        return rows
    }

    @Test func aRunawayStatementIsStoppedAtTheLimit() throws {
        archive.queryLimits.timeout = 0.5
        let start = Date()
        #expect(throws: QueryError.timedOut(seconds: 0.5)) { try sql(Self.endless) }
        #expect(Date().timeIntervalSince(start) < 5)
        #expect(QueryError.timedOut(seconds: 0.5).localizedDescription.contains("--timeout"))
    }

    @Test func theArchivesOwnReadsAreLimitedToo() throws {
        archive.queryLimits.timeout = 0.5
        do {
            _ = try archive.writer.read { db in try Int.fetchOne(db, sql: Self.endless) }
            Issue.record("the endless read ended")
        } catch {
            #expect(QueryError(interrupted: error, limits: archive.queryLimits) == .timedOut(seconds: 0.5))
        }
        // The next read works: a limit stops one statement, not the connection.
        #expect(try archive.writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM articles") } == 0)
    }

    @Test func cancellingStopsARunningQuery() throws {
        let limits = archive.queryLimits
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.3) { limits.cancel() }
        #expect(throws: QueryError.interrupted) { try sql(Self.endless) }
        #expect(limits.isCancelled)
    }

    @Test func timeSpentOutsideSQLiteDoesNotCount() throws {
        // A slow reader of the rows (a pager, a slow pipe) is not a slow query.
        archive.queryLimits.timeout = 0.2
        let rows = try sql("SELECT value FROM json_each('[1,2,3,4]')", eachRow: { Thread.sleep(forTimeInterval: 0.15) })
        #expect(rows == 4)
    }

    @Test func thereIsNoLimitUnlessOneIsSet() throws {
        #expect(archive.queryLimits.timeout == nil)
        archive.queryLimits.timeout = 0
        #expect(archive.queryLimits.timeout == nil)
        let count = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c WHERE x < 200000) SELECT count(*) FROM c"
        #expect(try sql(count) == 1)
    }
}
