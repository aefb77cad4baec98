import AnnalsKit
import ArgumentParser

/// `--timeout`, shared by the commands that query the archive.
struct QueryOptions: ParsableArguments {
    /// The limit when `--timeout` is not given: enough for any question the archive should
    /// answer at a terminal, short enough that a runaway query ends on its own.
    static let defaultTimeout = 5.0
    /// Exports and reports read every row of big archives.
    static let defaultExportTimeout = 60.0

    @Option(help: ArgumentHelp(
        "Stop a query after this many seconds of work (default: 5; export and report: 60; 0: no limit).",
        valueName: "seconds"))
    var timeout: Double?

    func validate() throws {
        if let timeout, timeout < 0 || !timeout.isFinite {
            throw ValidationError("--timeout must be 0 (no limit) or more seconds")
        }
    }

    /// The limit in seconds, nil for none.
    func seconds(default fallback: Double = QueryOptions.defaultTimeout) -> Double? {
        let value = timeout ?? fallback
        return value > 0 ? value : nil
    }
}

/// A command that queries the archive within a time limit (`--timeout`): its
/// ``ArchiveCommand/openArchive()`` sets the archive's ``QueryLimits``.
protocol QueryCommand: ArchiveCommand {
    var limits: QueryOptions { get }
    /// The limit when `--timeout` is not given.
    static var defaultTimeout: Double { get }
}

extension QueryCommand {
    static var defaultTimeout: Double { QueryOptions.defaultTimeout }
    /// A query only reads.
    static var writesArchive: Bool { false }

    /// The limit in seconds, nil for none.
    var queryTimeout: Double? { limits.seconds(default: Self.defaultTimeout) }
}
