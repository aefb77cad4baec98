import Foundation
import GRDB
import Synchronization
import Testing

@testable import AnnalsKit

@Suite struct ArchiveTests {
    static func sample(title: String = "US Accuses China of Industrial-Scale AI Theft", takeaways: [String] = ["One.", "Two."]) -> Article {
        Article(
            source: "Ars Technica", title: title, summary: "A summary.",
            tldr: TLDR(whatChanged: "Something changed."), takeaways: takeaways,
            implications: [Implication(headline: "Headline.", detail: "Detail.")],
            timeline: [
                TimelineEntry(
                    date: PartialDate(text: "2024-10", normalized: "2024-10", precision: .month,
                        start: Day(year: 2024, month: 10, day: 1), end: Day(year: 2024, month: 10, day: 31)),
                    text: "US expands export controls on advanced AI chips."),
                TimelineEntry(
                    date: PartialDate(text: "spring 2025", normalized: nil, precision: .unknown, start: nil, end: nil),
                    text: "Something vague."),
            ])
    }

    static let classifier = try! ArticleClassifier(taxonomy: .builtIn)

    static func document(_ article: Article, bytes: String, origin: String = "a.txt") -> PreparedDocument {
        PreparedDocument(origin: origin, format: .card, bytes: Array(bytes.utf8),
            content: .articles([classifier.classify(ParsedArticle(article: article))], itemRejects: []))
    }

    static func store(_ archive: Archive, _ documents: [PreparedDocument]) throws -> [StoreOutcome] {
        try archive.store(documents, merger: EventMerger(taxonomy: .builtIn))
    }

    /// A timeline line that SQLite refuses to store after ``failToStoreBreakingLines(_:)``.
    static let breakingLine = "This line breaks the store."

    /// Makes the archive's writer fail (a DatabaseError) on storing ``breakingLine``, as an
    /// unforeseen constraint would: a document built through the library's types cannot
    /// break one now that the store rejects dates that are not one period before writing.
    static func failToStoreBreakingLines(_ archive: Archive) throws {
        try archive.writer.write { db in
            try db.execute(sql: """
                CREATE TEMP TRIGGER break_the_store BEFORE INSERT ON timeline_entries
                WHEN NEW.text = '\(breakingLine)' BEGIN SELECT RAISE(ABORT, 'refused on purpose'); END
                """)
        }
    }

    func count(_ archive: Archive, _ table: String) throws -> Int {
        try archive.writer.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM \(table)")! }
    }

    @Test func migratesAnEmptyDatabaseWithStrictTables() throws {
        let archive = try Archive.inMemory()
        let (applied, strict) = try archive.writer.read { db in
            (try Archive.migrator.appliedIdentifiers(db),
             try String.fetchAll(db, sql: "SELECT name FROM pragma_table_list WHERE strict = 1 AND schema = 'main'"))
        }
        #expect(applied == Set(Archive.migrationIdentifiers))
        #expect(Archive.migrationIdentifiers.first == "0001_foundation")
        for table in ["documents", "sources", "articles", "takeaways", "implications", "timeline_entries", "rejects", "ingest_runs",
                      "search_index_stale", "event_search_stale"] {
            #expect(strict.contains(table), "\(table) should be STRICT")
        }
    }

    /// Migrations after ``Archive/lastMigrationCheckingForeignKeysAtEnd`` keep foreign keys
    /// on rather than check every reference of the archive before they commit (minutes at
    /// a million cards, for each migration).
    @Test func laterMigrationsDoNotCheckEveryForeignKey() throws {
        let queue = try DatabaseQueue()
        try Archive.migrator.migrate(queue, upTo: Archive.lastMigrationCheckingForeignKeysAtEnd)
        let later = Archive.migrationIdentifiers.filter { $0 > Archive.lastMigrationCheckingForeignKeysAtEnd }
        #expect(!later.isEmpty)
        let statements = Mutex<[String]>([])
        let foreignKeys = try queue.inDatabase { db in
            db.trace(options: .statement) { event in statements.withLock { $0.append("\(event)") } }
            return try Bool.fetchOne(db, sql: "PRAGMA foreign_keys")
        }
        #expect(foreignKeys == true)
        try Archive.migrator.migrate(queue)
        let run = statements.withLock { $0 }
        #expect(try queue.read { try Archive.migrator.appliedIdentifiers($0) } == Set(Archive.migrationIdentifiers))
        #expect(run.contains { $0.contains("CREATE TABLE search_index_stale") })
        #expect(!run.contains { $0.contains("foreign_key_check") || $0.contains("foreign_keys = OFF") }, "\(run)")
    }

    @Test func fileArchiveUsesWALAndForeignKeys() throws {
        let folder = try Fixtures.scratchFolder()
        let archive = try Archive(path: folder.appending(path: "nested/a.sqlite").path)
        let (mode, keys) = try archive.writer.read { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode")!, try Int.fetchOne(db, sql: "PRAGMA foreign_keys")!)
        }
        #expect(mode == "wal")
        #expect(keys == 1)
        // The writer keeps its journals in memory (2); readers' sorts may spill to a file (0: default).
        #expect(try archive.writer.write { try Int.fetchOne($0, sql: "PRAGMA temp_store") } == 2)
        #expect(try archive.writer.read { try Int.fetchOne($0, sql: "PRAGMA temp_store") } == 0)
    }

    @Test func migration0007WidensThePrecisionChecksInPlace() throws {
        // An archive migrated up to 0006, holding a timeline entry and an event, then opened.
        let folder = try Fixtures.scratchFolder()
        let path = folder.appending(path: "old.sqlite").path
        let queue = try DatabaseQueue(path: path)
        try Archive.migrator.migrate(queue, upTo: "0006_event_identity")
        try queue.close()
        let archive = try Archive(path: path)
        let document = Self.document(Self.sample(), bytes: "old archive")
        _ = try Self.store(archive, [document])
        try archive.writer.write { db in
            #expect(try String.fetchAll(db, sql: "SELECT sql FROM sqlite_schema WHERE name IN ('events', 'timeline_entries')")
                .allSatisfy { $0.contains("'quarter', 'half', 'third', 'year', 'unknown'") })
            #expect(try String.fetchOne(db, sql: "PRAGMA integrity_check") == "ok")
            try db.execute(sql: "UPDATE timeline_entries SET precision = 'third' WHERE id = (SELECT min(id) FROM timeline_entries)")
            #expect(throws: DatabaseError.self) {
                try db.execute(sql: "UPDATE timeline_entries SET precision = 'fortnight' WHERE id = (SELECT min(id) FROM timeline_entries)")
            }
        }
        // The stored rows are all still there, and read back.
        #expect(try count(archive, "timeline_entries") == Self.sample().timeline.count)
    }

    @Test func refusesAnArchiveFromANewerAnnals() throws {
        let folder = try Fixtures.scratchFolder()
        let path = folder.appending(path: "a.sqlite").path
        _ = try Archive(path: path)
        let queue = try DatabaseQueue(path: path)
        try queue.write { try $0.execute(sql: "INSERT INTO grdb_migrations VALUES ('9999_future')") }
        try queue.close()
        #expect(throws: ArchiveError.newerSchema(path: path, unknown: ["9999_future"])) { try Archive(path: path) }
    }

    @Test func anExistingArchiveSaysWhichMigrationsItIsBroughtThroughAndANewOneDoesNot() throws {
        let folder = try Fixtures.scratchFolder()
        var told: [[String]] = []
        // A new archive: every migration runs, and nobody is told of an upgrade.
        _ = try Archive(path: folder.appending(path: "new.sqlite").path) { told.append($0) }
        #expect(told.isEmpty)
        // One written before the last two migrations: upgraded, it stores an article.
        let path = folder.appending(path: "old.sqlite").path
        let queue = try DatabaseQueue(path: path)
        let identifiers = Archive.migrationIdentifiers
        try Archive.migrator.migrate(queue, upTo: identifiers[identifiers.count - 3])
        try queue.close()
        let upgraded = try Archive(path: path) { told.append($0) }
        #expect(told == [Array(identifiers.suffix(2))])
        _ = try Self.store(upgraded, [Self.document(Self.sample(), bytes: "v1")])
        #expect(try count(upgraded, "timeline_entries") == Self.sample().timeline.count)
        // Up to date now: opened again, nothing to say.
        _ = try Archive(path: path) { told.append($0) }
        #expect(told.count == 1)
    }

    @Test func storesAnArticleWithAllItsParts() throws {
        let archive = try Archive.inMemory()
        let outcome = try Self.store(archive, [Self.document(Self.sample(), bytes: "v1")])
        #expect(outcome.map(\.new) == [1])
        let id = try #require(outcome.first?.articleIDs.first)
        var stored = try archive.article(id: id)
        #expect(stored.id == id)
        stored.id = nil
        #expect(stored == Self.sample())
        #expect(try count(archive, "search_index") == 1 + 2 + 1 + 2)
    }

    @Test func sameBytesTwiceStoreNothing() throws {
        let archive = try Archive.inMemory()
        _ = try Self.store(archive, [Self.document(Self.sample(), bytes: "v1")])
        let again = try Self.store(archive, [Self.document(Self.sample(), bytes: "v1")])
        #expect(again.map(\.duplicate) == [true])
        #expect(try count(archive, "documents") == 1)
        #expect(try count(archive, "articles") == 1)
    }

    @Test func sameContentInOtherBytesIsUnchangedButKept() throws {
        let archive = try Archive.inMemory()
        _ = try Self.store(archive, [Self.document(Self.sample(), bytes: "v1")])
        let again = try Self.store(archive, [Self.document(Self.sample(), bytes: "v1 with other spacing")])
        #expect(again.map(\.unchanged) == [1])
        #expect(try count(archive, "documents") == 2)
        #expect(try count(archive, "article_documents") == 2)
    }

    @Test func aNewVersionUpdatesInPlaceAndKeepsTheOldDocument() throws {
        let archive = try Archive.inMemory()
        let first = try Self.store(archive, [Self.document(Self.sample(), bytes: "v1")])
        // Same source, title differing only in case and punctuation: the same article.
        let changed = Self.sample(title: "US accuses China of industrial scale AI theft!", takeaways: ["Only one now."])
        let second = try Self.store(archive, [Self.document(changed, bytes: "v2")])
        #expect(second.map(\.updated) == [1])
        #expect(second.first?.articleIDs == first.first?.articleIDs)
        let stored = try archive.article(id: first[0].articleIDs[0])
        #expect(stored.takeaways == ["Only one now."])
        #expect(stored.title == "US accuses China of industrial scale AI theft!")
        #expect(try count(archive, "documents") == 2)
        #expect(try count(archive, "takeaways") == 1)
        #expect(try count(archive, "search_index") == 1 + 1 + 1 + 2)
    }

    @Test func aURLIdentifiesAnArticleAcrossTitles() throws {
        let archive = try Archive.inMemory()
        var a = Self.sample()
        a.url = "https://Example.com/story/#top"
        var b = Self.sample(title: "A corrected headline")
        b.url = "https://example.com/story"
        let outcomes = try Self.store(archive, [Self.document(a, bytes: "a"), Self.document(b, bytes: "b")])
        #expect(outcomes.map(\.new) == [1, 0])
        #expect(outcomes.map(\.updated) == [0, 1])
        #expect(try count(archive, "articles") == 1)
    }

    @Test func rejectedDocumentsAreKeptWithTheirReason() throws {
        let archive = try Archive.inMemory()
        let bad = PreparedDocument(origin: "bad.txt", format: .card, bytes: Array("junk".utf8), content: .rejected(.noTitle))
        let first = try Self.store(archive, [bad])
        #expect(first[0].rejects == [Reject(origin: "bad.txt", reason: IngestError.noTitle.localizedDescription)])
        let again = try Self.store(archive, [bad])
        #expect(again[0].duplicate)
        #expect(again[0].rejects.count == 1)
        #expect(again[0].rejects[0].reason.contains("already rejected before"))
        #expect(try count(archive, "documents") == 1)
        #expect(try count(archive, "rejects") == 1)
        let status = try archive.writer.read { try String.fetchOne($0, sql: "SELECT status FROM documents")! }
        #expect(status == "rejected")
    }

    /// A document built by hand whose timeline date is not one period of its precision (a
    /// "quarter" from February 1) is kept, rejected, with the field named; the document
    /// beside it is stored, and nothing breaks the archive's rules.
    @Test func aDateThatIsNotOnePeriodRejectsItsDocument() throws {
        let archive = try Archive.inMemory()
        var skewed = Self.sample(title: "Skewed")
        skewed.timeline[0].date = PartialDate(
            text: "Q1 2024", normalized: "2024-Q1", precision: .quarter,
            start: Day(year: 2024, month: 2, day: 1), end: Day(year: 2024, month: 4, day: 30))
        let outcomes = try Self.store(archive, [Self.document(skewed, bytes: "skewed", origin: "skewed.txt"), Self.document(Self.sample(), bytes: "good")])
        #expect(outcomes[0].rejects.map(\.reason) == ["field 'timeline[0].date' ('Q1 2024') should be one calendar quarter, not 2024-02-01…2024-04-30"])
        #expect(outcomes[0].rejects.first?.origin == "skewed.txt")
        #expect(outcomes[0].new == 0 && outcomes[1].new == 1 && outcomes[1].rejects.isEmpty)
        let statuses = try archive.writer.read { try String.fetchAll($0, sql: "SELECT status FROM documents ORDER BY id") }
        #expect(statuses == ["rejected", "parsed"])
        #expect(try count(archive, "articles") == 1)
        #expect(try count(archive, "rejects") == 1)
        #expect(try archive.check().isEmpty)

        // In a document of several articles, the path names the article too; a day that is
        // two days, or an unreadable date with an interval, is refused alike.
        var twoDays = Self.sample(title: "Two days")
        twoDays.timeline[1].date = PartialDate(
            text: "2024-10-15", normalized: "2024-10-15", precision: .day,
            start: Day(year: 2024, month: 10, day: 15), end: Day(year: 2024, month: 10, day: 16))
        let pair = PreparedDocument(origin: "feed.json", format: .json, bytes: Array("pair".utf8), content: .articles(
            [Self.classifier.classify(ParsedArticle(article: Self.sample(title: "Fine"))), Self.classifier.classify(ParsedArticle(article: twoDays))],
            itemRejects: []))
        var vague = Self.sample(title: "Vague")
        vague.timeline[1].date.start = Day(year: 2025, month: 3, day: 1)
        let more = try Self.store(archive, [pair, Self.document(vague, bytes: "vague")])
        #expect(more.map { $0.rejects.map(\.reason) } == [
            ["field 'articles[1].timeline[1].date' ('2024-10-15') should be one day, not 2024-10-15…2024-10-16"],
            ["field 'timeline[1].date' ('spring 2025') should be no interval (its precision is unknown), not 2025-03-01…no end"],
        ])
        #expect(try count(archive, "articles") == 1)
    }

    /// A run holds the seen files of the folders it is walking only, each read when the
    /// walk enters it: those directly in it, not those of its subfolders or of folders whose
    /// names it begins.
    @Test func aRunReadsTheSeenFilesOfOneFolderAtATime() throws {
        let archive = try Archive.inMemory()
        let paths = [
            "/drop/cards", "/drop/cards/a.txt", "/drop/cards/sub/b.txt", "/drop/cards/sub/deeper/f.txt", "/drop/cards2/c.txt",
            "/drop/cards-old/d.txt", "/drop/e.txt", "/drop/cards/b%.txt", "/drop/cards/_.txt",
        ]
        try archive.markSeen(paths.enumerated().map { InputFile(path: $1, size: $0, modified: 1) })
        #expect(try archive.seenFiles(in: "/drop/cards").mapValues(\.size) == ["/drop/cards/a.txt": 1, "/drop/cards/b%.txt": 7, "/drop/cards/_.txt": 8])
        #expect(Set(try archive.seenFiles(in: "/drop/cards/sub").keys) == ["/drop/cards/sub/b.txt"])
        #expect(Set(try archive.seenFiles(in: "/drop").keys) == ["/drop/cards", "/drop/e.txt"])
        #expect(try archive.seenFiles(in: "/elsewhere").isEmpty)
        #expect(try archive.seenFile(at: "/drop/cards2/c.txt")?.size == 4)
        #expect(try archive.seenFile(at: "/drop/cards2") == nil)
    }

    /// What a rolled-back document wrote is forgotten by the batch's caches too: a new source
    /// it created, and the events it created or joined, are not used by the next document.
    @Test func aRolledBackDocumentLeavesNothingCachedForTheNext() throws {
        let archive = try Archive.inMemory()
        var broken = Self.sample(title: "Broken")
        broken.source = "Zeta Wire"  // a source no document stored before
        broken.timeline.insert(TimelineEntry(date: Self.sample().timeline[0].date, text: "Zeta Labs opens a lab in Oslo."), at: 0)
        broken.timeline[1].text = Self.breakingLine
        try Self.failToStoreBreakingLines(archive)
        var next = Self.sample(title: "Next")
        next.source = "Zeta Wire"
        next.timeline.append(TimelineEntry(date: Self.sample().timeline[0].date, text: "Zeta Labs opens a lab in Oslo."))
        let outcomes = try Self.store(archive, [
            Self.document(Self.sample(), bytes: "good"), Self.document(broken, bytes: "broken", origin: "broken.txt"),
            Self.document(next, bytes: "next", origin: "next.txt"),
        ])
        #expect(outcomes.map(\.new) == [1, 0, 1], "\(outcomes.map(\.rejects))")
        #expect(outcomes[2].rejects.isEmpty, "\(outcomes[2].rejects)")
        #expect(try count(archive, "sources") == 2)
        #expect(try archive.writer.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM events WHERE text = 'Zeta Labs opens a lab in Oslo.' AND mentions = 1")
        } == 1)
        #expect(try archive.check().isEmpty)
    }

    @Test func oneBadDocumentDoesNotSpoilTheBatch() throws {
        let archive = try Archive.inMemory()
        var broken = Self.sample(title: "Broken")
        // SQLite refuses its line: the store rolls this document back alone.
        broken.timeline[0].text = Self.breakingLine
        try Self.failToStoreBreakingLines(archive)
        // The batch is written again, a savepoint per document: the documents before and
        // after the broken one are stored once each, with their events and index rows.
        let outcomes = try Self.store(archive, [
            Self.document(Self.sample(), bytes: "good"), Self.document(broken, bytes: "broken", origin: "broken.txt"),
            Self.document(Self.sample(title: "After"), bytes: "after"),
        ])
        #expect(outcomes.map(\.new) == [1, 0, 1])
        #expect(outcomes[1].rejects.first?.origin == "broken.txt")
        #expect(outcomes[1].rejects.first?.reason.hasPrefix("could not be stored") == true)
        #expect(try count(archive, "articles") == 2)
        #expect(try count(archive, "documents") == 2)
        #expect(try count(archive, "rejects") == 1)
        let sample = Self.sample()
        #expect(try count(archive, "timeline_entries") == 2 * sample.timeline.count)
        let indexed = 2 * (1 + sample.takeaways.count + sample.implications.count + sample.timeline.count)
        #expect(try count(archive, "search_index") == indexed)
        #expect(try count(archive, "events") == sample.timeline.count)
    }
}
