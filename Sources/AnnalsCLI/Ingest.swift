import AnnalsKit
import ArgumentParser

extension InputFormat: ExpressibleByArgument {}

extension Annals {
    struct Ingest: ArchiveCommand {
        static let writesArchive = true
        static let configuration = CommandConfiguration(
            abstract: "Ingest cards and JSON/NDJSON feeds from files, folders (recursively) or - for stdin.",
            discussion: """
                Files already ingested (same path, size and modification time) are skipped without \
                being read; in folders, hidden files, *.part, *.tmp, *.crdownload and files changed \
                within --settle seconds are left for a later run. One ingest runs at a time per \
                archive: another exits 75 at once, or waits with --wait.
                Prints one summary line on stdout; problems go to stderr. Exits 65 when any input \
                was rejected; the others are stored.
                """
        )

        @ParentCommand var parent: Annals
        @OptionGroup var archiveOptions: ArchiveOptions

        @Option(help: "The input format: auto (by extension, then content), card, json or ndjson.")
        var format: InputFormat = .auto

        @Option(help: ArgumentHelp("Leave files in folders that changed less than this many seconds ago.", valueName: "seconds"))
        var settle: Double = 2

        @Flag(help: "Read files again even if they were ingested before, unchanged.")
        var rescan = false

        @Option(name: .customLong("move-to"), help: ArgumentHelp("Move each ingested file into this folder (dated subfolders); inside an input folder, it is not read.", valueName: "dir"))
        var moveTo: String?

        @Option(name: .customLong("reject-to"), help: ArgumentHelp("Move each rejected file into this folder, beside NAME.error.txt; inside an input folder, it is not read.", valueName: "dir"))
        var rejectTo: String?

        @Option(help: ArgumentHelp("Wait up to this many seconds for another ingest to finish (default: exit 75 at once).", valueName: "seconds"))
        var wait: Double = 0

        @Flag(name: .shortAndLong, help: "List every document and file and what became of it (on stderr).")
        var verbose = false

        @Flag(name: .shortAndLong, help: "Print nothing on success; only problems otherwise (for cron).")
        var quiet = false

        @Argument(help: ArgumentHelp("Files, folders, or - for standard input.", valueName: "path"))
        var paths: [String]

        func validate() throws {
            if verbose && quiet { throw ValidationError("--verbose and --quiet cannot be used together") }
            if paths.filter({ $0 == "-" }).count > 1 { throw ValidationError("standard input (-) can be given only once") }
            if settle < 0 { throw ValidationError("--settle must be 0 or more seconds") }
            if wait < 0 { throw ValidationError("--wait must be 0 or more seconds") }
        }

        func run() throws {
            let archive = try openArchive()
            let options = IngestOptions(
                format: format, settle: settle, rescan: rescan, moveTo: moveTo, rejectTo: rejectTo, lockWait: wait)
            let (verbose, quiet) = (verbose, quiet)
            let report = try Ingestor(archive: archive, options: options).ingest(paths: paths, onEvent: { event in
                switch event {
                case .rejected(let reject):
                    Terminal.error("rejected \(reject)")
                case .warning(let warning):
                    if !quiet { Terminal.note("warning: \(warning)") }
                case .stored(let origin, let line, let outcome):
                    guard verbose else { return }
                    let place = line.map { "\(origin):\($0)" } ?? origin
                    let what = outcome.duplicate ? "already archived"
                        : "\(outcome.new) new, \(outcome.updated) updated, \(outcome.unchanged) unchanged"
                    Terminal.note("\(place): \(what)")
                case .skipped(let path, let reason):
                    if verbose { Terminal.note("\(path): skipped, \(reason)") }
                case .moved(let from, let to):
                    if verbose { Terminal.note("\(from): moved to \(to)") }
                }
            })
            if !quiet || !report.rejects.isEmpty { Terminal.write(report.summary + "\n") }
            if !report.rejects.isEmpty { throw ExitCode(ExitStatus.dataError) }
        }
    }
}
