-- Vague dates ("early 2025", "mid-2024", "H1 2025") get precisions of their own, `half` and
-- `third`, so the CHECK constraints on timeline_entries.precision and events.precision
-- widen. Every stored row already meets the wider constraint, so rather than rebuild both
-- tables with their indexes and triggers, the two table definitions are edited in place:
-- SQLite's documented procedure for schema changes that leave the stored data valid
-- (https://sqlite.org/lang_altertable.html, "Making Other Kinds Of Table Schema Changes").
-- The schema version must then move on so that every connection reads the schema again:
-- the migrator puts a number above the current one in place of :next_schema_version.
PRAGMA writable_schema = ON;
UPDATE sqlite_schema
    SET sql = replace(sql, '''quarter'', ''year'', ''unknown'')', '''quarter'', ''half'', ''third'', ''year'', ''unknown'')')
    WHERE type = 'table' AND name IN ('timeline_entries', 'events');
PRAGMA schema_version = :next_schema_version;
PRAGMA writable_schema = OFF;
