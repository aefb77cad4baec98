import Foundation

/// Why a text was given a topic or an entity, or why a topic was vetoed.
public struct Evidence: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable, Codable {
        /// A topic rule matched: `target` is the topic's slug.
        case topic
        /// An alias matched, or an entity it is part of did: `target` is the entity's name.
        case entity
        /// A topic's `exclude` phrase matched and vetoed the topic: `target` is its slug.
        case exclusion
    }

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
    /// Topics first (each topic's phrases in text order, then its patterns), then the
    /// vetoes, then entities, each in taxonomy order; one entry per rule and matched words.
    public var evidence: [Evidence]

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
/// - A topic `pattern` runs only on texts that contain a literal the pattern cannot match
///   without (see `PatternPrefilter`), so a taxonomy with patterns stays fast when they
///   have such a literal.
/// - A topic is vetoed when one of its `exclude` phrases occurs anywhere in the text.
/// - An alias does not count inside one of its entity's `exclude` phrases, nor inside a
///   longer alias of another entity (`Tokyo` inside `Tokyo Electron`, `Korea` inside
///   `North Korea`).
/// - An entity named brings the entities it is `partOf` (BIS → Commerce Department →
///   United States).
public struct Classifier: Sendable {
    public let taxonomy: Taxonomy

    private enum Owner: Hashable, Sendable {
        case topic(Int), exclusion(Int), entity(Int), entityExclusion(Int)
    }

    private struct Phrase: Sendable {
        var tokens: [String]
        /// For aliases that match only as written: each word's bytes as written.
        var exact: [[UInt8]]?
        var owner: Owner
        var rule: String
    }

    private struct Pattern: @unchecked Sendable {
        // NSRegularExpression is immutable and documented as safe to share between threads.
        var regex: NSRegularExpression
        var literals: [[UInt8]]?
        var topic: Int
        var rule: String
    }

    private struct Match {
        var phrase: Int
        var first: Int
        var last: Int
    }

    private let phrases: [Phrase]
    private let index: [String: [Int]]
    private let patterns: [Pattern]
    /// For each entity, the entities it is part of, nearest first.
    private let ancestors: [[Int]]

    /// Compiles the taxonomy's rules; throws its first ``TaxonomyError`` if it is not valid.
    public init(taxonomy: Taxonomy) throws {
        try taxonomy.validate()
        self.taxonomy = taxonomy
        var phrases: [Phrase] = []
        struct Key: Hashable {
            var owner: Owner
            var tokens: [String]
            var exact: [[UInt8]]?
        }
        var seen: Set<Key> = []
        // Phrases that tokenize alike (`high-bandwidth memory`, `High Bandwidth Memory`)
        // are one rule: the first one written.
        func add(_ text: String, _ owner: Owner, rule: String, exact: Bool = false) {
            var text = text
            let (tokens, forms) = text.withUTF8 { buffer in
                let tokens = Tokenizer.tokens(utf8: buffer)
                return (tokens.map(\.text), tokens.map { Array(buffer[$0.start..<$0.end]) })
            }
            guard !tokens.isEmpty, seen.insert(Key(owner: owner, tokens: tokens, exact: exact ? forms : nil)).inserted else { return }
            phrases.append(Phrase(tokens: tokens, exact: exact ? forms : nil, owner: owner, rule: rule))
        }
        var patterns: [Pattern] = []
        for (t, topic) in taxonomy.topics.enumerated() {
            for phrase in topic.rules.phrases { add(phrase, .topic(t), rule: "phrase '\(phrase)'") }
            for (k, pattern) in topic.rules.patterns.enumerated() {
                let regex = try Taxonomy.compilePattern(pattern, path: "topics[\(t)].rules.patterns[\(k)]")
                patterns.append(Pattern(
                    regex: regex, literals: PatternPrefilter.requiredLiterals(of: pattern)?.map { Array($0.utf8) },
                    topic: t, rule: "pattern '\(pattern)'"))
            }
            for phrase in topic.rules.exclude { add(phrase, .exclusion(t), rule: "exclude '\(phrase)'") }
        }
        for (e, entity) in taxonomy.entities.enumerated() {
            for alias in [entity.name] + entity.aliases {
                add(alias, .entity(e), rule: "alias '\(alias)'", exact: Taxonomy.isCaseSensitiveAlias(alias))
            }
            for phrase in entity.exclude { add(phrase, .entityExclusion(e), rule: "exclude '\(phrase)'") }
        }
        var index: [String: [Int]] = [:]
        for (p, phrase) in phrases.enumerated() { index[phrase.tokens[0], default: []].append(p) }
        self.phrases = phrases
        self.index = index
        self.patterns = patterns

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

    private func classify(utf8 bytes: UnsafeBufferPointer<UInt8>, text: String) -> Classification {
        let tokens = Tokenizer.tokens(utf8: bytes)
        var matches: [Match] = []
        for i in tokens.indices {
            guard let candidates = index[tokens[i].text] else { continue }
            for p in candidates {
                let phrase = phrases[p]
                let count = phrase.tokens.count
                guard i + count <= tokens.count else { continue }
                var k = 1
                while k < count, tokens[i + k].text == phrase.tokens[k] { k += 1 }
                guard k == count else { continue }
                if let exact = phrase.exact, !Self.matchesExactly(bytes, tokens[i..<i + count], exact) { continue }
                matches.append(Match(phrase: p, first: i, last: i + count - 1))
            }
        }

        func words(_ match: Match) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[tokens[match.first].start..<tokens[match.last].end]), as: UTF8.self)
        }

        // Topics: phrases and patterns, then vetoes.
        let topicCount = taxonomy.topics.count
        var topicEvidence: [[Evidence]] = Array(repeating: [], count: topicCount)
        var vetoes: [[Evidence]] = Array(repeating: [], count: topicCount)
        var entityMatches: [Match] = []
        var entityExclusions: [Match] = []
        for match in matches {
            let phrase = phrases[match.phrase]
            switch phrase.owner {
            case .topic(let t):
                topicEvidence[t].append(Evidence(kind: .topic, target: taxonomy.topics[t].slug, rule: phrase.rule, matched: words(match)))
            case .exclusion(let t):
                vetoes[t].append(Evidence(kind: .exclusion, target: taxonomy.topics[t].slug, rule: phrase.rule, matched: words(match)))
            case .entity:
                entityMatches.append(match)
            case .entityExclusion:
                entityExclusions.append(match)
            }
        }
        if !patterns.isEmpty {
            var nsText: NSString? = nil
            for pattern in patterns {
                if let literals = pattern.literals, !literals.contains(where: { PatternPrefilter.contains(bytes, $0) }) { continue }
                let ns = nsText ?? (text as NSString)
                nsText = ns
                guard let found = pattern.regex.firstMatch(in: text, options: [], range: NSRange(location: 0, length: ns.length)) else { continue }
                topicEvidence[pattern.topic].append(Evidence(
                    kind: .topic, target: taxonomy.topics[pattern.topic].slug, rule: pattern.rule,
                    matched: ns.substring(with: found.range)))
            }
        }

        var result = Classification()
        var vetoEvidence: [Evidence] = []
        for t in 0..<topicCount where !topicEvidence[t].isEmpty {
            result.evidence.append(contentsOf: Self.unique(topicEvidence[t]))
            if vetoes[t].isEmpty {
                result.topics.append(taxonomy.topics[t].slug)
            } else {
                vetoEvidence.append(contentsOf: Self.unique(vetoes[t]))
            }
        }
        result.evidence.append(contentsOf: vetoEvidence)

        // Entities: drop aliases inside their entity's exclusions or inside a longer
        // alias of another entity, then add what the named entities are part of.
        guard !entityMatches.isEmpty else { return result }
        var kept: [(entity: Int, match: Match)] = []
        for match in entityMatches {
            guard case .entity(let e) = phrases[match.phrase].owner else { continue }
            let excluded = entityExclusions.contains { other in
                guard case .entityExclusion(let x) = phrases[other.phrase].owner, x == e else { return false }
                return other.first <= match.first && match.last <= other.last
            }
            if excluded { continue }
            let inside = entityMatches.contains { other in
                guard case .entity(let o) = phrases[other.phrase].owner, o != e else { return false }
                return other.first <= match.first && match.last <= other.last && other.last - other.first > match.last - match.first
            }
            if inside { continue }
            kept.append((e, match))
        }
        guard !kept.isEmpty else { return result }
        let entityCount = taxonomy.entities.count
        var entityEvidence: [[Evidence]] = Array(repeating: [], count: entityCount)
        var implied: Set<[Int]> = []
        for (e, match) in kept {
            let matched = words(match)
            entityEvidence[e].append(Evidence(kind: .entity, target: taxonomy.entities[e].name, rule: phrases[match.phrase].rule, matched: matched))
            for a in ancestors[e] where implied.insert([a, e]).inserted {
                entityEvidence[a].append(Evidence(
                    kind: .entity, target: taxonomy.entities[a].name, rule: "has part '\(taxonomy.entities[e].name)'", matched: matched))
            }
        }
        for e in 0..<entityCount where !entityEvidence[e].isEmpty {
            result.entities.append(taxonomy.entities[e].name)
            result.evidence.append(contentsOf: Self.unique(entityEvidence[e]))
        }
        return result
    }

    /// Whether the words of the text start as the alias writes them (`US` but not `Us`).
    private static func matchesExactly(_ bytes: UnsafeBufferPointer<UInt8>, _ tokens: ArraySlice<Token>, _ exact: [[UInt8]]) -> Bool {
        for (token, form) in zip(tokens, exact) {
            guard token.end - token.start >= form.count else { return false }
            for k in 0..<form.count where bytes[token.start + k] != form[k] { return false }
        }
        return true
    }

    private static func unique(_ evidence: [Evidence]) -> [Evidence] {
        if evidence.count < 2 { return evidence }
        var seen: Set<Evidence> = []
        return evidence.filter { seen.insert($0).inserted }
    }
}
