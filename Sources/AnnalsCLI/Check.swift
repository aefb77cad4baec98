import AnnalsKit
import ArgumentParser

extension Annals {
    struct Check: ArchiveCommand {
        static let writesArchive = false
        static let configuration = CommandConfiguration(
            abstract: "Check the archive: SQLite integrity, foreign keys, and Annals' own invariants.",
            discussion: "Exits 0 when sound; otherwise lists each problem and exits 65.")

        @ParentCommand var parent: Annals
        @OptionGroup var archiveOptions: ArchiveOptions

        func run() throws {
            let problems = try openArchive().check()
            guard problems.isEmpty else {
                for problem in problems { Terminal.error(problem) }
                throw ExitCode(ExitStatus.dataError)
            }
            Terminal.write("ok\n")
        }
    }
}
