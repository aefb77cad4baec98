// The rules that keep two mentions apart: dates, entities, lead actors, names, actions,
// identifiers and objects.

extension EventMatcher {
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
}
