/// Pairwise scores of a clustering of mentions against the truth: a pair of mentions is
/// "together" when both are in one event. Precision: of the pairs the merger put together,
/// the share that truly are; recall: of the pairs truly together, the share it found.
/// One-off mentions and unmerged mentions (no event) are singletons.
public struct MergerScore<Label: Hashable & Sendable>: Sendable {
    /// A true event, or a one-off mention (its own event), numbered apart.
    private enum Group: Hashable { case label(Label), single(Int) }
    private struct Pair: Hashable { var predicted: Int, truth: Group }

    public var mentions = 0
    /// Mentions in the truth with no row in the archive (e.g. a rejected card).
    public var missing = 0
    /// Mentions whose event_id is NULL.
    public var unassigned = 0
    public var predictedEvents = 0
    public var trueEvents = 0
    public var predictedPairs = 0
    public var truePairs = 0
    public var correctPairs = 0
    public var nearMissPairs = 0
    public var nearMissMerged = 0

    public var precision: Double? { predictedPairs == 0 ? nil : Double(correctPairs) / Double(predictedPairs) }
    public var recall: Double? { truePairs == 0 ? nil : Double(correctPairs) / Double(truePairs) }
    public var f1: Double? {
        guard let p = precision, let r = recall, p + r > 0 else { return nil }
        return 2 * p * r / (p + r)
    }

    /// `mentions`: for each mention, its true event (nil: a one-off) and the event the
    /// archive put it in (nil: none).
    public init(mentions list: [(truth: Label?, predicted: Int?)], missing: Int, nearMisses: [(Label, Label)] = []) {
        var predictedCount: [Int: Int] = [:]
        var trueCount: [Group: Int] = [:]
        var joint: [Pair: Int] = [:]
        var eventsOfTruth: [Label: Set<Int>] = [:]
        var singleton = 0
        for (truth, predicted) in list {
            singleton -= 1
            let p = predicted ?? singleton
            let t = truth.map(Group.label) ?? .single(singleton)
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
