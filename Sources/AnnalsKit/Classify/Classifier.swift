import Foundation

/// Why a text was given a topic or an entity, or why a topic was vetoed.
public struct Evidence: Hashable, Sendable {
    /// What a piece of evidence is for: a topic, an entity, or a topic's veto.
    public enum Kind: String, Hashable, Sendable, Codable {
        /// A topic rule matched: `target` is the topic's slug.
        case topic
        /// An alias matched, or an entity it is part of did: `target` is the entity's name.
        case entity
        /// A topic's `exclude` phrase matched and vetoed the topic: `target` is its slug.
        case exclusion
    }

    /// What the rule gave: a topic, an entity, or a veto of a topic.
    public var kind: Kind
    /// The topic slug or the entity's canonical name.
    public var target: String
    /// The rule as the taxonomy writes it: `phrase 'export controls'`,
    /// `pattern '\bfdpr\b'`, `alias 'Huawei'`, `exclude 'sanction lawyer'`, or
    /// `has part 'Commerce Department'` for an entity named through one of its parts (the
    /// United States through the Commerce Department); `matched` is then the part's words.
    public var rule: String
    /// The words of the text that matched, as written there.
    public var matched: String

    /// Evidence with these values; the classifier records one per rule and matched words.
    public init(kind: Kind, target: String, rule: String, matched: String) {
        self.kind = kind
        self.target = target
        self.rule = rule
        self.matched = matched
    }
}

/// The topics and entities of one text, and the evidence for each.
public struct Classification: Hashable, Sendable {
    /// Topic slugs, in taxonomy order.
    public var topics: [String]
    /// Canonical entity names, in taxonomy order.
    public var entities: [String]
    /// Topics first (each topic's phrases in text order, or the pattern that matched when
    /// no phrase did), then the vetoes, then entities, each in taxonomy order; one entry
    /// per rule and matched words.
    public var evidence: [Evidence]

    /// A classification with these tags and evidence; empty by default.
    public init(topics: [String] = [], entities: [String] = [], evidence: [Evidence] = []) {
        self.topics = topics
        self.entities = entities
        self.evidence = evidence
    }
}

/// Tags texts with the topics and entities of a ``Taxonomy``, fast enough to run on every
/// timeline entry and article at ingest and to reclassify an archive after the taxonomy
/// changes.
///
/// How it decides:
/// - A text is tokenized once (see `Tokenizer`: lowercase words, plurals folded, one
///   token per Han/kana/Hangul character). Every phrase, alias and exclusion is tokenized
///   the same way when the classifier is built, and indexed by its first token: each
///   token of the text is one dictionary lookup, whatever the size of the taxonomy.
/// - Topic `phrases` and entity aliases match whole words, ignoring case and plurals.
///   Aliases written in capitals with at most five letters (`US`, `U.S.`, `EU`, `BIS`)
///   must match as written: `US` is not `us`, and never a part of `USB`.
/// - A topic `pattern` runs only for a topic no phrase has decided (matched or vetoed),
///   and only on texts that contain a literal the pattern cannot match without (see
///   `PatternPrefilter`), so a taxonomy with patterns stays fast when they have such a
///   literal. Evidence therefore shows a topic's patterns only when no phrase matched.
/// - A topic is vetoed when one of its `exclude` phrases occurs anywhere in the text.
/// - An alias does not count inside one of its entity's `exclude` phrases, nor inside a
///   longer alias of another entity (`Tokyo` inside `Tokyo Electron`, `Korea` inside
///   `North Korea`).
/// - An entity named brings the entities it is `partOf` (BIS → Commerce Department →
///   United States).
public struct Classifier: Sendable {
    /// The taxonomy whose rules the classifier was compiled from.
    public let taxonomy: Taxonomy

    private enum Owner: Hashable, Sendable {
        case topic(Int), exclusion(Int), entity(Int), entityExclusion(Int)
    }

    /// The rules, compiled into flat arrays of plain values: the matching loop reads them
    /// without reference counting, so threads sharing a classifier do not contend.
    private struct Rules: Sendable {
        /// Folded words of every phrase, alias and exclusion → ids.
        var words = ByteTable()
        /// Phrase p's word ids: `tokens[start[p] ..< start[p] + length[p]]`.
        var tokens: [Int32] = []
        var start: [Int32] = []
        var length: [Int32] = []
        var owner: [Owner] = []
        var rule: [String] = []
        /// For aliases that match only as written: each word's bytes as written.
        var exact: [[[UInt8]]?] = []
        /// Word id w starts the phrases `firstPhrases[firstStart[w] ..< firstStart[w + 1]]`.
        var firstStart: [Int32] = []
        var firstPhrases: [Int32] = []
        /// The most words of any phrase.
        var maxLength = 1
    }

    private struct Pattern: @unchecked Sendable {
        // NSRegularExpression is immutable and documented as safe to share between threads.
        var regex: NSRegularExpression
        /// The text must hold a literal of each group (see `PatternPrefilter`): ids in
        /// the classifier's `scanner`.
        var literalGroups: [[Int32]]
        var topic: Int
        var rule: String
    }

    private struct Match {
        var phrase: Int
        var first: Int
        var last: Int
    }

    private let rules: Rules
    private let patterns: [Pattern]
    private let scanner: PatternPrefilter.Scanner
    /// For each entity, the entities it is part of, nearest first.
    private let ancestors: [[Int]]

    /// Compiles the taxonomy's rules; throws its first ``TaxonomyError`` if it is not valid.
    public init(taxonomy: Taxonomy) throws {
        try taxonomy.validate()
        self.taxonomy = taxonomy
        var rules = Rules()
        struct Key: Hashable {
            var owner: Owner
            var words: [String]
            var exact: [[UInt8]]?
        }
        var seen: Set<Key> = []
        // Phrases that tokenize alike (`high-bandwidth memory`, `High Bandwidth Memory`)
        // are one rule: the first one written.
        func add(_ text: String, _ owner: Owner, rule: String, exact: Bool = false) {
            var text = text
            let (words, forms) = text.withUTF8 { buffer in
                let tokens = Tokenizer.tokens(utf8: buffer)
                return (tokens.map(\.text), tokens.map { Array(buffer[$0.start..<$0.end]) })
            }
            guard !words.isEmpty, seen.insert(Key(owner: owner, words: words, exact: exact ? forms : nil)).inserted else { return }
            rules.start.append(Int32(rules.tokens.count))
            rules.length.append(Int32(words.count))
            rules.maxLength = max(rules.maxLength, words.count)
            for word in words { rules.tokens.append(rules.words.insert(Array(word.utf8))) }
            rules.owner.append(owner)
            rules.rule.append(rule)
            rules.exact.append(exact ? forms : nil)
        }
        var patterns: [Pattern] = []
        var literals: [[UInt8]] = []
        for (t, topic) in taxonomy.topics.enumerated() {
            for phrase in topic.rules.phrases { add(phrase, .topic(t), rule: "phrase '\(phrase)'") }
            for (k, pattern) in topic.rules.patterns.enumerated() {
                let regex = try Taxonomy.compilePattern(pattern, path: "topics[\(t)].rules.patterns[\(k)]")
                let groups = PatternPrefilter.requiredLiteralGroups(of: pattern).map { group in
                    group.map { literal in
                        let bytes = Array(literal.utf8)
                        if let id = literals.firstIndex(of: bytes) { return Int32(id) }
                        literals.append(bytes)
                        return Int32(literals.count - 1)
                    }
                }
                patterns.append(Pattern(regex: regex, literalGroups: groups, topic: t, rule: "pattern '\(pattern)'"))
            }
            for phrase in topic.rules.exclude { add(phrase, .exclusion(t), rule: "exclude '\(phrase)'") }
        }
        for (e, entity) in taxonomy.entities.enumerated() {
            for alias in [entity.name] + entity.aliases {
                add(alias, .entity(e), rule: "alias '\(alias)'", exact: Taxonomy.isCaseSensitiveAlias(alias))
            }
            for phrase in entity.exclude { add(phrase, .entityExclusion(e), rule: "exclude '\(phrase)'") }
        }
        // Index phrases by their first word (counting sort, so each word's phrases keep
        // the taxonomy's order).
        var counts = Array(repeating: Int32(0), count: rules.words.count + 1)
        for p in rules.start.indices { counts[Int(rules.tokens[Int(rules.start[p])]) + 1] += 1 }
        for w in 0..<rules.words.count { counts[w + 1] += counts[w] }
        rules.firstStart = counts
        var next = counts
        rules.firstPhrases = Array(repeating: 0, count: rules.start.count)
        for p in rules.start.indices {
            let w = Int(rules.tokens[Int(rules.start[p])])
            rules.firstPhrases[Int(next[w])] = Int32(p)
            next[w] += 1
        }
        self.rules = rules
        self.patterns = patterns
        self.scanner = PatternPrefilter.Scanner(literals)

        let position = Dictionary(taxonomy.entities.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { a, _ in a })
        ancestors = taxonomy.entities.map { entity in
            var chain: [Int] = []
            var next = entity.partOf.flatMap { position[$0] }
            while let current = next, !chain.contains(current) {
                chain.append(current)
                next = taxonomy.entities[current].partOf.flatMap { position[$0] }
            }
            return chain
        }
    }

    /// A classifier for ``Taxonomy/builtIn``.
    public static let builtIn: Classifier = {
        do {
            return try Classifier(taxonomy: .builtIn)
        } catch {
            fatalError("the built-in taxonomy does not compile: \(error.localizedDescription)")
        }
    }()

    /// The topics and entities of `text`, with the evidence for each.
    public func classify(_ text: String) -> Classification {
        var copy = text
        return copy.withUTF8 { classify(utf8: $0, text: text) }
    }

    /// One word of the text: its id among the rules' words (-1 when no rule has it) and
    /// its UTF-8 offsets.
    private struct Word {
        var id: Int32
        var start: Int32
        var end: Int32
    }

    private func matches(_ bytes: UnsafeBufferPointer<UInt8>, _ words: [Word]) -> [Match] {
        var matches: [Match] = []
        rules.tokens.withUnsafeBufferPointer { tokens in
            rules.start.withUnsafeBufferPointer { starts in
                rules.length.withUnsafeBufferPointer { lengths in
                    rules.firstStart.withUnsafeBufferPointer { firstStart in
                        rules.firstPhrases.withUnsafeBufferPointer { firstPhrases in
                            words.withUnsafeBufferPointer { words in
                                for i in words.indices {
                                    let id = Int(words[i].id)
                                    if id < 0 { continue }
                                    for c in Int(firstStart[id])..<Int(firstStart[id + 1]) {
                                        let p = Int(firstPhrases[c])
                                        let start = Int(starts[p])
                                        let count = Int(lengths[p])
                                        guard i + count <= words.count else { continue }
                                        var k = 1
                                        while k < count, words[i + k].id == tokens[start + k] { k += 1 }
                                        guard k == count else { continue }
                                        if let exact = rules.exact[p], !Self.matchesExactly(bytes, words[i..<i + count], exact) {
                                            continue
                                        }
                                        matches.append(Match(phrase: p, first: i, last: i + count - 1))
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return matches
    }

    private func classify(utf8 bytes: UnsafeBufferPointer<UInt8>, text: String) -> Classification {
        var words: [Word] = []
        words.reserveCapacity(bytes.count / 5 + 4)
        Tokenizer.scan(bytes) { word, start, end in
            words.append(Word(id: rules.words.id(of: word), start: Int32(start), end: Int32(end)))
        }
        let matches = matches(bytes, words)
        if matches.isEmpty && patterns.isEmpty { return Classification() }

        func matchedText(_ match: Match) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[Int(words[match.first].start)..<Int(words[match.last].end)]), as: UTF8.self)
        }

        // Topics: phrases and vetoes, then patterns for the topics still undecided. Hits
        // are kept in small flat lists (few per text) and ordered by taxonomy at the end.
        var topicHits: [(index: Int, evidence: Evidence)] = []
        var vetoHits: [(index: Int, evidence: Evidence)] = []
        var entityMatches: [Match] = []
        var entityExclusions: [Match] = []
        for match in matches {
            switch rules.owner[match.phrase] {
            case .topic(let t):
                topicHits.append((t, Evidence(kind: .topic, target: taxonomy.topics[t].slug, rule: rules.rule[match.phrase], matched: matchedText(match))))
            case .exclusion(let t):
                vetoHits.append((t, Evidence(kind: .exclusion, target: taxonomy.topics[t].slug, rule: rules.rule[match.phrase], matched: matchedText(match))))
            case .entity:
                entityMatches.append(match)
            case .entityExclusion:
                entityExclusions.append(match)
            }
        }
        var found: [Bool]? = nil
        for pattern in patterns
        where !topicHits.contains(where: { $0.index == pattern.topic }) && !vetoHits.contains(where: { $0.index == pattern.topic }) {
            if !pattern.literalGroups.isEmpty {
                let present = found ?? scanner.found(in: bytes)
                found = present
                guard pattern.literalGroups.allSatisfy({ group in group.contains { present[Int($0)] } }) else { continue }
            }
            let range = NSRange(location: 0, length: text.utf16.count)
            guard let found = pattern.regex.firstMatch(in: text, options: [], range: range),
                let matched = Range(found.range, in: text)
            else { continue }
            topicHits.append((pattern.topic, Evidence(
                kind: .topic, target: taxonomy.topics[pattern.topic].slug, rule: pattern.rule, matched: String(text[matched]))))
        }

        var result = Classification()
        if !topicHits.isEmpty {
            Self.orderAndDeduplicate(&topicHits)
            Self.orderAndDeduplicate(&vetoHits)
            var vetoEvidence: [Evidence] = []
            for (k, hit) in topicHits.enumerated() {
                result.evidence.append(hit.evidence)
                guard k == 0 || topicHits[k - 1].index != hit.index else { continue }
                let vetoes = vetoHits.filter { $0.index == hit.index }
                if vetoes.isEmpty {
                    result.topics.append(hit.evidence.target)
                } else {
                    vetoEvidence.append(contentsOf: vetoes.map(\.evidence))
                }
            }
            result.evidence.append(contentsOf: vetoEvidence)
        }

        // Entities: drop aliases inside their entity's exclusions or inside a longer
        // alias of another entity, then add what the named entities are part of.
        guard !entityMatches.isEmpty else { return result }
        var entityHits: [(index: Int, evidence: Evidence)] = []
        var implied: [(whole: Int, part: Int)] = []
        for match in entityMatches {
            guard case .entity(let e) = rules.owner[match.phrase] else { continue }
            let excluded = Self.anyContaining(match, in: entityExclusions, maxLength: rules.maxLength) { other in
                guard case .entityExclusion(let x) = rules.owner[other.phrase] else { return false }
                return x == e
            }
            if excluded { continue }
            let inside = Self.anyContaining(match, in: entityMatches, maxLength: rules.maxLength) { other in
                guard case .entity(let o) = rules.owner[other.phrase], o != e else { return false }
                return other.last - other.first > match.last - match.first
            }
            if inside { continue }
            let matched = matchedText(match)
            entityHits.append((e, Evidence(kind: .entity, target: taxonomy.entities[e].name, rule: rules.rule[match.phrase], matched: matched)))
            for a in ancestors[e] where !implied.contains(where: { $0.whole == a && $0.part == e }) {
                implied.append((a, e))
                entityHits.append((a, Evidence(
                    kind: .entity, target: taxonomy.entities[a].name, rule: "has part '\(taxonomy.entities[e].name)'", matched: matched)))
            }
        }
        Self.orderAndDeduplicate(&entityHits)
        for (k, hit) in entityHits.enumerated() {
            if k == 0 || entityHits[k - 1].index != hit.index { result.entities.append(hit.evidence.target) }
            result.evidence.append(hit.evidence)
        }
        return result
    }

    /// Whether a match of `list` (sorted by first word, as matching produces them) spans
    /// `match` and passes `test`. Only matches starting close enough to span it are looked
    /// at, so long texts with many mentions stay linear.
    private static func anyContaining(_ match: Match, in list: [Match], maxLength: Int, _ test: (Match) -> Bool) -> Bool {
        let lowest = match.last - maxLength + 1
        var low = 0
        var high = list.count
        while low < high {
            let mid = (low + high) / 2
            if list[mid].first < lowest { low = mid + 1 } else { high = mid }
        }
        var k = low
        while k < list.count, list[k].first <= match.first {
            let other = list[k]
            if other.last >= match.last, test(other) { return true }
            k += 1
        }
        return false
    }

    /// Orders hits by taxonomy index, keeping text order within one index, and drops
    /// repeated evidence.
    private static func orderAndDeduplicate(_ hits: inout [(index: Int, evidence: Evidence)]) {
        guard hits.count > 1 else { return }
        let ordered = hits.enumerated().sorted { ($0.element.index, $0.offset) < ($1.element.index, $1.offset) }.map(\.element)
        if ordered.count <= 8 {
            hits = []
            for hit in ordered where !hits.contains(where: { $0.evidence == hit.evidence }) { hits.append(hit) }
            return
        }
        var seen: Set<Evidence> = []
        hits = ordered.filter { seen.insert($0.evidence).inserted }
    }

    /// Whether the words of the text start as the alias writes them (`US` but not `Us`).
    private static func matchesExactly(_ bytes: UnsafeBufferPointer<UInt8>, _ words: Slice<UnsafeBufferPointer<Word>>, _ exact: [[UInt8]]) -> Bool {
        for (word, form) in zip(words, exact) {
            guard Int(word.end - word.start) >= form.count else { return false }
            for k in 0..<form.count where bytes[Int(word.start) + k] != form[k] { return false }
        }
        return true
    }
}
