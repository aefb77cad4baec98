#if canImport(Glibc)
import Glibc
#endif
import AnnalsEval

/// `annals-bench run`: generates a corpus, then times `annals` and a `sqlite3` baseline on
/// it and scores the event merger. See Benchmarks/README.md for each stage.
struct Runner {
    enum Scale: String {
        case small, full

        var cards: Int { self == .small ? 2_000 : 100_000 }
    }

    var scale: Scale = .small
    var cards: Int
    var work: String
    var annals: String
    var sqlite3: String
    var json: String?
    var seed: UInt64 = 1
    var runs = 3
    /// Cards added by the incremental stage.
    let incrementCards = 100

    /// A corpus generated before (`annals-bench generate`), used instead of generating one.
    var existingCorpus: String?
    var corpus: String { existingCorpus ?? work + "/corpus" }
    var dbDir: String { work + "/db" }
    var logs: String { work + "/logs" }
    var outDir: String { work + "/out" }

    var report = BenchReport()
    /// The archive of cards after the incremental stage (A), and of the feed (B).
    var cardArchive: String?
    var feedArchive: String?
    var generation: GeneratorSummary?
    /// A holds the incremental cards.
    var incrementIngested = false
}

/// The whole number just before `marker` in `text` ("12 rejected" → 12).
func number(before marker: String, in text: String) -> Int? {
    guard let range = Substring(text).firstRange(ofBytes: marker) else { return nil }
    let digits = text[..<range.lowerBound].reversed().prefix { $0.isNumber || $0 == "," }
    return Int(String(digits.reversed()).replacingAll(",", ""))
}

/// Lines, whether they end in LF or CRLF.
func lines(_ text: String) -> [Substring] {
    text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" })
}

func progress(_ text: String) {
    var line = "· " + text + "\n"
    line.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
}

func runBenchmarks(_ args: [String]) throws {
    let options = try Arguments(
        args[...], options: ["scale", "work", "annals", "json", "seed", "runs"], flags: [])
    let scaleName = options.string("scale") ?? "small"
    guard let scale = Runner.Scale(rawValue: scaleName) else { fail("--scale must be small or full", code: 64) }
    let annalsPath = absolutePath(options.string("annals") ?? ".build/release/annals")
    guard access(annalsPath, X_OK) == 0, !isDirectory(annalsPath) else {
        fail("""
            no annals binary at \(annalsPath)
            build it (swift build -c release --product annals) or pass --annals PATH
            """, code: 69)
    }
    guard let sqlite3 = findInPath("sqlite3") else {
        fail("sqlite3 is not on PATH: install it (apt-get install sqlite3); the baseline and the checks need it", code: 69)
    }
    let runs = try options.int("runs") ?? 3
    guard runs >= 1 else { fail("--runs must be at least 1", code: 64) }
    let work = absolutePath(options.string("work") ?? ".build/annals-bench/\(scale.rawValue)")
    try makeDirectories(work)

    var runner = Runner(
        scale: scale, cards: scale.cards, work: work, annals: annalsPath, sqlite3: sqlite3,
        json: options.string("json").map(absolutePath), seed: try options.seed("seed") ?? 1, runs: runs)
    let started = monotonicSeconds()
    let sqliteVersion = (try? runChild(sqlite3, ["--version"], stdout: work + "/sqlite3-version.txt", stderr: "/dev/null"))?
        .stdout.split(separator: " ").first.map(String.init) ?? "?"
    runner.report.header = [
        ("scale", "\(scale.rawValue) (\(grouped(scale.cards)) cards, seed \(runner.seed), \(runs) runs each, medians)"),
        ("annals", annalsPath + " (built " + modificationTime(annalsPath) + ")"),
        ("sqlite3", "\(sqlite3) \(sqliteVersion)"),
        ("host", "\(sysconf(Int32(_SC_NPROCESSORS_ONLN))) cores, \(Int(Double(sysconf(Int32(_SC_PHYS_PAGES))) * Double(sysconf(Int32(_SC_PAGESIZE))) / 1_073_741_824 + 0.5)) GiB"),
        ("work", work),
    ]

    try runner.generate()
    runner.cardArchive = try runner.ingestStage(
        id: "ingest-cards", title: "1 annals ingest cards (cold)", input: runner.corpus + "/cards",
        documents: runner.cards, unit: "cards/s", folder: true)
    runner.feedArchive = try runner.ingestStage(
        id: "ingest-feed", title: "2 annals ingest feed.ndjson", input: runner.corpus + "/feed.ndjson",
        documents: runner.cards, unit: "articles/s", folder: false)
    try runner.baseline()
    try runner.sqliteUtils()
    // On success, A becomes the archive with the new cards; otherwise stages 5 and 6 use stage 1's.
    try runner.incremental(base: runner.cardArchive)
    try runner.export()
    try runner.quality()
    try runner.queries()

    try runner.finish(started: started, meta: [
        ("scale", jsonLiteral(scale.rawValue)), ("cards", String(scale.cards)), ("runs", String(runs)),
        ("seed", String(runner.seed)), ("annals", jsonLiteral(annalsPath)), ("annals_built", jsonLiteral(modificationTime(annalsPath))), ("sqlite3", jsonLiteral(sqlite3)),
        ("sqlite3_version", jsonLiteral(sqliteVersion)), ("cpus", String(sysconf(Int32(_SC_NPROCESSORS_ONLN)))),
        ("work", jsonLiteral(work)),
    ])
}

extension Runner {
    /// Ends a run: the total time in the header and the JSON, the table on stdout, the JSON
    /// file when asked for.
    mutating func finish(started: Double, meta: [(String, String)]) throws {
        let total = monotonicSeconds() - started
        report.header.append(("total", format(total, 1) + " s"))
        report.meta = meta + [("total_seconds", jsonNumber(total))]
        say(report.table())
        if let json {
            try writeFile(json, report.json())
            say("figures written to \(json)")
        }
    }
}

/// A file's modification time, `YYYY-MM-DD HH:MM UTC`.
func modificationTime(_ path: String) -> String {
    var info = stat()
    guard stat(path, &info) == 0 else { return "?" }
    var seconds = info.st_mtim.tv_sec
    var parts = tm()
    gmtime_r(&seconds, &parts)
    return "\(parts.tm_year + 1900)-\(zeroPadded(Int(parts.tm_mon) + 1, 2))-\(zeroPadded(Int(parts.tm_mday), 2)) "
        + "\(zeroPadded(Int(parts.tm_hour), 2)):\(zeroPadded(Int(parts.tm_min), 2)) UTC"
}
