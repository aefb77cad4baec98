-- Event ids are never reused, every mention keeps what the merger compares, and an
-- event's topics are those its mentions agree on.
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

-- 3. An event's topics are those its mentions agree on, not every topic one of them names:
--    `timeline_entries.topics` holds the topics of each line (a JSON array of slugs),
--    `event_topic_support` how many of an event's mentions have each topic (kept by the
--    triggers below), and `event_topics` the topics at least a quarter of the mentions have
--    (kept by the store after each change). Existing tags count as held by every mention.
ALTER TABLE timeline_entries ADD COLUMN topics TEXT;
CREATE TABLE event_topic_support (
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    topic_id INTEGER NOT NULL REFERENCES topics(id) ON DELETE CASCADE,
    mentions INTEGER NOT NULL,
    PRIMARY KEY (event_id, topic_id)
) STRICT, WITHOUT ROWID;
INSERT INTO event_topic_support (event_id, topic_id, mentions)
    SELECT et.event_id, et.topic_id, e.mentions FROM event_topics et JOIN events e ON e.id = et.event_id;
CREATE TRIGGER timeline_entries_topics_insert AFTER INSERT ON timeline_entries
    WHEN new.event_id IS NOT NULL AND new.topics IS NOT NULL BEGIN
    INSERT INTO event_topic_support (event_id, topic_id, mentions)
        SELECT new.event_id, t.id, 1 FROM json_each(new.topics) j JOIN topics t ON t.slug = j.value WHERE true
        ON CONFLICT (event_id, topic_id) DO UPDATE SET mentions = mentions + 1;
END;
CREATE TRIGGER timeline_entries_topics_delete AFTER DELETE ON timeline_entries
    WHEN old.event_id IS NOT NULL AND old.topics IS NOT NULL BEGIN
    UPDATE event_topic_support SET mentions = mentions - 1 WHERE event_id = old.event_id
        AND topic_id IN (SELECT t.id FROM json_each(old.topics) j JOIN topics t ON t.slug = j.value);
END;
CREATE TRIGGER timeline_entries_topics_move AFTER UPDATE OF event_id ON timeline_entries
    WHEN old.event_id IS NOT new.event_id AND new.topics IS NOT NULL BEGIN
    UPDATE event_topic_support SET mentions = mentions - 1 WHERE event_id = old.event_id
        AND topic_id IN (SELECT t.id FROM json_each(old.topics) j JOIN topics t ON t.slug = j.value);
    INSERT INTO event_topic_support (event_id, topic_id, mentions)
        SELECT new.event_id, t.id, 1 FROM json_each(new.topics) j JOIN topics t ON t.slug = j.value
        WHERE new.event_id IS NOT NULL
        ON CONFLICT (event_id, topic_id) DO UPDATE SET mentions = mentions + 1;
END;
