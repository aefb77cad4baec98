import AnnalsKit
import Foundation

/// The matcher alone, on every pair of corpus lines with compatible dates: how many true
/// pairs it calls the same event, which rule keeps the others apart, and which pairs of
/// different events it would join. Clustering aside, this is what the merger starts from.
public struct PairwiseDiagnosis: Sendable {
    public var truePairs = 0
    public var trueJoined = 0
    public var falsePairs = 0
    public var falseJoined = 0
    /// Rule → true pairs it kept apart.
    public var blockers: [String: Int] = [:]
    public var examples: [String: [String]] = [:]
    public var falseMatches: [String] = []

    public init(corpus: EvaluationCorpus, parts: Set<String>? = nil, taxonomy: Taxonomy = .builtIn) throws {
        let classifier = try Classifier(taxonomy: taxonomy)
        let kinds = EventMerger(taxonomy: taxonomy).entityKinds
        let mentions = corpus.mentions.filter { parts?.contains($0.part) ?? true }.map { ($0, EventMention(date: PartialDate(parsing: $0.date), text: $0.text, classifier: classifier)) }
        for i in mentions.indices {
            for j in mentions.indices where j > i {
                let (a, ma) = mentions[i], (b, mb) = mentions[j]
                guard EventMatcher.datesCompatible(ma.date, mb.date) else { continue }
                let verdict = EventMatcher.compare(ma, mb, kinds: kinds)
                let line = "[\(a.date)] \(a.text)\n      [\(b.date)] \(b.text)"
                if a.event == b.event {
                    truePairs += 1
                    if verdict.isSame { trueJoined += 1; continue }
                    let rule = Self.rule(verdict)
                    blockers[rule, default: 0] += 1
                    if examples[rule, default: []].count < 400 { examples[rule, default: []].append("\(a.event): \(Self.detail(verdict))\n      \(line)") }
                } else {
                    falsePairs += 1
                    if verdict.isSame {
                        falseJoined += 1
                        falseMatches.append("\(a.event) ≠ \(b.event): \(Self.detail(verdict))\n      \(line)")
                    }
                }
            }
        }
    }

    static func rule(_ verdict: EventMatcher.Verdict) -> String {
        switch verdict {
        case .same: "same"
        case .datesIncompatible: "dates"
        case .entitiesConflict: "entities"
        case .actionsConflict: "actions"
        case .identifiersConflict: "identifiers"
        case .namesConflict: "names"
        case .objectsConflict: "objects"
        case .dissimilar: "similarity"
        }
    }

    static func detail(_ verdict: EventMatcher.Verdict) -> String {
        switch verdict {
        case let .same(s): String(format: "same %.2f", s)
        case .datesIncompatible: "dates"
        case let .entitiesConflict(kind, a, b): "entities \(kind) \(a) / \(b)"
        case let .actionsConflict(a, b): "actions \(a) / \(b)"
        case let .identifiersConflict(a, b): "identifiers \(a) / \(b)"
        case let .namesConflict(a, b): "names \(a) / \(b)"
        case let .objectsConflict(a, b): "objects \(a) / \(b)"
        case let .dissimilar(s): String(format: "similarity %.2f", s)
        }
    }

    public var text: String {
        var out = "pairwise matcher: \(trueJoined) of \(truePairs) true pairs joined (recall \(String(format: "%.3f", Double(trueJoined) / Double(max(1, truePairs))))), "
            + "\(falseJoined) of \(falsePairs) pairs of different events joined\n"
        for (rule, count) in blockers.sorted(by: { $0.value > $1.value }) { out += "  kept apart by \(rule): \(count)\n" }
        out += "\n## False matches (\(falseMatches.count))\n" + falseMatches.map { "  \($0)\n" }.joined()
        for (rule, list) in examples.sorted(by: { $0.key < $1.key }) {
            out += "\n## True pairs kept apart by \(rule) (\(blockers[rule] ?? 0))\n" + list.map { "  \($0)\n" }.joined()
        }
        return out
    }
}
