import Foundation
import Testing

@Suite struct StandaloneBinaryTests {
    @Test func aCopiedBinaryCreatesAndMigratesADatabaseWithNoFilesBesideIt() throws {
        let folder = try AnnalsBinary.scratchFolder()
        let copy = folder.appending(path: "annals")
        try AnnalsBinary.copy(to: copy)
        let run = try AnnalsBinary.run(["--db", "fresh.sqlite", "stats", "--format", "csv"], executable: copy, directory: folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("table,rows\r\ndocuments,0\r\n"))
        #expect(FileManager.default.fileExists(atPath: folder.appending(path: "fresh.sqlite").path))
    }

    @Test func dbWorksBeforeOrAfterTheSubcommandAndFromTheEnvironment() throws {
        let folder = try AnnalsBinary.scratchFolder()
        for (arguments, environment, file) in [
            (["--db", "before.sqlite", "stats"], [String: String](), "before.sqlite"),
            (["stats", "--db", "after.sqlite"], [:], "after.sqlite"),
            (["stats"], ["ANNALS_DB": folder.appending(path: "env.sqlite").path], "env.sqlite"),
            (["stats"], ["XDG_DATA_HOME": folder.appending(path: "xdg").path], "xdg/annals/annals.sqlite"),
        ] {
            let run = try AnnalsBinary.run(arguments, directory: folder, environment: environment)
            #expect(run.status == 0, "\(arguments): \(run.stderr)")
            #expect(FileManager.default.fileExists(atPath: folder.appending(path: file).path), "\(arguments)")
        }
    }

    @Test func anUnusableDatabaseExitsWithAnIOErrorNamingThePath() throws {
        let folder = try AnnalsBinary.scratchFolder()
        let notADatabase = folder.appending(path: "notes.txt")
        try Data(String(repeating: "not a database\n", count: 200).utf8).write(to: notADatabase)
        let run = try AnnalsBinary.run(["--db", notADatabase.path, "stats"])
        #expect(run.status == 74)
        #expect(run.stderr.contains(notADatabase.path))
        let blocked = try AnnalsBinary.run(["--db", notADatabase.path + "/sub/a.sqlite", "stats"])
        #expect(blocked.status == 74)
        #expect(blocked.stderr.hasPrefix("annals: cannot open the archive"))
    }

    @Test func usageErrorsExit64() throws {
        #expect(try AnnalsBinary.run(["no-such-command"]).status == 64)
        #expect(try AnnalsBinary.run(["ingest"]).status == 64)
        #expect(try AnnalsBinary.run(["show", "not-a-number"]).status == 64)
    }
}
