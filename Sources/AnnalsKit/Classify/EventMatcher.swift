/// One mention of an event as ``EventMatcher`` compares it: its date, its content terms
/// and the canonical names of the entities the classifier found in it.
public struct EventMention: Hashable, Sendable {
    public var date: PartialDate
    public var key: EventKey
    public var entities: [String]

    public init(date: PartialDate, key: EventKey, entities: [String]) {
        self.date = date
        self.key = key
        self.entities = entities
    }

    /// A mention of `text`, its entities found by `classifier`.
    public init(date: PartialDate, text: String, classifier: Classifier) {
        let classification = classifier.classify(text)
        self.init(date: date, key: EventKey(text: text, classification: classification), entities: classification.entities)
    }
}

/// The rule for "two timeline entries tell the same real-world event".
///
/// Two mentions are the same event when, in this order:
/// 1. their dates are compatible (``datesCompatible(_:_:)``): one date's interval
///    contains the other's (2024 ⊇ 2024-Q4 ⊇ 2024-10 ⊇ 2024-10-15); dates that cannot be
///    read match only the same text;
/// 2. their entities do not conflict (``entitiesConflict(_:_:kinds:)``): no kind of entity
///    for which each names one the other lacks (Huawei vs SMIC; the Netherlands vs Japan);
///    one naming fewer entities (`US … China` vs `US …`) is no conflict;
/// 3. their actions do not conflict (``actionsConflict(_:_:)``): when both say what
///    happened (``EventKey/actionClasses``), some action of one is in the class of some
///    action of the other (`releases` vs `halts sales` are two events; `expands` and
///    `broadens` are one, and so are `adds X to the controls` and `expands the controls`);
/// 4. their identifiers do not conflict (``identifiersConflict(_:_:)``): neither has a
///    number or code with digits the other lacks while lacking one the other has (`adds 140
///    entities` vs `adds 80 entities`; `DeepSeek R1` vs `DeepSeek V3`; `Ascend 910C … N+3`
///    vs `Ascend 910B … N+3`);
/// 5. their names do not conflict (``namesConflict(_:_:kinds:)``): they do not each name
///    a firm, person, product or capitalized name the other lacks, and a name the
///    taxonomy does not know does not stand against an entity the other line has
///    (`… users in Brazil` / `… users in the UK`);
/// 6. their objects do not conflict (``objectsConflict(_:_:)``): lines that begin and end
///    alike do not differ in one slot where each has content terms the other lacks
///    (`China restricts exports of molybdenum` / `China restricts exports of superhard
///    materials`);
/// 7. their content terms are alike: ``similarity(_:_:)`` (the Dice coefficient of the
///    ``EventKey`` terms) is at least ``threshold``.
///
/// ``threshold`` is 0.5, calibrated on the 30 same-event and 32 different-event pairs of
/// `EventMatcherTests`: rewordings of one event score 0.59–1.0 (the lowest: a terse
/// `Trump announces $500 billion Stargate AI infrastructure project` against a wordy
/// version naming OpenAI, Oracle and SoftBank), and the different events that only
/// similarity separates score at most 0.45 (`US accuses China of AI theft` / `China
/// accuses US of cyberattacks`). Rules 1–4 do most of the separating, so the threshold
/// can stay low enough for a terse line to match a wordy one. Known limits: a bag of
/// words loses direction (`Musk sues OpenAI` / `OpenAI sues Musk`), and lines whose
/// objects differ can merge when the lines also differ elsewhere (`US expands export
/// controls on AI chips to China` / `US expands visa restrictions on Chinese AI
/// researchers`) or when one object contains the other (`… to China` / `… to Chinese
/// military end users`).
public enum EventMatcher {
    /// The least ``similarity(_:_:)`` of two mentions of one event.
    public static let threshold = 0.5

    /// Why two mentions are, or are not, one event.
    public enum Verdict: Hashable, Sendable {
        case same(similarity: Double)
        case datesIncompatible
        /// For `kind`, each side names entities the other lacks.
        case entitiesConflict(kind: String, onlyA: [String], onlyB: [String])
        /// Each side's actions; no class in common.
        case actionsConflict(a: [String], b: [String])
        /// Each side's identifiers; none in common.
        case identifiersConflict(a: [String], b: [String])
        /// Each side names someone or something (a proper name or an entity) the other does not.
        case namesConflict(onlyA: [String], onlyB: [String])
        /// The content terms of the one slot where lines that begin and end alike differ.
        case objectsConflict(onlyA: [String], onlyB: [String])
        case dissimilar(similarity: Double)

        public var isSame: Bool {
            if case .same = self { return true }
            return false
        }
    }

    /// Whether `a` and `b` tell the same event (see ``EventMatcher``).
    public static func isSameEvent(_ a: EventMention, _ b: EventMention, kinds: [String: String]) -> Bool {
        compare(a, b, kinds: kinds).isSame
    }

    /// The verdict on `a` and `b`, naming the first rule that separates them.
    public static func compare(_ a: EventMention, _ b: EventMention, kinds: [String: String]) -> Verdict {
        guard datesCompatible(a.date, b.date) else { return .datesIncompatible }
        if let conflict = entityConflict(a.entities, b.entities, kinds: kinds) {
            return .entitiesConflict(kind: conflict.kind, onlyA: conflict.onlyA, onlyB: conflict.onlyB)
        }
        if actionsConflict(a.key.terms, b.key.terms) {
            return .actionsConflict(a: a.key.actions, b: b.key.actions)
        }
        if identifiersConflict(a.key.terms, b.key.terms) {
            return .identifiersConflict(a: a.key.identifiers, b: b.key.identifiers)
        }
        if let (onlyA, onlyB) = namesConflict(a, b, kinds: kinds) {
            return .namesConflict(onlyA: onlyA, onlyB: onlyB)
        }
        if let (onlyA, onlyB) = objectsConflict(a.key.sequence, b.key.sequence) {
            return .objectsConflict(onlyA: onlyA, onlyB: onlyB)
        }
        let score = similarity(a.key.terms, b.key.terms)
        return score >= threshold ? .same(similarity: score) : .dissimilar(similarity: score)
    }

    /// Whether two dates can be the date of one event: both readable and one interval
    /// containing the other (the same date, or a coarser one around a finer one: 2024 ⊇
    /// 2024-10 ⊇ 2024-10-15, 2024-Q4 ⊇ 2024-10), or both unreadable with the same text
    /// (ignoring case and spacing). Neighbouring dates (2024-10 and 2024-11) are not.
    public static func datesCompatible(_ a: PartialDate, _ b: PartialDate) -> Bool {
        switch (a.start, a.end, b.start, b.end) {
        case let (aStart?, aEnd?, bStart?, bEnd?):
            if let normalized = a.normalized, normalized == b.normalized { return true }
            return (aStart <= bStart && bEnd <= aEnd) || (bStart <= aStart && aEnd <= bEnd)
        case (nil, _, nil, _):
            return !a.isKnown && !b.isKnown && Normalize.sourceKey(a.text) == Normalize.sourceKey(b.text)
        default:
            return false
        }
    }

    /// Whether, for some kind, each side names an entity of that kind the other does not.
    /// Entities missing from `kinds` count as one more kind.
    public static func entitiesConflict(_ a: [String], _ b: [String], kinds: [String: String]) -> Bool {
        entityConflict(a, b, kinds: kinds) != nil
    }

    static func entityConflict(_ a: [String], _ b: [String], kinds: [String: String]) -> (kind: String, onlyA: [String], onlyB: [String])? {
        let setA = Set(a)
        let setB = Set(b)
        let onlyA = setA.subtracting(setB)
        let onlyB = setB.subtracting(setA)
        guard !onlyA.isEmpty, !onlyB.isEmpty else { return nil }
        let kindsB = Set(onlyB.map { kinds[$0] ?? "" })
        for kind in Set(onlyA.map { kinds[$0] ?? "" }).sorted() where kindsB.contains(kind) {
            return (kind, onlyA.filter { kinds[$0] ?? "" == kind }.sorted(), onlyB.filter { kinds[$0] ?? "" == kind }.sorted())
        }
        return nil
    }

    /// What each side names and the other does not, when both do:
    /// - proper names and the entities that are named things (firms, people, products)
    ///   together: `… 40 AMEC affiliates` (a name) against `… 40 SMIC affiliates` (an
    ///   entity). Places and governments the taxonomy knows are left to the entity rule:
    ///   one line's `Biden administration` is another's `White House`;
    /// - a proper name the taxonomy does not know against an entity of any kind: the name
    ///   stands where the other line has a known place or government (`… users in Brazil`
    ///   / `… users in the UK`; `Canada joins …` / `The Netherlands joins …`).
    static func namesConflict(_ a: EventMention, _ b: EventMention, kinds: [String: String]) -> ([String], [String])? {
        let named: Set<String> = ["company", "person", "product"]
        let namesA = Set(a.key.names + a.entities.filter { named.contains(kinds[$0] ?? "") })
        let namesB = Set(b.key.names + b.entities.filter { named.contains(kinds[$0] ?? "") })
        let (onlyA, onlyB) = (namesA.subtracting(namesB), namesB.subtracting(namesA))
        if !onlyA.isEmpty && !onlyB.isEmpty { return (onlyA.sorted(), onlyB.sorted()) }
        let unknownA = Set(a.key.names).subtracting(b.key.names), unknownB = Set(b.key.names).subtracting(a.key.names)
        let entitiesA = Set(a.entities).subtracting(b.entities), entitiesB = Set(b.entities).subtracting(a.entities)
        if !unknownA.isEmpty && !entitiesB.isEmpty { return (unknownA.sorted(), entitiesB.sorted()) }
        if !unknownB.isEmpty && !entitiesA.isEmpty { return (entitiesA.sorted(), unknownB.sorted()) }
        return nil
    }

    /// Whether both term lists say what happened (terms of ``EventKey/actionClasses``)
    /// and no action class is common to both.
    public static func actionsConflict(_ a: [String], _ b: [String]) -> Bool {
        let classesA = Set(a.compactMap { EventKey.actionClasses[$0] })
        let classesB = Set(b.compactMap { EventKey.actionClasses[$0] })
        return !classesA.isEmpty && !classesB.isEmpty && classesA.isDisjoint(with: classesB)
    }

    /// Whether each term list has an identifier (a term with a digit) the other lacks.
    public static func identifiersConflict(_ a: [String], _ b: [String]) -> Bool {
        let idsA = Set(a.filter(EventKey.isIdentifier))
        let idsB = Set(b.filter(EventKey.isIdentifier))
        return !idsA.isSubset(of: idsB) && !idsB.isSubset(of: idsA)
    }

    /// The terms each line has in the one place where the lines differ, when they begin
    /// alike (their first two content terms, typically who acts and how, are the same),
    /// end alike, and in between each has a slot of terms the other line lacks entirely:
    /// the action is the same but its object differs (`China restricts exports of
    /// molybdenum to the US` / `… of superhard materials to the US`; `… stealing AI chips
    /// trade secrets` / `… stealing AI model weights trade secrets`), leaving identifiers
    /// aside; ``EventKey/commonTerms`` may be in both slots. Each slot must hold a content
    /// term: not an action or a single character. Rewordings
    /// differ in several places (`US expands AI chip export controls, with stricter
    /// thresholds aimed at China`), or before the verb (`Italy temporarily bans ChatGPT` /
    /// `Italian regulator blocks ChatGPT`), and are left to ``similarity(_:_:)``.
    /// Sequences are ``EventKey/sequence``; empty ones never conflict.
    public static func objectsConflict(_ a: [String], _ b: [String]) -> (onlyA: [String], onlyB: [String])? {
        // Identifiers have their own rule: the slots are found without them.
        let (a, b) = (a.filter { !EventKey.isIdentifier($0) }, b.filter { !EventKey.isIdentifier($0) })
        guard a.count > 2, b.count > 2, a[0] == b[0], a[1] == b[1] else { return nil }
        var prefix = 2
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] {
            suffix += 1
        }
        let slotA = Set(a[prefix..<(a.count - suffix)]), slotB = Set(b[prefix..<(b.count - suffix)])
        // Common terms may recur in both slots (`advanced AI chips` / `AI model weights`).
        let (setA, setB) = (Set(a), Set(b))
        guard slotA.subtracting(EventKey.commonTerms).isDisjoint(with: setB),
            slotB.subtracting(EventKey.commonTerms).isDisjoint(with: setA)
        else { return nil }
        func isContent(_ term: String) -> Bool { term.count > 1 && EventKey.actionClasses[term] == nil }
        let onlyA = slotA.subtracting(setB).filter(isContent), onlyB = slotB.subtracting(setA).filter(isContent)
        guard !onlyA.isEmpty, !onlyB.isEmpty else { return nil }
        return (onlyA.sorted(), onlyB.sorted())
    }

    /// The weighted Dice coefficient of two term lists: 2·w(A ∩ B) / (w(A) + w(B)), where
    /// w sums ``EventKey/weight(of:)`` (1, or 0.25 for ``EventKey/commonTerms`` such as
    /// `us`, `china`, `ai`, `chip`). From 0 (nothing in common) to 1 (the same terms); 0
    /// when both are empty.
    public static func similarity(_ a: [String], _ b: [String]) -> Double {
        let setA = Set(a)
        let setB = Set(b)
        var total = 0.0
        var shared = 0.0
        for term in setA {
            let weight = EventKey.weight(of: term)
            total += weight
            if setB.contains(term) { shared += weight }
        }
        for term in setB { total += EventKey.weight(of: term) }
        guard total > 0 else { return 0 }
        return 2 * shared / total
    }
}
