// Stage 5 of `annals-bench run`: the events export by `annals export` and by `sqlite3 -csv`.

#if canImport(Glibc)
import Glibc
#endif

extension Runner {
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
}
