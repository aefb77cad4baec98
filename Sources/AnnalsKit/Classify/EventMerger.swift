/// Decides which existing event, if any, a new mention belongs to (see ``EventMatcher``
/// for the rule: compatible dates, no conflicting entities, similar enough terms).
public struct EventMerger: Sendable {
    /// Entity kinds by canonical name, for the conflict rule.
    public let entityKinds: [String: String]

    public init(taxonomy: Taxonomy) {
        entityKinds = taxonomy.entityKinds
    }

    /// The candidate most similar to the mention among those it may join, or nil.
    public func bestMatch(for facts: EntryFacts, dated date: PartialDate, among candidates: [EventCandidate]) -> Int64? {
        var best: (id: Int64, score: Double)?
        for candidate in candidates {
            guard EventMatcher.datesCompatible(date, candidate.date),
                !EventMatcher.entitiesConflict(facts.entities, candidate.entities, kinds: entityKinds)
            else { continue }
            let score = EventMatcher.similarity(facts.terms, candidate.terms)
            guard score >= EventMatcher.threshold else { continue }
            if best == nil || score > best!.score || (score == best!.score && candidate.id < best!.id) {
                best = (candidate.id, score)
            }
        }
        return best?.id
    }
}
