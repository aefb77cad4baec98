-- The full-text indexes' deletes, applied once per write transaction rather than by each
-- statement. FTS5 writes what it holds in memory to the index as a new segment at every
-- savepoint a statement opens or releases on it, as each statement that may change many
-- rows does (one with triggers among them).
-- An updated article's triggers (its row's entry rewritten, each old takeaway,
-- implication and timeline line taken out) wrote to both indexes from four statements, so
-- that each update flushed three or four small segments, which FTS5 then merged: a tenth
-- of an ingest's writer in a profile of 10,000 cards into a 50,000-card archive.
--
-- The triggers now note what is to leave an index: `search_index_stale` the keys in
-- `search_index` whose row is gone or changed, `event_search_stale` the keys (and, the
-- index being contentless, the text) of the timeline lines gone from `event_search`. The
-- store applies both, then indexes the stale articles' new versions and the new rows, at
-- the end of each write transaction (`Archive.SearchIndexMarks`); between transactions
-- both tables are empty (`annals check` says so). Lines that move to another event, or
-- whose event's date changes, are still rekeyed in `event_search` at once (0010).
CREATE TABLE search_index_stale (rowid INTEGER PRIMARY KEY) STRICT;
CREATE TABLE event_search_stale (key INTEGER PRIMARY KEY, text TEXT NOT NULL) STRICT;

-- An article's row of `search_documents` on its own, so that the store can look up the
-- updated articles by id (SQLite reads the whole of a compound view to find rows by a list
-- of keys); `search_documents` reads its articles from it, the rule still written once.
CREATE VIEW search_articles (rowid, kind, row_id, title, body) AS
    SELECT id * 4, 'article', id, title,
        coalesce(summary, '') || char(10) || coalesce(what_changed, '') || char(10) ||
        coalesce(why_it_matters, '') || char(10) || coalesce(what_to_do_next, '') || char(10) ||
        coalesce(who_should_care, '') || char(10) || coalesce(insight, '')
    FROM articles;
DROP VIEW search_documents;
CREATE VIEW search_documents (rowid, kind, row_id, title, body) AS
    SELECT rowid, kind, row_id, title, body FROM search_articles
    UNION ALL SELECT id * 4 + 1, 'takeaway', id, '', text FROM takeaways
    UNION ALL SELECT id * 4 + 2, 'implication', id, headline, detail FROM implications
    UNION ALL SELECT id * 4 + 3, 'timeline', id, '', text FROM timeline_entries;

DROP TRIGGER articles_search_update;
DROP TRIGGER takeaways_search_delete;
DROP TRIGGER implications_search_delete;
DROP TRIGGER timeline_entries_search_delete;
DROP TRIGGER timeline_entries_event_search_delete;

CREATE TRIGGER articles_search_update AFTER UPDATE OF title, summary, what_changed, why_it_matters,
    what_to_do_next, who_should_care, insight ON articles BEGIN
    INSERT OR IGNORE INTO search_index_stale (rowid) VALUES (old.id * 4);
END;
CREATE TRIGGER takeaways_search_delete AFTER DELETE ON takeaways BEGIN
    INSERT OR IGNORE INTO search_index_stale (rowid) VALUES (old.id * 4 + 1);
END;
CREATE TRIGGER implications_search_delete AFTER DELETE ON implications BEGIN
    INSERT OR IGNORE INTO search_index_stale (rowid) VALUES (old.id * 4 + 2);
END;
CREATE TRIGGER timeline_entries_search_delete AFTER DELETE ON timeline_entries BEGIN
    INSERT OR IGNORE INTO search_index_stale (rowid) VALUES (old.id * 4 + 3);
END;
CREATE TRIGGER timeline_entries_event_search_delete AFTER DELETE ON timeline_entries
    WHEN old.search_key IS NOT NULL BEGIN
    INSERT INTO event_search_stale (key, text) VALUES (old.search_key, old.text);
END;
