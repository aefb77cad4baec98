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
            for row in rows {
                let fields = zip(columns, row).map { column, value in
                    "\(JSONText.quoted(column.name)): " + (column.numeric && Int64(value) != nil ? value : JSONText.quoted(value))
                }
                lines.add("{" + fields.joined(separator: ", ") + "}")
            }
            lines.finish()
        }
        out.flush()
    }
}
