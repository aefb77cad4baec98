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
