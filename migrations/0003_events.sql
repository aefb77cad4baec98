-- Topics, entities and events: timeline entries classified and merged into the
-- real-world events they mention.

-- The taxonomy in use, as JSON (one row). Absent: the built-in one.
CREATE TABLE taxonomy (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    json       TEXT    NOT NULL,
    updated_at TEXT    NOT NULL
) STRICT;

-- Small facts about the archive itself, e.g. which taxonomy the tag tables reflect.
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT, WITHOUT ROWID;

CREATE TABLE topics (
    id          INTEGER PRIMARY KEY,
    slug        TEXT    NOT NULL UNIQUE,
    name        TEXT    NOT NULL,
    description TEXT    NOT NULL,
    position    INTEGER NOT NULL
) STRICT;

CREATE TABLE entities (
    id   INTEGER PRIMARY KEY,
    name TEXT    NOT NULL UNIQUE,
    kind TEXT    NOT NULL
) STRICT;

-- A real-world event. Its date and text are those of its first mention; `terms`
-- are the content terms the merger compares and `entities` the entity names it
-- checks for conflicts (both space/US-separated, kept here so that comparing a
-- candidate costs no extra query); `signature` hashes the terms for the
-- exact-match fast path; `year` (of `start`) is the bucket candidates come from.
CREATE TABLE events (
    id         INTEGER PRIMARY KEY,
    date_text  TEXT    NOT NULL,
    date       TEXT,
    precision  TEXT    NOT NULL CHECK (precision IN ('day', 'month', 'quarter', 'year', 'unknown')),
    start      TEXT,
    end        TEXT,
    year       INTEGER,
    text       TEXT    NOT NULL,
    terms      TEXT    NOT NULL,
    entities   TEXT    NOT NULL DEFAULT '',
    signature  TEXT    NOT NULL,
    mentions   INTEGER NOT NULL DEFAULT 0,
    created_at TEXT    NOT NULL,
    CHECK ((start IS NULL) = (end IS NULL))
) STRICT;
CREATE INDEX events_by_interval ON events(start, end);
CREATE INDEX events_by_signature ON events(year, signature);

-- Candidate lookup: each content term of an event, in its year bucket.
CREATE TABLE event_terms (
    term     TEXT    NOT NULL,
    year     INTEGER NOT NULL,
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    PRIMARY KEY (term, year, event_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX event_terms_by_event ON event_terms(event_id);

-- How many events of a year use a term: the merger probes with an entry's rarest
-- terms. Triggers keep it in step with event_terms.
CREATE TABLE term_counts (
    term   TEXT    NOT NULL,
    year   INTEGER NOT NULL,
    events INTEGER NOT NULL,
    PRIMARY KEY (term, year)
) STRICT, WITHOUT ROWID;
CREATE TRIGGER event_terms_count_insert AFTER INSERT ON event_terms BEGIN
    INSERT INTO term_counts (term, year, events) VALUES (new.term, new.year, 1)
    ON CONFLICT (term, year) DO UPDATE SET events = events + 1;
END;
CREATE TRIGGER event_terms_count_delete AFTER DELETE ON event_terms BEGIN
    UPDATE term_counts SET events = events - 1 WHERE term = old.term AND year = old.year;
END;

CREATE TABLE event_topics (
    topic_id INTEGER NOT NULL REFERENCES topics(id) ON DELETE CASCADE,
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    PRIMARY KEY (topic_id, event_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX event_topics_by_event ON event_topics(event_id);

CREATE TABLE event_entities (
    entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    event_id  INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    PRIMARY KEY (entity_id, event_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX event_entities_by_event ON event_entities(event_id);

CREATE TABLE article_topics (
    topic_id   INTEGER NOT NULL REFERENCES topics(id) ON DELETE CASCADE,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    PRIMARY KEY (topic_id, article_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX article_topics_by_article ON article_topics(article_id);

CREATE TABLE article_entities (
    entity_id  INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    PRIMARY KEY (entity_id, article_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX article_entities_by_article ON article_entities(article_id);

-- Each timeline entry is a mention of one event. `mention_key` identifies the
-- mention across re-ingests (its date and wording), for analysts' corrections.
ALTER TABLE timeline_entries ADD COLUMN event_id INTEGER REFERENCES events(id);
ALTER TABLE timeline_entries ADD COLUMN mention_key TEXT;
CREATE INDEX timeline_entries_by_event ON timeline_entries(event_id);
CREATE INDEX timeline_entries_by_mention_key ON timeline_entries(mention_key);

-- Analysts' corrections of the merger, by mention key, so they survive re-ingest
-- and reclassify: `merge` puts two mentions in one event; `split` keeps a mention
-- in an event of its own.
CREATE TABLE event_corrections (
    id          INTEGER PRIMARY KEY,
    kind        TEXT    NOT NULL CHECK (kind IN ('merge', 'split')),
    mention_key TEXT    NOT NULL,
    other_key   TEXT,
    created_at  TEXT    NOT NULL,
    CHECK ((kind = 'merge') = (other_key IS NOT NULL))
) STRICT;
CREATE INDEX event_corrections_by_mention ON event_corrections(mention_key);
CREATE INDEX event_corrections_by_other ON event_corrections(other_key);

-- An event's mention count follows its timeline entries.
CREATE TRIGGER timeline_entries_count_insert AFTER INSERT ON timeline_entries WHEN new.event_id IS NOT NULL BEGIN
    UPDATE events SET mentions = mentions + 1 WHERE id = new.event_id;
END;
CREATE TRIGGER timeline_entries_count_delete AFTER DELETE ON timeline_entries WHEN old.event_id IS NOT NULL BEGIN
    UPDATE events SET mentions = mentions - 1 WHERE id = old.event_id;
END;
CREATE TRIGGER timeline_entries_count_update AFTER UPDATE OF event_id ON timeline_entries
    WHEN old.event_id IS NOT new.event_id BEGIN
    UPDATE events SET mentions = mentions - 1 WHERE id = old.event_id;
    UPDATE events SET mentions = mentions + 1 WHERE id = new.event_id;
END;
