/// What an ingest run did.
public struct IngestReport: Sendable, Hashable {
    /// Documents read: files, and lines of NDJSON feeds.
    public var documents = 0
    /// Documents whose bytes were already in the archive.
    public var duplicates = 0
    /// Articles stored for the first time (a JSON array document may carry several).
    public var new = 0
    /// Stored articles that a new version changed (same URL, or same source and title).
    public var updated = 0
    /// Articles already stored with the same content (in a reparse, also those a newer document replaced).
    public var unchanged = 0
    /// Inputs rejected, each with where and why: documents, array items, and files refused unread.
    public var rejects: [Reject] = []
    /// Things stored but worth a look (``ParsedArticle/warnings``), with the document they came from.
    public var warnings: [Reject] = []
    /// Files passed over because they were ingested before, unchanged.
    public var seenFiles = 0
    /// Files passed over because they changed too recently (still being written?).
    public var unsettledFiles = 0
    /// Files moved to `--move-to` or `--reject-to`.
    public var movedFiles = 0

    /// An empty report: nothing read yet.
    public init() {}

    /// One line for people and cron mail, e.g. `12 documents: 10 new, 1 updated, 1 unchanged, 0 rejected`.
    public var summary: String {
        var text = "\(documents) document\(documents == 1 ? "" : "s"): \(new) new, \(updated) updated, \(unchanged) unchanged, \(rejects.count) rejected"
        var notes: [String] = []
        if duplicates > 0 { notes.append("\(duplicates) already archived") }
        if seenFiles > 0 { notes.append("\(seenFiles) file\(seenFiles == 1 ? "" : "s") seen before") }
        if unsettledFiles > 0 { notes.append("\(unsettledFiles) still being written") }
        if movedFiles > 0 { notes.append("\(movedFiles) moved") }
        if !warnings.isEmpty { notes.append("\(warnings.count) warning\(warnings.count == 1 ? "" : "s")") }
        if !notes.isEmpty { text += " (" + notes.joined(separator: ", ") + ")" }
        return text
    }
}
