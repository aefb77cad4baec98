import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The proof that `annals ingest` can run unattended from cron over a drop folder that other
/// programs write into (docs/unattended.md): killed at any moment it loses nothing and
/// stores nothing twice; two runs and a reader at once never clash; bad files are reported
/// with their path and reason and never stop the others.
///
/// Every test runs the built binary, as cron would.
@Suite struct DropFolderTests {
    let folder: URL
    let db: String

    init() throws {
        folder = try AnnalsBinary.scratchFolder()
        db = folder.appending(path: "annals.sqlite").path
    }

    @discardableResult
    func annals(_ arguments: [String], db: String? = nil) throws -> AnnalsRun {
        try AnnalsBinary.run(["--db", db ?? self.db] + arguments, directory: folder)
    }

    /// The one number a `SELECT` returns.
    func number(_ sql: String, db: String? = nil) throws -> Int {
        let run = try annals(["sql", sql, "--format", "csv"], db: db)
        #expect(run.status == 0, "\(sql): \(run.stderr)")
        return Int(run.stdout.split(separator: "\r\n").last ?? "") ?? -1
    }

    // MARK: - Crash

    /// `kill -9` at random moments, at least 20 times, then one normal run: every card is
    /// stored exactly once, the archive checks out, and every file is still on disk, once.
    ///
    /// Cards arrive in the drop folder in 40 deliveries, one before each of the first runs,
    /// as they would from the programs that write there, so every run has work to be killed
    /// in. Each kill falls at a random moment of the time the run should take (measured by a
    /// first, uninterrupted run over all the cards), so kills land while parsing, while
    /// storing, between storing and recording the files, and some runs finish. The runs
    /// switch at random between the two ways cron can run: files left in place (remembered
    /// in `seen_files`) and files moved to `--move-to` as soon as they are stored.
    /// `ANNALS_CRASH_SEED` replays another sequence.
    @Test func killingRunsAtRandomMomentsLosesNothingAndStoresNothingTwice() throws {
        let count = 1_000, deliveries = 40
        let seed = ProcessInfo.processInfo.environment["ANNALS_CRASH_SEED"].flatMap(UInt64.init) ?? 20_261_126
        var random = SeededRandom(seed: seed)
        let incoming = folder.appending(path: "incoming"), drop = folder.appending(path: "drop"), done = folder.appending(path: "done")
        let subfolders = ["a", "b", "c", "d", "e", "f"]
        let cards = try GeneratedCards.write(count: count, into: incoming, subfolders: subfolders)
        for name in subfolders {
            try FileManager.default.createDirectory(at: drop.appending(path: name), withIntermediateDirectories: true)
        }

        // An uninterrupted run into another archive: the time scale of the kills, and the
        // reference the killed archive must end up equal to.
        let reference = folder.appending(path: "reference.sqlite").path
        let (control, full) = try timed { try annals(["ingest", "--settle", "0", incoming.path], db: reference) }
        #expect(control.status == 0, "\(control.stderr)")
        #expect(control.stdout.hasPrefix("\(count) documents: \(count) new"), "\(control.stdout)")
        // What a run costs before its first card: open, lock, load the taxonomy, list the folder.
        let empty = folder.appending(path: "empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let (_, startup) = try timed { try annals(["ingest", "--settle", "0", empty.path], db: reference) }
        let perCard = max(0, full - startup) / Double(count)

        var kills = 0, killedAfterStoring = 0, completed = 0, attempts = 0, delivered = 0
        var stored = 0, pace = 1.0
        let stderr = folder.appending(path: "killed-run.stderr")
        while (kills < 20 || delivered < count) && attempts < 100 {
            attempts += 1
            if delivered < count {
                let next = min(count, delivered + count / deliveries)
                for n in delivered..<next {
                    let relative = "\(subfolders[n % subfolders.count])/\(GeneratedCards.name(n))"
                    #expect(rename(incoming.appending(path: relative).path, drop.appending(path: relative).path) == 0)
                }
                delivered = next
            }
            // A random moment of the time this run should take: its start, then its cards.
            // `pace` follows the machine's load: up after a run killed before it stored
            // anything, down after a run that finished, so kills fall all along the runs.
            let expected = (startup + perCard * Double(delivered - stored)) * pace
            let delay = expected * Double.random(in: 0.05...1.0, using: &random)
            var arguments = ["--db", db, "ingest", "--settle", "0", "--quiet"]
            if Bool.random(using: &random) { arguments += ["--move-to", done.path] }
            let process = try AnnalsBinary.start(arguments + [drop.path], stderr: stderr, directory: folder)
            let deadline = Date().addingTimeInterval(delay)
            while process.isRunning && Date() < deadline { usleep(2_000) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
            // The archive opens and reads after every kill.
            let before = stored
            stored = try number("SELECT count(*) FROM documents")
            #expect(stored >= before && stored <= delivered, "documents went from \(before) to \(stored), \(delivered) delivered")
            if ProcessInfo.processInfo.environment["ANNALS_CRASH_VERBOSE"] != nil {
                print("run \(attempts): \(delivered - before) waiting, pace \(String(format: "%.2f", pace)), delay \(String(format: "%.2f", delay))s, \(process.terminationReason == .uncaughtSignal ? "killed" : "finished"), \(stored - before) stored")
            }
            if process.terminationReason == .uncaughtSignal {
                kills += 1
                if stored > before { killedAfterStoring += 1 } else { pace *= 1.15 }
            } else {
                completed += 1
                pace = max(0.2, pace * 0.85)
                let messages = (try? String(contentsOf: stderr, encoding: .utf8)) ?? ""
                #expect(process.terminationStatus == 0 && messages.isEmpty, "a run that was not killed failed: \(messages)")
            }
        }
        #expect(kills >= 20, "only \(kills) of \(attempts) runs were killed before they finished")
        #expect(delivered == count)
        print("""
            crash test: seed \(seed), \(count) cards, full run \(String(format: "%.2f", full))s; \(attempts) runs: \
            \(kills) killed (\(killedAfterStoring) of them after storing cards), \(completed) finished
            """)

        let final = try annals(["ingest", "--settle", "0", drop.path])
        #expect(final.status == 0, "\(final.stderr)")
        #expect(final.stderr.isEmpty, "\(final.stderr)")

        // Stored exactly once: one document and one article per card, no title twice.
        #expect(try number("SELECT count(*) FROM documents") == count)
        #expect(try number("SELECT count(*) FROM articles") == count)
        #expect(try number("SELECT count(DISTINCT title) FROM articles") == count)
        // Nothing lost: every part of every card, as in the run that was never killed.
        for table in ["takeaways", "implications", "timeline_entries", "article_documents"] {
            let expected = try number("SELECT count(*) FROM \(table)", db: reference)
            #expect(try number("SELECT count(*) FROM \(table)") == expected, "\(table)")
        }
        #expect(try number("SELECT count(*) FROM takeaways") == 4 * count)
        #expect(try number("SELECT count(*) FROM timeline_entries") == 3 * count)
        let titles = "SELECT title FROM articles ORDER BY title"
        #expect(try annals(["sql", titles, "--format", "csv"]).stdout == (try annals(["sql", titles, "--format", "csv"], db: reference).stdout))
        #expect(try annals(["check"]).stdout == "ok\n")
        #expect(try number("SELECT count(*) FROM rejects") == 0)
        #expect(try annals(["rejects", "--format", "json"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "[]")
        // A killed run is not left 'running' for ever.
        #expect(try number("SELECT count(*) FROM ingest_runs WHERE status NOT IN ('ok', 'failed')") == 0)

        // Every file is still on disk, exactly once and unchanged: left in the drop folder
        // (seen) or moved to done/DAY/ by a run that stored it.
        var found: [String: Int] = [:]
        for root in [drop, done] {
            for path in try GeneratedCards.files(under: root) {
                let name = (path as NSString).lastPathComponent
                found[name, default: 0] += 1
                #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == cards[name], "\(path) changed")
            }
        }
        #expect(found.count == count && found.values.allSatisfy { $0 == 1 }, "files lost or copied: \(found.filter { $0.value != 1 })")
        let again = try annals(["ingest", "--settle", "0", drop.path])
        #expect(again.stdout.hasPrefix("0 documents"), "\(again.stdout)")
    }

    // MARK: - Concurrency

    /// Two ingests started at once over overlapping folders of a new archive, while a third
    /// process queries in a loop: no 'database is locked', no duplicate, no partial article.
    @Test func twoIngestsAndAReaderAtOnceNeverClash() throws {
        let drop = folder.appending(path: "drop")
        let count = 600
        _ = try GeneratedCards.write(count: count, into: drop, subfolders: ["a", "b", "c"])
        // An article is whole when it has every part a generated card has.
        let query = """
            SELECT (SELECT count(*) FROM articles a
                    WHERE (SELECT count(*) FROM takeaways t WHERE t.article_id = a.id) != 4
                       OR (SELECT count(*) FROM implications i WHERE i.article_id = a.id) != 2
                       OR (SELECT count(*) FROM timeline_entries e WHERE e.article_id = a.id) != 3
                       OR NOT EXISTS (SELECT 1 FROM article_documents d WHERE d.article_id = a.id)) AS partial,
                   (SELECT count(*) FROM articles) AS articles
            """
        let readings = Shared<[AnnalsRun]>([])
        let ingests = Shared<[String: AnnalsRun]>([:])
        let stop = Shared(false)
        let (db, folder) = (db, folder)
        // No archive yet: all three processes create and migrate it at the same moment.
        let reader = onThread {
            while !stop.value {
                if let run = try? AnnalsBinary.runWithoutPipes(["--db", db, "sql", query, "--format", "csv"], directory: folder) {
                    readings.update { $0.append(run) }
                }
            }
        }
        let writers = [("whole", [drop.path]), ("part", [drop.appending(path: "b").path, drop.appending(path: "c").path])].map { name, paths in
            onThread {
                let run = try? AnnalsBinary.runWithoutPipes(["--db", db, "ingest", "--settle", "0", "--wait", "60"] + paths, directory: folder)
                ingests.update { $0[name] = run }
            }
        }
        writers.forEach { $0.wait() }
        stop.update { $0 = true }
        reader.wait()

        var new = 0
        for (name, run) in ingests.value {
            #expect(run.status == 0, "\(name): \(run.stderr)")
            #expect(!run.stderr.lowercased().contains("locked"), "\(name): \(run.stderr)")
            new += Int(run.stdout.split(separator: " ").dropFirst(2).first ?? "") ?? 0
        }
        #expect(ingests.value.count == 2)
        #expect(new == count, "the two runs stored \(new) new articles")

        var seen = 0, counts: Set<Int> = []
        for run in readings.value {
            #expect(run.status == 0, "reader: \(run.stderr)")
            #expect(!run.stderr.lowercased().contains("locked"), "reader: \(run.stderr)")
            let cells = (run.stdout.split(separator: "\r\n").last ?? "").split(separator: ",").compactMap { Int($0) }
            guard cells.count == 2 else { continue }
            #expect(cells[0] == 0, "the reader saw \(cells[0]) partial articles")
            #expect(cells[1] >= seen, "articles went from \(seen) to \(cells[1])")
            seen = cells[1]
            counts.insert(seen)
        }
        #expect(counts.count >= 2, "the reader never ran while the archive changed: it saw \(counts.sorted()) articles")
        print("concurrency test: \(readings.value.count) readings while two runs ingested \(count) cards")

        #expect(try number("SELECT count(*) FROM documents") == count)
        #expect(try number("SELECT count(*) FROM articles") == count)
        #expect(try number("SELECT count(DISTINCT title) FROM articles") == count)
        #expect(try number("SELECT count(*) FROM seen_files") == count)
        #expect(try annals(["check"]).stdout == "ok\n")
    }

    /// The first cron runs of a new archive, and an analyst, may open it at the same moment:
    /// every one of them creates or migrates it without error.
    @Test func processesOpeningANewArchiveAtOnceAllSucceed() throws {
        for attempt in 1...5 {
            let db = folder.appending(path: "new-\(attempt).sqlite").path
            let commands = [["stats"], ["stats"], ["sql", "SELECT 1"], ["runs"]]
            let processes = try commands.map { arguments in
                try AnnalsBinary.start(["--db", db] + arguments, stderr: URL(fileURLWithPath: db + ".\(arguments[0]).stderr"), directory: folder)
            }
            for (process, arguments) in zip(processes, commands) {
                process.waitUntilExit()
                let messages = (try? String(contentsOfFile: db + ".\(arguments[0]).stderr", encoding: .utf8)) ?? ""
                #expect(process.terminationStatus == 0, "\(arguments): \(messages)")
            }
            #expect(try annals(["check"], db: db).stdout == "ok\n")
        }
    }

    /// Without `--wait`, a second run exits 75 at once while another holds the lock, and says
    /// which process holds it; with `--wait`, it runs when the other is done. The first run
    /// holds the lock for as long as this test keeps its standard input open.
    @Test func withoutWaitASecondRunExits75AtOnceAndWithWaitItRunsAfterTheFirst() throws {
        let drop = folder.appending(path: "drop")
        _ = try GeneratedCards.write(count: 3, into: drop, subfolders: ["a"])
        let holder = Process()
        holder.executableURL = AnnalsBinary.url
        holder.arguments = ["--db", db, "ingest", "--format", "card", "-"]
        holder.currentDirectoryURL = folder
        let input = Pipe()
        holder.standardInput = input
        holder.standardOutput = FileHandle.nullDevice
        holder.standardError = FileHandle.nullDevice
        try holder.run()
        defer { if holder.isRunning { kill(holder.processIdentifier, SIGKILL) } }

        let note = "pid \(holder.processIdentifier) "
        let deadline = Date().addingTimeInterval(30)
        while !((try? String(contentsOfFile: db + ".lock", encoding: .utf8))?.hasPrefix(note) ?? false) && Date() < deadline {
            Thread.sleep(forTimeInterval: 0.05)
        }
        let started = Date()
        let refused = try annals(["ingest", "--settle", "0", drop.path])
        #expect(refused.status == 75, "\(refused.stderr)")
        #expect(Date().timeIntervalSince(started) < 5)
        #expect(refused.stderr.contains("another ingest is running") && refused.stderr.contains(note), "\(refused.stderr)")
        #expect(refused.stdout.isEmpty)

        let waited = Shared<AnnalsRun?>(nil)
        let (db, folder) = (db, folder)
        let waiting = onThread {
            let run = try? AnnalsBinary.runWithoutPipes(["--db", db, "ingest", "--settle", "0", "--wait", "60", drop.path], directory: folder)
            waited.update { $0 = run }
        }
        Thread.sleep(forTimeInterval: 1)
        input.fileHandleForWriting.write(try Data(contentsOf: URL(fileURLWithPath: AnnalsBinary.fixture("cards/clean-emoji.txt"))))
        try input.fileHandleForWriting.close()
        holder.waitUntilExit()
        #expect(holder.terminationStatus == 0)
        waiting.wait()
        #expect(waited.value?.status == 0, "\(waited.value?.stderr ?? "did not run")")
        #expect(waited.value?.stdout.hasPrefix("3 documents: 3 new") == true, "\(waited.value?.stdout ?? "")")
        #expect(try number("SELECT count(*) FROM articles") == 4)
    }

    // MARK: - Bad input

    /// One drop folder holding every kind of bad input beside good ones, ingested with the
    /// cron command line: each problem is on stderr with its path and reason, the good files
    /// are stored, the run exits 65, and the archive checks out.
    ///
    /// An unreadable file: root reads a `chmod 000` file anyway, so when the tests run as root
    /// the ingest runs as `nobody` (setpriv), the user a cron job should run as; the folder is
    /// made writable for it. Without setpriv that one case is left out.
    @Test func everyKindOfBadInputIsReportedAndTheRestIsStored() throws {
        let fm = FileManager.default
        let drop = folder.appending(path: "drop"), done = folder.appending(path: "done"), rejected = folder.appending(path: "rejected")
        try fm.createDirectory(at: drop.appending(path: "nested"), withIntermediateDirectories: true)
        func put(_ name: String, _ bytes: Data) throws { try bytes.write(to: drop.appending(path: name)) }
        let card = try Data(contentsOf: URL(fileURLWithPath: AnnalsBinary.fixture("cards/clean-emoji.txt")))
        let feed = try Data(contentsOf: URL(fileURLWithPath: AnnalsBinary.fixture("feeds/feed.ndjson")))
        try put("good.txt", card)
        try put("nested/good.ndjson", feed)
        try put("empty.txt", Data())
        var noise = SeededRandom(seed: 7)
        try put("binary.bin", Data((0..<4096).map { _ in UInt8.random(in: 0...255, using: &noise) }))
        try put("invalid-utf8.txt", Data("⚙️Reuters•Fresh\nCaf".utf8) + Data([0xE9, 0x20, 0xFF, 0xFE, 0x0A]))
        // A writer that died half-way: two whole lines, and half of the third.
        let lines = feed.split(separator: 0x0A, omittingEmptySubsequences: false)
        try put("truncated.ndjson", Data(lines[0] + [0x0A] + lines[1] + [0x0A] + lines[2].prefix(lines[2].count / 2)))
        // 50 MB, made sparse so it costs no time to write: as a card and as one NDJSON line.
        for name in ["huge.txt", "huge.ndjson"] {
            try put(name, Data())
            #expect(truncate(drop.appending(path: name).path, 50 << 20) == 0)
        }
        try fm.createSymbolicLink(atPath: drop.appending(path: "loop").path, withDestinationPath: ".")
        try fm.createSymbolicLink(atPath: drop.appending(path: "dangling.txt").path, withDestinationPath: "nowhere.txt")
        #expect(mkfifo(drop.appending(path: "pipe.txt").path, 0o644) == 0)
        let unreadable = drop.appending(path: "unreadable.txt")
        try put("unreadable.txt", Data(String(decoding: card, as: UTF8.self).replacingOccurrences(of: "Commerce Tightens", with: "Commerce Again Tightens").utf8))
        #expect(chmod(unreadable.path, 0) == 0)

        var command = AnnalsBinary.url.path
        var prefix: [String] = []
        let asNobody = getuid() == 0 && fm.isExecutableFile(atPath: "/usr/bin/setpriv")
        if asNobody {
            // nobody may not be able to reach the build folder: run a copy of the binary.
            let copy = folder.appending(path: "annals").path
            try fm.copyItem(atPath: command, toPath: copy)
            command = "/usr/bin/setpriv"
            prefix = ["--reuid=65534", "--regid=65534", "--clear-groups", copy]
            for path in [folder.path, drop.path, drop.appending(path: "nested").path] { chmod(path, 0o777) }
        } else if getuid() == 0 {
            try fm.removeItem(at: unreadable)
        }
        let cron = ["--db", db, "ingest", "--quiet", "--settle", "0", "--move-to", done.path, "--reject-to", rejected.path, drop.path]
        let (run, seconds) = try timed { try AnnalsBinary.run(prefix + cron, executable: URL(fileURLWithPath: command), directory: folder) }
        #expect(run.status == 65, "\(run.stderr)")
        // The 50 MB line is counted, not held: this took 76 s in a debug build before (well under 1 s now).
        #expect(seconds < 30)
        #expect(run.stdout.contains(" rejected"), "the summary line: \(run.stdout)")

        var expected = [
            ("empty.txt", "the document is empty"),
            ("binary.bin", "the document is binary, not text"),
            ("invalid-utf8.txt", "the document is not valid UTF-8 (first bad byte at offset"),
            ("huge.txt", "the document is 52428800 bytes, over the 1048576-byte limit"),
            ("huge.ndjson:1", "the document is 52428800 bytes, over the 1048576-byte limit"),
            ("truncated.ndjson:3", "invalid JSON"),
            ("loop", "symbolic link to a folder, not followed"),
            ("dangling.txt", "broken symbolic link"),
        ]
        if fm.fileExists(atPath: unreadable.path) { expected.append(("unreadable.txt", "cannot read: Permission denied")) }
        let messages = run.stderr.split(separator: "\n")
        for (place, reason) in expected {
            let message = messages.first { $0.hasPrefix("annals: rejected \(drop.path)/\(place): ") }
            #expect(message?.contains(reason) == true, "\(place): \(message ?? "no message") in\n\(run.stderr)")
        }
        // A FIFO in a folder is passed over, not read (it could block the run forever): a
        // warning, not a reject (--quiet keeps warnings off stderr).
        #expect(messages.count == expected.count, "\(run.stderr)")
        #expect(!run.stderr.contains("pipe.txt"), "\(run.stderr)")

        // Files that were read are moved: stored ones (the truncated feed's whole lines are)
        // to done/, rejected ones to rejected/ beside a note that says why.
        let day = try #require(try fm.contentsOfDirectory(atPath: done.path).first)
        #expect(Set(try fm.contentsOfDirectory(atPath: done.appending(path: day).path)) == ["good.txt", "good.ndjson", "truncated.ndjson"])
        #expect(Set(try fm.contentsOfDirectory(atPath: rejected.appending(path: day).path)) == Set(
            ["empty.txt", "binary.bin", "invalid-utf8.txt", "huge.txt", "huge.ndjson"].flatMap { [$0, $0 + ".error.txt"] }))
        let note = try String(contentsOf: rejected.appending(path: day).appending(path: "huge.ndjson.error.txt"), encoding: .utf8)
        #expect(note.contains("huge.ndjson:1: the document is 52428800 bytes"), "\(note)")
        // What could not be read or is not a file stays, and is reported again by the next run.
        let left = Set(try fm.contentsOfDirectory(atPath: drop.path))
        let unusable = ["loop", "dangling.txt"] + (fm.fileExists(atPath: unreadable.path) ? ["unreadable.txt"] : [])
        #expect(left == Set(["nested", "pipe.txt"] + unusable), "\(left)")
        let next = try AnnalsBinary.run(prefix + cron, executable: URL(fileURLWithPath: command), directory: folder)
        #expect(next.status == 65)
        #expect(next.stderr.split(separator: "\n").count == unusable.count, "\(next.stderr)")

        // (Checked by root only now: a root process may leave the archive's -wal and -shm
        // files behind, owned by root, where nobody's runs could not write them.)
        // The run went on: the good card and the five articles of the good feed are stored.
        #expect(try number("SELECT count(*) FROM articles") == 6)
        #expect(try annals(["check"]).stdout == "ok\n")
        // Rejected for their size, so never read whole nor kept: no document is anywhere near 50 MB.
        #expect(try number("SELECT count(*) FROM documents WHERE size > 1048576") == 0)
        #expect(try number("SELECT count(*) FROM rejects WHERE origin LIKE '%/huge.ndjson' AND line = 1 AND document_id IS NULL") == 1)
    }

    /// Runs `body` and returns its result and how long it took, in seconds.
    func timed<T>(_ body: () throws -> T) rethrows -> (T, Double) {
        let start = ContinuousClock.now
        let result = try body()
        let elapsed = ContinuousClock.now - start
        return (result, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }
}

/// Cards made from fixtures/cards/clean-emoji.txt, each with its own title and timeline, so
/// each is a distinct document and a distinct article with 4 takeaways, 2 implications and
/// 3 dated timeline entries.
enum GeneratedCards {
    /// Writes `count` cards round-robin into `subfolders` of `folder`; returns their bytes by file name.
    static func write(count: Int, into folder: URL, subfolders: [String]) throws -> [String: Data] {
        let template = try String(contentsOfFile: AnnalsBinary.fixture("cards/clean-emoji.txt"), encoding: .utf8)
        var lines = template.components(separatedBy: "\n")
        let timeline = try #require(lines.firstIndex(of: "⏳ Timeline"))
        for name in subfolders {
            try FileManager.default.createDirectory(at: folder.appending(path: name), withIntermediateDirectories: true)
        }
        let verbs = ["tightens", "publishes", "delays", "expands", "reviews", "approves", "suspends"]
        let subjects = ["accelerator exports", "foundry licences", "model disclosures", "cloud resellers", "lithography tools"]
        var cards: [String: Data] = [:]
        for n in 0..<count {
            lines[1] = "Drop folder card \(n): rule \(n * 7919 % 10_007) on \(subjects[n % subjects.count])"
            for k in 0..<3 {
                let year = 2019 + (n + k) % 8, month = (n * 5 + k * 3) % 12 + 1
                lines[timeline + 1 + 2 * k] = (n + k) % 4 == 0 ? "\(year)" : String(format: "%d-%02d", year, month)
                lines[timeline + 2 + 2 * k] = "Agency \(n % 97) \(verbs[(n + k) % verbs.count]) case \(n)-\(k) on \(subjects[(n / 3 + k) % subjects.count])."
            }
            let name = Self.name(n)
            let bytes = Data(lines.joined(separator: "\n").utf8)
            try bytes.write(to: folder.appending(path: subfolders[n % subfolders.count]).appending(path: name))
            cards[name] = bytes
        }
        return cards
    }

    /// The file name of card `n`.
    static func name(_ n: Int) -> String { String(format: "card-%05d.txt", n) }

    /// Every regular file under `folder`, recursively.
    static func files(under folder: URL) throws -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        var paths: [String] = []
        while let relative = walker.nextObject() as? String {
            let path = folder.appending(path: relative).path
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue { paths.append(path) }
        }
        return paths
    }
}

/// SplitMix64: the same kills in the same order for the same seed.
struct SeededRandom: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Runs `body` on a thread of its own, returning a semaphore signalled when it is done.
/// Not on Dispatch's pool: with two cores, threads blocked waiting for processes can take
/// all of it.
func onThread(_ body: @escaping @Sendable () -> Void) -> DispatchSemaphore {
    let done = DispatchSemaphore(value: 0)
    Thread.detachNewThread {
        body()
        done.signal()
    }
    return done
}

/// A value shared between the test and the threads that run processes beside it.
final class Shared<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value
    init(_ value: Value) { stored = value }
    var value: Value { lock.withLock { stored } }
    func update(_ change: (inout Value) -> Void) { lock.withLock { change(&stored) } }
}

extension AnnalsBinary {
    /// Like ``run(_:stdin:executable:directory:environment:)``, with the output in files
    /// rather than pipes: no Dispatch thread is kept busy reading them, so a process run
    /// from a thread of its own never waits for one while other processes run.
    static func runWithoutPipes(_ arguments: [String], directory: URL) throws -> AnnalsRun {
        let base = directory.appending(path: "run-\(UUID().uuidString)").path
        let (out, err) = (base + ".stdout", base + ".stderr")
        defer {
            try? FileManager.default.removeItem(atPath: out)
            try? FileManager.default.removeItem(atPath: err)
        }
        _ = FileManager.default.createFile(atPath: out, contents: nil)
        let process = try start(arguments, stdout: URL(fileURLWithPath: out), stderr: URL(fileURLWithPath: err), directory: directory)
        process.waitUntilExit()
        return AnnalsRun(
            status: process.terminationStatus,
            stdout: (try? String(contentsOfFile: out, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOfFile: err, encoding: .utf8)) ?? "")
    }

    /// Starts `annals ARGUMENTS` without waiting, its stdout discarded (or in a file) and its stderr in a file,
    /// so that a test can kill it.
    static func start(_ arguments: [String], stdout: URL? = nil, stderr: URL, directory: URL) throws -> Process {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        environment.removeValue(forKey: "ANNALS_DB")
        process.environment = environment
        _ = FileManager.default.createFile(atPath: stderr.path, contents: nil)
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try stdout.map { try FileHandle(forWritingTo: $0) } ?? FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: stderr)
        try process.run()
        return process
    }
}
