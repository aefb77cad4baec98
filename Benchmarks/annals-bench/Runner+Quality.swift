// Stage 6 of `annals-bench run`: the merger's pairwise precision and recall against the
// corpus' truth.

#if canImport(Glibc)
import Glibc
#endif
import AnnalsEval

extension Runner {
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
}
