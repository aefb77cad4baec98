import GRDB
import Testing

@testable import AnnalsKit

/// What the full-text index holds is defined once, by the view `search_documents`; the
/// queries read keys back through ``SearchKey``. These tests hold the two together, and
/// the store and the triggers that keep the index in step with the rows.
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

    /// Segments in each full-text index: each has its rows in the index's `_idx` table.
    func segments(_ archive: Archive) throws -> [String: Int] {
        try archive.writer.read { db in
            try Dictionary(uniqueKeysWithValues: ["search_index", "event_search"].map {
                ($0, try Int.fetchOne(db, sql: "SELECT count(DISTINCT segid) FROM \($0)_idx")!)
            })
        }
    }

    /// Hits of `query` in `index`.
    func hits(_ archive: Archive, _ index: String, _ query: String) throws -> Int {
        try archive.writer.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM \(index) WHERE \(index) MATCH ?", arguments: [query])! }
    }

    /// A write transaction adds one segment to each full-text index for its new rows, and
    /// one more for the rows it deleted or updated, however many (migration 0012): FTS5
    /// writes out what it holds at every savepoint of a statement that changes many rows,
    /// and whenever a row comes in below the last one, so deletes made by each statement's
    /// triggers cost every updated article three or four small segments, and new lines
    /// indexed in id order rather than key order up to one each.
    @Test func aBatchAddsOneSegmentToEachIndexAndOneForItsUpdates() throws {
        let archive = try Archive.inMemory()
        try archive.writer.write { db in
            for index in ["search_index", "event_search"] {
                // Every segment written stays one, so that they can be counted.
                try db.execute(sql: "INSERT INTO \(index) (\(index), rank) VALUES ('automerge', 0)")
                try db.execute(sql: "INSERT INTO \(index) (\(index), rank) VALUES ('crisismerge', 1000)")
            }
        }
        let count = 12
        func version(_ word: String, of number: Int) -> PreparedDocument {
            var article = ArchiveTests.sample(
                title: "Article \(number) on chips", takeaways: ["The \(word) takeaway of \(number).", "Two."])
            article.summary = "The \(word) summary."
            article.timeline[0].text = "Commerce \(word) rule number \(number) on advanced AI chips."
            return ArchiveTests.document(article, bytes: "\(word) \(number)", origin: "\(word)-\(number).txt")
        }
        #expect(try segments(archive) == ["search_index": 0, "event_search": 0])
        // Each article's two lines: one dated, keyed near the start, one undated, at the end.
        _ = try ArchiveTests.store(archive, (1...count).map { version("earlier", of: $0) })
        let before = try segments(archive)
        #expect(before == ["search_index": 1, "event_search": 1])
        #expect(try hits(archive, "search_index", "earlier") == 3 * count)
        #expect(try hits(archive, "event_search", "earlier") == count)

        let outcomes = try ArchiveTests.store(archive, (1...count).map { version("later", of: $0) })
        #expect(outcomes.flatMap(\.articleIDs).count == count)
        let after = try segments(archive)
        #expect(after == ["search_index": 3, "event_search": 3])
        #expect(try hits(archive, "search_index", "earlier") == 0)
        #expect(try hits(archive, "event_search", "earlier") == 0)
        #expect(try hits(archive, "search_index", "later") == 3 * count)
        #expect(try hits(archive, "event_search", "later") == count)
        #expect(try archive.check().isEmpty)
    }

    /// Indexing a transaction's new rows and updated articles reads them by id: a compound
    /// view looked up by a list of keys is read whole, every table of it.
    @Test func indexingNewRowsReadsOnlyThoseRows() throws {
        let archive = try Archive.inMemory()
        _ = try ArchiveTests.store(archive, [ArchiveTests.document(ArchiveTests.sample(), bytes: "v1")])
        let plan = try archive.writer.read { db in
            try Row.fetchAll(
                db, sql: "EXPLAIN QUERY PLAN " + Archive.SearchIndexMarks.indexNewDocumentsSQL,
                arguments: StatementArguments(Array(repeating: 0, count: 2 * SearchKey.allCases.count + 1))
            ).map { $0["detail"] as String }
        }
        for table in SearchKey.allCases.map(\.table) {
            #expect(plan.contains("SEARCH \(table) USING INTEGER PRIMARY KEY (rowid>?)"), "\(plan)")
            #expect(!plan.contains("SCAN \(table)"), "\(plan)")
        }
        #expect(plan.contains("SEARCH articles USING INTEGER PRIMARY KEY (rowid=?)"), "\(plan)")
    }

    /// The triggers note what an update or a delete makes stale (migration 0012); the
    /// index changes when the stale rows are applied, as the store does at the end of each
    /// write transaction, and `annals check` reports stale rows left unapplied.
    @Test func updatesAndDeletesKeepTheIndexInStepWithTheView() throws {
        let archive = try Archive.inMemory()
        let outcome = try ArchiveTests.store(archive, [ArchiveTests.document(ArchiveTests.sample(), bytes: "v1")])
        let article = try #require(outcome.first?.articleIDs.first)
        let before = try indexed(archive)
        try archive.writer.write { db in
            try db.execute(sql: "UPDATE articles SET summary = 'A new summary about gallium.' WHERE id = ?", arguments: [article])
            try db.execute(sql: "DELETE FROM takeaways WHERE article_id = ? AND position = 1", arguments: [article])
        }
        #expect(try indexed(archive) == before)
        #expect(try archive.check().contains { $0.contains("full-text deletes noted but not applied") })
        try archive.writer.write { db in try Archive.SearchIndexMarks(db).indexNewRows(db) }
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
