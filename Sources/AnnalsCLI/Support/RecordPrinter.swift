import AnnalsKit
import Foundation

/// Prints a stream of records in the chosen format, to stdout or to a file written
/// atomically (`--output`): the one way every command prints rows, from events to the rows
/// of `annals sql`. CSV, JSON and NDJSON go through the library's ``RecordWriter``; a table
/// sizes its columns on its first ``RecordOutput/tableBlock`` rows and prints later rows in
/// those columns (longer cells shortened), so no format accumulates a long listing.
struct RecordPrinter<Record: ExportRecord & TableRow> {
    var format: OutputFormat
    var csv = CSVWriter()
    var output: String?
    var empty: String
    /// The CSV header: the record type's, unless its columns are known only at run time.
    var columns = Record.columns
    /// The table's columns: likewise.
    var tableColumns = Record.tableColumns

    /// Calls `produce` with a function to hand records to; returns how many were printed.
    @discardableResult
    func print(_ produce: ((Record) throws -> Void) throws -> Void) throws -> Int {
        let output = try start()
        try produce { try output.add($0) }
        return try output.finish()
    }

    /// Starts printing: records go to the output's ``RecordOutput/add(_:)``, then
    /// ``RecordOutput/finish()`` once.
    func start() throws -> RecordOutput<Record> {
        try RecordOutput(self)
    }
}

/// One printing of records, begun by ``RecordPrinter/start()``.
final class RecordOutput<Record: ExportRecord & TableRow> {
    static var tableBlock: Int { 1000 }

    private let printer: RecordPrinter<Record>
    private let file: AtomicFile?
    private var writer: RecordWriter<Record>?
    private let table: TableRenderer?
    private var out = BufferedOutput()
    private var cells: [[String]] = []
    private var widths: [Int]?
    private var count = 0

    init(_ printer: RecordPrinter<Record>) throws {
        self.printer = printer
        if printer.format == .table && printer.output == nil {
            table = TableRenderer(columns: printer.tableColumns, width: Terminal.width, color: Terminal.usesColor)
            file = nil
            return
        }
        table = nil
        let format: RecordWriter<Record>.Format
        switch printer.format {
        case .json: format = .json
        case .ndjson: format = .ndjson
        case .csv, .table: format = .csv
        }
        let file = try printer.output.map(AtomicFile.init(path:))
        self.file = file
        let stdout = FileHandle.standardOutput
        writer = RecordWriter<Record>(format: format, csv: printer.csv, columns: printer.columns) { bytes in
            if let file { try file.write(bytes) } else { stdout.write(Data(bytes)) }
        }
    }

    func add(_ record: Record) throws {
        count += 1
        if writer != nil {
            try writer?.write(record)
            return
        }
        cells.append(record.tableCells.map(TableRenderer.cell))
        if cells.count >= Self.tableBlock { flushTable() }
    }

    private func flushTable() {
        guard let table else { return }
        let header = widths == nil
        let fitted = widths ?? table.widths(fitting: cells)
        widths = fitted
        out.write(table.render(cells: cells, widths: fitted, header: header))
        cells.removeAll(keepingCapacity: true)
    }

    /// Prints what is left and returns how many records were printed. With none, says
    /// `empty` on stderr whatever the format and destination: an empty CSV still has its
    /// header and an empty JSON export is `[]`, which look like answers.
    @discardableResult
    func finish() throws -> Int {
        if var writer {
            try writer.finish()
            try file?.commit()
            if count == 0 { Terminal.note(writer.format == .csv ? "\(printer.empty) (wrote the header only)" : printer.empty) }
            return count
        }
        if count == 0 {
            Terminal.note(printer.empty)
            return 0
        }
        if !cells.isEmpty { flushTable() }
        out.flush()
        return count
    }
}
