import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where the CLI writes: results to stdout, messages to stderr.
enum Terminal {
    /// Writes `text` to stdout as is.
    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// A message for people, on stderr: `annals: …`.
    static func error(_ message: String) {
        FileHandle.standardError.write(Data("annals: \(message)\n".utf8))
    }

    /// A plain line on stderr.
    static func note(_ message: String) {
        FileHandle.standardError.write(Data("\(message)\n".utf8))
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
