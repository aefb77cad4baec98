import AnnalsKit
import ArgumentParser

extension Annals {
    struct Rejects: ArchiveCommand {
        static let writesArchive = false
        static let configuration = CommandConfiguration(
            abstract: "List rejected inputs with their reasons, or retry them with the current parser.")

        @ParentCommand var parent: Annals
        @OptionGroup var archiveOptions: ArchiveOptions
        @OptionGroup var output: OutputOptions

        @Flag(help: "Parse the stored rejected documents again; those that now parse are stored and resolved.")
        var retry = false

        @Flag(help: "Also list rejects that a retry has resolved.")
        var all = false

        @Option(help: ArgumentHelp("With --retry, wait up to this many seconds for a running ingest.", valueName: "seconds"))
        var wait: Double = 0

        func run() throws {
            let archive = try openArchive()
            if retry {
                let report = try Ingestor(archive: archive, options: IngestOptions(lockWait: wait)).reparse(rejectedOnly: true)
                Terminal.write("retried \(report.summary)\n")
                for reject in report.rejects { Terminal.error("still rejected \(reject)") }
                if !report.rejects.isEmpty { throw ExitCode(ExitStatus.dataError) }
                return
            }
            let rejects = try archive.rejects(includeResolved: all)
            try RecordPrinter<RejectRecord>(format: output.format, empty: "no rejects").print { try rejects.forEach($0) }
        }
    }
}
