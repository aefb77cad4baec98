/// One mention of an event as ``EventMatcher`` compares it: its date, its content terms
/// and the canonical names of the entities the classifier found in it.
public struct EventMention: Hashable, Sendable {
    /// The date the mention gives the event (dates of different precision can agree).
    public var date: PartialDate
    /// The mention's content terms, and their order in its text.
    public var key: EventKey
    /// The canonical names of the entities found in its text.
    public var entities: [String]

    /// A mention whose terms and entities are already known (the store's candidates).
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
///    for which each names one the other lacks and none in common (Huawei vs SMIC; the
///    Netherlands vs Japan); the US, China and the EU against each other, and a longer list
///    of one kind (`Amazon, Anthropic` / `Microsoft, Amazon, Alphabet`), are no conflict;
/// 3. their actions do not conflict (``actionsConflict(_:_:)``): when both say what
///    happened (``EventKey/actionClasses``), some action of one is in the class of some
///    action of the other (`releases` vs `halts sales` are two events; `expands` and
///    `broadens` are one, and so are `adds X to the controls` and `expands the controls`);
/// 4. their identifiers do not conflict (``identifiersConflict(_:_:)``): codes of one
///    shape or stem (`910C` / `910B`), or numbers when no identifier is shared (`adds 140
///    entities` / `adds 80 entities`); years are not identifiers;
/// 5. their lead actors do not conflict (`leadsConflict(_:_:kinds:)`): the first firm,
///    person, agency, country or unknown name of each, when neither line names the other's;
/// 6. their names do not conflict (`namesConflict(_:_:kinds:)`) while they share few
///    words (fewer than ``strongOverlap``), or differ in one name only with the same words:
///    they do not each name a firm, person, product or capitalized name the other lacks,
///    and a name the taxonomy does not know does not stand against a place, agency or list
///    of the other line (`… users in Brazil` / `… users in the UK`);
/// 7. their objects do not conflict (``objectsConflict(_:_:)``): lines that begin and end
///    alike do not differ in one slot where each has content terms the other lacks
///    (`China restricts exports of molybdenum` / `China restricts exports of superhard
///    materials`);
/// 8. their terms are alike (``Overlap``, weights from ``weight(of:kinds:)``): a weighted
///    Dice of at least ``threshold``; or the shorter line mostly inside the longer
///    (``containmentThreshold`` with ``containedOverlap`` distinctive weight shared, or all
///    of it with ``wholeLineOverlap``); or two anchors and a word shared with
///    ``anchoredContainment``. Lines of the same day need ``sameDaySlack`` less.
///
/// The thresholds were set on the development half of the hand-written evaluation corpus
/// (`fixtures/eval`, `make eval`) and the pairs of `EventMatcherTests`, and checked on its
/// held-out half. Known limits: a bag of words loses direction (`Musk sues OpenAI` /
/// `OpenAI sues Musk`); paraphrases that share few words stay apart; a one- or two-word
/// swap in an otherwise identical line reads as another object; rounded figures
/// (`$590 billion` / `nearly $600 billion`) conflict.
public enum EventMatcher {
    /// The least ``similarity(_:_:kinds:)`` of two mentions of one event.
    public static let threshold = 0.5

    /// Why two mentions are, or are not, one event.
    public enum Verdict: Hashable, Sendable {
        /// One event: no rule separates them and their ``similarity(_:_:kinds:)`` reaches ``threshold``.
        case same(similarity: Double)
        /// Their dates cannot be one date (different days, months or years, at any precision).
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
        /// Nothing conflicts, but their ``similarity(_:_:kinds:)`` is below ``threshold``.
        case dissimilar(similarity: Double)

        /// Whether the verdict is ``same(similarity:)``.
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
        if let (leadA, leadB) = leadsConflict(a, b, kinds: kinds) {
            return .namesConflict(onlyA: [leadA], onlyB: [leadB])
        }
        let overlap = Overlap(a.key.terms, b.key.terms, kinds: kinds)
        // Two lines dated to the same day agree on more than two dated to one month.
        let slack = sameDay(a, b) ? sameDaySlack : 0
        // Lines that share many words tell one event whatever names one of them adds
        // (`… with Microsoft as launch partner` / `… after Sarah Silverman sued`).
        // But lines that differ in nothing else than the names tell two events (`Canada joins
        // US-led restrictions on …` / `The Netherlands joins US-led restrictions on …`).
        if let (onlyA, onlyB) = namesConflict(a, b, kinds: kinds),
            overlap.content < strongOverlap
                || (onlyA.count == 1 && onlyB.count == 1
                    && Overlap(a.key.terms.filter(EventKey.isWord), b.key.terms.filter(EventKey.isWord)).dice >= sameWordsDice)
        {
            return .namesConflict(onlyA: onlyA, onlyB: onlyB)
        }
        if let (onlyA, onlyB) = objectsConflict(a.key.sequence, b.key.sequence) {
            return .objectsConflict(onlyA: onlyA, onlyB: onlyB)
        }
        if overlap.dice >= threshold - slack { return .same(similarity: overlap.dice) }
        // A short line inside a long one (`US issues the AI diffusion rule` / `The Commerce
        // Department's BIS publishes the Framework for AI Diffusion, sorting countries into
        // three tiers…`): most of the shorter line, and something distinctive, is shared.
        // A line wholly inside the other needs less that is distinctive (`US issues the AI
        // diffusion rule`: `diffusion`, `rule`).
        let needed = overlap.containment >= 0.999 ? wholeLineOverlap : containedOverlap
        if overlap.containment >= containmentThreshold - slack, overlap.distinctive >= needed, overlap.content >= 1 {
            return .same(similarity: overlap.containment)
        }
        // Two anchors in common, firms, products, lists, names the taxonomy does not know or
        // codes (`SMIC`, `the Entity List`; `Volt Typhoon`), hold lines that say the rest in
        // their own words.
        // And a word: two firms alone (`OpenAI`, `DeepSeek`) may be two stories.
        if overlap.anchors >= 2, overlap.content >= 1, overlap.containment >= anchoredContainment - slack {
            return .same(similarity: overlap.containment)
        }
        return .dissimilar(similarity: max(overlap.dice, overlap.containment))
    }

    /// The least share of the shorter line's weight (``Overlap/containment``) that makes it
    /// a mention of the longer line's event, given ``containedOverlap``.
    public static let containmentThreshold = 0.55
    /// How much less likeness two lines of the same day need (their dates are compatible
    /// already, so both are that day).
    public static let sameDaySlack = 0.1
    /// The least distinctive weight (terms that are not ``EventKey/commonTerms``) two lines
    /// must share for ``containmentThreshold`` to apply: two ordinary terms, or an entity
    /// that is a firm, person, product or list with one more.
    public static let containedOverlap = 3.0
    /// Whether `a` and `b` share enough for any way of being one event (``compare(_:_:kinds:)``
    /// says which): a cheap test that lets the merger pass over most candidates' wordings
    /// before the full comparison.
    public static func mayBeSame(_ a: EventMention, _ b: EventMention, kinds: [String: String]) -> Bool {
        let overlap = Overlap(a.key.terms, b.key.terms, kinds: kinds)
        let slack = sameDay(a, b) ? sameDaySlack : 0
        return overlap.dice >= threshold - slack || overlap.containment >= min(containmentThreshold, anchoredContainment) - slack
    }

    static func sameDay(_ a: EventMention, _ b: EventMention) -> Bool {
        a.date.precision == .day && b.date.precision == .day
    }

    /// The least ``Overlap/containment`` of lines that share two anchors (``Overlap/anchors``).
    public static let anchoredContainment = 0.45
    /// The least distinctive weight shared when every term of the shorter line is in the other.
    public static let wholeLineOverlap = 2.0
    /// Words shared (``Overlap/content``: not entities, names or identifiers) beyond which an
    /// extra name on each side no longer keeps two lines apart, unless their words
    /// (``sameWordsDice``) are the same.
    public static let strongOverlap = 3.0
    /// How alike the words of two lines (not their entities, names or identifiers) must be
    /// for one different name on each side to tell two events however much else they share.
    public static let sameWordsDice = 0.7
}
