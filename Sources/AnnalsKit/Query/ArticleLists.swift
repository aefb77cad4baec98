// The articles of every event an export lists, read in passes over the timeline and held in
// flat arrays: a few bytes per mention, so a million-card export stays small.

import GRDB

/// The articles of many events, each event's in order of first mention without repeats.
///
/// Read in three passes rather than a join per mention: the articles (source, and title
/// when asked for) into arrays indexed by article id; how many mentions each event has
/// (the events' index); then every mention in storage order, each event's article ids
/// placed in its slice of one array (a counting sort). At a million cards that is about
/// 4 bytes per mention and per event id, 2 per article, plus the titles' bytes when kept;
/// no dictionary, no array per event, no string per article.
struct ArticleLists {
    /// Article ids by event: those of event `e` are `articleIDs[starts[e] ..< starts[e + 1]]`.
    private var starts: [UInt32] = []
    private var articleIDs: [UInt32] = []
    /// By article id: the index of its source in `sources` (`UInt16.max`: none read).
    private var sourceOf: [UInt16] = []
    private var sources: [String] = []
    /// By article id: where its title ends in `titleBytes` (it starts where the one before ends).
    private var titleEnds: [Int] = []
    private var titleBytes: [UInt8] = []

    /// No lists: every event has no articles.
    init() {}

    /// Every article of each event matching `filter` (limit and offset aside): over the whole
    /// timeline in storage order when every event matches, else through the events' index.
    /// Without `titles`, each ``ArticleRef/title`` is empty.
    init(_ db: Database, matching filter: QueryFilter, titles: Bool) throws {
        let filter = try filter.validated()
        let matching = Archive.matchingEvents(filter)
        let restricted = !matching.sql.allSatisfy(\.isWhitespace)
        let events = restricted ? "te.event_id IN (SELECT e.id FROM events e \(matching.sql))" : "te.event_id IS NOT NULL"
        let arguments = restricted ? matching.arguments : []
        let maxEvent = try Int64.fetchOne(db, sql: "SELECT max(id) FROM events") ?? 0
        let maxArticle = try Int64.fetchOne(db, sql: "SELECT max(id) FROM articles") ?? 0
        guard maxEvent < Int64(UInt32.max), maxArticle < Int64(UInt32.max) else {
            throw QueryError.sqlFailed("more than 4 billion events or articles: too many to list every article of each in one export")
        }

        // Sources (a few hundred at most), then each article's source and title.
        var sourceIndex: [Int64: UInt16] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, name FROM sources ORDER BY id") {
            guard sources.count < Int(UInt16.max) else { break }
            sourceIndex[row["id"]] = UInt16(sources.count)
            sources.append(row["name"])
        }
        sourceOf = Array(repeating: .max, count: Int(maxArticle) + 1)
        if titles { titleEnds = Array(repeating: 0, count: Int(maxArticle) + 1) }
        let articles = try Row.fetchCursor(db, sql: "SELECT id, source_id\(titles ? ", title" : "") FROM articles ORDER BY id")
        var previous = 0
        while let row = try articles.next() {
            let id = Int(row[0] as Int64)
            sourceOf[id] = sourceIndex[row[1] as Int64] ?? .max
            if titles {
                // Ids without an article (deleted) keep the previous end: an empty title.
                for gap in previous..<id { titleEnds[gap] = titleBytes.count }
                titleBytes.append(contentsOf: (row[2] as String).utf8)
                titleEnds[id] = titleBytes.count
                previous = id + 1
            }
        }
        if titles { for gap in previous..<titleEnds.count { titleEnds[gap] = titleBytes.count } }

        // How many mentions each event has: the slice each gets.
        var counts = [UInt32](repeating: 0, count: Int(maxEvent) + 2)
        let counted = try Row.fetchCursor(
            db, sql: "SELECT te.event_id, count(*) FROM timeline_entries te WHERE \(events) GROUP BY te.event_id",
            arguments: arguments)
        while let row = try counted.next() { counts[Int(row[0] as Int64) + 1] = UInt32(row[1] as Int64) }
        for index in 1..<counts.count { counts[index] &+= counts[index - 1] }
        starts = counts

        // Every mention in storage order, into its event's slice; then repeats out.
        var next = counts
        articleIDs = [UInt32](repeating: 0, count: Int(counts.last ?? 0))
        let mentions = try Row.fetchCursor(
            db, sql: """
                SELECT te.event_id, te.article_id FROM timeline_entries te \(restricted ? "" : "NOT INDEXED")
                WHERE \(events) ORDER BY te.id
                """,
            arguments: arguments)
        while let row = try mentions.next() {
            let event = Int(row[0] as Int64)
            // One read transaction: the count and this pass see the same mentions.
            articleIDs[Int(next[event])] = UInt32(row[1] as Int64)
            next[event] += 1
        }
    }

    /// The articles of `event`, in order of first mention, each once.
    func articles(ofEvent event: Int64) -> [ArticleRef] {
        guard event >= 0, Int(event) + 1 < starts.count else { return [] }
        let slice = articleIDs[Int(starts[Int(event)]) ..< Int(starts[Int(event) + 1])]
        var seen: [UInt32] = []
        seen.reserveCapacity(slice.count)
        for id in slice where seen.last != id && !seen.contains(id) { seen.append(id) }
        return seen.map { id in
            let index = Int(id)
            let source = index < sourceOf.count && sourceOf[index] != .max ? sources[Int(sourceOf[index])] : ""
            return ArticleRef(id: Int64(id), title: title(of: index), source: source)
        }
    }

    private func title(of index: Int) -> String {
        guard index < titleEnds.count else { return "" }
        let start = index == 0 ? 0 : titleEnds[index - 1]
        return String(decoding: titleBytes[start ..< titleEnds[index]], as: UTF8.self)
    }
}
