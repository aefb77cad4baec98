/// The content terms of a timeline line: what ``EventMatcher`` compares to decide whether
/// two lines tell the same real-world event.
///
/// `terms(of:)`:
/// 1. tokenizes as the classifier does (lowercase words, plurals folded: `controls` →
///    `control`, `entities` → `entity`; possessives dropped);
/// 2. drops the articles `a`, `an`, `the`, then replaces multi-word names and idioms by one
///    term (`United States`, `U.S.` → `us`; `Entity List` → `entitylist`; `files a lawsuit`
///    → `sue`; `rolls out` → `release`; `data centers` → `datacenter`), and drops phrases
///    that say who reported the event or that a rewording swaps (`according to people
///    familiar with the matter`, `sources said`; `bound for` / `destined for`);
/// 3. drops stop words: English function words, verbs of reporting and saying (`said`,
///    `reportedly`, `announces`, `according`), light verbs (`imposes`, `issues`, `moves`),
///    month names (the date is compared on its own) and government filler (`department`,
///    `administration`, `officials`);
/// 4. folds synonyms to one term: `expands`, `broadens`, `widens`, `extends`, `tightens` →
///    `expand`; `adds`, `places`, `puts`, `blacklists` → `add`; `bans`, `prohibits`,
///    `blocks`, `bars` → `ban`; `restrictions`, `controls`, `curbs`, `limits` → `control`
///    (so `export restrictions` = `export controls`, while `sanctions`, `bans` and `rules`
///    stay apart); `hosts`, `holds`, `convenes` → `host`; `requires`, `mandates` →
///    `require`; `releases`, `launches`, `opens`, `unveils`, `debuts` → `release`; `sues`,
///    `lawsuit` → `sue`; `fines`, `penalizes` → `fine`; `Chinese`, `Beijing` → `china`;
///    `firms`, `companies`, `entities` → `company`; `semiconductors` → `chip`…
/// 5. drops stray single letters, then sorts and removes duplicates.
///
/// Terms in ``actionClasses`` say what happened (`release`, `halt`, `ban`, `add`…);
/// ``identifiers`` (`140`, `6.6`, `h20`) say how much or which one. ``EventMatcher``
/// uses both.
public struct EventKey: Hashable, Sendable {
    /// Sorted, unique content terms.
    public var terms: [String]
    /// The content terms in the order of the text, repeats kept (without names): where
    /// two lines differ (see ``EventMatcher/objectsConflict(_:_:)``). Empty for a key made
    /// from terms alone.
    public var sequence: [String]

    /// A key from terms already computed (they are sorted and made unique), and the
    /// sequence of the text they come from, when known.
    public init(terms: [String], sequence: [String] = []) {
        self.terms = Self.sortedUnique(terms)
        self.sequence = sequence
    }

    /// The key of `text` on its words alone, with no entities known (no classifier at hand).
    public init(text: String) {
        self.sequence = Self.sequence(of: text)
        self.terms = Self.sortedUnique(sequence)
    }

    /// The content terms of `text`, its proper names outside `classification`'s entities,
    /// and one ``entityTerm(_:)`` per entity (with the entities it is part of): `BIS`,
    /// `Commerce` and `the Commerce Department` all give `@commerce-department`, and `Washington`
    /// and `US` give `@united-states`, so lines that name one actor differently share it.
    /// The words an entity was named by are not terms of their own.
    public init(text: String, classification: Classification) {
        let known = Set(classification.evidence.filter { $0.kind == .entity }.flatMap {
            $0.matched.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "-") }).map(String.init)
        })
        self.sequence = Self.sequence(of: text)
        // Codes stay: `Ascend 910C` and `Ascend 910B` are one entity but two chips.
        let aliasTerms = Set(known.flatMap { Self.sequence(of: $0) }.filter { !Self.isIdentifier($0) })
        let names = Self.names(in: text, excluding: known)
        // A proper name is its `^name` term alone, not that and its plain word.
        let named = Set(names.map { String($0.dropFirst()) })
        self.terms = Array(Set(
            sequence.filter { !aliasTerms.contains($0) && !named.contains($0) } + names
                + classification.entities.map(Self.entityTerm))).sorted()
    }

    /// The term that stands for entity `name` (`Commerce Department` → `@commerce-department`).
    public static func entityTerm(_ name: String) -> String {
        "@" + name.lowercased().split(whereSeparator: { $0 == " " }).joined(separator: "-")
    }

    /// The sorted, unique content terms of `text`.
    public static func terms(of text: String) -> [String] {
        sortedUnique(sequence(of: text))
    }

    static func sortedUnique(_ terms: [String]) -> [String] {
        // Most lists come sorted and unique already (a key's, a stored line's): one pass, no copy.
        if zip(terms, terms.dropFirst()).allSatisfy({ $0 < $1 }) { return terms }
        var unique: [String] = []
        unique.reserveCapacity(terms.count)
        for term in terms.sorted() where unique.last != term { unique.append(term) }
        return unique
    }

    /// The content terms of `text` in their order, repeats kept.
    public static func sequence(of text: String) -> [String] {
        let vocabulary = EventVocabulary.shared
        // Words as vocabulary ids; words the vocabulary does not know keep their text.
        var ids: [Int32] = []
        var unknown: [String] = []
        ids.reserveCapacity(text.utf8.count / 5 + 4)
        var copy = text
        copy.withUTF8 { bytes in
            Tokenizer.scan(bytes) { word, _, _ in
                let id = vocabulary.table.id(of: word)
                if id >= 0 {
                    if !vocabulary.isArticle[Int(id)] { ids.append(id) }
                } else {
                    ids.append(-1 - Int32(unknown.count))
                    unknown.append(String(decoding: word, as: UTF8.self))
                }
            }
        }
        var result: [String] = []
        result.reserveCapacity(ids.count)
        var i = 0
        next: while i < ids.count {
            let id = ids[i]
            i += 1
            guard id >= 0 else {
                let term = Self.stripUnit(unknown[Int(-1 - id)])
                if term.utf8.count == 1, let b = term.utf8.first, b >= 0x61, b <= 0x7A { continue }
                result.append(term)
                continue
            }
            for phrase in vocabulary.phrases[Int(id)] where i - 1 + phrase.words.count <= ids.count {
                var k = 1
                while k < phrase.words.count, ids[i - 1 + k] == phrase.words[k] { k += 1 }
                if k == phrase.words.count {
                    if !phrase.term.isEmpty { result.append(phrase.term) }
                    i += k - 1
                    continue next
                }
            }
            if vocabulary.isStop[Int(id)] { continue }
            let term = vocabulary.term[Int(id)]
            if term.utf8.count == 1, let b = term.utf8.first, b >= 0x61, b <= 0x7A { continue }
            result.append(term)
        }
        return result
    }

    /// The terms that say what happened.
    public var actions: [String] { terms.filter { Self.actionClasses[$0] != nil } }

    /// The terms that identify: numbers (`140`, `6.6`; `5.5bn` and `7nm` count as `5.5`
    /// and `7`) and codes with a digit (`h20`, `r1`, `910c`).
    public var identifiers: [String] { terms.filter(Self.isIdentifier) }

    /// The proper names among the terms (marked `^`, see ``names(in:excluding:)``).
    public var names: [String] { terms.filter { $0.hasPrefix("^") } }

    /// The capitalized words of `text` that the taxonomy does not know (those in
    /// `known`, the words of its entity matches, are compared as entities), as `^word`
    /// terms: the places, firms and people that tell near-identical lines apart
    /// (`… new fabs in Idaho` / `… in Hiroshima`; `AMEC` / `YMTC`). Words of two letters
    /// (`AI`, `US`) are not names.
    public static func names(in text: String, excluding known: Set<String>) -> [String] {
        var names: [String] = []
        let words = text.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "-" || $0 == "'" || $0 == "’") })
        for word in words {
            // A compound (`Biden-era`, `China-compliant`) or an abbreviation's plural (`MEPs`,
            // `GPUs`) describes rather than names.
            // `Reddit`, and `iFlytek`.
            guard let first = word.first, first.isUppercase || (first.isLowercase && word.dropFirst().contains(where: \.isUppercase)),
                word.count >= 3,
                !word.contains("-"), !word.contains("'"), !word.contains("’"), !(word.last == "s" && word.dropLast().allSatisfy(\.isUppercase)),
                !word.contains(where: \.isNumber)  // a code (`A800`) is an identifier
            else { continue }
            let lower = word.lowercased()
            if known.contains(lower) || Self.sentenceWords.contains(lower) { continue }
            // Demonyms (Italian, European, Chinese, British) name a place the entities cover.
            if ["ian", "ean", "ese", "ish"].contains(where: { lower.hasSuffix($0) }) { continue }
            // Folded as the line's words are (`TechInsights` → `^techinsight`), so a name is
            // found again among them.
            names.append("^" + (Tokenizer.tokens(lower).first?.text ?? lower))
        }
        return Array(Set(names)).sorted()
    }

    /// Capitalized only because a sentence starts with them.
    static let sentenceWords: Set<String> = [
        "the", "a", "an", "in", "on", "at", "after", "before", "as", "with", "for", "from", "by", "its", "their",
        "this", "that", "new", "shares", "officials", "sources", "reports", "report",
        // Titles and institutions written with a capital: who they are is in the entities.
        "president", "vice", "prime", "minister", "secretary", "governor", "chairman", "ceo", "judge", "justice",
        "commission", "parliament", "council", "court", "agency", "ministry", "bureau", "department", "office",
        "administration", "government", "state", "federal", "national", "act", "law", "bill", "order", "rule",
        "big", "tech", "nobel", "prize", "executive", "judiciary", "committee", "subcommittee", "house", "chips",
        // Words that start a line with a capital only because they start it.
        "bans", "obligations", "prosecutors", "updated", "governments", "hours", "licence", "license", "licences",
        "licenses", "exports", "imports", "chinese", "american", "european", "british",
    ]

    /// The canonical verbs of events, and the class of each: two lines whose actions fall
    /// in no common class tell different events (`Nvidia releases H20` / `Nvidia halts H20
    /// sales`). Verbs of one class can tell one event: `adds X to the controls` and
    /// `expands the controls to X`; `bans` and `halts`; `lifts` and `resumes`;
    /// `charges`, `arrests` and `accuses`; `steals`, `breaches` and `leaks`.
    public static let actionClasses: [String: String] = {
        let classes: [String: [String]] = [
            "restrict": ["expand", "add", "ban", "halt"],
            "loosen": ["lift", "remove", "resume"],
            "prosecute": ["charge", "arrest", "accuse"],
            "compromise": ["steal", "breach", "leak"],
            // `invests in` and `a multibillion-dollar partnership`.
            "back": ["fund", "partner"],
        ]
        var result: [String: String] = [:]
        for (name, members) in classes { for member in members { result[member] = name } }
        // `revoke` is left out: `revokes licences` restricts, `revokes the order` loosens.
        for single in [
            "release", "sue", "settle", "fine", "sanction", "investigate", "propose", "approve", "reject", "sign", "delay",
            "acquire", "smuggle", "warn", "retaliate", "oust", "reinstate",
        ] {
            result[single] = single
        }
        return result
    }()

    /// Every term ``actionClasses`` knows.
    public static var actionVocabulary: Set<String> { Set(actionClasses.keys) }

    /// Terms so common in news about AI and chips that sharing them says little: the main
    /// countries and blocs, `ai`, `chip`, `company`. They weigh ``commonWeight`` in
    /// ``EventMatcher/similarity(_:_:kinds:)``, every other term 1 (a cheap stand-in for
    /// inverse document frequency, which needs a corpus).
    public static let commonTerms: Set<String> = [
        "us", "china", "eu", "uk", "japan", "korea", "taiwan", "netherlands", "russia", "india", "ai", "chip", "company",
        "model", "discuss",
    ]

    /// The weight of a term of ``commonTerms``.
    public static let commonWeight = 0.25

    /// How much sharing `term` counts in ``EventMatcher/similarity(_:_:kinds:)``.
    public static func weight(of term: String) -> Double {
        commonTerms.contains(term) ? commonWeight : 1
    }

    /// A term with a digit that is not a year of the archive's time (2010–2035: `2022` in
    /// `updates its 2022 rules` is when, not which, and the date is compared on its own;
    /// `2000 engineers` is a figure).
    static func isIdentifier(_ term: String) -> Bool {
        term.utf8.contains { $0 >= 0x30 && $0 <= 0x39 } && !isYear(term)
    }

    /// A term that is a word of the line: not an entity, a proper name or an identifier.
    static func isWord(_ term: String) -> Bool {
        !term.hasPrefix("@") && !term.hasPrefix("^") && !isIdentifier(term)
    }

    static func isYear(_ term: String) -> Bool {
        term.utf8.count == 4 && term.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } && (2010...2035).contains(Int(term) ?? 0)
    }

    /// Units written against a number (`5.5bn`, `7nm`, `2gw`): the number is the term.
    static let numberUnits: Set<Substring> = ["k", "m", "mn", "b", "bn", "t", "tn", "nm", "gw", "mw", "gb", "tb", "x"]

    static func stripUnit(_ term: String) -> String {
        guard let first = term.utf8.first, first >= 0x30, first <= 0x39 else { return term }
        guard let unitStart = term.firstIndex(where: { !$0.isNumber && $0 != "." }) else { return term }
        return numberUnits.contains(term[unitStart...]) ? String(term[..<unitStart]) : term
    }
}
