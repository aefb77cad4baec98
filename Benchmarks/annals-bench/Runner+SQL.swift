// The SQL of `annals-bench run`: the sqlite3 baseline, the events export and the mentions
// scored, and one-value queries.

#if canImport(Glibc)
import Glibc
#endif

extension Runner {
    // MARK: - SQL

    /// The sqlite3 baseline: tables equivalent to Annals' articles, takeaways, implications
    /// and timeline entries (STRICT, same checks and indexes), one FTS5 index over the same
    /// text with the same tokenizer, all in one transaction.
    func baselineSQL() -> String {
        let flat = corpus + "/flat/"
        return """
            .bail on
            PRAGMA journal_mode = WAL;
            PRAGMA synchronous = NORMAL;
            PRAGMA foreign_keys = ON;
            BEGIN;
            CREATE TABLE articles (
                id INTEGER PRIMARY KEY, source TEXT NOT NULL, title TEXT NOT NULL, url TEXT,
                published_at TEXT, summary TEXT, what_changed TEXT, why_it_matters TEXT, what_to_do_next TEXT,
                who_should_care TEXT, insight TEXT, card TEXT NOT NULL
            ) STRICT;
            CREATE INDEX articles_by_source_title ON articles(source, title);
            CREATE TABLE takeaways (
                id INTEGER PRIMARY KEY, article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
                position INTEGER NOT NULL, text TEXT NOT NULL, UNIQUE (article_id, position)
            ) STRICT;
            CREATE TABLE implications (
                id INTEGER PRIMARY KEY, article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
                position INTEGER NOT NULL, headline TEXT NOT NULL, detail TEXT NOT NULL, UNIQUE (article_id, position)
            ) STRICT;
            CREATE TABLE timeline_entries (
                id INTEGER PRIMARY KEY, article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
                position INTEGER NOT NULL, date_text TEXT NOT NULL, date TEXT,
                precision TEXT NOT NULL CHECK (precision IN ('day', 'month', 'quarter', 'year', 'unknown')),
                start TEXT, "end" TEXT, text TEXT NOT NULL, UNIQUE (article_id, position),
                CHECK ((start IS NULL) = ("end" IS NULL)), CHECK (start IS NULL OR start <= "end")
            ) STRICT;
            CREATE INDEX timeline_entries_by_interval ON timeline_entries(start, "end");
            CREATE VIRTUAL TABLE search_index USING fts5(
                kind UNINDEXED, title, body, tokenize = 'porter unicode61 remove_diacritics 2'
            );
            .import --csv --skip 1 "\(flat)articles.csv" articles
            .import --csv --skip 1 "\(flat)takeaways.csv" takeaways
            .import --csv --skip 1 "\(flat)implications.csv" implications
            .import --csv --skip 1 "\(flat)timeline_entries.csv" timeline_entries
            UPDATE articles SET url = NULL WHERE url = '';
            UPDATE articles SET insight = NULL WHERE insight = '';
            CREATE UNIQUE INDEX articles_by_url ON articles(url);
            INSERT INTO search_index(rowid, kind, title, body)
                SELECT id * 4, 'article', title,
                    coalesce(summary, '') || char(10) || coalesce(what_changed, '') || char(10) ||
                    coalesce(why_it_matters, '') || char(10) || coalesce(what_to_do_next, '') || char(10) ||
                    coalesce(who_should_care, '') || char(10) || coalesce(insight, '')
                FROM articles;
            INSERT INTO search_index(rowid, kind, title, body) SELECT id * 4 + 1, 'takeaway', '', text FROM takeaways;
            INSERT INTO search_index(rowid, kind, title, body) SELECT id * 4 + 2, 'implication', headline, detail FROM implications;
            INSERT INTO search_index(rowid, kind, title, body) SELECT id * 4 + 3, 'timeline', '', text FROM timeline_entries;
            COMMIT;
            SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM timeline_entries), (SELECT count(*) FROM search_index);

            """
    }

    /// The columns of `annals export events` (Event's CSV columns), in its default order.
    static let eventsSQL = """
        SELECT e.id, e.date_text AS date, e.precision, e.start, e."end", e.text,
            (SELECT group_concat(slug, '; ') FROM (SELECT t.slug FROM event_topics et JOIN topics t ON t.id = et.topic_id
                WHERE et.event_id = e.id ORDER BY t.position)) AS topics,
            (SELECT group_concat(name, '; ') FROM (SELECT n.name FROM event_entities ee JOIN entities n ON n.id = ee.entity_id
                WHERE ee.event_id = e.id ORDER BY n.name)) AS entities,
            e.mentions,
            (SELECT group_concat(id, '; ') FROM (SELECT DISTINCT a.id FROM timeline_entries te
                JOIN articles a ON a.id = te.article_id WHERE te.event_id = e.id ORDER BY a.id)) AS article_ids,
            (SELECT group_concat(name, '; ') FROM (SELECT DISTINCT s.name FROM timeline_entries te
                JOIN articles a ON a.id = te.article_id JOIN sources s ON s.id = a.source_id
                WHERE te.event_id = e.id ORDER BY s.name)) AS sources
        FROM events e
        ORDER BY e.start IS NULL, e.start, e."end", e.id;
        """

    /// Each timeline entry with the document of its article's current version.
    static let mentionsSQL = """
        SELECT d.origin, coalesce(d.line, ''), te.position, coalesce(te.event_id, '')
        FROM timeline_entries te JOIN articles a ON a.id = te.article_id JOIN documents d ON d.id = a.document_id;
        """

    /// One value from a read-only query.
    func sqliteScalar(_ db: String, _ sql: String) throws -> String {
        let result = try runChild(
            sqlite3, ["-readonly", "-list", "-noheader", db, sql], stdout: logs + "/query.out", stderr: logs + "/query.err")
        guard result.exitCode == 0 else { throw OutputError(description: "sqlite3 \(db): \(result.firstErrorLine)") }
        return lines(result.stdout).first.map(String.init) ?? ""
    }
}
