import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The standing adversarial suite (docs/unattended.md lists it): each hostile input, fed to
/// the real binary over an archive that already holds the fixtures, ends with a clear
/// message and the documented exit code, in bounded time and memory, and loses nothing
/// already stored.
@Suite struct HostileInputTests {
    let folder: URL
    let db: String
    /// What the fixtures stored, before anything hostile.
    let before: [Int]

    /// The most memory any one run may use, whatever it is given.
    static let memoryCeilingMB = 200

    init() throws {
        folder = try AnnalsBinary.scratchFolder()
        db = folder.appending(path: "annals.sqlite").path
        let seeded = try AnnalsBinary.run(
            ["--db", db, "ingest", "--settle", "0", AnnalsBinary.fixture("cards"), AnnalsBinary.fixture("feeds")])
        #expect(seeded.status == 0, "\(seeded.stderr)")
        before = try Self.counts(db)
    }

    static func counts(_ db: String) throws -> [Int] {
        try ["documents", "articles", "timeline_entries", "events"].map { table in
            let run = try AnnalsBinary.run(["--db", db, "sql", "SELECT count(*) FROM \(table)", "--format", "csv"])
            return Int(run.stdout.split(separator: "\r\n").last ?? "") ?? -1
        }
    }

    @discardableResult
    func annals(_ arguments: [String], stdin: Data? = nil) throws -> AnnalsRun {
        try AnnalsBinary.run(["--db", db] + arguments, stdin: stdin, directory: folder)
    }

    func measured(
        _ arguments: [String], input: Measured.Input = .file("/dev/null"), deadline: Double = 60,
        interruptAfter: Double? = nil
    ) throws -> MeasuredRun {
        try Measured.run(["--db", db] + arguments, input: input, deadline: deadline, interruptAfter: interruptAfter, directory: folder)
    }

    /// Everything stored before is still there, and the archive checks out.
    func expectNothingLost(_ sourceLocation: SourceLocation = #_sourceLocation) throws {
        let now = try Self.counts(db)
        #expect(zip(now, before).allSatisfy { $0 >= $1 } && now[0] >= before[0], "before \(before), now \(now)", sourceLocation: sourceLocation)
        #expect(try annals(["check"]).stdout == "ok\n", sourceLocation: sourceLocation)
    }

    // MARK: - A terminal that cannot be hijacked

    static let clearScreen = "\u{1B}[2J"
    static let hiddenLink = "\u{1B}]8;;https://evil.example/\u{07}Reuters\u{1B}]8;;\u{07}"
    static let hostileTitle = "Hostile \(clearScreen)title \(hiddenLink) ring\u{07} \u{9B}31m reversed \u{202E}txt.exe"

    /// Nothing a terminal acts on, in any byte of `text`.
    func expectInert(_ text: String, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let acted = text.unicodeScalars.filter { scalar in
            (scalar.value < 0x20 && scalar != "\n" && scalar != "\t") || (0x7F...0x9F).contains(scalar.value)
                || (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
        }
        #expect(acted.isEmpty, "\(what) sent \(acted.map { String($0.value, radix: 16) }) raw", sourceLocation: sourceLocation)
    }

    @Test func controlCharactersAreShownEscapedAndKeptExactInFiles() throws {
        let article: [String: Any] = [
            "source": "Evil \u{1B}[31mWire", "title": Self.hostileTitle, "summary": "Clears \(Self.clearScreen) the screen.",
            "takeaways": ["A bell\u{07} rings"],
            "timeline": [["date": "2025-03", "text": "The US adds \u{1B}[8mhidden\u{1B}[0m firms to the Entity List."]],
        ]
        let line = try JSONSerialization.data(withJSONObject: article) + Data("\n".utf8)
        let ingested = try annals(["ingest", "--format", "ndjson", "-"], stdin: line)
        #expect(ingested.status == 0, "\(ingested.stderr)")
        let id = try annals(["sql", "SELECT id FROM articles WHERE title LIKE 'Hostile%'", "--format", "csv"])
            .stdout.split(separator: "\r\n").last.map(String.init) ?? ""

        for arguments in [
            ["articles"], ["articles", "--search", "hostile"], ["show", id], ["takeaways"], ["events"],
            ["sql", "SELECT title, source_id AS \"col\u{1B}[2J\" FROM articles"], ["search", "clears"], ["ask", "articles mentioning hostile"],
            ["explain", "article", id],
        ] {
            let run = try annals(arguments)
            #expect(run.status == 0, "\(arguments): \(run.stderr)")
            expectInert(run.stdout, "annals \(arguments.joined(separator: " "))")
            expectInert(run.stderr, "annals \(arguments.joined(separator: " ")) (stderr)")
        }
        // Visibly escaped, in the one documented form.
        let table = try annals(["articles"]).stdout
        #expect(table.contains(#"Hostile \u{1B}[2Jtitle \u{1B}]8;;https://evil.example/\u{7}Reuters"#), "\(table)")
        #expect(try annals(["show", id]).stdout.contains(#"reversed \u{202E}txt.exe"#))

        // Machine formats and files keep the exact text.
        let json = try annals(["articles", "--format", "json", "--search", "hostile"])
        let objects = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]]
        #expect(objects?.first?["title"] as? String == Self.hostileTitle)
        let csvPath = folder.appending(path: "articles.csv").path
        #expect(try annals(["export", "articles", "--search", "hostile", "--raw", "--output", csvPath]).status == 0)
        let csv = try String(contentsOfFile: csvPath, encoding: .utf8)
        #expect(csv.contains(Self.hostileTitle))

        // A file name is hostile input too: the reject message names it escaped.
        let badName = folder.appending(path: "bad\u{1B}[2J.txt")
        try Data().write(to: badName)
        let rejected = try annals(["ingest", badName.path])
        #expect(rejected.status == 65)
        expectInert(rejected.stderr, "a reject message")
        #expect(rejected.stderr.contains(#"bad\u{1B}[2J.txt"#), "\(rejected.stderr)")
        try expectNothingLost()
    }

    // MARK: - Queries that end

    static let endless = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c) SELECT count(*) FROM c"

    @Test func aRunawayQueryIsStoppedAtItsTimeLimit() throws {
        let limited = try measured(["sql", "--timeout", "1", Self.endless], deadline: 30)
        #expect(limited.status == 64, "\(limited)")
        #expect(limited.stderr.contains("the query was stopped after 1 second"), "\(limited.stderr)")
        #expect(limited.stderr.contains("--timeout"), "\(limited.stderr)")
        #expect(limited.seconds < 15)
        // With no --timeout, the default of a few seconds applies.
        let byDefault = try measured(["sql", Self.endless], deadline: 40)
        #expect(byDefault.status == 64, "\(byDefault)")
        #expect(byDefault.stderr.contains("stopped after 5 seconds"), "\(byDefault.stderr)")
        // A bad limit is a usage error.
        #expect(try annals(["sql", "--timeout", "-1", "SELECT 1"]).status == 64)
        // 0 is no limit: a query that takes a while (more than the 1 s it is given above) ends normally.
        let slow = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c WHERE x < 3000000) SELECT count(*) AS n FROM c"
        let unlimited = try annals(["sql", "--timeout", "0", slow, "--format", "csv"])
        #expect(unlimited.stdout == "n\r\n3000000\r\n", "\(unlimited.stderr)")
        try expectNothingLost()
    }

    @Test func ctrlCStopsARunningQueryCleanly() throws {
        let run = try measured(["sql", "--timeout", "0", Self.endless], deadline: 30, interruptAfter: 1.5)
        #expect(run.signal == nil, "killed by signal \(run.signal ?? 0): SIGINT was not handled")
        #expect(run.status == 130, "\(run)")
        #expect(run.stderr.contains("interrupted"), "\(run.stderr)")
        #expect(run.seconds < 10)
        try expectNothingLost()
    }

    @Test func aResultLargerThanMemoryStreams() throws {
        // 300,000 rows of 800 characters, about 250 MB once held as rows: printed as they come.
        let many = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c WHERE x < 300000) "
            + "SELECT x, printf('%0800d', x) AS padding FROM c"
        for format in ["csv"] {
            let run = try measured(["sql", "--timeout", "0", "--format", format, many], deadline: 120)
            #expect(run.status == 0, "\(format): \(run)")
            #expect(run.peakMB < Self.memoryCeilingMB, "\(format): peak \(run.peakMB) MB")
        }
    }

    // MARK: - Bounded memory on any input

    @Test func standardInputIsStreamedOrRefusedAtItsLimit() throws {
        // 300 MB of text that is not a card: refused at the card limit, without reading on.
        let text = Measured.repeating(Array(String(repeating: "lorem ipsum dolor ", count: 3641).utf8), total: 300 << 20)
        let card = try measured(["ingest", "-"], input: text)
        #expect(card.status == 65, "\(card)")
        #expect(card.stderr.contains("rejected stdin: the document is over the 1048576-byte limit"), "\(card.stderr)")
        #expect(card.peakMB < Self.memoryCeilingMB, "peak \(card.peakMB) MB")
        #expect(card.seconds < 30)

        // /dev/zero never ends: reading stops at the limit.
        let zero = try measured(["ingest", "-"], input: .file("/dev/zero"), deadline: 30)
        #expect(zero.status == 65, "\(zero)")
        #expect(zero.stderr.contains("over the 1048576-byte limit"), "\(zero.stderr)")

        // An NDJSON line that never ends.
        let endless = Measured.repeating(
            Array(repeating: UInt8(ascii: "a"), count: 1 << 16), total: nil, prefix: Array(#"{"source":"S","title":""#.utf8))
        let line = try measured(["ingest", "--format", "ndjson", "-"], input: endless, deadline: 30)
        #expect(line.status == 65, "\(line)")
        #expect(line.stderr.contains("rejected stdin:1: the document is over the 1048576-byte limit"), "\(line.stderr)")
        #expect(line.peakMB < Self.memoryCeilingMB, "peak \(line.peakMB) MB")
        try expectNothingLost()
        #expect(try annals(["rejects", "--format", "csv"]).stdout.contains("stdin"))
    }

    @Test func aLargeNDJSONStreamIsStoredLineByLine() throws {
        // 150 lines of nearly 1 MiB each, every one a good article: all stored, in bounded memory.
        let lines = 150
        let input = Measured.Input.generator { write in
            let pad = String(repeating: "x", count: (1 << 20) - 200)
            for index in 0..<lines {
                let line = #"{"source":"Big Feed","title":"Line \#(index)","pad":"\#(pad)"}"# + "\n"
                guard Array(line.utf8).withUnsafeBytes(write) else { return }
            }
        }
        let run = try measured(["ingest", "--format", "ndjson", "-"], input: input, deadline: 120)
        #expect(run.status == 0, "\(run)")
        #expect(run.peakMB < Self.memoryCeilingMB, "peak \(run.peakMB) MB")
        #expect(try Self.counts(db)[1] == before[1] + lines)
        try expectNothingLost()
    }

    @Test func hugeFilesAreRefusedWithoutBeingReadWhole() throws {
        // Sparse files: no time to write, all the bytes to read.
        let json = folder.appending(path: "huge.json").path, ndjson = folder.appending(path: "huge.ndjson").path
        for (path, size) in [(json, 250 << 20), (ndjson, 2 << 30)] {
            #expect(FileManager.default.createFile(atPath: path, contents: nil))
            #expect(truncate(path, off_t(size)) == 0)
        }
        let run = try measured(["ingest", json, ndjson], deadline: 120)
        #expect(run.status == 65, "\(run)")
        #expect(run.stderr.contains("huge.json: the document is 262144000 bytes, over the 2097152-byte limit"), "\(run.stderr)")
        #expect(run.stderr.contains("huge.ndjson:1: the document is 2147483648 bytes, over the 1048576-byte limit"), "\(run.stderr)")
        #expect(run.peakMB < Self.memoryCeilingMB, "peak \(run.peakMB) MB")
        try expectNothingLost()
    }

    @Test func specialFilesAreSkippedInFoldersAndReadAsStreamsWhenNamed() throws {
        let drop = folder.appending(path: "drop")
        try FileManager.default.createDirectory(at: drop, withIntermediateDirectories: true)
        let card = try Data(contentsOf: URL(fileURLWithPath: AnnalsBinary.fixture("cards/clean-emoji.txt")))
        let fresh = Data(String(decoding: card, as: UTF8.self)
            .replacingOccurrences(of: "Commerce Tightens", with: "Commerce Once More Tightens").utf8)
        try fresh.write(to: drop.appending(path: "good.txt"))
        #expect(mkfifo(drop.appending(path: "pipe.txt").path, 0o644) == 0)
        try FileManager.default.createSymbolicLink(atPath: drop.appending(path: "zero.txt").path, withDestinationPath: "/dev/zero")
        // In a folder: passed over with a warning (reading them could block or never end).
        let walked = try measured(["ingest", "--settle", "0", drop.path], deadline: 30)
        #expect(walked.status == 0, "\(walked)")
        #expect(walked.stderr.contains("warning: \(drop.path)/pipe.txt: skipped: a FIFO, not a file"), "\(walked.stderr)")
        #expect(walked.stderr.contains("warning: \(drop.path)/zero.txt: skipped: a device, not a file"), "\(walked.stderr)")
        #expect(try Self.counts(db)[1] == before[1] + 1)

        // Named on the command line: read as a stream.
        let fifo = drop.appending(path: "pipe.txt").path
        let other = Data(String(decoding: card, as: UTF8.self)
            .replacingOccurrences(of: "Commerce Tightens", with: "Commerce Tightens Again").utf8)
        let writer = Thread {
            let fd = open(fifo, O_WRONLY)
            _ = other.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            close(fd)
        }
        writer.start()
        let named = try annals(["ingest", fifo])
        #expect(named.status == 0, "\(named.stderr)")
        #expect(named.stdout.hasPrefix("1 document: 1 new"), "\(named.stdout)")
        // A device that never ends, named: refused at the card limit, at once.
        let zero = try measured(["ingest", "/dev/zero"], deadline: 30)
        #expect(zero.status == 65, "\(zero)")
        #expect(zero.stderr.contains("rejected /dev/zero: the document is over the 1048576-byte limit"), "\(zero.stderr)")
        try expectNothingLost()
    }
}
