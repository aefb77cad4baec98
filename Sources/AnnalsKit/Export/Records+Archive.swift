/// The records that describe the archive itself, rather than its news: table counts,
/// topics, search hits, rejects, ingest runs and the rows of a read-only SQL statement.
/// They print through the same ``RecordWriter`` as events and articles, so a number is a
/// number in JSON and an unguarded cell in CSV, and a missing value is `null` and empty.

extension TableCount: ExportRecord {
    public static let columns = ["table", "rows"]
    public var csvCells: [CSVWriter.Cell] { [.text(table), .number(Int64(rows))] }
    public var jsonValue: JSONValue { .object([("table", .string(table)), ("rows", .int(Int64(rows)))]) }
}

extension TopicCount: ExportRecord {
    public static let columns = ["slug", "name", "events", "articles"]
    public var csvCells: [CSVWriter.Cell] { [.text(slug), .text(name), .number(Int64(events)), .number(Int64(articles))] }
    public var jsonValue: JSONValue {
        .object([("slug", .string(slug)), ("name", .string(name)), ("events", .int(Int64(events))), ("articles", .int(Int64(articles)))])
    }
}

extension SearchHit: ExportRecord {
    /// `article` is the article's id, `event` the event's for a timeline hit (else empty).
    public static let columns = ["kind", "id", "article", "event", "source", "title", "snippet"]
    public var csvCells: [CSVWriter.Cell] {
        [.text(kind), .number(id), .number(article.id), .number(eventID), .text(article.source), .text(article.title), .text(snippet)]
    }
    public var jsonValue: JSONValue {
        .object([
            ("kind", .string(kind)), ("id", .int(id)), ("article", .int(article.id)), ("event", JSONValue(eventID)),
            ("source", .string(article.source)), ("title", .string(article.title)), ("snippet", .string(snippet)),
        ])
    }
}

extension RejectRecord: ExportRecord {
    public static let columns = ["id", "rejected_at", "origin", "line", "reason", "resolved_at"]
    public var csvCells: [CSVWriter.Cell] {
        [.number(id), .text(rejectedAt), .text(origin), .number(line.map(Int64.init)), .text(reason), .text(resolvedAt)]
    }
    public var jsonValue: JSONValue {
        .object([
            ("id", .int(id)), ("rejected_at", .string(rejectedAt)), ("origin", .string(origin)),
            ("line", JSONValue(line.map(Int64.init))), ("reason", .string(reason)), ("resolved_at", JSONValue(resolvedAt)),
        ])
    }
}

extension IngestRun: ExportRecord {
    /// `process` is `host:pid`; `inputs` the paths the run was given.
    public static let columns = [
        "id", "started", "finished", "status", "process", "documents", "new", "updated", "unchanged", "rejected", "inputs",
    ]
    var process: String { "\(host):\(pid)" }
    public var csvCells: [CSVWriter.Cell] {
        [.number(id), .text(startedAt), .text(finishedAt), .text(status), .text(process)]
            + [documents, new, updated, unchanged, rejected].map { .number(Int64($0)) } + [.text(inputs)]
    }
    public var jsonValue: JSONValue {
        .object([
            ("id", .int(id)), ("started", .string(startedAt)), ("finished", JSONValue(finishedAt)), ("status", .string(status)),
            ("process", .string(process)), ("documents", .int(Int64(documents))), ("new", .int(Int64(new))),
            ("updated", .int(Int64(updated))), ("unchanged", .int(Int64(unchanged))), ("rejected", .int(Int64(rejected))),
            ("inputs", .string(inputs)),
        ])
    }
}

extension SQLRow: ExportRecord {
    /// Empty: a statement's columns are known when it is prepared, so the writer is given
    /// them (``RecordWriter/init(format:csv:columns:sink:)``).
    public static let columns: [String] = []

    /// Integers as numbers (never formula-guarded), reals and blobs as their text
    /// (``Value/text``), NULL empty.
    public var csvCells: [CSVWriter.Cell] {
        values.map { value in
            switch value {
            case .integer(let int): .number(int)
            default: .text(value.text)
            }
        }
    }

    /// An object of the row's columns in order: integers and reals as JSON numbers, NULL
    /// as `null`, a blob as its size in text.
    public var jsonValue: JSONValue {
        .object(zip(columns, values).map { name, value in
            switch value {
            case .null: (name, .null)
            case .integer(let int): (name, .int(int))
            case .real(let double): (name, .double(double))
            case .text(let text): (name, .string(text))
            case .blob: (name, .string(value.text ?? ""))
            }
        })
    }
}
