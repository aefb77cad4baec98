-- Fewer segments in `event_search`. FTS5 writes each transaction's new lines as a segment
-- of the index and merges four of a level into one (its `automerge`), so that after an
-- ingest of 10,000 cards into a million-card archive the index was 22 segments, and each
-- step of a page's walk (one short query per event, `Archive.searchedEventsByDate`) seeks
-- in every one of them: 40 ms to walk the 344 events of "entity list", 10 ms with the
-- index in one segment. With `usermerge` at 2, the merge the store asks for at the end of
-- every run (`Archive.settleAfterWrites`) merges any two segments of a level, small ones
-- first: the 22 became 2 in 0.1 s. It changes nothing a query returns.
INSERT INTO event_search (event_search, rank) VALUES ('usermerge', 2);
INSERT INTO event_search (event_search, rank) VALUES ('merge', 16384);
