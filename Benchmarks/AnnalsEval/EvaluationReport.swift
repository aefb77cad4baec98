import AnnalsKit
import Foundation

/// `annals-bench eval`: the corpus ingested in several orders, scored, and the failures listed.
public struct EvaluationReport: Sendable {
    /// How the corpus was ingested in one of the runs compared for order independence.
    public struct Order: Sendable {
        public var name: String
        public var run: EvaluationRun
    }

    public let corpus: EvaluationCorpus
    /// The first order is the one scored; the others are compared with it.
    public let orders: [Order]

    /// Ingests the corpus in name order, in reverse, shuffled (seeded), shuffled in three
    /// runs, and in name order one file per write transaction (what the store remembers
    /// from one transaction to the next must not change the events), each into a new
    /// archive under `folder`.
    public init(corpus: EvaluationCorpus, folder: URL, seed: UInt64 = 7, orderCount: Int = 5) throws {
        self.corpus = corpus
        var generator = SplitMix64(state: seed)
        let sorted = corpus.inputFiles
        let batch = IngestOptions().batchSize
        let all: [(String, [String], Int, Int)] = [
            ("name order", sorted, 1, batch), ("reverse order", sorted.reversed(), 1, batch),
            ("shuffled", generator.shuffled(sorted), 1, batch),
            ("shuffled, 3 runs", generator.shuffled(sorted), 3, batch),
            ("name order, a transaction per file", sorted, 1, 1),
        ]
        orders = try all.prefix(max(1, orderCount)).map { name, inputs, runs, batchSize in
            Order(name: name, run: try EvaluationRun(corpus: corpus, inputs: inputs, runs: runs, batchSize: batchSize, folder: folder))
        }
    }

    public var scored: EvaluationRun { orders[0].run }

    public func score(parts: Set<String>? = nil) -> EvaluationScore {
        EvaluationScore(corpus: corpus, run: scored, parts: parts)
    }

    /// For each other order, the lines whose group of fellow lines differs from the first order's.
    public var orderDifferences: [(order: String, lines: Int)] {
        let reference = Self.groups(scored.partition)
        return orders.dropFirst().map { order in
            let groups = Self.groups(order.run.partition)
            return (order.name, reference.filter { groups[$0.key] != $0.value }.count)
        }
    }

    private static func groups(_ partition: Set<Set<EvaluationCorpus.MentionKey>>) -> [EvaluationCorpus.MentionKey: Set<EvaluationCorpus.MentionKey>] {
        var result: [EvaluationCorpus.MentionKey: Set<EvaluationCorpus.MentionKey>] = [:]
        for group in partition { for key in group { result[key] = group } }
        return result
    }

    /// The scores (all, development, held out), order independence, then with `details`
    /// every split, wrong merge and topic miss or extra (of `parts`, or all).
    public func text(details: Bool, parts: Set<String>? = nil) -> String {
        var out = "evaluation corpus: \(corpus.inputFiles.count) files, \(corpus.mentions.count) timeline lines, "
            + "\(Set(corpus.mentions.map(\.event)).count) true events cited, \(corpus.articles.count) articles\n"
        for problem in scored.problems { out += "  ingest: \(problem)\n" }
        func f(_ value: Double?) -> String { value.map { String(format: "%.3f", $0) } ?? "–" }
        out += "\n| part | lines | merge P | merge R | events (true) | topic P | topic R | entity P | entity R | article topic P | article topic R |\n"
        out += "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n"
        let holdout = Set(corpus.mentions.map(\.part)).subtracting(EvaluationCorpus.developmentParts)
        for (name, parts) in [("all", nil), ("development (A, B)", EvaluationCorpus.developmentParts), ("held out (C, D)", holdout)] as [(String, Set<String>?)] {
            let s = score(parts: parts)
            out += "| \(name) | \(s.merge.mentions) | \(f(s.merge.precision)) | \(f(s.merge.recall)) | "
                + "\(s.merge.predictedEvents) (\(s.merge.trueEvents)) | \(f(s.eventTopics.precision)) | \(f(s.eventTopics.recall)) | "
                + "\(f(s.eventEntities.precision)) | \(f(s.eventEntities.recall)) | \(f(s.articleTopics.precision)) | \(f(s.articleTopics.recall)) |\n"
        }
        out += "\norder independence (lines whose event differs from the name-order run):"
        for (order, lines) in orderDifferences { out += " \(order): \(lines);" }
        out += "\n"
        guard details else { return out }
        let all = score(parts: parts)
        out += "\n## Split: lines of one true event in several archive events (\(all.splits.count))\n"
        for split in all.splits {
            out += "\(split.event)\n"
            for (k, group) in split.groups.enumerated() { for line in group { out += "  \(k + 1) \(line)\n" } }
        }
        out += "\n## Wrong merges: archive events holding several true events (\(all.wrongMerges.count))\n"
        for merge in all.wrongMerges {
            out += merge.events.joined(separator: " + ") + "\n"
            for line in merge.lines { out += "    \(line)\n" }
        }
        out += "\n## Event topics missed (\(all.eventTopics.misses.count))\n"
        for miss in all.eventTopics.misses { out += "  -\(miss.tag)  \(miss.item)\n" }
        out += "\n## Event topics not acceptable (\(all.eventTopics.extras.count))\n"
        for extra in all.eventTopics.extras { out += "  +\(extra.tag)  \(extra.item)\n" }
        out += "\n## Article topics missed (\(all.articleTopics.misses.count)) and not listed (\(all.articleTopics.extras.count))\n"
        for miss in all.articleTopics.misses { out += "  -\(miss.tag)  \(miss.item)\n" }
        for extra in all.articleTopics.extras { out += "  +\(extra.tag)  \(extra.item)\n" }
        out += "\n## Lines grouped differently in another order\n"
        let reference = Self.groups(scored.partition)
        for order in orders.dropFirst() {
            let groups = Self.groups(order.run.partition)
            var shown = Set<Set<EvaluationCorpus.MentionKey>>()
            for (key, group) in reference.sorted(by: { $0.key < $1.key }) where groups[key] != group && shown.insert(group).inserted {
                guard parts == nil || corpus.mentions.contains(where: { $0.key == key && parts!.contains($0.part) }) else { continue }
                out += "\(order.name): \(key)\n  name order: \(group.sorted().map(\.text))\n  \(order.name): \(groups[key]!.sorted().map(\.text))\n"
            }
        }
        if !all.missing.isEmpty { out += "\n## Truth with no row in the archive\n" + all.missing.map { "  \($0)\n" }.joined() }
        return out
    }
}

/// SplitMix64, written out so that a seeded sequence is the same on every machine and
/// toolchain: the evaluation's shuffled orders, and the seeding of the corpus generator.
public struct SplitMix64: Sendable {
    public var state: UInt64

    public init(state: UInt64) { self.state = state }

    /// A Fisher–Yates shuffle of `items` with this generator.
    public mutating func shuffled<T>(_ items: [T]) -> [T] {
        var items = items
        for i in stride(from: items.count - 1, to: 0, by: -1) { items.swapAt(i, Int(next() % UInt64(i + 1))) }
        return items
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
