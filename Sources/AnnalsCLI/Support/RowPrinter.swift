import AnnalsKit

/// Prints simple rows (strings; numeric columns hold integers) in any `--format`.
struct RowPrinter {
    struct Column {
        var name: String
        var numeric = false
        var flexible = false
    }

    var format: OutputFormat
    var columns: [Column]
    var csv = CSVWriter()

    func print(_ rows: [[String]], empty: String = "no rows") throws {
        var out = BufferedOutput()
        switch format {
        case .table:
            if rows.isEmpty { Terminal.note(empty); return }
            let table = TableRenderer(
                columns: columns.map { .init(title: $0.name, numeric: $0.numeric, flexible: $0.flexible) },
                width: Terminal.width, color: Terminal.usesColor)
            out.write(table.render(rows))
        case .csv:
            var bytes = csv.preamble
            csv.appendRecord(columns.map { .text($0.name) }, to: &bytes)
            for row in rows {
                csv.appendRecord(zip(columns, row).map { column, value in
                    column.numeric ? .number(Int64(value)) : .text(value)
                }, to: &bytes)
            }
            out.write(bytes: bytes)
        case .json, .ndjson:
            var lines = JSONLinesOutput(array: format == .json)
            let writer = JSONWriter()
            for row in rows {
                let fields = zip(columns, row).map { column, value -> (key: String, value: JSONValue) in
                    (column.name, column.numeric ? JSONValue(Int64(value)) : .string(value))
                }
                lines.add(writer.string(.object(fields)))
            }
            lines.finish()
        }
        out.flush()
    }
}
