import Foundation
import Testing

/// `annals ingest` and the commands that show what it stored, run as a user would.
@Suite struct IngestCommandTests {
    let folder: URL
    let db: String

    init() throws {
        folder = try AnnalsBinary.scratchFolder()
        db = folder.appending(path: "annals.sqlite").path
    }

    @discardableResult
    func annals(_ arguments: [String], stdin: Data? = nil) throws -> AnnalsRun {
        try AnnalsBinary.run(["--db", db] + arguments, stdin: stdin, directory: folder)
    }

    func count(_ table: String) throws -> Int {
        let run = try annals(["sql", "SELECT count(*) AS n FROM \(table)", "--format", "csv"])
        return Int(run.stdout.split(separator: "\r\n").last ?? "") ?? -1
    }

    func jsonObjects(_ run: AnnalsRun) throws -> [[String: Any]] {
        try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]] ?? []
    }

    /// An archive from the version before the wordings index (0009), as `sqlite3` leaves it
    /// when that migration is undone: the first command says it upgrades, and still answers.
    @Test func anOlderArchiveIsUpgradedOnceWithANoteOnStderr() throws {
        let ingest = try annals(["ingest", "--settle", "0", AnnalsBinary.fixture("cards")])
        #expect(ingest.status == 0, "\(ingest.stderr)")
        #expect(!ingest.stderr.contains("upgrading"), "a new archive is not an upgrade: \(ingest.stderr)")
        let expected = try annals(["stats", "--format", "json"]).stdout
        let sqlite3 = Process()
        sqlite3.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        sqlite3.arguments = ["sqlite3", db, """
            DROP INDEX timeline_entries_wordings; DELETE FROM grdb_migrations WHERE identifier = '0009_event_wordings_index';
            """]
        try sqlite3.run()
        sqlite3.waitUntilExit()
        try #require(sqlite3.terminationStatus == 0, "the sqlite3 shell is needed (apt-get install sqlite3)")

        // With --read-only, it is not upgraded: refused with what to do.
        let refused = try annals(["--read-only", "stats"])
        #expect(refused.status == 69)
        #expect(refused.stderr == "annals: the archive \(db) was written by an older annals and needs an upgrade "
            + "(0009_event_wordings_index), which a read-only open cannot do: open it once with write access (as the account that writes it)\n")

        let upgraded = try annals(["stats", "--format", "json"])
        #expect(upgraded.status == 0, "\(upgraded.stderr)")
        #expect(upgraded.stderr == """
            upgrading the archive for this version of annals (0009_event_wordings_index): done once; a large archive takes a minute or more

            """)
        #expect(upgraded.stdout == expected)
        let index = try annals(["sql", "SELECT count(*) AS n FROM sqlite_schema WHERE name = 'timeline_entries_wordings'", "--format", "csv"])
        #expect(index.stdout == "n\r\n1\r\n")
        let again = try annals(["stats", "--format", "json"])
        #expect(again.stderr.isEmpty, "\(again.stderr)")
    }

    @Test func ingestingTheFixturesTwiceAddsNothingTheSecondTime() throws {
        let cards = AnnalsBinary.fixture("cards"), feeds = AnnalsBinary.fixture("feeds")
        let first = try annals(["ingest", "--settle", "0", cards, feeds])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.hasPrefix("21 documents: "), "\(first.stdout)")
        #expect(!first.stdout.contains(" 0 new"))
        let articles = try count("articles"), documents = try count("documents"), entries = try count("timeline_entries")
        #expect(articles > 0 && documents == 21)

        let second = try annals(["ingest", "--settle", "0", cards, feeds])
        #expect(second.status == 0)
        #expect(second.stdout.hasPrefix("0 documents: 0 new, 0 updated, 0 unchanged, 0 rejected (17 files seen before)"), "\(second.stdout)")

        let rescan = try annals(["ingest", "--settle", "0", "--rescan", cards, feeds])
        #expect(rescan.stdout.hasPrefix("21 documents: 0 new, 0 updated, 0 unchanged, 0 rejected (21 already archived"), "\(rescan.stdout)")
        #expect(try count("articles") == articles)
        #expect(try count("documents") == documents)
        #expect(try count("timeline_entries") == entries)
        #expect(try annals(["check"]).stdout == "ok\n")
    }

    @Test func theSampleCardIsStoredFieldByField() throws {
        try annals(["ingest", AnnalsBinary.fixture("cards/ars-technica-mojibake.txt")])
        let shown = try annals(["show", "1", "--format", "json"])
        #expect(shown.status == 0, "\(shown.stderr)")
        let article = try #require(try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any])
        #expect(article["id"] as? Int == 1)
        #expect(article["source"] as? String == "Ars Technica")
        #expect(article["title"] as? String == "US Accuses China of Industrial-Scale AI Theft")
        #expect(article["summary"] as? String == "US-China AI theft row risks sanctions, disrupting global AI supply chains for devs.")
        let tldr = try #require(article["tldr"] as? [String: Any])
        #expect(tldr["what_changed"] as? String == "US alleges systematic AI theft by China at industrial scale")
        #expect(tldr["who_should_care"] as? String == "Enterprise & Security Teams")
        #expect((article["takeaways"] as? [String])?.count == 3)
        #expect((article["takeaways"] as? [String])?.first?.hasPrefix("The US Department of Justice and the FBI") == true)
        let implications = try #require(article["implications"] as? [[String: Any]])
        #expect(implications.map { $0["headline"] as? String } == [
            "Global AI research collaboration will face a significant 'balkanization' effect.",
            "US-based AI labs will implement 'air-gapped' training environments for frontier models.",
        ])
        let timeline = try #require(article["timeline"] as? [[String: Any]])
        #expect(timeline.map { $0["date"] as? String } == ["2024-10", "2025-05", "2026-02"])
        #expect(timeline.map { $0["start"] as? String } == ["2024-10-01", "2025-05-01", "2026-02-01"])
        for junk in ["Weekly AI Recap", "Original source", "AI-curated", "Related Updates", "โ", "๐"] {
            #expect(!shown.stdout.contains(junk), "\(junk) leaked into the stored article")
        }
    }

    @Test func badInputsAreRejectedWithTheFileAndTheReasonAndTheRestIsStored() throws {
        let run = try annals(["ingest", "--settle", "0", AnnalsBinary.fixture("bad"), AnnalsBinary.fixture("cards/clean-emoji.txt")])
        #expect(run.status == 65)
        for (file, reason) in [
            ("empty.txt", "empty"), ("whitespace.txt", "empty"), ("binary.bin", "binary"),
            ("invalid-utf8.txt", "not valid UTF-8"), ("no-title.txt", "title"), ("not-json.json", "invalid JSON"),
            ("missing-title.json", "missing required field 'title'"), ("wrong-types.json", "should be"),
            ("truncated.ndjson:4", "invalid JSON"),
        ] {
            let line = run.stderr.split(separator: "\n").first { $0.contains("/bad/\(file):") }
            #expect(line?.contains(reason) == true, "\(file): \(line ?? "no message")")
        }
        // The good card and the good NDJSON lines are stored anyway.
        #expect(try count("articles") == 1 + 4)
        let rejects = try annals(["rejects", "--format", "json"])
        #expect(try jsonObjects(rejects).count >= 9)
        #expect(try count("rejects WHERE origin LIKE '%truncated.ndjson' AND line = 4") == 1)
    }

    @Test func standardInputAndTheShownJSONRoundTrip() throws {
        let card = try Data(contentsOf: URL(fileURLWithPath: AnnalsBinary.fixture("cards/no-markers.txt")))
        let first = try annals(["ingest", "-"], stdin: card)
        #expect(first.stdout.hasPrefix("1 document: 1 new"), "\(first.stdout) \(first.stderr)")
        let shown = try annals(["show", "1", "--format", "json"])
        let again = try annals(["ingest", "--format", "json", "-"], stdin: Data(shown.stdout.utf8))
        #expect(again.stdout.hasPrefix("1 document: 0 new, 0 updated, 1 unchanged"), "\(again.stdout) \(again.stderr)")
        #expect(try count("articles") == 1)
    }

    @Test func aNewVersionOfAnArticleUpdatesItAndKeepsTheOldDocument() throws {
        let original = try String(contentsOfFile: AnnalsBinary.fixture("cards/clean-emoji.txt"), encoding: .utf8)
        let path = folder.appending(path: "card.txt")
        try original.write(to: path, atomically: true, encoding: .utf8)
        try annals(["ingest", path.path])
        let edited = original.replacingOccurrences(of: "TSMC confirmed it already screens orders against the updated list.", with: "TSMC declined to comment.")
        #expect(edited != original)
        try edited.write(to: path, atomically: true, encoding: .utf8)
        let run = try annals(["ingest", path.path])
        #expect(run.stdout.hasPrefix("1 document: 0 new, 1 updated"), "\(run.stdout)")
        #expect(try count("documents") == 2)
        #expect(try count("articles") == 1)
        #expect(try annals(["takeaways", "--format", "csv"]).stdout.contains("TSMC declined to comment."))
        #expect(try annals(["check"]).status == 0)
    }

    @Test func aSecondIngestExits75WhileTheLockIsHeld() throws {
        try annals(["stats"])
        let fd = open(db + ".lock", O_RDWR | O_CREAT, 0o644)
        defer { close(fd) }
        #expect(flock(fd, LOCK_EX | LOCK_NB) == 0)
        let started = Date()
        let run = try annals(["ingest", AnnalsBinary.fixture("cards/clean-emoji.txt")])
        #expect(run.status == 75)
        #expect(run.stderr.contains("another ingest is running"))
        #expect(Date().timeIntervalSince(started) < 5)
        let waited = try annals(["ingest", "--wait", "1", AnnalsBinary.fixture("cards/clean-emoji.txt")])
        #expect(waited.status == 75)
        flock(fd, LOCK_UN)
        #expect(try annals(["ingest", AnnalsBinary.fixture("cards/clean-emoji.txt")]).status == 0)
    }

    @Test func movesIngestedAndRejectedFilesOutOfTheDropFolder() throws {
        let drop = folder.appending(path: "drop"), done = folder.appending(path: "done"), bad = folder.appending(path: "bad")
        try FileManager.default.createDirectory(at: drop, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: AnnalsBinary.fixture("cards/clean-emoji.txt"), toPath: drop.appending(path: "a.txt").path)
        try FileManager.default.copyItem(atPath: AnnalsBinary.fixture("bad/no-title.txt"), toPath: drop.appending(path: "b.txt").path)
        try Data("half".utf8).write(to: drop.appending(path: "c.txt.part"))
        let run = try annals(["ingest", "--settle", "0", "--move-to", done.path, "--reject-to", bad.path, drop.path])
        #expect(run.status == 65)
        let left = try FileManager.default.contentsOfDirectory(atPath: drop.path)
        #expect(left == ["c.txt.part"])
        let day = try #require(try FileManager.default.contentsOfDirectory(atPath: done.path).first)
        #expect(try FileManager.default.contentsOfDirectory(atPath: done.appending(path: day).path) == ["a.txt"])
        let rejected = try FileManager.default.contentsOfDirectory(atPath: bad.appending(path: day).path).sorted()
        #expect(rejected == ["b.txt", "b.txt.error.txt"])
        let note = try String(contentsOf: bad.appending(path: day).appending(path: "b.txt.error.txt"), encoding: .utf8)
        #expect(note.contains("title"))
    }

    @Test func aFolderNamedRelativelyOrAbsolutelyIsTheSameFolder() throws {
        let drop = folder.appending(path: "drop")
        try FileManager.default.createDirectory(at: drop, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: AnnalsBinary.fixture("cards/clean-emoji.txt"), toPath: drop.appending(path: "a.txt").path)
        let relative = try annals(["ingest", "--settle", "0", "drop"])
        #expect(relative.stdout.hasPrefix("1 document: 1 new"), "\(relative.stdout)")
        let absolute = try annals(["ingest", "--settle", "0", drop.path])
        #expect(absolute.stdout.hasPrefix("0 documents: 0 new, 0 updated, 0 unchanged, 0 rejected (1 file seen before)"), "\(absolute.stdout)")
    }

    /// The walk holds the seen files of the folders it is in, one folder at a time: a file
    /// after a subfolder (`z.txt` after `m/`) is still known once the walk leaves it, and a
    /// file named on the command line is known by itself.
    @Test func filesInNestedFoldersAreSeenBeforeAsTheWalkLeavesEach() throws {
        let drop = folder.appending(path: "drop")
        let layout = [
            "a.txt": "accents.txt", "m/b.txt": "bom.txt", "m/n/c.txt": "chinese.txt", "m/n/o/d.txt": "crlf.txt", "z.txt": "clean-emoji.txt",
        ]
        for (path, card) in layout {
            let target = drop.appending(path: path)
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: AnnalsBinary.fixture("cards/\(card)"), toPath: target.path)
        }
        let first = try annals(["ingest", "--settle", "0", drop.path])
        #expect(first.stdout.hasPrefix("5 documents: 5 new"), "\(first.stdout)")
        let again = try annals(["ingest", "--settle", "0", drop.path])
        #expect(again.stdout.hasPrefix("0 documents: 0 new, 0 updated, 0 unchanged, 0 rejected (5 files seen before)"), "\(again.stdout)")
        let named = try annals(["ingest", "--settle", "0", drop.appending(path: "z.txt").path, drop.appending(path: "m/n").path])
        #expect(named.stdout.hasPrefix("0 documents: 0 new, 0 updated, 0 unchanged, 0 rejected (3 files seen before)"), "\(named.stdout)")
    }

    /// A drop folder may hold the folders files are moved to: the walk does not enter them,
    /// so a file moved there during a run, or by a run before, is not read and moved again.
    @Test func theFoldersFilesAreMovedToAreNotWalkedInsideTheDropFolder() throws {
        let drop = folder.appending(path: "drop"), done = drop.appending(path: "done"), bad = drop.appending(path: "bad")
        try FileManager.default.createDirectory(at: drop, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: AnnalsBinary.fixture("cards/clean-emoji.txt"), toPath: drop.appending(path: "a.txt").path)
        try FileManager.default.copyItem(atPath: AnnalsBinary.fixture("bad/no-title.txt"), toPath: drop.appending(path: "b.txt").path)
        let arguments = ["ingest", "--settle", "0", "--move-to", done.path, "--reject-to", bad.path, drop.path]
        let first = try annals(arguments)
        #expect(first.status == 65 && first.stdout.hasPrefix("2 documents: 1 new"), "\(first.stdout)")
        try FileManager.default.copyItem(atPath: AnnalsBinary.fixture("cards/accents.txt"), toPath: drop.appending(path: "c.txt").path)
        let second = try annals(arguments)
        #expect(second.status == 0 && second.stdout.hasPrefix("1 document: 1 new"), "\(second.stdout)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: drop.path).sorted() == ["bad", "done"])
        let day = try #require(try FileManager.default.contentsOfDirectory(atPath: done.path).first)
        #expect(try FileManager.default.contentsOfDirectory(atPath: done.appending(path: day).path).sorted() == ["a.txt", "c.txt"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: bad.appending(path: day).path).sorted() == ["b.txt", "b.txt.error.txt"])
        // Named on the command line, the folder is read like any other.
        let named = try annals(["ingest", "--settle", "0", "--move-to", done.path, done.path])
        #expect(named.stdout.hasPrefix("2 documents: 0 new"), "\(named.stdout)")
    }

    /// The same holds when the drop folder and the folder files are moved to are spelled
    /// differently, one through a symbolic link: a cron line may name either.
    @Test func theFoldersFilesAreMovedToAreKnownThroughSymbolicLinks() throws {
        let real = folder.appending(path: "real"), drop = real.appending(path: "drop"), link = folder.appending(path: "link")
        try FileManager.default.createDirectory(at: drop, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: real)
        try FileManager.default.copyItem(atPath: AnnalsBinary.fixture("cards/clean-emoji.txt"), toPath: drop.appending(path: "a.txt").path)
        // The drop folder through the link, the moves by the real path (done/ is made by the run).
        let done = drop.appending(path: "done")
        let first = try annals(["ingest", "--settle", "0", "--move-to", done.path, link.appending(path: "drop").path])
        #expect(first.status == 0 && first.stdout.hasPrefix("1 document: 1 new"), "\(first.stdout)")
        // Then the other way round, as a second cron line might: nothing is read again.
        try FileManager.default.copyItem(atPath: AnnalsBinary.fixture("cards/accents.txt"), toPath: drop.appending(path: "c.txt").path)
        let second = try annals(["ingest", "--settle", "0", "--move-to", link.appending(path: "drop/done").path, drop.path])
        #expect(second.status == 0 && second.stdout.hasPrefix("1 document: 1 new"), "\(second.stdout)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: drop.path) == ["done"])
        let day = try #require(try FileManager.default.contentsOfDirectory(atPath: done.path).first)
        #expect(try FileManager.default.contentsOfDirectory(atPath: done.appending(path: day).path).sorted() == ["a.txt", "c.txt"])
    }

    @Test func filesStillBeingWrittenAreLeftForALaterRun() throws {
        let drop = folder.appending(path: "drop")
        try FileManager.default.createDirectory(at: drop, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: AnnalsBinary.fixture("cards/clean-emoji.txt"), toPath: drop.appending(path: "fresh.txt").path)
        let early = try annals(["ingest", "--settle", "30", "--verbose", drop.path])
        #expect(early.stdout.hasPrefix("0 documents"), "\(early.stdout)")
        #expect(early.stderr.contains("fresh.txt: skipped, changed less than 30.0s ago"))
        let later = try annals(["ingest", "--settle", "0", drop.path])
        #expect(later.stdout.hasPrefix("1 document: 1 new"))
    }

    @Test func quietPrintsNothingOnSuccess() throws {
        let run = try annals(["ingest", "--quiet", AnnalsBinary.fixture("cards/clean-emoji.txt")])
        #expect(run.status == 0)
        #expect(run.stdout.isEmpty && run.stderr.isEmpty)
        let runs = try annals(["runs", "--format", "json"])
        let recorded = try jsonObjects(runs)
        #expect(recorded.first?["status"] as? String == "ok")
        #expect(recorded.first?["new"] as? Int == 1)
    }

    @Test func backupIsAConsistentCopyAndCheckPasses() throws {
        try annals(["ingest", "--settle", "0", AnnalsBinary.fixture("cards")])
        let copy = folder.appending(path: "copy.sqlite").path
        #expect(try annals(["backup", copy]).status == 0)
        let original = try annals(["stats", "--format", "csv"]).stdout
        let copied = try AnnalsBinary.run(["--db", copy, "stats", "--format", "csv"]).stdout
        #expect(original == copied)
        #expect(try AnnalsBinary.run(["--db", copy, "check"]).stdout == "ok\n")
    }

    @Test func sqlCannotWrite() throws {
        try annals(["ingest", AnnalsBinary.fixture("cards/clean-emoji.txt")])
        for statement in ["DELETE FROM articles", "DROP TABLE articles", "INSERT INTO sources (name, key) VALUES ('x', 'x')",
                          "ATTACH DATABASE 'other.sqlite' AS other", "PRAGMA journal_mode = DELETE", "SELECT 1; DELETE FROM articles"] {
            let run = try annals(["sql", statement])
            #expect(run.status == 64, "\(statement)")
            #expect(run.stderr.hasPrefix("annals: "), "\(statement): \(run.stderr)")
        }
        #expect(try count("articles") == 1)
        #expect(!FileManager.default.fileExists(atPath: folder.appending(path: "other.sqlite").path))
    }
}
