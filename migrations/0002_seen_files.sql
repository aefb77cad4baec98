-- Files already ingested, by path, size and modification time: a cron run over a
-- drop folder skips them without reading them again.
CREATE TABLE seen_files (
    path     TEXT    PRIMARY KEY,
    size     INTEGER NOT NULL,
    modified REAL    NOT NULL,
    seen_at  TEXT    NOT NULL
) STRICT, WITHOUT ROWID;
