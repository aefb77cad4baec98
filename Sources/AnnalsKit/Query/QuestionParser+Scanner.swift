// The scanner of ``QuestionParser``: its state while reading a question, the word lists
// it reads by, and the loop that places each word.

/// The state of reading one question; see ``QuestionParser`` for the grammar.
struct QuestionScanner {
    let tokens: [QuestionToken]
    let vocabulary: Vocabulary
    let longestPhrase: Int
    let today: Day
    let occurs: @Sendable (String) -> Bool

    var position = 0
    var kind: RecordKind?
    var topics: [String] = []
    var entities: [String] = []
    /// Entities joined by "or": the answer names at least one of them.
    var anyEntities: [String] = []
    /// Topics named one right after the other ("open-weight model releases"): all of them.
    var allTopics: [String] = []
    /// The last topic placed, and the position just after its words.
    var lastTopic: (slug: String, end: Int)?
    var sources: [String] = []
    var since: Day?
    var until: Day?
    var searchTerms: [String] = []
    /// Words no rule placed: ranked, not required (see ``ParsedQuestion/looseWords``).
    var looseWords: [String] = []
    /// "how many", "number of", "count": count instead of listing.
    var countAsked = false
    /// "per year", "by source"…: what the count is grouped by.
    var countBy: CountGrouping?
    var sort: QueryFilter.Sort?
    var topAsked = false
    var limit: Int?
    /// After "mentioning" and the like: plain words are search terms, whatever they name.
    var searching = false
    /// Right after "from", "by" or "in": a source name wins over a topic or entity.
    var preferSource = false
    /// The last thing placed was this entity (an "or" after it makes an either-or).
    var lastPlacedEntity: String?
    /// Right after "from" or "by" (fillers aside): a name there that no topic, entity or
    /// source has is a source the archive does not know, an error, not a search term.
    var sourceExpected = false
    /// An "or" followed the last entity placed.
    var orAfterEntity = false

    init(tokens: [QuestionToken], vocabulary: Vocabulary, longestPhrase: Int, today: Day, occurs: @escaping @Sendable (String) -> Bool) {
        self.tokens = tokens
        self.vocabulary = vocabulary
        self.longestPhrase = max(1, longestPhrase)
        self.today = today
        self.occurs = occurs
    }

    static let negations: Set<String> = ["not", "without", "except", "excluding", "no"]

    static let searchWords: Set<String> = ["mentioning", "mention", "containing", "contain", "contains", "matching"]

    static let kindWords: [String: RecordKind] = [
        "event": .events, "events": .events, "case": .events, "cases": .events, "development": .events,
        "developments": .events, "incident": .events, "incidents": .events,
        "article": .articles, "articles": .articles, "story": .articles, "stories": .articles, "card": .articles,
        "cards": .articles, "news": .articles,
        "takeaway": .takeaways, "takeaways": .takeaways,
        "implication": .implications, "implications": .implications,
        "timeline": .timeline, "timelines": .timeline, "entry": .timeline, "entries": .timeline,
        "mentions": .timeline,
    ]

    static let connectives: Set<String> = [
        "between", "involving", "involve", "involves", "involved", "about", "with", "concerning", "regarding", "naming",
        "around", "against", "targeting", "related", "relating", "at", "across",
    ]

    static let fillers: Set<String> = [
        "a", "an", "the", "all", "any", "every", "show", "list", "find", "get", "give", "tell", "me", "please",
        "what", "which", "who", "were", "was", "are", "is", "there", "have", "has", "had", "been", "did", "do",
        "does", "that", "this", "of", "and", "or", "happened", "can", "you", "i", "want", "see", "how", "many",
        "everything", "published", "both",
    ]

    static let sortWords: Set<String> = [
        "latest", "newest", "most", "recent", "recently", "top", "first", "earliest", "oldest",
    ]

    /// How specific a kind word is; the most specific named wins.
    private static func rank(_ kind: RecordKind) -> Int {
        switch kind {
        case .events: return 0
        case .articles: return 1
        case .timeline: return 2
        case .takeaways, .implications: return 3
        }
    }

    mutating func run() throws -> ParsedQuestion {
        while position < tokens.count { try step() }
        let filter = try QueryFilter(
            topics: topics, entities: entities, sources: sources, since: since, until: until,
            search: searchTerms.isEmpty ? nil : searchTerms.joined(separator: " "),
            sort: sort ?? (topAsked ? .mentions : .date), limit: limit
        ).validated()
        var either = filter
        either.entities = entities.filter { !anyEntities.contains($0) }
        either.anyEntities = anyEntities
        either.topics = topics.filter { !allTopics.contains($0) }
        either.allTopics = allTopics
        let count = countBy ?? (countAsked ? .total : nil)
        return ParsedQuestion(kind: kind ?? .events, filter: either, looseWords: looseWords, count: count)
    }

    /// Reads one item at `position` and moves past it.
    private mutating func step() throws {
        let token = tokens[position]
        if token.quoted {
            searchTerms.append("\"" + token.text + "\"")
            return placed(next: position + 1)
        }
        if token.isPunctuation {
            position += 1
            return
        }
        let word = token.word
        if Self.negations.contains(word) { throw QueryError.unplacedWord(token.text, suggestion: nil) }
        if ["show", "give", "tell"].contains(word), position + 1 < tokens.count, tokens[position + 1].word == "us" {
            position += 2
            return
        }
        if Self.searchWords.contains(word)
            || (word == "mentions" && position > 0 && ["that", "which", "who"].contains(tokens[position - 1].word))
        {
            searching = true
            return placed(next: position + 1)
        }
        if !searching, try placeVocabulary() { return }
        if scanCount() { return structure(next: position) }
        if let named = Self.kindWords[word] {
            try setKind(named, token)
            return structure(next: position + 1)
        }
        if try scanTime() { return structure(next: position) }
        if scanSort() { return structure(next: position) }
        if Self.connectives.contains(word) || Self.softTimeWords[word] != nil {
            structure(next: position + 1)
            preferSource = ["from", "by", "in"].contains(word)
            sourceExpected = ["from", "by"].contains(word)
            return
        }
        if Self.fillers.contains(word) {
            if word == "or" && lastPlacedEntity != nil { orAfterEntity = true }
            position += 1
            return
        }
        if !searching, scanLimitNumber() { return structure(next: position) }
        try placeUnplaced()
    }

    /// Moves on after a search term, kind or other item that is not an entity.
    mutating func placed(next: Int) {
        position = next
        preferSource = false
        sourceExpected = false
        lastPlacedEntity = nil
        orAfterEntity = false
    }

    /// Moves on after a kind, time, sort or connective word, which ends a search run.
    private mutating func structure(next: Int) {
        placed(next: next)
        searching = false
    }

    private mutating func setKind(_ named: RecordKind, _ token: QuestionToken) throws {
        guard let current = kind, current != named else {
            kind = named
            return
        }
        let (a, b) = (Self.rank(current), Self.rank(named))
        if a == b { throw QueryError.unplacedWord(token.text, suggestion: nil) }
        if b > a { kind = named }
    }
}
