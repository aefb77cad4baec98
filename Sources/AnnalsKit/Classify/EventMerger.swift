/// Decides which existing event, if any, a new mention belongs to (see ``EventMatcher``
/// for the rule: compatible dates, no conflicting entities, similar enough terms).
public struct EventMerger: Sendable {
    /// Entity kinds by canonical name and by entity term, and entity names by first word
    /// (`~huawei`), for the conflict rules.
    public let entityKinds: [String: String]

    /// A merger for `taxonomy`'s entities: their kinds by name and by entity term, for the conflict rules.
    public init(taxonomy: Taxonomy) {
        // A bloc stands where a country would (`… to Taiwan` / `… to the EU`): one kind.
        // Keyed by name and by term (`@nvidia`): the matcher weighs entity terms by kind.
        var kinds = taxonomy.entityKinds.mapValues { $0 == "bloc" ? "country" : $0 }
        for (name, kind) in kinds { kinds[EventKey.entityTerm(name)] = kind }
        // And the first word of each name and alias, under `~word`: who a line names first
        // (``EventMatcher/lead(of:kinds:)``).
        for entity in taxonomy.entities {
            for alias in [entity.name] + entity.aliases {
                if let first = EventKey.sequence(of: alias).first, kinds["~" + first] == nil { kinds["~" + first] = entity.name }
            }
        }
        entityKinds = kinds
    }

    /// Whether `term` is distinctive enough to find candidate events by: common terms
    /// (`us`, `chip`, `@china`) find too many events to say anything.
    public func isDistinctive(_ term: String) -> Bool {
        EventMatcher.weight(of: term, kinds: entityKinds) > EventKey.commonWeight
    }

    /// The events the mention belongs to, and so the one it joins.
    ///
    /// The mention is compared with every wording of every candidate whose date it is
    /// compatible with (``EventMatcher/compare(_:_:kinds:)``); each event with a wording
    /// that is the same event, and none whose entities conflict with the mention's (a line
    /// that names no firm must not bridge `… deal with Amazon` and `… deal with Meta`), is
    /// linked. Linked events are taken best first (highest
    /// likeness, then the more precise date, then the matching wording's text, so the choice
    /// does not depend on which event happens to be older) and join one another while their
    /// dates stay compatible and their entities do not conflict: a mention that tells the
    /// event two earlier lines told apart brings them together, so the events do not depend
    /// on the order lines arrive in. The event kept is the oldest (the lowest id), so ids
    /// already handed out stay valid as long as possible.
    public func placement(for facts: EntryFacts, dated date: PartialDate, among candidates: [EventCandidate]) -> EventPlacement {
        let mention = EventMention(date: date, key: facts.key, entities: facts.entities)
        var linked: [(candidate: EventCandidate, score: Double, text: String)] = []
        // Every way to be the same event shares a distinctive term, unless the line has none:
        // a wording without one is passed over before the full comparison.
        let distinctive = Set(facts.terms.filter(isDistinctive))
        for candidate in candidates where EventMatcher.datesCompatible(date, candidate.date) {
            var best: (Double, String)?
            for wording in candidate.wordings where distinctive.isEmpty || wording.key.terms.contains(where: distinctive.contains) {
                // Line against line, each with its own date: the verdict is the same whichever
                // came first (the event's date, the most precise of its lines, is checked above).
                let other = EventMention(date: wording.date ?? candidate.date, key: wording.key, entities: wording.entities)
                guard EventMatcher.datesCompatible(date, other.date), EventMatcher.mayBeSame(mention, other, kinds: entityKinds),
                    case .same(let score) = EventMatcher.compare(mention, other, kinds: entityKinds)
                else { continue }
                if best == nil || score > best!.0 || (score == best!.0 && wording.text < best!.1) { best = (score, wording.text) }
            }
            // One wording like the line links it, unless another names a conflicting actor.
            if let (score, text) = best,
                !candidate.wordings.contains(where: { EventMatcher.entityConflict(facts.entities, $0.entities, kinds: entityKinds) != nil })
            {
                linked.append((candidate, score, text))
            }
        }
        guard !linked.isEmpty else { return .new }
        linked.sort { a, b in
            if a.score != b.score { return a.score > b.score }
            if a.candidate.date.precision != b.candidate.date.precision {
                return a.candidate.date.precision.rank < b.candidate.date.precision.rank
            }
            return a.text < b.text
        }
        var clusterDate = date
        var entities = Set(facts.entities)
        var members: [Int64] = []
        for (candidate, _, _) in linked {
            guard EventMatcher.datesCompatible(clusterDate, candidate.date),
                EventMatcher.entityConflict(Array(entities), candidate.entities, kinds: entityKinds) == nil || members.isEmpty
            else { continue }
            members.append(candidate.id)
            if candidate.date.refines(clusterDate) { clusterDate = candidate.date }
            entities.formUnion(candidate.entities)
        }
        let keep = members.min()!
        return EventPlacement(event: keep, absorbing: members.filter { $0 != keep }.sorted())
    }
}

/// Where a mention goes: into `event`, which first takes in the events of `absorbing`
/// (the mention links them: it is the same event as a wording of each), or into a new
/// event when `event` is nil.
public struct EventPlacement: Hashable, Sendable {
    /// The event the mention joins (the lowest id of the events it links); nil for a new event.
    public var event: Int64?
    /// The other events it links, by id, ascending: to be merged into `event` before the mention joins it.
    public var absorbing: [Int64]

    /// The mention starts an event of its own and absorbs none.
    public static let new = EventPlacement(event: nil, absorbing: [])
}

extension PartialDate.Precision {
    /// 0 for a day, up to 4 for an unreadable date: lower is more precise.
    var rank: Int { Self.allCases.firstIndex(of: self)! }
}
