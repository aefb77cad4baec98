import Foundation
import Testing

/// Reading an archive without writing it: `--read-only`, and an analyst's account reading
/// the archive that the cron job's account writes.
@Suite struct ReadOnlyCommandTests {
    /// The bytes of the archive and its write-ahead log.
    static func files(_ db: String) throws -> [Data] {
        try [db, db + "-wal"].map { FileManager.default.fileExists(atPath: $0) ? try Data(contentsOf: URL(fileURLWithPath: $0)) : Data() }
    }

    @Test func readOnlyAnswersTheSameAndLeavesTheFileAsItWas() throws {
        let archive = try FixtureArchive()
        let before = try Self.files(archive.db)
        for arguments in [["events", "--format", "json"], ["ask", "all export-control events since 2024"], ["stats"]] {
            let plain = try archive.annals(arguments)
            #expect(plain.status == 0, "\(plain.stderr)")
            // Before the subcommand or after it, as --db.
            for run in [try archive.annals(["--read-only"] + arguments), try archive.annals(arguments + ["--read-only"])] {
                #expect(run.status == 0, "\(run.stderr)")
                #expect(run.stdout == plain.stdout)
                #expect(run.stderr == plain.stderr)
            }
        }
        #expect(try Self.files(archive.db) == before)
    }

    @Test func readOnlyRefusesACommandThatWritesAndAFileThatIsNotThere() throws {
        let archive = try FixtureArchive()
        let before = try Self.files(archive.db)
        for arguments in [["ingest", AnnalsBinary.fixture("cards")], ["events", "merge", "1", "2"], ["reclassify"]] {
            let run = try archive.annals(["--read-only"] + arguments)
            #expect(run.status == 64, "\(arguments): \(run.stderr)")
            #expect(run.stderr.contains("--read-only cannot be used with a command that writes the archive"), "\(run.stderr)")
        }
        #expect(try Self.files(archive.db) == before)

        let missing = archive.folder.appending(path: "none.sqlite").path
        let run = try AnnalsBinary.run(["--db", missing, "--read-only", "stats"])
        #expect(run.status == 74)
        #expect(run.stderr == "annals: cannot open the archive \(missing): no such file (opened read-only, it is not created)\n")
        #expect(!FileManager.default.fileExists(atPath: missing))
    }

    /// The cron job's account owns the archive; an analyst's account may read it but not
    /// write it. The reading commands work as for the owner; a writing one says why it
    /// cannot. Run as `nobody` (through `setpriv`) when the tests run as root, who may write
    /// any file; otherwise the file is made read-only for this account.
    @Test func anAccountThatCannotWriteTheFileReadsIt() throws {
        let archive = try FixtureArchive()
        let owner = try archive.annals(["ask", "all export-control events since 2024"])
        #expect(owner.status == 0, "\(owner.stderr)")
        // A copy of the binary the other account can surely run, wherever the package is.
        let binary = archive.folder.appending(path: "annals")
        try AnnalsBinary.copy(to: binary)
        var prefix: [String] = []
        if getuid() == 0 {
            let setpriv = try #require(ExternalTools.which("setpriv"), "setpriv (util-linux) runs the command as nobody")
            prefix = [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"]
        } else {
            try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: archive.db)
        }
        func run(_ arguments: [String]) throws -> AnnalsRun {
            let command = prefix + [binary.path, "--db", archive.db] + arguments
            return try AnnalsBinary.run(Array(command.dropFirst()), executable: URL(fileURLWithPath: command[0]))
        }
        #expect(!(try run(["stats"]).stdout.isEmpty))
        let before = try Self.files(archive.db)

        let reader = try run(["ask", "all export-control events since 2024"])
        #expect(reader.status == 0, "\(reader.stderr)")
        #expect(reader.stdout == owner.stdout)
        #expect(reader.stdout.contains("export-controls"))

        let ingest = try run(["ingest", "--settle", "0", AnnalsBinary.fixture("cards")])
        #expect(ingest.status == 74)
        #expect(ingest.stderr == "annals: cannot open the archive \(archive.db): this account cannot write it (it can be opened read-only)\n")
        #expect(try Self.files(archive.db) == before)
    }
}
