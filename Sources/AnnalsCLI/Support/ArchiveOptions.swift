import AnnalsKit
import ArgumentParser
import Foundation

/// `--db PATH`, accepted before or after the subcommand.
struct ArchiveOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The archive file.", valueName: "path"))
    var db: String?

    @Flag(name: .long, help: ArgumentHelp(
        "Never write the archive: not even to upgrade it for this version, or to create it. "
            + "(Commands that only read open an existing, up-to-date archive read-only anyway.)"))
    var readOnly = false

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
    /// Whether the command writes the archive (ingest, corrections, reclassify…): one that
    /// does not opens an existing archive read-only (``openArchive()``).
    static var writesArchive: Bool { get }
}

extension ArchiveCommand {
    /// Opens the archive named by the options. A ``QueryCommand``'s queries get its time
    /// limit; Ctrl-C stops any command's queries (``Interrupt``).
    ///
    /// A command that only reads opens an existing archive read-only: it writes nothing, so
    /// an analyst's account can read the archive the cron job's account writes, and a query
    /// never waits for an ingest's write lock. Only an archive that needs an upgrade (or is
    /// being created) is opened to write, by an account that may (not with `--read-only`).
    /// A command that writes, and a read on a path with no archive yet (which creates it,
    /// empty), open it to read and write, and upgrade it.
    func openArchive() throws -> Archive {
        let path = archiveOptions.resolvedPath(parent: parent.archive)
        let readOnly = archiveOptions.readOnly || parent.archive.readOnly
        func open(_ access: Archive.Access) throws -> Archive {
            try Archive(path: path, access: access) { pending in
                // Said before the wait, on stderr: stdout may be a CSV or JSON someone reads.
                Terminal.note("upgrading the archive for this version of annals (\(pending.joined(separator: ", "))): "
                    + "done once; a large archive takes a minute or more")
            }
        }
        let archive: Archive
        if Self.writesArchive {
            if readOnly { throw ValidationError("--read-only cannot be used with a command that writes the archive") }
            archive = try open(.readWrite)
        } else if readOnly || FileManager.default.fileExists(atPath: path) {
            do {
                archive = try open(.readOnly)
            } catch let error as ArchiveError where !readOnly && FileManager.default.isWritableFile(atPath: path) {
                // Older, or still being created by another process (two first cron runs).
                switch error {
                case .needsUpgrade, .notSetUp: archive = try open(.readWrite)
                default: throw error
                }
            }
        } else {
            archive = try open(.readWrite)
        }
        if let command = self as? any QueryCommand { archive.queryLimits.timeout = command.queryTimeout }
        Interrupt.watch(archive)
        return archive
    }
}
