import Foundation

/// The ground truth of a generated corpus (`truth.json`, see Benchmarks/README.md).
struct Truth {
    /// Card file (relative to the corpus folder) → the pool event of each timeline entry, by position − 1.
    var cardFiles: [String: [Int?]]
    /// NDJSON line − 1 → the pool event of each timeline entry.
    var feedLines: [[Int?]]
    /// Pool events built to be confused with one another: (event, its twin).
    var nearMisses: [(Int, Int)]

    init(path: String) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        guard let root = try JSONSerialization.jsonObject(with: data) as? [String: Any],
            let cards = root["card_files"] as? [String: [Any]],
            let feed = root["feed"] as? [String: Any], let lines = feed["lines"] as? [[Any]],
            let pool = root["pool"] as? [[String: Any]]
        else { throw OutputError(description: "\(path) is not an annals-bench truth file") }
        func ids(_ list: [Any]) -> [Int?] { list.map { ($0 as? NSNumber)?.intValue } }
        cardFiles = cards.mapValues(ids)
        feedLines = lines.map(ids)
        nearMisses = pool.compactMap { event in
            guard let id = (event["id"] as? NSNumber)?.intValue, let twin = (event["near_miss_of"] as? NSNumber)?.intValue else { return nil }
            return (id, twin)
        }
    }
}

/// Pairwise scores of a clustering of mentions against the truth: a pair of mentions is
/// "together" when both are in one event. Precision: of the pairs the merger put together,
/// the share that truly are; recall: of the pairs truly together, the share it found.
/// One-off mentions and unmerged mentions (no event) are singletons.
struct MergerScore {
    var mentions = 0
    /// Mentions in the truth with no row in the archive (e.g. a rejected card).
    var missing = 0
    /// Mentions whose event_id is NULL.
    var unassigned = 0
    var predictedEvents = 0
    var trueEvents = 0
    var predictedPairs = 0
    var truePairs = 0
    var correctPairs = 0
    var nearMissPairs = 0
    var nearMissMerged = 0

    var precision: Double? { predictedPairs == 0 ? nil : Double(correctPairs) / Double(predictedPairs) }
    var recall: Double? { truePairs == 0 ? nil : Double(correctPairs) / Double(truePairs) }
    var f1: Double? {
        guard let p = precision, let r = recall, p + r > 0 else { return nil }
        return 2 * p * r / (p + r)
    }

    /// `mentions`: for each mention, its true pool event (nil: one-off) and the event the
    /// archive put it in (nil: none).
    init(mentions list: [(truth: Int?, predicted: Int?)], missing: Int, nearMisses: [(Int, Int)]) {
        struct Pair: Hashable { var predicted: Int, truth: Int }
        var predictedCount: [Int: Int] = [:]
        var trueCount: [Int: Int] = [:]
        var joint: [Pair: Int] = [:]
        var eventsOfTruth: [Int: Set<Int>] = [:]
        var singleton = 0
        for (truth, predicted) in list {
            singleton -= 1
            let p = predicted ?? singleton
            let t = truth ?? singleton
            if predicted == nil { unassigned += 1 }
            predictedCount[p, default: 0] += 1
            trueCount[t, default: 0] += 1
            joint[Pair(predicted: p, truth: t), default: 0] += 1
            if let truth { eventsOfTruth[truth, default: []].insert(p) }
        }
        func pairs(_ n: Int) -> Int { n * (n - 1) / 2 }
        mentions = list.count
        self.missing = missing
        predictedEvents = predictedCount.count
        trueEvents = trueCount.count
        predictedPairs = predictedCount.values.reduce(0) { $0 + pairs($1) }
        truePairs = trueCount.values.reduce(0) { $0 + pairs($1) }
        correctPairs = joint.values.reduce(0) { $0 + pairs($1) }
        for (a, b) in nearMisses {
            guard let ea = eventsOfTruth[a], let eb = eventsOfTruth[b] else { continue }
            nearMissPairs += 1
            if !ea.isDisjoint(with: eb) { nearMissMerged += 1 }
        }
    }
}
