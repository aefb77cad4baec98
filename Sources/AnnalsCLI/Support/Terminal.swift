import AnnalsKit
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where the CLI writes: results to stdout, messages to stderr.
///
/// Text for people (plain output, messages) goes through ``InertText``, so nothing from a
/// card, a feed, a file name or a query can drive the terminal; tables escape their cells
/// when they are rendered (``TableRenderer``). Only machine formats (JSON, HTML, SVG) are
/// written exactly, with ``writeExact(_:)``.
enum Terminal {
    /// Writes plain text to stdout, control characters escaped (line feeds and tabs kept).
    static func write(_ text: String) {
        writeExact(InertText.escape(text))
    }

    /// Writes `text` to stdout as is: a rendered table, or JSON, HTML and SVG, which escape
    /// control characters in their own way or are meant for a program.
    static func writeExact(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// A message for people, on stderr: `annals: …`.
    static func error(_ message: String) {
        FileHandle.standardError.write(Data("annals: \(InertText.escape(message))\n".utf8))
    }

    /// A plain line on stderr.
    static func note(_ message: String) {
        FileHandle.standardError.write(Data("\(InertText.escape(message))\n".utf8))
    }

    /// Whether stdout is a terminal.
    static var isInteractive: Bool { isatty(STDOUT_FILENO) == 1 }

    /// Color only on a terminal, and never with NO_COLOR set.
    static var usesColor: Bool {
        isInteractive && ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true
            && ProcessInfo.processInfo.environment["TERM"] != "dumb"
    }

    /// The width to fit tables to: $COLUMNS, the terminal's, or nil when not a terminal.
    static var width: Int? {
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns > 20 {
            return columns
        }
        guard isInteractive else { return nil }
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 20 else { return 100 }
        return Int(size.ws_col)
    }
}
