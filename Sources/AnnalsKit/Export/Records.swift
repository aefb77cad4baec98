/// A row that Annals exports: a stable, documented column order for CSV, and a JSON
/// object with the same fields (lists as arrays, in CSV joined with `; `).
public protocol ExportRecord: Sendable {
    /// The CSV header, in order.
    static var columns: [String] { get }
    /// The CSV cells, in the order of `columns`.
    var csvCells: [CSVWriter.Cell] { get }
    /// The JSON object.
    var jsonValue: JSONValue { get }
}

extension PartialDate {
    /// `date` (as written), `precision`, `start`, `end`.
    var csvCells: [CSVWriter.Cell] {
        [.text(text), .text(precision.rawValue), .text(start?.iso), .text(end?.iso)]
    }
}

extension ArticleRef {
    /// `{id, title, source}`: how events and article parts name their article in JSON.
    public var jsonValue: JSONValue {
        .object([("id", .int(id)), ("title", .string(title)), ("source", .string(source))])
    }
}

func joinedCell(_ values: [String]) -> CSVWriter.Cell { .text(values.joined(separator: "; ")) }

func jsonStrings(_ values: [String]) -> JSONValue { .array(values.map(JSONValue.string)) }

extension Event: ExportRecord {
    public static let columns = [
        "id", "date", "precision", "start", "end", "text", "topics", "entities", "mentions", "article_ids", "sources",
    ]

    public var csvCells: [CSVWriter.Cell] {
        [.number(id)] + date.csvCells + [
            .text(text), joinedCell(topics), joinedCell(entities), .number(Int64(mentions)),
            joinedCell(articles.map { String($0.id) }), joinedCell(distinctSources),
        ]
    }

    /// The sources of the articles, each once, sorted.
    var distinctSources: [String] {
        // Most events have a few articles: a scan beats hashing them.
        var sources: [String] = []
        for article in articles where !sources.contains(article.source) { sources.append(article.source) }
        return sources.sorted()
    }

    public var jsonValue: JSONValue {
        .object([
            ("id", .int(id)), ("date", .string(date.text)), ("normalized", JSONValue(date.normalized)),
            ("precision", .string(date.precision.rawValue)), ("start", JSONValue(date.start?.iso)),
            ("end", JSONValue(date.end?.iso)), ("text", .string(text)), ("topics", jsonStrings(topics)),
            ("entities", jsonStrings(entities)), ("mentions", .int(Int64(mentions))),
            ("articles", .array(articles.map(\.jsonValue))),
        ])
    }
}

extension ArticleRow: ExportRecord {
    public static let columns = [
        "id", "day", "published_at", "source", "title", "url", "summary", "topics", "entities", "takeaways",
        "implications", "timeline_entries",
    ]

    public var csvCells: [CSVWriter.Cell] {
        [
            .number(id), .text(day), .text(publishedAt), .text(source), .text(title), .text(url), .text(summary),
            joinedCell(topics), joinedCell(entities), .number(Int64(takeaways)), .number(Int64(implications)),
            .number(Int64(timelineEntries)),
        ]
    }

    public var jsonValue: JSONValue {
        .object([
            ("id", .int(id)), ("day", .string(day)), ("published_at", JSONValue(publishedAt)), ("source", .string(source)),
            ("title", .string(title)), ("url", JSONValue(url)), ("summary", JSONValue(summary)),
            ("topics", jsonStrings(topics)), ("entities", jsonStrings(entities)), ("takeaways", .int(Int64(takeaways))),
            ("implications", .int(Int64(implications))), ("timeline_entries", .int(Int64(timelineEntries))),
        ])
    }
}

extension TakeawayRow: ExportRecord {
    public static let columns = ["id", "article_id", "day", "source", "article_title", "position", "text"]

    public var csvCells: [CSVWriter.Cell] {
        [.number(id), .number(article.id), .text(day), .text(article.source), .text(article.title), .number(Int64(position)), .text(text)]
    }

    public var jsonValue: JSONValue {
        .object([
            ("id", .int(id)), ("article", article.jsonValue), ("day", .string(day)), ("position", .int(Int64(position))),
            ("text", .string(text)),
        ])
    }
}

extension ImplicationRow: ExportRecord {
    public static let columns = ["id", "article_id", "day", "source", "article_title", "position", "headline", "detail"]

    public var csvCells: [CSVWriter.Cell] {
        [
            .number(id), .number(article.id), .text(day), .text(article.source), .text(article.title),
            .number(Int64(position)), .text(headline), .text(detail),
        ]
    }

    public var jsonValue: JSONValue {
        .object([
            ("id", .int(id)), ("article", article.jsonValue), ("day", .string(day)), ("position", .int(Int64(position))),
            ("headline", .string(headline)), ("detail", .string(detail)),
        ])
    }
}

extension TimelineRow: ExportRecord {
    public static let columns = [
        "id", "event_id", "article_id", "date", "precision", "start", "end", "text", "source", "article_title",
    ]

    public var csvCells: [CSVWriter.Cell] {
        [.number(id), .number(eventID), .number(article.id)] + date.csvCells
            + [.text(text), .text(article.source), .text(article.title)]
    }

    public var jsonValue: JSONValue {
        .object([
            ("id", .int(id)), ("event_id", JSONValue(eventID)), ("article", article.jsonValue),
            ("date", .string(date.text)), ("normalized", JSONValue(date.normalized)),
            ("precision", .string(date.precision.rawValue)), ("start", JSONValue(date.start?.iso)),
            ("end", JSONValue(date.end?.iso)), ("text", .string(text)),
        ])
    }
}

/// Writes records as CSV, a JSON array or NDJSON, as they come, to a byte sink:
/// memory stays flat however many rows pass through.
public struct RecordWriter<Record: ExportRecord> {
    /// The serialization.
    public enum Format: String, Sendable, CaseIterable {
        /// RFC 4180 CSV: the header, then one record per row (see ``CSVWriter``).
        case csv
        /// One JSON array with an object per row, one object per line; `[]` when there is none.
        case json
        /// One JSON object per line (NDJSON), each line ending with LF.
        case ndjson
    }

    /// How the records are written.
    public let format: Format
    /// The CSV dialect used when `format` is ``Format/csv``.
    public let csv: CSVWriter
    private let json = JSONWriter()
    private let sink: ([UInt8]) throws -> Void
    private var buffer: [UInt8] = []
    private var count = 0

    /// `sink` receives chunks of about 64 KiB, and the rest at `finish()`. The CSV header is
    /// `columns`: the record type's own (``ExportRecord/columns``) unless its records' columns
    /// are known only when they are read (``SQLRow``).
    public init(
        format: Format, csv: CSVWriter = CSVWriter(), columns: [String] = Record.columns, sink: @escaping ([UInt8]) throws -> Void
    ) {
        self.format = format
        self.csv = csv
        self.sink = sink
        buffer.reserveCapacity(1 << 17)
        switch format {
        case .csv:
            buffer += csv.preamble
            csv.appendRecord(columns.map { .text($0) }, to: &buffer)
        case .json: buffer.append(UInt8(ascii: "["))
        case .ndjson: break
        }
    }

    /// The number of records written so far.
    public var written: Int { count }

    /// Appends one record in ``format``, handing the buffer to the sink once it holds 64 KiB or more.
    public mutating func write(_ record: Record) throws {
        switch format {
        case .csv:
            csv.appendRecord(record.csvCells, to: &buffer)
        case .json:
            buffer += count == 0 ? [0x0A] : [0x2C, 0x0A]
            json.write(record.jsonValue, to: &buffer)
        case .ndjson:
            json.write(record.jsonValue, to: &buffer)
            buffer.append(0x0A)
        }
        count += 1
        if buffer.count >= 1 << 16 {
            try sink(buffer)
            buffer.removeAll(keepingCapacity: true)
        }
    }

    /// Closes the JSON array and hands the rest to the sink.
    public mutating func finish() throws {
        if format == .json { buffer += count == 0 ? [0x5D, 0x0A] : [0x0A, 0x5D, 0x0A] }
        if !buffer.isEmpty { try sink(buffer) }
        buffer.removeAll()
    }
}

extension CountRow: ExportRecord {
    /// `grouping` (year, topic…), `label` (the period or value), `start` and `end` (a
    /// period's first and last day, else empty) and `count`.
    public static let columns = ["grouping", "label", "start", "end", "count"]

    public var csvCells: [CSVWriter.Cell] {
        [.text(grouping.rawValue), .text(label), .text(start?.iso), .text(end?.iso), .number(Int64(count))]
    }

    public var jsonValue: JSONValue {
        .object([
            ("grouping", .string(grouping.rawValue)), ("label", .string(label)), ("start", JSONValue(start?.iso)),
            ("end", JSONValue(end?.iso)), ("count", .int(Int64(count))),
        ])
    }
}
