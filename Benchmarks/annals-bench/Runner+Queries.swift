#if canImport(Glibc)
import Glibc
#endif
import AnnalsKit

extension Runner {
    /// Stage 7: queries on the card archive (A), inside the library (median of 21 runs of
    /// each, after one warm-up) and end to end through `annals ask`; then `annals
    /// reclassify` of the whole archive.
    mutating func queries() throws {
        var stage = Stage("queries", "7 queries and reclassify (archive A)")
        defer { report.stages.append(stage) }
        guard let db = cardArchive else {
            stage.status = .skipped("no card archive")
            return
        }
        let archive = try Archive(path: db)
        let events = Double(try sqliteScalar(db, "SELECT count(*) FROM events")) ?? 0
        stage.add("events", "events in archive", value: events, "events")
        let cases: [(String, String, QueryFilter)] = [
            ("topic-since", "topic + since, first 50",
             QueryFilter(topics: ["export-controls"], since: Day(iso: "2024-01-01"), limit: 50)),
            ("entity", "entity, first 50", QueryFilter(entities: ["Huawei"], limit: 50)),
            ("full-text", "full-text, first 50", QueryFilter(search: "entity list", limit: 50)),
            ("topic-since-all", "topic + since, every row",
             QueryFilter(topics: ["export-controls"], since: Day(iso: "2024-01-01"))),
        ]
        for (id, label, filter) in cases {
            progress("\(stage.title): \(label)")
            var times: [Double] = []
            var rows = 0
            for run in 0...21 {
                rows = 0
                let start = monotonicSeconds()
                try archive.forEachEvent(matching: filter) { _ in rows += 1 }
                if run > 0 { times.append((monotonicSeconds() - start) * 1000) }
            }
            stage.add(id, label, times, "ms")
            stage.notes.append("\(label): \(grouped(rows)) rows")
        }
        var ask: [Double] = []
        for run in 1...max(3, runs) {
            progress("\(stage.title): annals ask, run \(run)")
            let result = try annals("ask-\(run)", ["--db", db, "ask", "all export-control events since 2024", "--format", "csv"])
            guard result.exitCode == 0 else {
                stage.notes.append("annals ask failed: " + result.firstErrorLine)
                break
            }
            ask.append(result.seconds * 1000)
        }
        if !ask.isEmpty { stage.add("ask", "annals ask end to end", ask, "ms") }
        progress("\(stage.title): annals reclassify")
        let result = try annals("reclassify", ["--db", db, "reclassify"])
        if result.exitCode == 0 {
            stage.add("reclassify", "annals reclassify", value: result.seconds, "s")
            stage.add("reclassify-rate", "reclassify rate", value: events / result.seconds, "events/s")
        } else {
            stage.notes.append("annals reclassify failed: " + result.firstErrorLine)
        }
    }
}

extension Runner {
    /// The first page (50) of each search in each sort, inside the library: the median of
    /// `runs` runs after a warm-up, in wall time and in the process's CPU time (which a busy
    /// machine disturbs less), and the lowest wall time; one line each. Reads only: the
    /// archive is left as it was, so two builds can be timed on one archive in turns.
    static func searchPages(db: String, searches: [String], runs: Int) throws -> String {
        let archive = try Archive(path: db)
        var lines: [String] = []
        func ms(_ value: Double) -> String { String(format: "%.2f", value) }
        for search in searches {
            for sort in QueryFilter.Sort.allCases {
                let filter = QueryFilter(search: search, sort: sort, limit: 50)
                var wall: [Double] = []
                var cpu: [Double] = []
                var rows = 0
                for run in 0...max(1, runs) {
                    rows = 0
                    let start = monotonicSeconds(), startCPU = processCPUSeconds()
                    try archive.forEachEvent(matching: filter) { _ in rows += 1 }
                    if run > 0 {
                        wall.append((monotonicSeconds() - start) * 1000)
                        cpu.append((processCPUSeconds() - startCPU) * 1000)
                    }
                }
                wall.sort()
                cpu.sort()
                lines.append(
                    "search \"\(search)\" sort \(sort.rawValue): median \(ms(wall[wall.count / 2])) ms wall, "
                        + "\(ms(cpu[cpu.count / 2])) ms CPU (lowest wall \(ms(wall[0]))), \(rows) rows")
            }
        }
        return lines.joined(separator: "\n")
    }

    /// CPU time the process has used (user and system, every thread: the reads run on GRDB's
    /// reader queue), in seconds.
    static func processCPUSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }
}
