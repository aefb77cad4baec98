import AnnalsKit
import ArgumentParser

extension Annals {
    struct Runs: ArchiveCommand {
        static let writesArchive = false
        static let configuration = CommandConfiguration(abstract: "List recent ingest runs, newest first.")

        @ParentCommand var parent: Annals
        @OptionGroup var archiveOptions: ArchiveOptions
        @OptionGroup var output: OutputOptions

        @Option(help: "At most this many runs.")
        var limit = 20

        func run() throws {
            let runs = try openArchive().runs(limit: limit)
            try RecordPrinter<IngestRun>(format: output.format, empty: "no ingest runs yet").print { try runs.forEach($0) }
        }
    }
}
