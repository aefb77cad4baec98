import AnnalsKit

/// How a record shows in `--format table`: a few columns that fit a terminal.
protocol TableRow {
    static var tableColumns: [TableRenderer.Column] { get }
    var tableCells: [String] { get }
}

extension Event: TableRow {
    static let tableColumns: [TableRenderer.Column] = [
        .init(title: "id", numeric: true), .init(title: "date"), .init(title: "mentions", numeric: true),
        .init(title: "topics", flexible: true, yields: true), .init(title: "text", flexible: true),
    ]
    var tableCells: [String] { [String(id), date.text, String(mentions), topics.joined(separator: ", "), text] }
}

extension ArticleRow: TableRow {
    static let tableColumns: [TableRenderer.Column] = [
        .init(title: "id", numeric: true), .init(title: "day"), .init(title: "source", flexible: true, yields: true),
        .init(title: "title", flexible: true), .init(title: "topics", flexible: true, yields: true),
    ]
    var tableCells: [String] { [String(id), day, source, title, topics.joined(separator: ", ")] }
}

extension TakeawayRow: TableRow {
    static let tableColumns: [TableRenderer.Column] = [
        .init(title: "id", numeric: true), .init(title: "article", numeric: true),
        .init(title: "source", flexible: true, yields: true), .init(title: "takeaway", flexible: true),
    ]
    var tableCells: [String] { [String(id), String(article.id), article.source, text] }
}

extension ImplicationRow: TableRow {
    static let tableColumns: [TableRenderer.Column] = [
        .init(title: "id", numeric: true), .init(title: "article", numeric: true),
        .init(title: "headline", flexible: true), .init(title: "detail", flexible: true),
    ]
    var tableCells: [String] { [String(id), String(article.id), headline, detail] }
}

extension TimelineRow: TableRow {
    static let tableColumns: [TableRenderer.Column] = [
        .init(title: "id", numeric: true), .init(title: "event", numeric: true), .init(title: "date"),
        .init(title: "text", flexible: true), .init(title: "source", flexible: true, yields: true),
    ]
    var tableCells: [String] { [String(id), eventID.map(String.init) ?? "", date.text, text, article.source] }
}

extension TableCount: TableRow {
    static let tableColumns: [TableRenderer.Column] = [.init(title: "table"), .init(title: "rows", numeric: true)]
    var tableCells: [String] { [table, String(rows)] }
}

extension TopicCount: TableRow {
    static let tableColumns: [TableRenderer.Column] = [
        .init(title: "slug"), .init(title: "name", flexible: true), .init(title: "events", numeric: true),
        .init(title: "articles", numeric: true),
    ]
    var tableCells: [String] { [slug, name, String(events), String(articles)] }
}

extension SearchHit: TableRow {
    static let tableColumns: [TableRenderer.Column] = [
        .init(title: "kind"), .init(title: "id", numeric: true), .init(title: "article", numeric: true),
        .init(title: "event", numeric: true), .init(title: "source", flexible: true),
        .init(title: "title", flexible: true), .init(title: "snippet", flexible: true),
    ]
    var tableCells: [String] {
        [kind, String(id), String(article.id), eventID.map(String.init) ?? "", article.source, article.title, snippet]
    }
}

extension RejectRecord: TableRow {
    static let tableColumns: [TableRenderer.Column] = [
        .init(title: "id", numeric: true), .init(title: "rejected_at"), .init(title: "origin", flexible: true),
        .init(title: "line", numeric: true), .init(title: "reason", flexible: true), .init(title: "resolved_at"),
    ]
    var tableCells: [String] { [String(id), rejectedAt, origin, line.map(String.init) ?? "", reason, resolvedAt ?? ""] }
}

extension IngestRun: TableRow {
    static let tableColumns: [TableRenderer.Column] = [
        .init(title: "id", numeric: true), .init(title: "started"), .init(title: "finished"), .init(title: "status"),
        .init(title: "process"), .init(title: "documents", numeric: true), .init(title: "new", numeric: true),
        .init(title: "updated", numeric: true), .init(title: "unchanged", numeric: true),
        .init(title: "rejected", numeric: true), .init(title: "inputs", flexible: true),
    ]
    var tableCells: [String] {
        [String(id), startedAt, finishedAt ?? "", status, "\(host):\(pid)"]
            + [documents, new, updated, unchanged, rejected].map { String($0) } + [inputs]
    }
}

extension SQLRow: TableRow {
    /// Empty: `annals sql` gives the printer the statement's columns.
    static let tableColumns: [TableRenderer.Column] = []
    var tableCells: [String] { values.map { $0.text ?? "" } }
}
