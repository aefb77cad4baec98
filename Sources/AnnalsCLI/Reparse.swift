import AnnalsKit
import ArgumentParser

extension Annals {
    struct Reparse: ArchiveCommand {
        static let writesArchive = true
        static let configuration = CommandConfiguration(
            abstract: "Parse every stored document again with the current parser and update the archive.")

        @ParentCommand var parent: Annals
        @OptionGroup var archiveOptions: ArchiveOptions

        @Option(help: ArgumentHelp("Wait up to this many seconds for a running ingest.", valueName: "seconds"))
        var wait: Double = 0

        func run() throws {
            let report = try Ingestor(archive: try openArchive(), options: IngestOptions(lockWait: wait)).reparse()
            Terminal.write("reparsed \(report.summary)\n")
            for reject in report.rejects { Terminal.error("still rejected \(reject)") }
        }
    }
}
