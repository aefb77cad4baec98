import GRDB
import Testing

@testable import AnnalsKit

/// What the full-text index holds is defined once, by the view `search_documents`; the
/// queries read keys back through ``SearchKey``. These tests hold the two together, and
/// the triggers that keep the index in step with the rows.
@Suite struct SearchKeyTests {
    /// The index's rows, as (key, kind, title, body), in key order.
    func indexed(_ archive: Archive) throws -> [[String]] {
        try archive.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT rowid, kind, title, body FROM search_index ORDER BY rowid").map {
                [String($0["rowid"] as Int64), $0["kind"], $0["title"], $0["body"]]
            }
        }
    }

    @Test func everyKeyReadsBackToTheRowTheViewMadeItFor() throws {
        let archive = try Archive.inMemory()
        _ = try ArchiveTests.store(archive, [ArchiveTests.document(ArchiveTests.sample(), bytes: "v1")])
        let rows = try archive.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT rowid, kind, row_id FROM search_documents ORDER BY rowid")
        }
        // 1 article, 2 takeaways, 1 implication, 2 timeline entries: every kind has rows.
        let kinds = Dictionary(grouping: rows, by: { $0["kind"] as String }).mapValues(\.count)
        #expect(kinds == ["article": 1, "takeaway": 2, "implication": 1, "timeline": 2])
        for row in rows {
            let key: Int64 = row["rowid"]
            let kind = SearchKey(key: key)
            #expect(kind.name == row["kind"] as String)
            #expect(SearchKey.rowID(ofKey: key) == row["row_id"] as Int64)
            // The SQL forms agree with the Swift ones, and the row is in the kind's table.
            let read = try archive.writer.read { db in
                try Row.fetchOne(db, sql: """
                    SELECT \(SearchKey.rowID(of: "?1")) AS id, \(SearchKey.code(of: "?1")) AS code,
                        \(kind.key(of: SearchKey.rowID(of: "?1"))) AS key, \(kind.holds(for: "?1")) AS holds,
                        EXISTS (SELECT 1 FROM \(kind.table) WHERE id = \(SearchKey.rowID(of: "?1"))) AS present
                    """, arguments: [key])!
            }
            #expect(read["id"] as Int64 == row["row_id"] as Int64)
            #expect(read["code"] as Int == kind.rawValue)
            #expect(read["key"] as Int64 == key)
            #expect(read["holds"] as Bool)
            #expect(read["present"] as Bool)
        }
        // The index holds exactly what the view says.
        let view = try archive.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT rowid, kind, title, body FROM search_documents ORDER BY rowid").map {
                [String($0["rowid"] as Int64), $0["kind"], $0["title"], $0["body"]]
            }
        }
        #expect(try indexed(archive) == view)
        #expect(view.count == 6)
        #expect(try archive.check().isEmpty)
    }

    /// Keying a write transaction's new timeline lines reads them by id: the plan SQLite
    /// chose by itself walked an index of every line in the archive, at every transaction.
    @Test func keyingNewLinesReadsOnlyTheNewLines() throws {
        let archive = try Archive.inMemory()
        _ = try ArchiveTests.store(archive, [ArchiveTests.document(ArchiveTests.sample(), bytes: "v1")])
        let plan = try archive.writer.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + Archive.SearchIndexMarks.keyNewLinesSQL, arguments: [0])
                .map { $0["detail"] as String }
        }
        #expect(plan.contains("SEARCH t USING INTEGER PRIMARY KEY (rowid>?)"), "\(plan)")
        #expect(!plan.contains { $0.hasPrefix("SCAN t") }, "\(plan)")
    }

    @Test func updatesAndDeletesKeepTheIndexInStepWithTheView() throws {
        let archive = try Archive.inMemory()
        let outcome = try ArchiveTests.store(archive, [ArchiveTests.document(ArchiveTests.sample(), bytes: "v1")])
        let article = try #require(outcome.first?.articleIDs.first)
        try archive.writer.write { db in
            try db.execute(sql: "UPDATE articles SET summary = 'A new summary about gallium.' WHERE id = ?", arguments: [article])
            try db.execute(sql: "DELETE FROM takeaways WHERE article_id = ? AND position = 1", arguments: [article])
        }
        let rows = try indexed(archive)
        #expect(rows.count == 5)
        let articleRow = try #require(rows.first { $0[1] == "article" })
        #expect(articleRow[0] == String(article * 4))
        #expect(articleRow[3].hasPrefix("A new summary about gallium.\n"))
        #expect(try archive.check().isEmpty)
        // A row missing from the index, and one whose row is gone, are both reported.
        try archive.writer.write { db in
            try db.execute(sql: "DELETE FROM search_index WHERE rowid = ?", arguments: [article * 4])
            try db.execute(sql: "INSERT INTO search_index (rowid, kind, title, body) VALUES (999 * 4 + 1, 'takeaway', '', 'x')")
        }
        let problems = try archive.check()
        #expect(problems.contains { $0.contains("rows missing from the full-text index") })
        #expect(problems.contains { $0.contains("full-text rows whose source row is gone") })
    }
}
