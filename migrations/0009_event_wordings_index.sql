-- An event's wordings (what a new line is compared with) are read from its first mentions,
-- in id order (`CandidateCache.read`): through `timeline_entries_by_event` that was one
-- table page per mention, and a much-cited event's mentions lie far apart in the table.
-- At a million cards, reading the candidates a line was compared with was a third of the
-- ingest, most of it those page reads. This index holds, in (event, id) order, every
-- column the read needs, so an event's first mentions are one range of it. It leaves
-- `timeline_entries_by_event` in place: the narrow index is what walks an event's entry
-- ids (the search's marking, the counts) without reading their text.
CREATE INDEX timeline_entries_wordings ON timeline_entries
    (event_id, id, terms, entities, date, precision, date_text, start, end, text)
    WHERE terms IS NOT NULL;
