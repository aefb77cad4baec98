// The merge candidates of one write transaction, each read and parsed once.

import GRDB

/// The merge candidates read in one write transaction, by event id: a popular event is
/// parsed from its row, and its merge key made, once, not at every mention. Callers forget an event when they change
/// its date or entities; a new transaction starts with an empty cache (a rolled-back one
/// may have cached events that no longer exist), and a rolled-back savepoint empties it.
final class CandidateCache {
    private var events: [Int64: EventCandidate] = [:]

    /// The events `statement` lists (columns named id, date_text, date, precision, start,
    /// end, terms, entities, text), from the cache when known, each with its mentions' distinct
    /// wordings (at most ``wordingsPerEvent``, the oldest first).
    func fetch(_ statement: Statement, arguments: StatementArguments, in db: Database) throws -> [EventCandidate] {
        var result: [EventCandidate?] = []
        var missing: [Int64: (index: Int, row: Row)] = [:]
        let rows = try Row.fetchCursor(statement, arguments: arguments)
        while let row = try rows.next() {
            let id: Int64 = row["id"]
            if let known = events[id] {
                result.append(known)
            } else {
                missing[id] = (result.count, row.copy())
                result.append(nil)
            }
        }
        guard !missing.isEmpty else { return result.compactMap { $0 } }
        var wordings: [Int64: [EventCandidate.Wording]] = [:]
        let entries = try Row.fetchCursor(
            db.cachedStatement(sql: """
                SELECT event_id, text, terms, entities, date_text, date, precision, start, end FROM (
                    SELECT event_id, min(text) AS text, terms, entities, min(date_text) AS date_text, date, precision,
                        start, end, min(id) AS first FROM timeline_entries
                    WHERE event_id IN (SELECT value FROM json_each(?)) AND terms IS NOT NULL
                    GROUP BY event_id, terms, entities, date, precision)
                ORDER BY event_id, first
                """),
            arguments: ["[" + missing.keys.map(String.init).joined(separator: ",") + "]"])
        while let row = try entries.next() {
            let id: Int64 = row["event_id"]
            guard wordings[id, default: []].count < Self.wordingsPerEvent else { continue }
            wordings[id, default: []].append(EventCandidate.Wording(
                text: row["text"], terms: Archive.split(row["terms"], by: " "), entities: Archive.split(row["entities"]),
                date: PartialDate(row: row)))
        }
        for (id, (index, row)) in missing {
            let candidate = EventCandidate(
                id: id, date: PartialDate(row: row), terms: Archive.split(row["terms"], by: " "),
                entities: Archive.split(row["entities"]), text: row["text"], wordings: wordings[id] ?? [])
            events[id] = candidate
            result[index] = candidate
        }
        return result.compactMap { $0 }
    }

    /// The wordings of an event a new mention is compared with: enough for the ways one
    /// event is told, few enough that a much-cited event stays cheap to compare.
    static let wordingsPerEvent = 12

    /// Replaces a cached event by `change` of it; an event not cached stays so.
    func update(_ id: Int64, _ change: (EventCandidate) -> EventCandidate) {
        if let known = events[id] { events[id] = change(known) }
    }

    func forget(_ id: Int64) {
        events[id] = nil
    }

    /// Forgets every event, after a savepoint rolled back what the cache may hold.
    func forgetAll() {
        events = [:]
    }
}
