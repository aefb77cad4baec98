-- The month of an event dated to a month or a day (NULL for a year, a quarter or an
-- unreadable date), beside each of its terms. The merger's candidate lookup reads the
-- postings of a term in a year and keeps those of events whose date can hold the
-- mention's (same month, or a year or quarter), without reading each event's row: at a
-- million events that read was most of the cost of placing a mention.
ALTER TABLE event_terms ADD COLUMN month INTEGER;
UPDATE event_terms SET month = (
    SELECT CASE WHEN e.precision IN ('month', 'day') THEN CAST(substr(e.start, 6, 2) AS INTEGER) END
    FROM events e WHERE e.id = event_terms.event_id);
-- An event's date changes when a more precise mention joins it (2025 -> 2025-03).
CREATE TRIGGER events_month_update AFTER UPDATE OF start, precision ON events BEGIN
    UPDATE event_terms
    SET month = CASE WHEN new.precision IN ('month', 'day') THEN CAST(substr(new.start, 6, 2) AS INTEGER) END
    WHERE event_id = new.id;
END;
