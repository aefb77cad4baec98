-- What the full-text index holds, defined once: the view `search_documents` has a row for
-- every article, takeaway, implication and timeline entry, with the key it has in
-- `search_index` (rowid = row id * 4 + kind: 0 article, 1 takeaway, 2 implication,
-- 3 timeline entry), the kind's name, the row's id, and the title and body indexed. The
-- store indexes new rows from it at the end of each write transaction, the triggers below
-- keep the index in step with updates and deletes through it, and `annals check` compares
-- the index with it. Reading a key back (`rowid / 4`, `rowid % 4`) is `SearchKey` in
-- Sources/AnnalsKit/Store/SearchKey.swift, which a test holds to this view.
-- The triggers of 0001 wrote the same rules out again; they are replaced here.
CREATE VIEW search_documents (rowid, kind, row_id, title, body) AS
    SELECT id * 4, 'article', id, title,
        coalesce(summary, '') || char(10) || coalesce(what_changed, '') || char(10) ||
        coalesce(why_it_matters, '') || char(10) || coalesce(what_to_do_next, '') || char(10) ||
        coalesce(who_should_care, '') || char(10) || coalesce(insight, '')
    FROM articles
    UNION ALL SELECT id * 4 + 1, 'takeaway', id, '', text FROM takeaways
    UNION ALL SELECT id * 4 + 2, 'implication', id, headline, detail FROM implications
    UNION ALL SELECT id * 4 + 3, 'timeline', id, '', text FROM timeline_entries;

DROP TRIGGER articles_search_update;
DROP TRIGGER articles_search_delete;
DROP TRIGGER takeaways_search_delete;
DROP TRIGGER implications_search_delete;
DROP TRIGGER timeline_entries_search_delete;

CREATE TRIGGER articles_search_update AFTER UPDATE OF title, summary, what_changed, why_it_matters,
    what_to_do_next, who_should_care, insight ON articles BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT rowid FROM search_documents WHERE kind = 'article' AND row_id = new.id);
    INSERT INTO search_index (rowid, kind, title, body)
        SELECT rowid, kind, title, body FROM search_documents WHERE kind = 'article' AND row_id = new.id;
END;
-- Before the delete: the view still has the row, and with it the key.
CREATE TRIGGER articles_search_delete BEFORE DELETE ON articles BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT rowid FROM search_documents WHERE kind = 'article' AND row_id = old.id);
END;
CREATE TRIGGER takeaways_search_delete BEFORE DELETE ON takeaways BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT rowid FROM search_documents WHERE kind = 'takeaway' AND row_id = old.id);
END;
CREATE TRIGGER implications_search_delete BEFORE DELETE ON implications BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT rowid FROM search_documents WHERE kind = 'implication' AND row_id = old.id);
END;
CREATE TRIGGER timeline_entries_search_delete BEFORE DELETE ON timeline_entries BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT rowid FROM search_documents WHERE kind = 'timeline' AND row_id = old.id);
END;

-- The month beside each event's terms (0005) is the store's to keep, with the rule it
-- uses for a new event's terms (`PartialDate.postingMonth`), when it refines an event's
-- date: this trigger wrote the rule a second time, in SQL.
DROP TRIGGER events_month_update;
