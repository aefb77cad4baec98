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

    // MARK: - Stages

    mutating func generate() throws {
        var stage = Stage("generate", "0 generate corpus")
        progress("generating \(grouped(cards)) cards into \(corpus)")
        for folder in [corpus, work + "/increment", dbDir, logs, outDir] { try removeTree(folder) }
        for folder in [dbDir, logs, outDir] { try makeDirectories(folder) }
        let summary = try Generator.generate(GeneratorConfig(cards: cards, out: corpus, seed: seed))
        generation = summary
        stage.add("wall", "wall", [summary.seconds], "s")
        stage.add("throughput", "throughput", [Double(cards) / summary.seconds], "cards/s")
        stage.add("cards-mib", "cards on disk", value: Double(summary.bytes) / 1_048_576, "MiB")
        stage.notes.append(summary.description)
        report.stages.append(stage)
    }

    /// Runs `annals` with `arguments`, logging its output under `logs/NAME`.
    func annals(_ name: String, _ arguments: [String]) throws -> ChildResult {
        try runChild(annals, arguments, stdout: logs + "/\(name).out", stderr: logs + "/\(name).err")
    }

    /// Ingest timings shared by stages 1 and 2: one fresh archive per run.
    mutating func ingestStage(
        id: String, title: String, input: String, documents: Int, unit: String, folder: Bool
    ) throws -> String? {
        var stage = Stage(id, title)
        var wall: [Double] = [], rate: [Double] = [], rss: [Double] = [], size: [Double] = []
        var kept: String?
        var results: [ChildResult] = []
        for run in 1...runs {
            let db = dbDir + "/\(id)-\(run).sqlite"
            try removeArchive(db)
            progress("\(title): run \(run)/\(runs)")
            var arguments = ["--db", db, "ingest"]
            if folder { arguments += ["--settle", "0"] }
            let result = try annals("\(id)-\(run)", arguments + [input])
            results.append(result)
            guard result.exitCode == 0 || result.exitCode == 65 else {
                stage.status = .failed("exit \(result.exitCode): \(result.firstErrorLine)")
                report.stages.append(stage)
                return nil
            }
            wall.append(result.seconds)
            rate.append(Double(documents) / result.seconds)
            rss.append(result.maxRSSMiB)
            size.append(Double(archiveSize(db)) / 1_048_576)
            if run == 1 { kept = db } else { try removeArchive(db) }
        }
        stage.add("wall", "wall", wall, "s")
        stage.add("throughput", "throughput", rate, unit)
        stage.add("peak-rss", "peak RSS", rss, "MiB")
        stage.add("db-size", "db size", size, "MiB")
        noteOutcome(results.last!, expected: documents, into: &stage)
        report.stages.append(stage)
        return kept
    }

    /// Notes the exit code and Annals' summary line, and says plainly when inputs were rejected.
    func noteOutcome(_ result: ChildResult, expected: Int, into stage: inout Stage) {
        let summary = lines(result.stdout).last.map(String.init) ?? ""
        stage.notes.append("exit \(result.exitCode); annals: \(summary.isEmpty ? "(no summary)" : summary)")
        if let rejected = number(before: " rejected", in: summary), rejected > 0 {
            var note = "\(grouped(rejected)) of \(grouped(expected)) inputs rejected"
            let reason = result.firstErrorLine
            if !reason.hasPrefix("(no message") { note += ", e.g. \(reason)" }
            stage.notes.append(note)
        }
    }

    mutating func baseline() throws {
        var stage = Stage("sqlite3-baseline", "3 sqlite3 .import + FTS5")
        let script = work + "/baseline.sql"
        try writeFile(script, Array(baselineSQL().utf8))
        var wall: [Double] = [], rate: [Double] = [], rss: [Double] = [], size: [Double] = []
        for run in 1...runs {
            let db = dbDir + "/baseline-\(run).sqlite"
            try removeArchive(db)
            progress("\(stage.title): run \(run)/\(runs)")
            let result = try runChild(
                sqlite3, [db], stdin: script, stdout: logs + "/baseline-\(run).out", stderr: logs + "/baseline-\(run).err")
            guard result.exitCode == 0 else {
                stage.status = .failed("sqlite3 exit \(result.exitCode): \(result.firstErrorLine)")
                report.stages.append(stage)
                return
            }
            wall.append(result.seconds)
            rate.append(Double(cards) / result.seconds)
            rss.append(result.maxRSSMiB)
            size.append(Double(archiveSize(db)) / 1_048_576)
            if run > 1 { try removeArchive(db) }
            if run == runs, let counts = lines(result.stdout).last {
                let n = counts.split(separator: "|")
                if n.count == 3 {
                    stage.notes.append("imported \(n[0]) articles, \(n[1]) timeline entries; \(n[2]) FTS rows")
                }
            }
        }
        stage.add("wall", "wall", wall, "s")
        stage.add("throughput", "throughput", rate, "articles/s")
        stage.add("peak-rss", "peak RSS", rss, "MiB")
        stage.add("db-size", "db size", size, "MiB")
        if let base = median(wall) {
            for (id, label) in [("ingest-cards", "cards"), ("ingest-feed", "feed")] {
                if let annals = report.stages.first(where: { $0.id == id })?.figure("wall")?.value {
                    stage.add("ratio-\(label)", "annals \(label) / sqlite3", value: annals / base, "×")
                }
            }
        }
        report.stages.append(stage)
    }

    /// Stage 4: 100 new cards (a second article seed, the same event pool) in a new folder;
    /// each run ingests the whole card folder into a copy of the cold archive.
    mutating func incremental(base: String?) throws {
        var stage = Stage("ingest-incremental", "4 annals ingest cards (+\(incrementCards) new)")
        guard let base else {
            stage.status = .skipped("no card archive from stage 1")
            report.stages.append(stage)
            return
        }
        let first = (cards + 999) / 1000 * 1000
        let staging = work + "/increment"
        let summary = try Generator.generate(GeneratorConfig(
            cards: incrementCards, out: staging, seed: seed, articleSeed: seed &+ 1,
            poolSize: EventPool.defaultSize(cards: cards), start: first, after: corpus))
        let folder = zeroPadded(first / 1000, 3)
        let target = corpus + "/cards/" + folder
        guard !fileExists(target) else { throw OutputError(description: "\(target) already exists") }
        guard rename(staging + "/cards/" + folder, target) == 0 else { throw systemError("cannot move new cards to", target) }
        stage.notes.append("added cards/\(folder)/: \(summary.cards) cards (article seed \(seed &+ 1))")

        var wall: [Double] = [], rate: [Double] = [], rss: [Double] = []
        var last: ChildResult?
        for run in 1...runs {
            let db = dbDir + "/ingest-incremental-\(run).sqlite"
            try removeArchive(db)
            try copyFile(base, db)
            if fileExists(base + "-wal") { try copyFile(base + "-wal", db + "-wal") }
            progress("\(stage.title): run \(run)/\(runs)")
            let result = try annals("ingest-incremental-\(run)", ["--db", db, "ingest", "--settle", "0", corpus + "/cards"])
            guard result.exitCode == 0 || result.exitCode == 65 else {
                stage.status = .failed("exit \(result.exitCode): \(result.firstErrorLine)")
                report.stages.append(stage)
                return
            }
            wall.append(result.seconds)
            rate.append(Double(incrementCards) / result.seconds)
            rss.append(result.maxRSSMiB)
            last = result
            if run < runs { try removeArchive(db) } else { cardArchive = db; incrementIngested = true }
        }
        stage.add("wall", "wall", wall, "s")
        stage.add("throughput", "new cards rate", rate, "cards/s")
        stage.add("peak-rss", "peak RSS", rss, "MiB")
        noteOutcome(last!, expected: incrementCards, into: &stage)
        let line = lines(last!.stdout).last.map(String.init) ?? ""
        if let read = number(before: " document", in: line), read != incrementCards {
            stage.notes.append("read \(read) documents: only the \(incrementCards) new cards should have been read")
        }
        report.stages.append(stage)
    }

    /// Stage 5: the `events` export, by `annals export` (5a) and by `sqlite3 -csv` with the
    /// same columns (5b), each over the archive A.
    mutating func export() throws {
        var mine = Stage("export-annals", "5a annals export events (csv)")
        var theirs = Stage("export-sqlite3", "5b sqlite3 -csv events")
        defer { report.stages += [mine, theirs] }
        guard let db = cardArchive else {
            mine.status = .skipped("no card archive")
            theirs.status = .skipped("no card archive")
            return
        }
        let count = try sqliteScalar(db, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'events'")
        guard count == "1" else {
            mine.status = .skipped("the archive has no events table")
            theirs.status = .skipped("the archive has no events table")
            return
        }
        let rows = Int(try sqliteScalar(db, "SELECT count(*) FROM events")) ?? 0

        var wall: [Double] = [], rate: [Double] = [], rss: [Double] = []
        let annalsOut = outDir + "/events-annals.csv"
        for run in 1...runs {
            progress("\(mine.title): run \(run)/\(runs)")
            try? removeTree(annalsOut)
            let result = try annals(
                "export-annals-\(run)", ["--db", db, "export", "events", "--format", "csv", "--output", annalsOut])
            guard result.exitCode == 0 else {
                mine.status = .skipped(result.firstErrorLine)
                break
            }
            wall.append(result.seconds)
            rate.append(Double(rows) / result.seconds)
            rss.append(result.maxRSSMiB)
        }
        if case .ok = mine.status {
            mine.add("rows", "events", value: Double(rows), "rows")
            mine.add("wall", "wall", wall, "s")
            mine.add("throughput", "rate", rate, "rows/s")
            mine.add("peak-rss", "peak RSS", rss, "MiB")
        }

        wall = []; rate = []; rss = []
        let sqliteOut = outDir + "/events-sqlite3.csv"
        for run in 1...runs {
            progress("\(theirs.title): run \(run)/\(runs)")
            let result = try runChild(
                sqlite3, ["-readonly", "-csv", "-header", db, Self.eventsSQL], stdout: sqliteOut,
                stderr: logs + "/export-sqlite3-\(run).err")
            guard result.exitCode == 0 else {
                theirs.status = .failed(result.firstErrorLine)
                break
            }
            wall.append(result.seconds)
            rate.append(Double(rows) / result.seconds)
            rss.append(result.maxRSSMiB)
        }
        guard case .ok = theirs.status else { return }
        theirs.add("rows", "events", value: Double(rows), "rows")
        theirs.add("wall", "wall", wall, "s")
        theirs.add("throughput", "rate", rate, "rows/s")
        theirs.add("peak-rss", "peak RSS", rss, "MiB")
        if let a = mine.figure("wall")?.value, let b = theirs.figure("wall")?.value {
            theirs.add("ratio", "annals / sqlite3", value: a / b, "×")
        }
        guard case .ok = mine.status else { return }
        // The two files quote differently; compare what they say, record by record.
        let a = parseCSV(readBytes(annalsOut)), b = parseCSV(readBytes(sqliteOut))
        let same = zip(a, b).filter { $0.0 == $0.1 }.count
        if a.count == b.count && same == a.count {
            theirs.notes.append("both files hold the same \(grouped(a.count - 1)) records and header")
        } else {
            var note = "annals wrote \(grouped(a.count - 1)) records, sqlite3 \(grouped(b.count - 1)); \(grouped(same)) lines agree"
            if let (x, y) = zip(a, b).first(where: { $0.0 != $0.1 }) {
                note += "; first difference: annals \(x.joined(separator: "|").prefix(120)) vs sqlite3 \(y.joined(separator: "|").prefix(120))"
            }
            theirs.notes.append(note)
        }
    }

    /// Stage 6: the merger's pairwise precision and recall on the cards (A) and the feed (B).
    mutating func quality() throws {
        let truth = try Truth(path: corpus + "/truth.json")
        // A also holds the incremental cards (when stage 4 ran): score them too.
        var cardTruth = truth
        let increment = work + "/increment/truth.json"
        if incrementIngested, fileExists(increment) {
            for (path, events) in try Truth(path: increment).cardFiles { cardTruth.cardFiles[path] = events }
        }
        for (id, title, db) in [
            ("merger-cards", "6 merger quality (cards, A)", cardArchive),
            ("merger-feed", "6 merger quality (feed, B)", feedArchive),
        ] {
            var stage = Stage(id, title)
            defer { report.stages.append(stage) }
            guard let db else {
                stage.status = .skipped("no archive")
                continue
            }
            progress("\(title)")
            let hasColumn = try sqliteScalar(db, "SELECT count(*) FROM pragma_table_info('timeline_entries') WHERE name = 'event_id'")
            guard hasColumn == "1" else {
                stage.status = .skipped("timeline_entries.event_id does not exist")
                continue
            }
            let rowsPath = outDir + "/\(id)-mentions.tsv"
            let result = try runChild(
                sqlite3, ["-readonly", "-list", "-noheader", "-separator", "\t", db, Self.mentionsSQL], stdout: rowsPath,
                stderr: logs + "/\(id).err")
            guard result.exitCode == 0 else {
                stage.status = .failed("sqlite3: \(result.firstErrorLine)")
                continue
            }
            var mentions: [(truth: Int?, predicted: Int?)] = []
            var found = Set<String>()
            var assigned = 0, rows = 0
            let prefix = corpus + "/"
            for line in lines(readText(rowsPath)) {
                let f = line.split(separator: "\t", omittingEmptySubsequences: false)
                guard f.count == 4, let position = Int(f[2]) else { continue }
                rows += 1
                let event = Int(f[3])
                if event != nil { assigned += 1 }
                let origin = String(f[0])
                let truthEvents: [Int?]?
                if id == "merger-feed" {
                    truthEvents = Int(f[1]).flatMap { $0 >= 1 && $0 <= truth.feedLines.count ? truth.feedLines[$0 - 1] : nil }
                } else {
                    truthEvents = cardTruth.cardFiles[origin.hasPrefix(prefix) ? String(origin.dropFirst(prefix.count)) : origin]
                }
                guard let truthEvents, position >= 1, position <= truthEvents.count else { continue }
                guard found.insert("\(origin)\t\(f[1])\t\(position)").inserted else { continue }
                mentions.append((truthEvents[position - 1], event))
            }
            let expected = id == "merger-feed"
                ? truth.feedLines.reduce(0) { $0 + $1.count } : cardTruth.cardFiles.values.reduce(0) { $0 + $1.count }
            guard rows > 0 else {
                stage.status = .skipped("no timeline entries in the archive (were the inputs rejected?)")
                continue
            }
            guard assigned > 0 else {
                stage.status = .skipped("timeline_entries.event_id is NULL for all \(grouped(rows)) entries: the merger has not run")
                continue
            }
            let score = MergerScore(mentions: mentions, missing: expected - mentions.count, nearMisses: truth.nearMisses)
            stage.add("precision", "pairwise precision", value: score.precision, "")
            stage.add("recall", "pairwise recall", value: score.recall, "")
            stage.add("f1", "pairwise F1", value: score.f1, "")
            stage.add("mentions", "mentions scored", value: Double(score.mentions), "")
            stage.add("events", "events (archive)", value: Double(score.predictedEvents), "")
            stage.add("true-events", "events (truth)", value: Double(score.trueEvents), "")
            stage.add("near-miss-merged", "near misses merged", value: Double(score.nearMissMerged), "pairs")
            stage.notes.append(
                "pairs: \(grouped(score.correctPairs)) correct of \(grouped(score.predictedPairs)) merged, "
                    + "\(grouped(score.truePairs)) true; near-miss twins merged: \(score.nearMissMerged) of \(score.nearMissPairs)")
            if score.missing > 0 { stage.notes.append("\(grouped(score.missing)) mentions of the truth are not in the archive") }
            if score.unassigned > 0 { stage.notes.append("\(grouped(score.unassigned)) mentions have no event_id (scored as singletons)") }
        }
    }

    // MARK: - SQL

    /// The sqlite3 baseline: tables equivalent to Annals' articles, takeaways, implications
    /// and timeline entries (STRICT, same checks and indexes), one FTS5 index over the same
    /// text with the same tokenizer, all in one transaction.
    func baselineSQL() -> String {
        let flat = corpus + "/flat/"
        return """
            .bail on
            PRAGMA journal_mode = WAL;
            PRAGMA synchronous = NORMAL;
            PRAGMA foreign_keys = ON;
            BEGIN;
            CREATE TABLE articles (
                id INTEGER PRIMARY KEY, source TEXT NOT NULL, title TEXT NOT NULL, url TEXT,
                published_at TEXT, summary TEXT, what_changed TEXT, why_it_matters TEXT, what_to_do_next TEXT,
                who_should_care TEXT, insight TEXT, card TEXT NOT NULL
            ) STRICT;
            CREATE INDEX articles_by_source_title ON articles(source, title);
            CREATE TABLE takeaways (
                id INTEGER PRIMARY KEY, article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
                position INTEGER NOT NULL, text TEXT NOT NULL, UNIQUE (article_id, position)
            ) STRICT;
            CREATE TABLE implications (
                id INTEGER PRIMARY KEY, article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
                position INTEGER NOT NULL, headline TEXT NOT NULL, detail TEXT NOT NULL, UNIQUE (article_id, position)
            ) STRICT;
            CREATE TABLE timeline_entries (
                id INTEGER PRIMARY KEY, article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
                position INTEGER NOT NULL, date_text TEXT NOT NULL, date TEXT,
                precision TEXT NOT NULL CHECK (precision IN ('day', 'month', 'quarter', 'year', 'unknown')),
                start TEXT, "end" TEXT, text TEXT NOT NULL, UNIQUE (article_id, position),
                CHECK ((start IS NULL) = ("end" IS NULL)), CHECK (start IS NULL OR start <= "end")
            ) STRICT;
            CREATE INDEX timeline_entries_by_interval ON timeline_entries(start, "end");
            CREATE VIRTUAL TABLE search_index USING fts5(
                kind UNINDEXED, title, body, tokenize = 'porter unicode61 remove_diacritics 2'
            );
            .import --csv --skip 1 "\(flat)articles.csv" articles
            .import --csv --skip 1 "\(flat)takeaways.csv" takeaways
            .import --csv --skip 1 "\(flat)implications.csv" implications
            .import --csv --skip 1 "\(flat)timeline_entries.csv" timeline_entries
            UPDATE articles SET url = NULL WHERE url = '';
            UPDATE articles SET insight = NULL WHERE insight = '';
            CREATE UNIQUE INDEX articles_by_url ON articles(url);
            INSERT INTO search_index(rowid, kind, title, body)
                SELECT id * 4, 'article', title,
                    coalesce(summary, '') || char(10) || coalesce(what_changed, '') || char(10) ||
                    coalesce(why_it_matters, '') || char(10) || coalesce(what_to_do_next, '') || char(10) ||
                    coalesce(who_should_care, '') || char(10) || coalesce(insight, '')
                FROM articles;
            INSERT INTO search_index(rowid, kind, title, body) SELECT id * 4 + 1, 'takeaway', '', text FROM takeaways;
            INSERT INTO search_index(rowid, kind, title, body) SELECT id * 4 + 2, 'implication', headline, detail FROM implications;
            INSERT INTO search_index(rowid, kind, title, body) SELECT id * 4 + 3, 'timeline', '', text FROM timeline_entries;
            COMMIT;
            SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM timeline_entries), (SELECT count(*) FROM search_index);

            """
    }

    /// The columns of `annals export events` (Event's CSV columns), in its default order.
    static let eventsSQL = """
        SELECT e.id, e.date_text AS date, e.precision, e.start, e."end", e.text,
            (SELECT group_concat(slug, '; ') FROM (SELECT t.slug FROM event_topics et JOIN topics t ON t.id = et.topic_id
                WHERE et.event_id = e.id ORDER BY t.position)) AS topics,
            (SELECT group_concat(name, '; ') FROM (SELECT n.name FROM event_entities ee JOIN entities n ON n.id = ee.entity_id
                WHERE ee.event_id = e.id ORDER BY n.name)) AS entities,
            e.mentions,
            (SELECT group_concat(id, '; ') FROM (SELECT DISTINCT a.id FROM timeline_entries te
                JOIN articles a ON a.id = te.article_id WHERE te.event_id = e.id ORDER BY a.id)) AS article_ids,
            (SELECT group_concat(name, '; ') FROM (SELECT DISTINCT s.name FROM timeline_entries te
                JOIN articles a ON a.id = te.article_id JOIN sources s ON s.id = a.source_id
                WHERE te.event_id = e.id ORDER BY s.name)) AS sources
        FROM events e
        ORDER BY e.start IS NULL, e.start, e."end", e.id;
        """

    /// Each timeline entry with the document of its article's current version.
    static let mentionsSQL = """
        SELECT d.origin, coalesce(d.line, ''), te.position, coalesce(te.event_id, '')
        FROM timeline_entries te JOIN articles a ON a.id = te.article_id JOIN documents d ON d.id = a.document_id;
        """

    /// One value from a read-only query.
    func sqliteScalar(_ db: String, _ sql: String) throws -> String {
        let result = try runChild(
            sqlite3, ["-readonly", "-list", "-noheader", db, sql], stdout: logs + "/query.out", stderr: logs + "/query.err")
        guard result.exitCode == 0 else { throw OutputError(description: "sqlite3 \(db): \(result.firstErrorLine)") }
        return lines(result.stdout).first.map(String.init) ?? ""
    }
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
