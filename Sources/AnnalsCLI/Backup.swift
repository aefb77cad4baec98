import AnnalsKit
import ArgumentParser

extension Annals {
    struct Backup: ArchiveCommand {
        static let writesArchive = false
        static let configuration = CommandConfiguration(
            abstract: "Write a consistent copy of the archive, even while an ingest runs.")

        @ParentCommand var parent: Annals
        @OptionGroup var archiveOptions: ArchiveOptions

        @Argument(help: ArgumentHelp("The copy to write (replaced if it exists).", valueName: "file"))
        var file: String

        func run() throws {
            try openArchive().backup(to: file)
            Terminal.note("backed up to \(file)")
        }
    }
}
