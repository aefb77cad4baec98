import Foundation
import GRDB

/// A stored document, as given to Annals.
public struct StoredDocument: Sendable, Hashable {
    /// The document's row id in `documents`.
    public var id: Int64
    /// Where the document came from: its file's path, or `stdin` for standard input.
    public var origin: String
    /// The 1-based line within `origin`, for a line of an NDJSON feed; nil for a whole document.
    public var line: Int?
    /// The format it was read as, as stored: `card`, `json`, `ndjson` or `unknown`.
    public var format: String
    /// The document's bytes exactly as received.
    public var bytes: [UInt8]
}

/// A recorded reject.
public struct RejectRecord: Sendable, Hashable {
    /// The reject's row id in `rejects`.
    public var id: Int64
    /// The stored document the reject is about, by id; nil when the input could not even be read (e.g. over its size limit).
    public var documentID: Int64?
    /// Where the input came from: its file's path, or `stdin` for standard input.
    public var origin: String
    /// The 1-based line within `origin`, for a line of an NDJSON feed; nil for a whole document.
    public var line: Int?
    /// Why the input could not be used, for people.
    public var reason: String
    /// When it was rejected, UTC, `YYYY-MM-DDTHH:MM:SSZ`.
    public var rejectedAt: String
    /// When a later retry or reparse succeeded.
    public var resolvedAt: String?
}

extension Archive {
    // MARK: - Rejects

    /// Rejects, newest first; resolved ones only when asked.
    public func rejects(includeResolved: Bool = false, limit: Int = 1000) throws -> [RejectRecord] {
        try writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT * FROM rejects WHERE ? OR resolved_at IS NULL ORDER BY id DESC LIMIT ?
                """, arguments: [includeResolved, limit]
            ).map { row in
                RejectRecord(
                    id: row["id"], documentID: row["document_id"], origin: row["origin"], line: row["line"],
                    reason: row["reason"], rejectedAt: row["rejected_at"], resolvedAt: row["resolved_at"])
            }
        }
    }

    // MARK: - Re-parsing stored documents

    /// The ids of the documents to re-parse: those that carry the current version of an
    /// article, and those rejected (when `rejectedOnly`, only those with an open reject).
    public func documentIDsToReparse(rejectedOnly: Bool) throws -> [Int64] {
        try writer.read { db in
            if rejectedOnly {
                return try Int64.fetchAll(db, sql: """
                    SELECT DISTINCT document_id FROM rejects
                    WHERE document_id IS NOT NULL AND resolved_at IS NULL ORDER BY document_id
                    """)
            }
            return try Int64.fetchAll(db, sql: """
                SELECT id FROM documents WHERE status = 'rejected' OR id IN (SELECT document_id FROM articles) ORDER BY id
                """)
        }
    }

    /// The documents with these ids, in the same order.
    public func documents(ids: [Int64]) throws -> [StoredDocument] {
        try writer.read { db in
            try ids.compactMap { id in
                try Row.fetchOne(
                    db.cachedStatement(sql: "SELECT id, origin, line, format, bytes FROM documents WHERE id = ?"),
                    arguments: [id]
                ).map { row in
                    StoredDocument(
                        id: row["id"], origin: row["origin"], line: row["line"], format: row["format"],
                        bytes: Array((row["bytes"] as Data?) ?? Data()))
                }
            }
        }
    }

    /// Stores what a new parse made of documents already in the archive. An article is
    /// updated only when this document carries its current version (a newer document
    /// wins); open rejects of a document that now parses are marked resolved.
    public func storeReparsed(
        _ documents: [(id: Int64, content: PreparedDocument.Content)], merger: any EventPlacing, at date: Date = Date()
    ) throws -> IngestReport {
        let now = Timestamp.iso(date)
        return try writer.write { db in
            let context = StoreContext(merger: merger, tags: try TagIDs(db), hasCorrections: try Self.hasCorrections(db), now: now)
            let index = try SearchIndexMarks(db)
            var report = IngestReport()
            for (documentID, content) in documents {
                report.documents += 1
                try db.inSavepoint {
                    guard case .articles(let articles, let itemRejects) = content, !articles.isEmpty else {
                        return .commit
                    }
                    for parsed in articles {
                        let article = parsed.article
                        if let current = try Self.existingArticle(
                            urlKey: article.url.map(Normalize.urlKey), sourceID: try Self.sourceID(named: article.source, in: db),
                            titleKey: Normalize.titleKey(article.title), in: db),
                            (current["document_id"] as Int64) > documentID
                        {
                            report.unchanged += 1
                            continue
                        }
                        let (_, change) = try Self.upsert(parsed, documentID: documentID, context: context, in: db)
                        switch change {
                        case .new: report.new += 1
                        case .updated: report.updated += 1
                        case .unchanged: report.unchanged += 1
                        }
                    }
                    try db.execute(sql: "UPDATE documents SET status = 'parsed' WHERE id = ?", arguments: [documentID])
                    if itemRejects.isEmpty {
                        try db.execute(
                            sql: "UPDATE rejects SET resolved_at = ? WHERE document_id = ? AND resolved_at IS NULL",
                            arguments: [now, documentID])
                    }
                    return .commit
                }
            }
            try index.indexNewRows(db)
            return report
        }
    }

    // MARK: - Backup and checks

    /// Writes a consistent copy of the archive to `path` (SQLite's online backup), even
    /// while an ingest runs. The copy is written beside `path` and renamed at the end.
    public func backup(to path: String) throws {
        let temporary = path + ".partial-\(getpid())"
        do {
            try? FileManager.default.removeItem(atPath: temporary)
            let destination = try DatabaseQueue(path: temporary)
            try writer.backup(to: destination)
            try destination.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA journal_mode = DELETE")
            }
            try destination.close()
            if rename(temporary, path) != 0 {
                throw ArchiveError.backupFailed(path: path, reason: String(cString: strerror(errno)))
            }
        } catch let error as ArchiveError {
            try? FileManager.default.removeItem(atPath: temporary)
            throw error
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw ArchiveError.backupFailed(path: path, reason: (error as? DatabaseError)?.message ?? "\(error)")
        }
    }

    /// Runs SQLite's integrity and foreign-key checks and the archive's own invariants.
    /// Returns the problems found: none means the archive is sound.
    public func check() throws -> [String] {
        try writer.read(Self.check)
    }

    /// The problems ``check()`` finds, read in `db`.
    static func check(_ db: Database) throws -> [String] {
        var problems: [String] = []
        let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check")
        if integrity != ["ok"] { problems += integrity.map { "integrity: \($0)" } }
        let foreignKeys = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check")
        for row in foreignKeys.prefix(20) {
            problems.append("foreign key: \(row[0] as String? ?? "?") row \(row[1] as Int64? ?? 0) points to a missing \(row[2] as String? ?? "?")")
        }
        for (invariant, sql) in Self.invariants {
            let count = try Int.fetchOne(db, sql: sql) ?? 0
            if count > 0 { problems.append("\(invariant): \(count)") }
        }
        // Every document is kept verbatim: its bytes still hash to its sha256.
        var altered = 0
        let documents = try Row.fetchCursor(db, sql: "SELECT sha256, bytes FROM documents")
        while let row = try documents.next() {
            let bytes: Data = row[1] ?? Data()
            if Digest.sha256Hex(bytes) != (row[0] as String) { altered += 1 }
        }
        if altered > 0 { problems.append("documents whose bytes no longer match their sha256: \(altered)") }
        return problems
    }

    /// SQL that holds when an event's `precision`, `start` and `end` are a date Annals reads:
    /// no interval for an unknown date, one day for a day, otherwise one whole period of
    /// the precision (``PartialDate/Precision/months``), aligned on its calendar.
    static var datesArePeriods: String {
        let cases = PartialDate.Precision.allCases.map { precision -> String in
            let holds: String
            switch (precision, precision.months) {
            case (.unknown, _): holds = "start IS NULL AND end IS NULL"
            case (_, nil): holds = "start IS NOT NULL AND end = start"
            case (_, let months?):
                holds = """
                    substr(start, 9, 2) = '01' AND (CAST(substr(start, 6, 2) AS INTEGER) - 1) % \(months) = 0 \
                    AND end = date(start, '+\(months) months', '-1 day')
                    """
            }
            return "WHEN '\(precision.rawValue)' THEN \(holds)"
        }
        return "(CASE precision \(cases.joined(separator: " ")) ELSE 0 END)"
    }

    /// Each query counts the rows that break the named rule.
    static var invariants: [(String, String)] {
        [
            ("articles whose document is not among their documents", """
                SELECT count(*) FROM articles a
                WHERE NOT EXISTS (SELECT 1 FROM article_documents d WHERE d.article_id = a.id AND d.document_id = a.document_id)
                """),
            ("parsed documents that carry no article", """
                SELECT count(*) FROM documents d WHERE d.status = 'parsed'
                AND NOT EXISTS (SELECT 1 FROM article_documents a WHERE a.document_id = d.id)
                """),
            ("rows missing from the full-text index", """
                SELECT count(*) FROM (SELECT rowid FROM search_documents EXCEPT SELECT rowid FROM search_index)
                """),
            ("timeline entries that mention no event", "SELECT count(*) FROM timeline_entries WHERE event_id IS NULL"),
            ("events whose mention count is wrong", """
                SELECT count(*) FROM events e WHERE e.mentions != (SELECT count(*) FROM timeline_entries t WHERE t.event_id = e.id)
                """),
            ("events that nothing mentions", "SELECT count(*) FROM events WHERE mentions <= 0"),
            ("timeline entries whose key in event_search does not match their event", """
                SELECT count(*) FROM timeline_entries t JOIN event_search_prefixes p ON p.event_id = t.event_id
                WHERE t.search_key IS NULL OR t.search_key >> 22 != p.prefix >> 22
                """),
            // A page of a search by recency reads, below its last event's end, only the
            // events that start on the first day of a period holding that end
            // (`Archive.searchedEventsByKeys`): an event whose date is not such a period
            // would be missed there.
            ("events whose date is not one day, month, quarter, third, half or year", """
                SELECT count(*) FROM events WHERE NOT coalesce(\(Self.datesArePeriods), 0)
                """),
            ("full-text rows whose source row is gone", """
                SELECT count(*) FROM (SELECT rowid FROM search_index EXCEPT SELECT rowid FROM search_documents)
                """),
            // The store applies them at the end of the transaction that noted them
            // (`Archive.SearchIndexMarks.indexNewRows`, migration 0012).
            ("full-text deletes noted but not applied", """
                SELECT (SELECT count(*) FROM search_index_stale) + (SELECT count(*) FROM event_search_stale)
                """),
        ]
    }
}
