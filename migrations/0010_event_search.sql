-- Full text in the order of a page of events. `search_index` keys a timeline line by its
-- id, so the first page of a common phrase's events by date had to read every hit (213,107
-- lines of 343 events for "entity list" at a million cards: 250 ms for SQLite to count
-- them). `event_search` indexes each line of an event again, keyed in the order of the
-- page: the event's start day, then the event, then the line's number within the event
--     key = day << 46 | event id << 22 | number,
-- day = days from 1900-01-01 to the event's start (clamped to 0 … 131070; 131071 when
-- undated), so a page walks the keys in order and, at each new event, skips its other
-- lines (`Archive.searchedEventsByDate`). Bounds: event ids below 2^24 (the walk is not
-- used past them) and 4,194,304 lines numbered per event. Contentless: the text is
-- `timeline_entries.text`, and each line keeps its key in `timeline_entries.search_key`
-- so that the triggers below can take it out again when it moves, is deleted, or its
-- event's date changes. `events.search_seq` numbers an event's lines as they join it.
-- The key's rule is written once, as the view `event_search_prefixes` (an event's start day
-- and id, shifted into place): the triggers below, the store when it keys new lines and
-- `annals check` all read it; only a line's number is added to it.
ALTER TABLE events ADD COLUMN search_seq INTEGER NOT NULL DEFAULT 0;
ALTER TABLE timeline_entries ADD COLUMN search_key INTEGER;
CREATE VIRTUAL TABLE event_search USING fts5(text, content = '', tokenize = 'porter unicode61 remove_diacritics 2');
CREATE VIEW event_search_prefixes (event_id, prefix) AS
    SELECT id, ((CASE WHEN start IS NULL THEN 131071
                      ELSE max(0, min(131070, CAST(julianday(start) - 2415020.5 AS INTEGER))) END) << 46)
        | (id << 22)
    FROM events;

UPDATE timeline_entries SET search_key = k.key FROM (
    SELECT t.id AS id, p.prefix | ((row_number() OVER (PARTITION BY t.event_id ORDER BY t.id) - 1) & 4194303) AS key
    FROM timeline_entries t JOIN event_search_prefixes p ON p.event_id = t.event_id) AS k
WHERE timeline_entries.id = k.id;
UPDATE events SET search_seq = (SELECT count(*) FROM timeline_entries t WHERE t.event_id = events.id);
INSERT INTO event_search (rowid, text) SELECT search_key, text FROM timeline_entries WHERE search_key IS NOT NULL;

-- A new line is keyed, and indexed here, by the store at the end of its write transaction,
-- all the transaction's new lines at once (`Archive.SearchIndexMarks`): a trigger per line
-- cost a seventh of an ingest. Until then its key is NULL, and the triggers below leave it be.
CREATE TRIGGER timeline_entries_event_search_delete AFTER DELETE ON timeline_entries
    WHEN old.search_key IS NOT NULL BEGIN
    INSERT INTO event_search (event_search, rowid, text) VALUES ('delete', old.search_key, old.text);
END;
CREATE TRIGGER timeline_entries_event_search_move AFTER UPDATE OF event_id ON timeline_entries
    WHEN old.event_id IS NOT new.event_id AND old.search_key IS NOT NULL BEGIN
    INSERT INTO event_search (event_search, rowid, text) VALUES ('delete', old.search_key, old.text);
    UPDATE events SET search_seq = search_seq + 1 WHERE id = new.event_id;
    UPDATE timeline_entries SET search_key = (
        SELECT p.prefix | ((e.search_seq - 1) & 4194303)
        FROM events e JOIN event_search_prefixes p ON p.event_id = e.id WHERE e.id = new.event_id)
    WHERE id = new.id;
    INSERT INTO event_search (rowid, text)
        SELECT search_key, text FROM timeline_entries WHERE id = new.id AND search_key IS NOT NULL;
END;
CREATE TRIGGER events_event_search_redate AFTER UPDATE OF start ON events
    WHEN old.start IS NOT new.start BEGIN
    INSERT INTO event_search (event_search, rowid, text)
        SELECT 'delete', search_key, text FROM timeline_entries WHERE event_id = new.id AND search_key IS NOT NULL;
    UPDATE timeline_entries
    SET search_key = (SELECT prefix FROM event_search_prefixes WHERE event_id = new.id) | (search_key & 4194303)
    WHERE event_id = new.id AND search_key IS NOT NULL;
    INSERT INTO event_search (rowid, text)
        SELECT search_key, text FROM timeline_entries WHERE event_id = new.id AND search_key IS NOT NULL;
END;
