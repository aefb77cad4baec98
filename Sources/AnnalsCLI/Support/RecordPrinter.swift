import AnnalsKit
import Foundation

/// Prints a stream of records in the chosen format, to stdout or to a file written
/// atomically (`--output`): tables are collected to size their columns, the other
/// formats stream.
struct RecordPrinter<Record: ExportRecord & TableRow> {
    var format: OutputFormat
    var csv: CSVWriter
    var output: String?
    var empty: String

    /// Calls `produce` with a function to hand records to; returns how many were printed.
    @discardableResult
    func print(_ produce: ((Record) throws -> Void) throws -> Void) throws -> Int {
        if format == .table && output == nil {
            var rows: [[String]] = []
            try produce { rows.append($0.tableCells) }
            if rows.isEmpty {
                Terminal.note(empty)
            } else {
                let table = TableRenderer(columns: Record.tableColumns, width: Terminal.width, color: Terminal.usesColor)
                Terminal.writeExact(table.render(rows))
            }
            return rows.count
        }
        let recordFormat: RecordWriter<Record>.Format
        switch format {
        case .json: recordFormat = .json
        case .ndjson: recordFormat = .ndjson
        case .csv, .table: recordFormat = .csv
        }
        let file = try output.map(AtomicFile.init(path:))
        let stdout = FileHandle.standardOutput
        var writer = RecordWriter<Record>(format: recordFormat, csv: csv) { bytes in
            if let file { try file.write(bytes) } else { stdout.write(Data(bytes)) }
        }
        try produce { try writer.write($0) }
        try writer.finish()
        try file?.commit()
        // Say so on stderr whatever the format and destination: an empty CSV still has its
        // header and an empty JSON export is `[]`, which look like answers.
        if writer.written == 0 { Terminal.note(recordFormat == .csv ? "\(empty) (wrote the header only)" : empty) }
        return writer.written
    }
}
