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

    /// What two term lists share, by weight (``weight(of:kinds:)``).
    public struct Overlap: Sendable {
        /// 2·w(A ∩ B) / (w(A) + w(B)).
        public var dice: Double
        /// w(A ∩ B) / min(w(A), w(B)).
        public var containment: Double
        /// w(A ∩ B) without the common terms.
        public var distinctive: Double
        /// w(A ∩ B) of words alone: not entities, names or identifiers. Two lines that share
        /// only who (`OpenAI`, `DeepSeek`) may tell two things they did.
        public var content: Double
        /// Shared terms that weigh more than a word: entities that are firms, people,
        /// products or lists, proper names, identifiers.
        public var anchors: Int

        public init(_ a: [String], _ b: [String], kinds: [String: String] = [:]) {
            // Keys' terms are sorted and unique: one merge of the two lists, no sets.
            let (a, b) = (Self.sortedUnique(a), Self.sortedUnique(b))
            var totalA = 0.0, totalB = 0.0, shared = 0.0, distinctive = 0.0, content = 0.0, anchors = 0
            var i = 0, j = 0
            while i < a.count || j < b.count {
                if j == b.count || (i < a.count && a[i] < b[j]) {
                    totalA += EventMatcher.weight(of: a[i], kinds: kinds)
                    i += 1
                } else if i == a.count || b[j] < a[i] {
                    totalB += EventMatcher.weight(of: b[j], kinds: kinds)
                    j += 1
                } else {
                    let term = a[i], weight = EventMatcher.weight(of: term, kinds: kinds)
                    totalA += weight
                    totalB += weight
                    shared += weight
                    if weight > EventKey.commonWeight { distinctive += weight }
                    if weight == 1, !term.hasPrefix("@") { content += weight }
                    if weight > 1 { anchors += 1 }
                    i += 1
                    j += 1
                }
            }
            dice = totalA + totalB > 0 ? 2 * shared / (totalA + totalB) : 0
            containment = min(totalA, totalB) > 0 ? shared / min(totalA, totalB) : 0
            self.distinctive = distinctive
            self.content = content
            self.anchors = anchors
        }

        static func sortedUnique(_ terms: [String]) -> [String] {
            var ordered = true
            for k in terms.indices.dropFirst() where !(terms[k - 1] < terms[k]) {
                ordered = false
                break
            }
            return ordered ? terms : EventKey.sortedUnique(terms)
        }
    }

    /// How much sharing `term` says: ``EventKey/commonWeight`` for ``EventKey/commonTerms``
    /// and countries and blocs; 2 for an entity that is a firm, person, product or list,
    /// 1.5 for a proper name or an identifier the taxonomy does not know; 1 otherwise.
    public static func weight(of term: String, kinds: [String: String]) -> Double {
        if term.hasPrefix("@") {
            switch kinds[term] {
            case "country", "bloc", nil: return EventKey.commonWeight
            case "agency": return 1
            default: return 2
            }
        }
        if term.hasPrefix("^") || EventKey.isIdentifier(term) { return 1.5 }
        return EventKey.weight(of: term)
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
        // A kind both lines share an entity of (`Amazon, Anthropic` / `Microsoft, Amazon,
        // Alphabet`) is a list that one line gives more of, not two different actors.
        let shared = Set(setA.intersection(setB).subtracting(ubiquitous).map { kinds[$0] ?? "" })
        let kindsB = Set(onlyB.map { kinds[$0] ?? "" })
        for kind in Set(onlyA.map { kinds[$0] ?? "" }).sorted() where kindsB.contains(kind) && !shared.contains(kind) {
            let (conflictA, conflictB) = (onlyA.filter { kinds[$0] ?? "" == kind }.sorted(), onlyB.filter { kinds[$0] ?? "" == kind }.sorted())
            // The United States, China and the EU are in most lines, as actor or as target:
            // one line naming Washington and the other Beijing says nothing (`Washington
            // imposes a licence on the H20` / `H20 exports to China need a licence`); the
            // Netherlands against China does.
            if ubiquitous.isSuperset(of: conflictA), ubiquitous.isSuperset(of: conflictB) { continue }
            return (kind, conflictA, conflictB)
        }
        return nil
    }

    /// Who a line names first, the actor of most lines: the first entity that is not the
    /// United States, China or the EU, nor a list (`Huawei unveils …`, `The Hague publishes …`), or the
    /// first proper name the taxonomy does not know (`Reddit sues …`); nil when it names
    /// neither. Entities are found by the first word of a name or alias (`kinds["~word"]`).
    public static func lead(of mention: EventMention, kinds: [String: String]) -> String? {
        let names = Set(mention.key.names)
        let entities = Set(mention.entities)
        for word in mention.key.sequence {
            if names.contains("^" + word) { return "^" + word }
            if let entity = kinds["~" + word], entities.contains(entity), !ubiquitous.contains(entity), kinds[entity] != "list" {
                return entity
            }
        }
        return nil
    }

    /// The two lines' leads (``lead(of:kinds:)``) when they differ and neither line names
    /// the other's: two actors doing alike (`Huawei unveils an accelerator built on SMIC's
    /// process` / `Baidu unveils an accelerator built on SMIC's process`). A line that names
    /// both (`Microsoft puts $1 billion into OpenAI` / `OpenAI takes $1 billion from
    /// Microsoft`) tells the same event from the other side.
    static func leadsConflict(_ a: EventMention, _ b: EventMention, kinds: [String: String]) -> (String, String)? {
        guard let leadA = lead(of: a, kinds: kinds), let leadB = lead(of: b, kinds: kinds), leadA != leadB else { return nil }
        // Leads of one sort: two firms (or a firm and a name the taxonomy does not know), two
        // people, two agencies, two countries. `The Biden administration` and `Commerce`, or
        // `Nvidia's H800` and `BIS`, are two sides of one story.
        func sort(_ lead: String) -> String {
            if lead.hasPrefix("^") { return "named" }
            switch kinds[lead] ?? "" {
            case "company", "product": return "named"
            case let kind: return kind
            }
        }
        let (sortA, sortB) = (sort(leadA), sort(leadB))
        // A name the taxonomy does not know may be a firm or a person.
        guard sortA == sortB || (leadA.hasPrefix("^") && sortB == "person") || (leadB.hasPrefix("^") && sortA == "person") else { return nil }
        func names(_ lead: String, _ m: EventMention) -> Bool {
            lead.hasPrefix("^") ? m.key.terms.contains(lead) : m.entities.contains(lead)
        }
        return names(leadA, b) || names(leadB, a) ? nil : (leadA, leadB)
    }

    /// Entities too common to tell events apart by.
    static let ubiquitous: Set<String> = ["United States", "China", "European Union"]

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
        // Against a place, a government or a list only: an unknown name stands where the
        // other line has a country or an agency (`Brazil` / `the UK`, `ANPD` / `the FTC`),
        // not beside a firm it adds (`MIT` / `OpenAI`).
        func places(_ list: [String]) -> Set<String> {
            Set(list.filter { ["country", "bloc", "agency", "list"].contains(kinds[$0] ?? "") }).subtracting(ubiquitous)
        }
        let entitiesA = places(a.entities).subtracting(b.entities), entitiesB = places(b.entities).subtracting(a.entities)
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

    /// Whether the lines give different figures or codes for the same slot: each has an
    /// identifier the other lacks, of the same kind. Two codes are of a kind when they have
    /// the same shape of letters and digits (`910c` / `910b`, `r1` / `v3`; not `a800` / `v3`),
    /// or start with the same digits (`910c` / `910`); two numbers when the lines share no
    /// identifier (`25% tariffs on $34 billion` / `Section 301 tariffs on $34 billion` agree).
    /// Years are not identifiers. Rounded figures (`$590 billion` / `nearly $600 billion`)
    /// conflict: a number alone cannot say it is approximate.
    public static func identifiersConflict(_ a: [String], _ b: [String]) -> Bool {
        let idsA = Set(a.filter(EventKey.isIdentifier))
        let idsB = Set(b.filter(EventKey.isIdentifier))
        let onlyA = idsA.subtracting(idsB), onlyB = idsB.subtracting(idsA)
        guard !onlyA.isEmpty, !onlyB.isEmpty else { return false }
        let shareOne = !idsA.isDisjoint(with: idsB)
        for x in onlyA {
            for y in onlyB {
                if Double(x) != nil, Double(y) != nil {
                    if !shareOne { return true }
                } else if Double(x) == nil, Double(y) == nil, shape(x) == shape(y) {
                    return true
                } else if stem(x) == stem(y) {
                    // `910b` reads as 910 (billion): against `910c` it is the same family of codes.
                    return true
                }
            }
        }
        return false
    }

    /// The digits a code starts with (`910c` → `910`), nil for a code that starts with a letter.
    static func stem(_ code: String) -> Substring? {
        let digits = code.prefix(while: \.isNumber)
        return digits.isEmpty ? nil : digits
    }

    /// Letters as `a`, digits as `9`: `910c` → `999a`.
    static func shape(_ code: String) -> String {
        String(code.map { $0.isNumber ? "9" : ($0.isLetter ? "a" : $0) })
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
    /// `Italian regulator blocks ChatGPT`), and are left to ``similarity(_:_:kinds:)``.
    /// Sequences are ``EventKey/sequence``; empty ones never conflict.
    public static func objectsConflict(_ a: [String], _ b: [String]) -> (onlyA: [String], onlyB: [String])? {
        // Identifiers and actions have their own rules: the slots are found without them
        // (`TSMC announces …` / `TSMC unveils …` begin alike).
        func kept(_ term: String) -> Bool { !EventKey.isIdentifier(term) && EventKey.actionClasses[term] == nil }
        let (a, b) = (a.filter(kept), b.filter(kept))
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
        // One object swapped in an otherwise identical line: a slot of a few words, or a
        // longer one when the lines end alike (`… electronic design automation software sales
        // to China` / `… chipmaking equipment sales to China`). A longer slot that runs to the
        // end is a rewording of the rest (`… arguing it focused on the largest models` /
        // `… Scott Wiener's frontier AI safety bill`), for similarity to weigh.
        guard !onlyA.isEmpty, !onlyB.isEmpty, (onlyA.count <= 3 && onlyB.count <= 3) || suffix > 0 else { return nil }
        return (onlyA.sorted(), onlyB.sorted())
    }

    /// The weighted Dice coefficient of two term lists (``Overlap/dice``, weights from
    /// ``weight(of:kinds:)``): from 0 (nothing in common) to 1 (the same terms); 0 when both
    /// are empty.
    public static func similarity(_ a: [String], _ b: [String], kinds: [String: String] = [:]) -> Double {
        Overlap(a, b, kinds: kinds).dice
    }
}
