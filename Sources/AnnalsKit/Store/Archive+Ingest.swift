import Foundation
import GRDB

extension Archive {
    // MARK: - Writing documents

    /// Stores `documents` in one transaction. Timeline entries join the events `merger`
    /// finds them to mention, or start new ones.
    ///
    /// A document that fails to store is rolled back alone and reported as rejected: the
    /// batch is first written without savepoints (each costs SQLite a sub-journal of every
    /// page it touches); if any document fails, that transaction is rolled back and the
    /// batch is written again with one savepoint per document.
    public func store(_ documents: [PreparedDocument], merger: any EventPlacing, receivedAt: Date = Date()) throws -> [StoreOutcome] {
        let now = Timestamp.iso(receivedAt)
        do {
            return try store(documents, isolated: false, merger: merger, now: now)
        } catch is DocumentStoreFailure {
            return try store(documents, isolated: true, merger: merger, now: now)
        }
    }

    /// One write transaction of ``store(_:merger:receivedAt:)``, from and to the
    /// ``StoreCaches``: they are kept when it commits and emptied when it rolls back (they
    /// may have learned rows it undid).
    private func store(_ documents: [PreparedDocument], isolated: Bool, merger: any EventPlacing, now: String) throws -> [StoreOutcome] {
        do {
            return try writer.write { db in
                try storeCaches.validate(db)
                let outcomes = try Self.store(documents, isolated: isolated, merger: merger, caches: storeCaches, now: now, in: db)
                try storeCaches.stamp(db)
                return outcomes
            }
        } catch {
            storeCaches.forgetAll()
            throw error
        }
    }

    /// Thrown out of a write transaction to roll it back when a document failed to store.
    private struct DocumentStoreFailure: Error {}

    private static func store(
        _ documents: [PreparedDocument], isolated: Bool, merger: any EventPlacing, caches: StoreCaches, now: String, in db: Database
    ) throws -> [StoreOutcome] {
        let context = StoreContext(
            merger: merger, tags: try TagIDs(db), hasCorrections: try hasCorrections(db), now: now,
            candidates: caches.candidates, sources: caches.sources)
        let index = try SearchIndexMarks(db)
        var outcomes: [StoreOutcome] = []
        outcomes.reserveCapacity(documents.count)
        for document in documents {
            guard isolated else {
                do {
                    outcomes.append(try store(document, context: context, in: db))
                } catch is DatabaseError {
                    throw DocumentStoreFailure()
                }
                continue
            }
            var outcome = StoreOutcome()
            do {
                try db.inSavepoint {
                    outcome = try store(document, context: context, in: db)
                    return .commit
                }
            } catch let error as DatabaseError {
                // The savepoint took back what the document wrote; the caches forget it too
                // (a new source's id, events it created or joined, ids SQLite will reuse).
                context.forgetAll()
                outcome = StoreOutcome()
                let reject = Reject(origin: document.origin, line: document.line, reason: "could not be stored: \(error.message ?? "\(error.resultCode)")")
                try insertReject(reject, documentID: nil, at: now, in: db)
                outcome.rejects = [reject]
            }
            outcomes.append(outcome)
        }
        try index.indexNewRows(db)
        return outcomes
    }

    /// The last ids of the indexed tables when a write transaction began: the rows after
    /// them are new, and are added to the full-text index in one go at its end.
    struct SearchIndexMarks {
        let marks: [String: Int64]

        init(_ db: Database) throws {
            var marks: [String: Int64] = [:]
            for table in SearchKey.allCases.map(\.table) {
                marks[table] = try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = ?", arguments: [table]) ?? 0
            }
            self.marks = marks
        }

        /// Brings both full-text indexes up to the transaction's changes, in as few segments
        /// as FTS5 can write them: first takes out what the triggers of migration 0012 noted
        /// as stale (the rows deleted, the articles updated), then indexes the rows inserted
        /// since the marks and the stale articles' new versions, from the view that defines
        /// what the index holds (`search_documents`, migration 0008). Then keys the new
        /// timeline lines in `event_search` (migration 0010) by their events as they now
        /// stand (the view `event_search_prefixes`), numbered on from each event's
        /// `search_seq` in id order, and indexes them under those keys.
        ///
        /// FTS5 holds what a transaction writes in memory and writes it out as a segment of
        /// the index at every savepoint of a statement that changes many rows, and whenever a
        /// row comes in below the last one written: the deletes go in one statement each, and
        /// the rows in key order, so that a transaction adds about two segments to each index
        /// however many rows it changed (`SearchKeyTests`).
        func indexNewRows(_ db: Database) throws {
            try db.cachedStatement(sql: "DELETE FROM search_index WHERE rowid IN (SELECT rowid FROM search_index_stale)").execute()
            try db.cachedStatement(sql: "INSERT INTO event_search (event_search, rowid, text) SELECT 'delete', key, text FROM event_search_stale")
                .execute()
            try db.cachedStatement(sql: "DELETE FROM event_search_stale").execute()
            let kinds: [(any DatabaseValueConvertible)?] = SearchKey.allCases.flatMap { kind -> [(any DatabaseValueConvertible)?] in
                [kind.name, marks[kind.table]]
            }
            try db.cachedStatement(sql: Self.indexNewDocumentsSQL)
                .execute(arguments: StatementArguments(kinds + [marks[SearchKey.article.table]]))
            try db.cachedStatement(sql: "DELETE FROM search_index_stale").execute()
            let mark = marks[SearchKey.timeline.table]
            try db.cachedStatement(sql: Self.keyNewLinesSQL).execute(arguments: [mark])
            try db.cachedStatement(sql: """
                UPDATE events SET search_seq = search_seq
                    + (SELECT count(*) FROM timeline_entries t WHERE t.event_id = events.id AND t.id > ?1)
                WHERE id IN (SELECT event_id FROM timeline_entries WHERE id > ?1)
                """).execute(arguments: [mark])
            try db.cachedStatement(sql: """
                INSERT INTO event_search (rowid, text) SELECT search_key, text FROM timeline_entries
                WHERE id > ?1 AND search_key IS NOT NULL ORDER BY search_key
                """).execute(arguments: [mark])
        }

        /// Indexes in `search_index`, in key order, the rows of each kind past its mark (the
        /// arguments: each kind's name and mark, in ``SearchKey`` order, then the articles'
        /// mark) and the earlier articles noted as stale (updated: no longer in the index),
        /// looked up by id in the view of articles alone (`search_articles`, migration 0012).
        static let indexNewDocumentsSQL: String = {
            let new = SearchKey.allCases.map { _ in
                "SELECT d.rowid, d.kind, d.title, d.body FROM search_documents d WHERE d.kind = ? AND d.row_id > ?"
            }
            let updated = """
                SELECT d.rowid, d.kind, d.title, d.body FROM search_index_stale s
                JOIN search_articles d ON d.row_id = \(SearchKey.rowID(of: "s.rowid"))
                WHERE \(SearchKey.article.holds(for: "s.rowid")) AND d.row_id <= ?
                """
            return """
                INSERT INTO search_index (rowid, kind, title, body)
                SELECT rowid, kind, title, body FROM (
                \((new + [updated]).joined(separator: "\nUNION ALL "))
                ) ORDER BY rowid
                """
        }()

        /// Keys the timeline lines past `?1` that have no key yet (see ``indexNewRows(_:)``).
        /// The new lines are read by id (`NOT INDEXED`) and sorted: left to itself, SQLite
        /// walked the whole of `timeline_entries_by_event` to have them in event order for
        /// the numbering, a read of every line of the archive at every write transaction,
        /// which cost an ingest into a million-card archive about 15% of its CPU.
        static let keyNewLinesSQL = """
            UPDATE timeline_entries SET search_key = k.key FROM (
                SELECT t.id AS id,
                    p.prefix | ((e.search_seq + row_number() OVER (PARTITION BY t.event_id ORDER BY t.id) - 1) & 4194303) AS key
                FROM timeline_entries t NOT INDEXED JOIN events e ON e.id = t.event_id JOIN event_search_prefixes p ON p.event_id = e.id
                WHERE t.id > ?1 AND t.search_key IS NULL) AS k
            WHERE timeline_entries.id = k.id
            """
    }

    /// What every document of one write transaction shares.
    struct StoreContext {
        var merger: any EventPlacing
        var tags: TagIDs
        /// Whether analysts have corrected the merger at all (most archives: no lookups needed).
        var hasCorrections: Bool
        var now: String
        /// Merge candidates already read (in this transaction, or in earlier ones of the
        /// run when nothing else wrote since: ``StoreCaches``).
        var candidates = CandidateCache()
        var sources = SourceIDs()

        /// Forgets everything cached, after a rollback: the caches may hold rows it undid.
        func forgetAll() {
            candidates.forgetAll()
            sources.forgetAll()
        }
    }

    static func hasCorrections(_ db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM event_corrections)") ?? false
    }

    /// The first timeline date of `articles` that is not one period of its precision, as an
    /// error naming it (`timeline[2].date`, or `articles[1].timeline[2].date` when the
    /// document carries several articles).
    static func dateNotOnePeriod(in articles: [ClassifiedArticle]) -> IngestError? {
        for (number, classified) in articles.enumerated() {
            guard let index = classified.article.timeline.firstIndex(where: { !$0.date.isOnePeriod }) else { continue }
            let path = (articles.count == 1 ? "" : "articles[\(number)].") + "timeline[\(index)].date"
            return .dateNotOnePeriod(path: path, date: classified.article.timeline[index].date)
        }
        return nil
    }

    static func store(_ document: PreparedDocument, context: StoreContext, in db: Database) throws -> StoreOutcome {
        let now = context.now
        var outcome = StoreOutcome()
        if let known = try Row.fetchOne(
            db.cachedStatement(sql: "SELECT id, status FROM documents WHERE sha256 = ?"),
            arguments: [document.sha256])
        {
            outcome.duplicate = true
            let id: Int64 = known["id"]
            if (known["status"] as String) == "rejected" {
                let reasons = try String.fetchAll(
                    db.cachedStatement(sql: "SELECT reason FROM rejects WHERE document_id = ? AND resolved_at IS NULL ORDER BY id"),
                    arguments: [id])
                outcome.rejects = reasons.map { Reject(origin: document.origin, line: document.line, reason: "\($0) (already rejected before)") }
            }
            return outcome
        }

        // The parsers read only dates of one period; a document built by hand may carry
        // another, which the walk by recency could pass over: it is kept, rejected.
        var content = document.content
        if case .articles(let articles, _) = content, let problem = dateNotOnePeriod(in: articles) {
            content = .rejected(problem)
        }
        let status: String
        switch content {
        case .articles(let articles, _): status = articles.isEmpty ? "rejected" : "parsed"
        case .rejected: status = "rejected"
        }
        try db.cachedStatement(sql: """
            INSERT INTO documents (sha256, origin, line, format, size, received_at, status, bytes)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [
                document.sha256, document.origin, document.line, document.format.storedName,
                document.bytes.count, now, status, Data(document.bytes),
            ])
        let documentID = db.lastInsertedRowID

        switch content {
        case .rejected(let error):
            let reject = Reject(origin: document.origin, line: document.line, reason: error.localizedDescription)
            try insertReject(reject, documentID: documentID, at: now, in: db)
            outcome.rejects.append(reject)
        case .articles(let articles, let itemRejects):
            for item in itemRejects {
                let reject = Reject(origin: document.origin, line: document.line, reason: "item [\(item.index)]: \(item.error.localizedDescription)")
                try insertReject(reject, documentID: documentID, at: now, in: db)
                outcome.rejects.append(reject)
            }
            for classified in articles {
                let (id, change) = try upsert(classified, documentID: documentID, context: context, in: db)
                outcome.articleIDs.append(id)
                switch change {
                case .new: outcome.new += 1
                case .updated: outcome.updated += 1
                case .unchanged: outcome.unchanged += 1
                }
            }
        }
        return outcome
    }

    static func insertReject(_ reject: Reject, documentID: Int64?, at now: String, in db: Database) throws {
        try db.cachedStatement(sql: """
            INSERT INTO rejects (document_id, origin, line, reason, rejected_at) VALUES (?, ?, ?, ?, ?)
            """).execute(arguments: [documentID, reject.origin, reject.line, reject.reason, now])
    }

    enum Change { case new, updated, unchanged }

    /// Inserts `article`, or updates the article it is a new version of.
    static func upsert(_ classified: ClassifiedArticle, documentID: Int64, context: StoreContext, in db: Database) throws -> (Int64, Change) {
        let article = classified.article
        let now = context.now
        let sourceID = try context.sources.id(named: article.source, in: db)
        let titleKey = Normalize.titleKey(article.title)
        let urlKey = article.url.map(Normalize.urlKey)
        let fingerprint = article.fingerprint

        let existing = try existingArticle(urlKey: urlKey, sourceID: sourceID, titleKey: titleKey, in: db)

        let columns: StatementArguments = [
            sourceID, documentID, article.title, titleKey, article.url, urlKey, article.publishedAt,
            article.summary, article.tldr.whatChanged, article.tldr.whyItMatters,
            article.tldr.whatToDoNext, article.tldr.whoShouldCare, article.insight, fingerprint,
            article.publishedDay?.iso,
        ]
        let id: Int64
        let change: Change
        if let existing {
            id = existing["id"]
            if (existing["content_sha256"] as String) == fingerprint {
                change = .unchanged
            } else {
                change = .updated
                try db.cachedStatement(sql: """
                    UPDATE articles SET source_id = ?, document_id = ?, title = ?, title_key = ?, url = ?,
                        url_key = ?, published_at = ?, summary = ?, what_changed = ?, why_it_matters = ?,
                        what_to_do_next = ?, who_should_care = ?, insight = ?, content_sha256 = ?,
                        day = coalesce(?, substr(created_at, 1, 10)), updated_at = ?
                    WHERE id = ?
                    """).execute(arguments: columns + [now, id])
                let formerEvents = try deleteParts(ofArticle: id, in: db)
                try insertParts(of: classified, articleID: id, context: context, in: db)
                try deleteEmptyEvents(formerEvents, in: db)
                // The events the old version mentioned lost its lines' support.
                for event in formerEvents { try syncTopics(ofEvent: event, in: db) }
                try tagArticle(id, topics: classified.topics, entities: classified.entities, tags: context.tags, in: db)
            }
        } else {
            change = .new
            try db.cachedStatement(sql: """
                INSERT INTO articles (source_id, document_id, title, title_key, url, url_key, published_at,
                    summary, what_changed, why_it_matters, what_to_do_next, who_should_care, insight,
                    content_sha256, day, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, coalesce(?, ?), ?, ?)
                """).execute(arguments: columns + [String(now.prefix(10)), now, now])
            id = db.lastInsertedRowID
            try insertParts(of: classified, articleID: id, context: context, in: db)
            try tagArticle(id, topics: classified.topics, entities: classified.entities, tags: context.tags, replacing: false, in: db)
        }
        try db.cachedStatement(sql: "INSERT OR IGNORE INTO article_documents (article_id, document_id) VALUES (?, ?)")
            .execute(arguments: [id, documentID])
        return (id, change)
    }

    /// The stored article `id`, `content_sha256` and `document_id` that a new version with
    /// these keys replaces: the one with its URL, else the one of its source and title
    /// (that has no other URL).
    static func existingArticle(urlKey: String?, sourceID: Int64, titleKey: String, in db: Database) throws -> Row? {
        if let urlKey, let row = try Row.fetchOne(
            db.cachedStatement(sql: "SELECT id, content_sha256, document_id FROM articles WHERE url_key = ?"),
            arguments: [urlKey])
        {
            return row
        }
        return try Row.fetchOne(
            db.cachedStatement(sql: """
                SELECT id, content_sha256, document_id FROM articles
                WHERE source_id = ? AND title_key = ? AND (? IS NULL OR url_key IS NULL)
                ORDER BY id LIMIT 1
                """),
            arguments: [sourceID, titleKey, urlKey])
    }

    /// Source ids by name, found or created in one write transaction (a run has a few dozen sources).
    final class SourceIDs {
        private var ids: [String: Int64] = [:]

        func id(named name: String, in db: Database) throws -> Int64 {
            if let id = ids[name] { return id }
            let id = try sourceID(named: name, in: db)
            ids[name] = id
            return id
        }

        func forgetAll() { ids = [:] }
    }

    static func sourceID(named name: String, in db: Database) throws -> Int64 {
        let key = Normalize.sourceKey(name)
        if let id = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM sources WHERE key = ?"), arguments: [key]) {
            return id
        }
        try db.cachedStatement(sql: "INSERT INTO sources (name, key) VALUES (?, ?)").execute(arguments: [name, key])
        return db.lastInsertedRowID
    }

    /// Deletes an article's takeaways, implications and timeline entries; returns the
    /// events those entries mentioned.
    static func deleteParts(ofArticle id: Int64, in db: Database) throws -> [Int64] {
        let events = try Int64.fetchAll(
            db.cachedStatement(sql: "SELECT DISTINCT event_id FROM timeline_entries WHERE article_id = ? AND event_id IS NOT NULL"),
            arguments: [id])
        for table in ["takeaways", "implications", "timeline_entries"] {
            try db.cachedStatement(sql: "DELETE FROM \(table) WHERE article_id = ?").execute(arguments: [id])
        }
        return events
    }

    static func insertParts(of classified: ClassifiedArticle, articleID: Int64, context: StoreContext, in db: Database) throws {
        let article = classified.article
        let takeaway = try db.cachedStatement(sql: "INSERT INTO takeaways (article_id, position, text) VALUES (?, ?, ?)")
        for (position, text) in article.takeaways.enumerated() {
            try takeaway.execute(arguments: [articleID, position + 1, text])
        }
        let implication = try db.cachedStatement(
            sql: "INSERT INTO implications (article_id, position, headline, detail) VALUES (?, ?, ?, ?)")
        for (position, item) in article.implications.enumerated() {
            try implication.execute(arguments: [articleID, position + 1, item.headline, item.detail])
        }
        let entry = try db.cachedStatement(sql: """
            INSERT INTO timeline_entries (article_id, position, date_text, date, precision, start, end, text, event_id, mention_key,
                terms, entities, topics)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        // A timeline lists different events: two lines of one article never join one event.
        var placed = Set<Int64>()
        for (position, (item, facts)) in zip(article.timeline, classified.entries).enumerated() {
            let event = try placeMention(item, facts: facts, apartFrom: placed, context: context, in: db)
            placed.insert(event)
            try entry.execute(arguments: [
                articleID, position + 1, item.date.text, item.date.normalized, item.date.precision.rawValue,
                item.date.start?.iso, item.date.end?.iso, item.text, event, facts.mentionKey,
                facts.terms.joined(separator: " "), facts.entities.joined(separator: "\u{1F}"), termList(facts.topics),
            ])
            try syncTopics(ofEvent: event, in: db)
        }
    }
}

extension Article {
    /// The day of `publishedAt`, when it starts with a valid `YYYY-MM-DD`.
    var publishedDay: Day? {
        guard let publishedAt, publishedAt.utf8.count >= 10 else { return nil }
        return Day(iso: String(publishedAt.prefix(10)))
    }

    /// A digest of everything the article says (not its id): equal fingerprints, same content.
    var fingerprint: String {
        var text = ""
        func add(_ value: String?) {
            text += value ?? "\u{0}"
            text += "\u{1F}"
        }
        add(source); add(title); add(url); add(publishedAt); add(summary)
        add(tldr.whatChanged); add(tldr.whyItMatters); add(tldr.whatToDoNext); add(tldr.whoShouldCare)
        add(insight)
        text += "\u{1E}"
        takeaways.forEach { add($0) }
        text += "\u{1E}"
        implications.forEach { add($0.headline); add($0.detail) }
        text += "\u{1E}"
        timeline.forEach { add($0.date.text); add($0.text) }
        return Digest.sha256Hex(Array(text.utf8))
    }
}

extension Archive {
    /// Tunes the write connection for a long run of writes: a larger page cache (64 MiB) so
    /// the indexes stay in memory, and fewer, larger WAL checkpoints.
    func prepareForBulkWrites() throws {
        try writer.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA cache_size = -65536; PRAGMA wal_autocheckpoint = 16384")
        }
    }

    /// What every writer of much of the archive does when it is done (an ingest run, a
    /// reparse, a reclassify, an upgrade): merges `event_search`'s small segments
    /// (``mergeEventSearchSegments()``), then empties the write-ahead log (``checkpoint()``).
    /// Neither is waited for: another writer at work, they are left to the next run.
    func settleAfterWrites() {
        try? mergeEventSearchSegments()
        try? checkpoint()
    }

    /// At most this many pages of `event_search` are merged after a run (64 MiB): a merge
    /// left unfinished goes on after the next.
    static let mergePagesAfterRun = 16384

    /// Merges `event_search`'s segments two by two, level by level (`usermerge` is 2,
    /// migration 0011), up to ``mergePagesAfterRun`` pages. Each transaction of an ingest
    /// leaves a small segment, and a page's walk in date order seeks in every segment at
    /// each step: 22 segments after 10,000 cards into a million-card archive made it four
    /// times slower than one. The index's contents are unchanged, so are the merge
    /// candidates cached.
    func mergeEventSearchSegments() throws {
        guard !isInMemory else { return }
        try withoutWaiting { db in
            try db.inTransaction(.immediate) {
                try keepingStoreCaches(db) {
                    try $0.execute(sql: "INSERT INTO event_search (event_search, rank) VALUES ('merge', ?)", arguments: [Self.mergePagesAfterRun])
                }
                return .commit
            }
        }
    }

    /// Runs `body` on the write connection, outside a transaction, with SQLite's busy
    /// timeout at 0: what would wait for another process's lock fails at once instead.
    /// For the work after a run that the next run can do as well.
    private func withoutWaiting(_ body: (Database) throws -> Void) throws {
        try writer.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA busy_timeout = 0")
            defer { try? db.execute(sql: "PRAGMA busy_timeout = \(Int(Self.busyTimeout * 1000))") }
            try body(db)
        }
    }

    /// Folds the write-ahead log back into the database file after a run and empties it.
    ///
    /// A log left full costs every later process: the first connection of a process that
    /// opens the archive alone reads the whole log back (after 100,000 cards, 14,000 pages
    /// read at every `annals ask`, until the next write). Emptying it needs every reader to
    /// be on the latest snapshot; a reader still on an older one is not waited for: the log
    /// is then folded as far as it can be, and a later run empties it.
    func checkpoint() throws {
        guard !isInMemory else { return }
        try withoutWaiting { db in
            do {
                _ = try db.checkpoint(.truncate)
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED {
                // A reader holds an older snapshot: as much as a passive checkpoint could do is done.
            }
        }
    }

    /// Whether the archive lives in memory (no file, no lock).
    public var isInMemory: Bool { path == ":memory:" }

    /// Records a reject for an input that could not be read or stored as a document.
    func recordReject(_ reject: Reject, at date: Date = Date()) throws {
        try writeKeepingStoreCaches { db in try Self.insertReject(reject, documentID: nil, at: Timestamp.iso(date), in: db) }
    }
}
