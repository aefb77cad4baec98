import AnnalsKit
import ArgumentParser

extension InputFormat: ExpressibleByArgument {}

extension Annals {
    struct Ingest: ArchiveCommand {
        static let configuration = CommandConfiguration(
            abstract: "Ingest cards and JSON/NDJSON feeds from files, folders (recursively) or - for stdin.",
            discussion: "Prints one summary line. Exits 65 when any input was rejected; the others are stored."
        )

        @ParentCommand var parent: Annals
        @OptionGroup var archiveOptions: ArchiveOptions

        @Option(help: "The input format: auto (by extension, then content), card, json or ndjson.")
        var format: InputFormat = .auto

        @Flag(name: .shortAndLong, help: "List every document and what became of it.")
        var verbose = false

        @Flag(name: .shortAndLong, help: "Print nothing on success; only problems otherwise.")
        var quiet = false

        @Argument(help: ArgumentHelp("Files, folders, or - for standard input.", valueName: "path"))
        var paths: [String]

        func validate() throws {
            if verbose && quiet { throw ValidationError("--verbose and --quiet cannot be used together") }
            if paths.filter({ $0 == "-" }).count > 1 { throw ValidationError("standard input (-) can be given only once") }
        }

        func run() throws {
            let archive = try openArchive()
            let ingestor = Ingestor(archive: archive, options: IngestOptions(format: format))
            let verbose = verbose
            let quiet = quiet
            let report = try ingestor.ingest(paths: paths, onEvent: { event in
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
                }
            })
            if !quiet || !report.rejects.isEmpty { Terminal.write(report.summary + "\n") }
            if !report.rejects.isEmpty { throw ExitCode(ExitStatus.dataError) }
        }
    }
}
