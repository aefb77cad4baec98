// Stages 0 to 4 of `annals-bench run`: generating the corpus, ingesting it cold (cards and
// feed), the sqlite3 baseline, and the incremental ingest.

#if canImport(Glibc)
import Glibc
#endif

extension Runner {
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
        let last = try timeLoads(&stage, name: "baseline", peer: "sqlite3") { db, run in
            try runChild(sqlite3, [db], stdin: script, stdout: logs + "/baseline-\(run).out", stderr: logs + "/baseline-\(run).err")
        }
        if let last, let counts = lines(last.stdout).last {
            let n = counts.split(separator: "|")
            if n.count == 3 {
                stage.notes.append("imported \(n[0]) articles, \(n[1]) timeline entries; \(n[2]) FTS rows")
            }
        }
        report.stages.append(stage)
    }

    /// Times a loader that is not annals: `load` fills a fresh database (named after `name`
    /// and the run) from the flat rows, `runs` times; adds wall, throughput, peak RSS and db
    /// size, and annals' ingest stages' wall over this one's. Returns the last run, or nil
    /// when a run failed (the stage then says how).
    func timeLoads(
        _ stage: inout Stage, name: String, peer: String, _ load: (_ db: String, _ run: Int) throws -> ChildResult
    ) throws -> ChildResult? {
        var wall: [Double] = [], rate: [Double] = [], rss: [Double] = [], size: [Double] = []
        var last: ChildResult?
        for run in 1...runs {
            let db = dbDir + "/\(name)-\(run).sqlite"
            try removeArchive(db)
            progress("\(stage.title): run \(run)/\(runs)")
            let result = try load(db, run)
            guard result.exitCode == 0 else {
                stage.status = .failed("\(peer) exit \(result.exitCode): \(result.firstErrorLine)")
                return nil
            }
            wall.append(result.seconds)
            rate.append(Double(cards) / result.seconds)
            rss.append(result.maxRSSMiB)
            size.append(Double(archiveSize(db)) / 1_048_576)
            if run > 1 { try removeArchive(db) }
            last = result
        }
        stage.add("wall", "wall", wall, "s")
        stage.add("throughput", "throughput", rate, "articles/s")
        stage.add("peak-rss", "peak RSS", rss, "MiB")
        stage.add("db-size", "db size", size, "MiB")
        if let base = median(wall) {
            for (id, label) in [("ingest-cards", "cards"), ("ingest-feed", "feed")] {
                if let annals = report.stages.first(where: { $0.id == id })?.figure("wall")?.value {
                    stage.add("ratio-\(label)", "annals \(label) / \(peer)", value: annals / base, "×")
                }
            }
        }
        return last
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
}
