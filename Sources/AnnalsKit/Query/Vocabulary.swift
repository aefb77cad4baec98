/// The words a question or filter may use for topics, entities and sources, and
/// what each stands for. Built from the taxonomy in use and the archive's sources.
public struct Vocabulary: Sendable, Hashable {
    /// A canonical value (topic slug, entity name, source name) and the ways to say it.
    public struct Term: Sendable, Hashable {
        /// The value a match stands for: a topic slug, a canonical entity name, or a source name as stored.
        public var canonical: String
        /// Other ways to say it: a topic's name and aliases, an entity's aliases, a source's other names.
        public var aliases: [String]

        /// A term with this value and these aliases.
        public init(canonical: String, aliases: [String]) {
            self.canonical = canonical
            self.aliases = aliases
        }
    }

    /// Topic terms: each topic's slug, with its name and aliases as ways to say it.
    public var topics: [Term]
    /// Entity terms: each entity's canonical name, with its aliases.
    public var entities: [Term]
    /// Source terms: each source's stored name, with the other names ``SourceNames`` gives it.
    public var sources: [Term]

    private var topicIndex: [String: String] = [:]
    private var entityIndex: [String: String] = [:]
    private var sourceIndex: [String: String] = [:]

    /// A vocabulary of these terms, indexed by ``key(_:)``; where two terms share a key, the first one listed wins.
    public init(topics: [Term], entities: [Term], sources: [Term]) {
        self.topics = topics
        self.entities = entities
        self.sources = sources
        topicIndex = Self.index(topics)
        entityIndex = Self.index(entities)
        sourceIndex = Self.index(sources)
    }

    /// The topic slug `text` names (slug, name or alias; any case; hyphen, space or
    /// underscore; singular or plural), or nil.
    public func topic(_ text: String) -> String? { topicIndex[Self.key(text)] }

    /// The canonical entity name `text` names, or nil.
    public func entity(_ text: String) -> String? { entityIndex[Self.key(text)] }

    /// The source name `text` names, or nil.
    public func source(_ text: String) -> String? { sourceIndex[Self.key(text)] }

    /// The closest topic slug to a misspelt `text`, when close enough to suggest.
    public func suggestTopic(_ text: String) -> String? { Self.suggest(text, in: topicIndex) }

    /// The closest entity name to a misspelt `text`, when close enough to suggest.
    public func suggestEntity(_ text: String) -> String? { Self.suggest(text, in: entityIndex) }

    /// The closest source name to a misspelt or unknown `text`, when close enough to suggest.
    public func suggestSource(_ text: String) -> String? { Self.suggest(text, in: sourceIndex) }

    /// The longest phrase of topic, entity or source words, for parsers that scan word runs.
    public var longestPhrase: Int {
        (Array(topicIndex.keys) + Array(entityIndex.keys) + Array(sourceIndex.keys)).map { $0.split(separator: " ").count }.max() ?? 1
    }

    /// The lookup form of a phrase: lower-cased, `-`/`_`/`.` as spaces (but "U.S." as "us"),
    /// apostrophes dropped (`Tom's` as `toms`), single-spaced, each word's plural folded.
    public static func key(_ text: String) -> String {
        var cleaned = ""
        for character in text.lowercased() {
            if character == "." || character == "'" || character == "’" { continue }
            cleaned.append(character == "-" || character == "_" || character == "/" ? " " : character)
        }
        return cleaned.split(whereSeparator: { $0.isWhitespace }).map { singular(String($0)) }.joined(separator: " ")
    }

    /// A cheap plural fold: controls → control, entities → entity, sanctions → sanction.
    static func singular(_ word: String) -> String {
        guard word.count > 3, word.hasSuffix("s"), !word.hasSuffix("ss"), !word.hasSuffix("us"), !word.hasSuffix("is") else {
            return word
        }
        if word.hasSuffix("ies") { return String(word.dropLast(3)) + "y" }
        return String(word.dropLast())
    }

    private static func index(_ terms: [Term]) -> [String: String] {
        var index: [String: String] = [:]
        for term in terms {
            for alias in [term.canonical] + term.aliases {
                let key = key(alias)
                if !key.isEmpty && index[key] == nil { index[key] = term.canonical }
            }
        }
        return index
    }

    private static func suggest(_ text: String, in index: [String: String]) -> String? {
        let wanted = Array(key(text))
        guard wanted.count >= 3 else { return nil }
        let limit = wanted.count <= 5 ? 1 : (wanted.count <= 9 ? 2 : 3)
        var best: (distance: Int, canonical: String)?
        for (key, canonical) in index {
            let distance = editDistance(wanted, Array(key), limit: limit)
            if distance <= limit, best == nil || distance < best!.distance || (distance == best!.distance && canonical < best!.canonical) {
                best = (distance, canonical)
            }
        }
        return best?.canonical
    }

    /// Levenshtein distance, giving up (returning `limit + 1`) once it must exceed `limit`.
    static func editDistance(_ a: [Character], _ b: [Character], limit: Int) -> Int {
        if abs(a.count - b.count) > limit { return limit + 1 }
        var previous = Array(0...b.count)
        for (i, ca) in a.enumerated() {
            var current = [i + 1] + Array(repeating: 0, count: b.count)
            var rowMin = current[0]
            for (j, cb) in b.enumerated() {
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (ca == cb ? 0 : 1))
                rowMin = min(rowMin, current[j + 1])
            }
            if rowMin > limit { return limit + 1 }
            previous = current
        }
        return previous[b.count]
    }

    public static func == (a: Vocabulary, b: Vocabulary) -> Bool {
        a.topics == b.topics && a.entities == b.entities && a.sources == b.sources
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(topics)
        hasher.combine(entities)
        hasher.combine(sources)
    }
}
