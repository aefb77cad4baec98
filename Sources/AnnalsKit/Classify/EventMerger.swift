/// Decides which existing event, if any, a new mention belongs to (see ``EventMatcher``
/// for the rule: compatible dates, no conflicting entities, similar enough terms).
public struct EventMerger: Sendable {
    /// Entity kinds by canonical name, for the conflict rule.
    public let entityKinds: [String: String]

    public init(taxonomy: Taxonomy) {
        // A bloc stands where a country would (`… to Taiwan` / `… to the EU`): one kind.
        entityKinds = taxonomy.entityKinds.mapValues { $0 == "bloc" ? "country" : $0 }
    }

    /// The candidate most similar to the mention among those it may join, or nil.
    public func bestMatch(for facts: EntryFacts, dated date: PartialDate, among candidates: [EventCandidate]) -> Int64? {
        let mention = EventMention(date: date, key: EventKey(terms: facts.terms, sequence: facts.sequence), entities: facts.entities)
        var best: (id: Int64, score: Double)?
        for candidate in candidates where EventMatcher.datesCompatible(date, candidate.date) {
            let other = EventMention(date: candidate.date, key: candidate.key, entities: candidate.entities)
            guard case .same(let score) = EventMatcher.compare(mention, other, kinds: entityKinds) else { continue }
            if best == nil || score > best!.score || (score == best!.score && candidate.id < best!.id) {
                best = (candidate.id, score)
            }
        }
        return best?.id
    }
}
