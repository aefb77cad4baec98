/// The kinds of row the full-text index holds, and how a row's key in `search_index` is
/// read: the key is the row's id × 4 + the kind's code.
///
/// What is indexed, and the key each row gets, is defined once, in SQL: the view
/// `search_documents` (migration 0008), from which the store indexes new rows and updated
/// articles at the end of each write transaction (what triggers noted as stale taken out
/// first, migration 0012). This type is the reading side, for queries that turn a
/// hit back into its row; `SearchKeyTests` holds the two to each other.
enum SearchKey: Int, CaseIterable, Sendable {
    case article = 0
    case takeaway = 1
    case implication = 2
    case timeline = 3

    /// The kind's name in `search_index.kind` and `search_documents.kind`.
    var name: String {
        switch self {
        case .article: "article"
        case .takeaway: "takeaway"
        case .implication: "implication"
        case .timeline: "timeline"
        }
    }

    /// The table whose rows are of this kind.
    var table: String {
        switch self {
        case .article: "articles"
        case .takeaway: "takeaways"
        case .implication: "implications"
        case .timeline: "timeline_entries"
        }
    }

    /// SQL for the key of the row of this kind whose id is `idColumn`.
    func key(of idColumn: String) -> String { "(\(idColumn) * 4 + \(rawValue))" }

    /// SQL for the id of the row that the key in `keyColumn` indexes.
    static func rowID(of keyColumn: String) -> String { "(\(keyColumn) / 4)" }

    /// SQL that holds when the key in `keyColumn` indexes a row of this kind.
    func holds(for keyColumn: String) -> String { "\(keyColumn) % 4 = \(rawValue)" }

    /// SQL for the kind's code (``rawValue``) of the key in `keyColumn`.
    static func code(of keyColumn: String) -> String { "(\(keyColumn) % 4)" }

    /// The kind of row a key read from the index stands for.
    init(key: Int64) {
        self = SearchKey(rawValue: Int(key & 3))!
    }

    /// The id of the row a key stands for.
    static func rowID(ofKey key: Int64) -> Int64 { key >> 2 }
}
