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
