-- Annals foundation schema: documents as received, the articles parsed from
-- them, their parts, rejects and ingest runs, and one full-text index.
-- Shipped migrations are never edited: add 0002_…, 0003_… instead.

-- Every document given to Annals, verbatim. An NDJSON feed is a stream of
-- documents: each line is one, with its line number.
CREATE TABLE documents (
    id          INTEGER PRIMARY KEY,
    sha256      TEXT    NOT NULL UNIQUE,
    origin      TEXT    NOT NULL,
    line        INTEGER,
    format      TEXT    NOT NULL CHECK (format IN ('card', 'json', 'ndjson', 'unknown')),
    size        INTEGER NOT NULL,
    received_at TEXT    NOT NULL,
    status      TEXT    NOT NULL CHECK (status IN ('parsed', 'rejected')),
    bytes       BLOB    NOT NULL
) STRICT;

CREATE TABLE sources (
    id   INTEGER PRIMARY KEY,
    name TEXT    NOT NULL,
    key  TEXT    NOT NULL UNIQUE
) STRICT;

-- An article is identified by its URL when it has one, else by its source and
-- normalized title. `document_id` is the document of its current version.
CREATE TABLE articles (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    source_id       INTEGER NOT NULL REFERENCES sources(id),
    document_id     INTEGER NOT NULL REFERENCES documents(id),
    title           TEXT    NOT NULL,
    title_key       TEXT    NOT NULL,
    url             TEXT,
    url_key         TEXT    UNIQUE,
    published_at    TEXT,
    summary         TEXT,
    what_changed    TEXT,
    why_it_matters  TEXT,
    what_to_do_next TEXT,
    who_should_care TEXT,
    insight         TEXT,
    content_sha256  TEXT    NOT NULL,
    created_at      TEXT    NOT NULL,
    updated_at      TEXT    NOT NULL
) STRICT;
CREATE INDEX articles_by_source_title ON articles(source_id, title_key);
CREATE INDEX articles_by_document ON articles(document_id);

-- Every document that carried a version of an article, old versions included.
CREATE TABLE article_documents (
    article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    document_id INTEGER NOT NULL REFERENCES documents(id),
    PRIMARY KEY (article_id, document_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX article_documents_by_document ON article_documents(document_id);

CREATE TABLE takeaways (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    text       TEXT    NOT NULL,
    UNIQUE (article_id, position)
) STRICT;

CREATE TABLE implications (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    headline   TEXT    NOT NULL,
    detail     TEXT    NOT NULL,
    UNIQUE (article_id, position)
) STRICT;

-- Dates keep the text as written, its normalized form (2024, 2024-Q3, 2024-10,
-- 2024-10-15), its precision, and the inclusive interval [start, end] it covers
-- as YYYY-MM-DD. An unreadable date has no normalized form and no interval.
CREATE TABLE timeline_entries (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    date_text  TEXT    NOT NULL,
    date       TEXT,
    precision  TEXT    NOT NULL CHECK (precision IN ('day', 'month', 'quarter', 'year', 'unknown')),
    start      TEXT,
    end        TEXT,
    text       TEXT    NOT NULL,
    UNIQUE (article_id, position),
    CHECK ((start IS NULL) = (end IS NULL)),
    CHECK (start IS NULL OR start <= end)
) STRICT;
CREATE INDEX timeline_entries_by_interval ON timeline_entries(start, end);

-- Inputs that could not be used, with the reason. `document_id` is NULL when the
-- input could not even be read. `resolved_at` is set when a later retry succeeds.
CREATE TABLE rejects (
    id          INTEGER PRIMARY KEY,
    document_id INTEGER REFERENCES documents(id),
    origin      TEXT    NOT NULL,
    line        INTEGER,
    reason      TEXT    NOT NULL,
    rejected_at TEXT    NOT NULL,
    resolved_at TEXT
) STRICT;
CREATE INDEX rejects_by_document ON rejects(document_id);

CREATE TABLE ingest_runs (
    id          INTEGER PRIMARY KEY,
    started_at  TEXT    NOT NULL,
    finished_at TEXT,
    status      TEXT    NOT NULL CHECK (status IN ('running', 'ok', 'rejected', 'failed')),
    host        TEXT    NOT NULL,
    pid         INTEGER NOT NULL,
    inputs      TEXT    NOT NULL,
    documents   INTEGER NOT NULL DEFAULT 0,
    new         INTEGER NOT NULL DEFAULT 0,
    updated     INTEGER NOT NULL DEFAULT 0,
    unchanged   INTEGER NOT NULL DEFAULT 0,
    rejected    INTEGER NOT NULL DEFAULT 0
) STRICT;

-- One full-text index over article text, takeaways, implications and timeline
-- text. Its rowid encodes the row it indexes: id * 4 + kind (0 article,
-- 1 takeaway, 2 implication, 3 timeline entry). New rows are indexed by the store
-- at the end of each write transaction, all at once (FTS5 writes one segment per
-- batch instead of one per document savepoint); the ids never repeat
-- (AUTOINCREMENT), so "rows after the last id indexed" are exactly the new ones.
-- Deletes and article updates are kept in sync by these triggers.
CREATE VIRTUAL TABLE search_index USING fts5(
    kind UNINDEXED,
    title,
    body,
    tokenize = 'porter unicode61 remove_diacritics 2'
);

CREATE TRIGGER articles_search_update AFTER UPDATE OF title, summary, what_changed, why_it_matters,
    what_to_do_next, who_should_care, insight ON articles BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 4;
    INSERT INTO search_index(rowid, kind, title, body) VALUES (
        new.id * 4, 'article', new.title,
        coalesce(new.summary, '') || char(10) || coalesce(new.what_changed, '') || char(10) ||
        coalesce(new.why_it_matters, '') || char(10) || coalesce(new.what_to_do_next, '') || char(10) ||
        coalesce(new.who_should_care, '') || char(10) || coalesce(new.insight, ''));
END;
CREATE TRIGGER articles_search_delete AFTER DELETE ON articles BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 4;
END;

CREATE TRIGGER takeaways_search_delete AFTER DELETE ON takeaways BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 4 + 1;
END;

CREATE TRIGGER implications_search_delete AFTER DELETE ON implications BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 4 + 2;
END;

CREATE TRIGGER timeline_entries_search_delete AFTER DELETE ON timeline_entries BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 4 + 3;
END;
