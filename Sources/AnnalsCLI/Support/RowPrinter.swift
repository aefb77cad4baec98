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
        let stream = RowStream(self)
        for row in rows { stream.add(row) }
        stream.finish(empty: empty)
    }
}

/// Rows printed as they come, so a result larger than memory never accumulates: CSV, JSON
/// and NDJSON row by row; a table sizes its columns on its first ``tableBlock`` rows and
/// prints later rows in those columns (longer cells shortened).
final class RowStream {
    static let tableBlock = 1000

    let printer: RowPrinter
    private var out = BufferedOutput()
    private var json: JSONLinesOutput?
    private var csvBytes: [UInt8] = []
    private let table: TableRenderer
    private var tableCells: [[String]] = []
    private var tableWidths: [Int]?
    private(set) var count = 0

    init(_ printer: RowPrinter) {
        self.printer = printer
        table = TableRenderer(
            columns: printer.columns.map { .init(title: $0.name, numeric: $0.numeric, flexible: $0.flexible) },
            width: Terminal.width, color: Terminal.usesColor)
        switch printer.format {
        case .csv:
            csvBytes = printer.csv.preamble
            printer.csv.appendRecord(printer.columns.map { .text($0.name) }, to: &csvBytes)
        case .json, .ndjson:
            json = JSONLinesOutput(array: printer.format == .json)
        case .table:
            break
        }
    }

    func add(_ row: [String]) {
        count += 1
        let columns = printer.columns
        switch printer.format {
        case .table:
            tableCells.append(row.map(TableRenderer.cell))
            if tableCells.count >= Self.tableBlock { flushTable() }
        case .csv:
            printer.csv.appendRecord(zip(columns, row).map { column, value in
                column.numeric ? .number(Int64(value)) : .text(value)
            }, to: &csvBytes)
            if csvBytes.count >= 1 << 16 {
                out.write(bytes: csvBytes)
                csvBytes.removeAll(keepingCapacity: true)
            }
        case .json, .ndjson:
            let fields = zip(columns, row).map { column, value -> (key: String, value: JSONValue) in
                (column.name, column.numeric ? JSONValue(Int64(value)) : .string(value))
            }
            json?.add(JSONWriter().string(.object(fields)))
        }
    }

    private func flushTable() {
        let header = tableWidths == nil
        let widths = tableWidths ?? table.widths(fitting: tableCells)
        tableWidths = widths
        out.write(table.render(cells: tableCells, widths: widths, header: header))
        tableCells.removeAll(keepingCapacity: true)
    }

    /// Prints what is left; a table with no rows says `empty` on stderr instead.
    func finish(empty: String) {
        switch printer.format {
        case .table:
            if count == 0 {
                Terminal.note(empty)
                return
            }
            if !tableCells.isEmpty { flushTable() }
        case .csv:
            out.write(bytes: csvBytes)
        case .json, .ndjson:
            json.take()?.finish()
        }
        out.flush()
    }
}
