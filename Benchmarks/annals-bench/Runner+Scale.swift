#if canImport(Glibc)
import Glibc
#endif

extension Runner {
    /// `annals-bench scale`, stage S: one archive grown in steps by successive ingests of
    /// the corpus' card folders, as a cron job grows it. The cost per card of each step is
    /// the curve the issue asks for (flat from 10k to 1M cards is the target); the archive
    /// it leaves is A for the export, merger and query stages.
    mutating func growInSteps(_ steps: [Int]) throws {
        var stage = Stage("scale", "S annals ingest in steps (one archive)")
        defer { report.stages.append(stage) }
        let db = dbDir + "/scale.sqlite"
        try removeArchive(db)
        var done = 0
        for step in steps {
            let folders = stride(from: done / 1000, to: step / 1000, by: 1).map { corpus + "/cards/" + zeroPadded($0, 3) }
            progress("\(stage.title): cards \(grouped(done + 1))–\(grouped(step))")
            let result = try annals("scale-\(step)", ["--db", db, "ingest", "--settle", "0"] + folders)
            guard result.exitCode == 0 || result.exitCode == 65 else {
                stage.status = .failed("exit \(result.exitCode) at \(grouped(step)) cards: \(result.firstErrorLine)")
                return
            }
            let added = Double(step - done)
            stage.add("ms-per-card-\(step)", "ms/card to \(grouped(step))", value: result.seconds * 1000 / added, "ms")
            stage.add("rate-\(step)", "cards/s to \(grouped(step))", value: added / result.seconds, "cards/s")
            stage.add("peak-rss-\(step)", "peak RSS to \(grouped(step))", value: result.maxRSSMiB, "MiB")
            stage.add("db-size-\(step)", "db size at \(grouped(step))", value: Double(archiveSize(db)) / 1_048_576, "MiB")
            noteOutcome(result, expected: step - done, into: &stage)
            done = step
        }
        cardArchive = db
    }
}

/// `annals-bench scale --cards N [--steps A,B,…] [--corpus DIR] [--work DIR] [--annals PATH] [--json OUT] [--seed S] [--runs R]`.
func runScale(_ args: [String]) throws {
    let options = try Arguments(
        args[...], options: ["cards", "steps", "work", "annals", "json", "seed", "runs", "corpus"], flags: [])
    guard let cards = try options.int("cards"), cards >= 1000, cards % 1000 == 0 else {
        fail("scale needs --cards N, a multiple of 1,000", code: 64)
    }
    var steps = cards >= 100_000 ? [10_000, 100_000] : [cards / 10]
    if let list = options.string("steps") {
        steps = []
        for part in list.split(separator: ",") {
            guard let step = Int(part), step > 0, step % 1000 == 0 else {
                fail("--steps takes multiples of 1,000, e.g. 10000,100000", code: 64)
            }
            steps.append(step)
        }
    }
    steps = Array(Set(steps.filter { $0 < cards } + [cards])).sorted()
    let annalsPath = absolutePath(options.string("annals") ?? ".build/release/annals")
    guard access(annalsPath, X_OK) == 0 else { fail("no annals binary at \(annalsPath)", code: 69) }
    guard let sqlite3 = findInPath("sqlite3") else { fail("sqlite3 is not on PATH", code: 69) }
    let runs = try options.int("runs") ?? 1
    guard runs >= 1 else { fail("--runs must be at least 1", code: 64) }
    let work = absolutePath(options.string("work") ?? ".build/annals-bench/scale-\(cards)")
    try makeDirectories(work)
    var runner = Runner(
        cards: cards, work: work, annals: annalsPath, sqlite3: sqlite3,
        json: options.string("json").map(absolutePath), seed: try options.seed("seed") ?? 1, runs: runs)
    if let corpus = options.string("corpus") {
        let path = absolutePath(corpus)
        guard fileExists(path + "/truth.json"), fileExists(path + "/cards/" + zeroPadded(cards / 1000 - 1, 3)) else {
            fail("--corpus \(path) is not a corpus of \(grouped(cards)) cards from annals-bench generate", code: 64)
        }
        runner.existingCorpus = path
    }
    let started = monotonicSeconds()
    runner.report.header = [
        ("scale", "\(grouped(cards)) cards in steps \(steps.map(grouped).joined(separator: ", ")), seed \(runner.seed)"),
        ("annals", annalsPath + " (built " + modificationTime(annalsPath) + ")"),
        ("work", work),
    ]
    if runner.existingCorpus == nil {
        try runner.generate()
    } else {
        for folder in [runner.dbDir, runner.logs, runner.outDir] {
            try removeTree(folder)
            try makeDirectories(folder)
        }
        runner.report.header.append(("corpus", runner.corpus + " (generated before)"))
    }
    try runner.growInSteps(steps)
    try runner.export()
    try runner.quality()
    try runner.queries()
    try runner.finish(started: started, meta: [
        ("scale", jsonLiteral("steps")), ("cards", String(cards)), ("runs", String(runs)), ("seed", String(runner.seed)),
        ("annals", jsonLiteral(annalsPath)), ("annals_built", jsonLiteral(modificationTime(annalsPath))),
    ])
}
