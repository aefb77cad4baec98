import AnnalsKit
import ArgumentParser

/// Prints a count of `kind` by `grouping` in `format`: a table with a bar per row on the
/// terminal, or CSV, JSON or NDJSON rows (``CountRow``'s columns).
enum Counting {
    static func run(
        _ kind: RecordKind, filter: QueryFilter, by grouping: CountGrouping, archive: Archive, format: OutputFormat,
        csv: CSVOptions
    ) throws {
        let rows = try archive.counts(kind, matching: filter, by: grouping)
        if format == .table && csv.output == nil {
            guard !rows.isEmpty else { return Terminal.note("no \(kind.noun) match") }
            Terminal.write(table(rows, kind: kind))
            return
        }
        let printer = RecordPrinter<CountRow>(
            format: format, csv: csv.writer, output: csv.output, empty: "no \(kind.noun) match")
        try printer.print { emit in for row in rows { try emit(row) } }
    }

    /// The rows with a bar each, scaled so the largest count fills `barWidth` cells.
    static func table(_ rows: [CountRow], kind: RecordKind, barWidth: Int = 40) -> String {
        let largest = max(1, rows.map(\.count).max() ?? 1)
        let columns: [TableRenderer.Column] = [
            .init(title: rows.first?.grouping == .total ? "" : rows.first?.grouping.rawValue ?? "", flexible: true),
            .init(title: kind.rawValue, numeric: true), .init(title: ""),
        ]
        let cells = rows.map { row -> [String] in
            let cells = row.count == 0 ? 0 : max(1, row.count * barWidth / largest)
            return [row.label, String(row.count), String(repeating: "█", count: cells)]
        }
        return TableRenderer(columns: columns, width: Terminal.width, color: Terminal.usesColor).render(cells)
    }
}

/// What `RecordPrinter` asks of every record; a count's own table (with bars) is ``Counting/table(_:kind:barWidth:)``.
extension CountRow: TableRow {
    static let tableColumns: [TableRenderer.Column] = [.init(title: "label", flexible: true), .init(title: "count", numeric: true)]
    var tableCells: [String] { [label, String(count)] }
}

extension CountGrouping: ExpressibleByArgument {}
