-- Event ids are never reused, and every mention keeps what the merger compares.
--
-- 1. `events` is rebuilt with AUTOINCREMENT: without it SQLite gives a new row the largest
--    id + 1, so after the newest event is merged away or split back, the next event would
--    take its id, and a saved id or a report's link (`report.html#mark-44`) would come to
--    mean another event. The columns, indexes and trigger are those of 0003 and 0005.
--    (Foreign keys are off while a migration runs; `legacy_alter_table` lets the rename
--    leave alone the triggers of other tables that name `events`.)
-- 2. `timeline_entries.terms` and `.entities`: each mention's content terms and entity
--    names, as the merger made them, so a new line is compared with every wording of an
--    event and not only with its first. NULL for entries stored before this migration
--    (the event's own terms stand in for them) until `annals reparse` or a re-ingest.
CREATE TABLE events_new (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
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
INSERT INTO events_new (id, date_text, date, precision, start, end, year, text, terms, entities, signature, mentions, created_at)
    SELECT id, date_text, date, precision, start, end, year, text, terms, entities, signature, mentions, created_at FROM events;
DROP TABLE events;
PRAGMA legacy_alter_table = ON;
ALTER TABLE events_new RENAME TO events;
PRAGMA legacy_alter_table = OFF;
CREATE INDEX events_by_interval ON events(start, end);
CREATE INDEX events_by_signature ON events(year, signature);
CREATE TRIGGER events_month_update AFTER UPDATE OF start, precision ON events BEGIN
    UPDATE event_terms
    SET month = CASE WHEN new.precision IN ('month', 'day') THEN CAST(substr(new.start, 6, 2) AS INTEGER) END
    WHERE event_id = new.id;
END;

ALTER TABLE timeline_entries ADD COLUMN terms TEXT;
ALTER TABLE timeline_entries ADD COLUMN entities TEXT;
