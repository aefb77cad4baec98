import AnnalsKit
import ArgumentParser
import Foundation

/// `--db PATH`, accepted before or after the subcommand.
struct ArchiveOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The archive file.", valueName: "path"))
    var db: String?

    /// The path the archive is at: this `--db`, the parent's `--db`, `$ANNALS_DB`, or the XDG default.
    func resolvedPath(parent: ArchiveOptions?) -> String {
        if let db { return db }
        if let db = parent?.db { return db }
        let environment = ProcessInfo.processInfo.environment
        if let path = environment["ANNALS_DB"], !path.isEmpty { return path }
        let dataHome = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((environment["HOME"] ?? NSHomeDirectory()) + "/.local/share")
        return dataHome + "/annals/annals.sqlite"
    }
}

/// A subcommand that opens the archive.
protocol ArchiveCommand: ParsableCommand {
    var parent: Annals { get }
    var archiveOptions: ArchiveOptions { get }
}

extension ArchiveCommand {
    /// Opens (and migrates) the archive named by the options. A ``QueryCommand``'s queries
    /// get its time limit; Ctrl-C stops any command's queries (``Interrupt``).
    func openArchive() throws -> Archive {
        let archive = try Archive(path: archiveOptions.resolvedPath(parent: parent.archive)) { pending in
            // Said before the wait, on stderr: stdout may be a CSV or JSON someone reads.
            Terminal.note("upgrading the archive for this version of annals (\(pending.joined(separator: ", "))): "
                + "done once; a large archive takes a minute or more")
        }
        if let command = self as? any QueryCommand { archive.queryLimits.timeout = command.queryTimeout }
        Interrupt.watch(archive)
        return archive
    }
}
