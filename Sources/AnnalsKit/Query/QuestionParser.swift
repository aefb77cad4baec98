/// A question as understood: which records to list, and the filter to list them by.
public struct ParsedQuestion: Sendable, Hashable {
    /// What to list: events (the default), articles, takeaways, implications or timeline entries.
    public var kind: RecordKind
    public var filter: QueryFilter
    /// Words no rule placed ("additions" in "Entity List additions"): they rank the answer
    /// rather than filter it. ``Archive/answer(_:)`` searches for them and leaves out those
    /// that would empty the answer; `filter.search` holds only what must occur (quoted
    /// phrases, words after "mentioning").
    public var looseWords: [String]
    /// Asked "how many": count rather than list, in total or by period or facet.
    public var count: CountGrouping?
    /// How it was understood, e.g. `events · topic export-controls · since 2024-01-01`:
    /// the kind, then the filter's ``QueryFilter/summary`` when it has one.
    public var understanding: String

    public init(
        kind: RecordKind, filter: QueryFilter, looseWords: [String] = [], count: CountGrouping? = nil,
        understanding: String
    ) {
        self.kind = kind
        self.filter = filter
        self.looseWords = looseWords
        self.count = count
        self.understanding = understanding
    }

    /// A parsed question whose understanding is worded from its parts.
    public init(kind: RecordKind = .events, filter: QueryFilter, looseWords: [String] = [], count: CountGrouping? = nil) {
        self.init(
            kind: kind, filter: filter, looseWords: looseWords, count: count,
            understanding: Self.understanding(kind: kind, filter: filter, looseWords: looseWords, count: count))
    }

    /// `events · topic export-controls · since 2024-01-01`; `count of events by year · …`;
    /// loose words as `words "HBM curbs"`.
    public static func understanding(
        kind: RecordKind, filter: QueryFilter, looseWords: [String] = [], count: CountGrouping? = nil
    ) -> String {
        var head = kind.rawValue
        if let count { head = "count of " + kind.rawValue + (count == .total ? "" : " by " + count.rawValue) }
        var parts = [head]
        let summary = filter.summary
        if !summary.isEmpty { parts.append(summary) }
        if !looseWords.isEmpty { parts.append("words \"" + looseWords.joined(separator: " ") + "\"") }
        return parts.joined(separator: " · ")
    }
}

/// Turns an analyst's question ("export-control events involving Huawei since 2024")
/// into a ``ParsedQuestion``: a small hand-written tokenizer and a left-to-right scanner.
///
/// **Words.** The question is split on white space; `"…"` and `“…”` enclose a phrase
/// (an unclosed quote runs to the end). Surrounding punctuation (`?`, `!`, `,`, `.`,
/// `;`, `:`, brackets, CJK `？，。`) and a possessive `'s` are trimmed off each word;
/// words made only of punctuation are ignored. Matching is case-insensitive.
///
/// **Grammar**, tried in about this order at each word (the first that fits wins; a
/// number is read as a date before a limit, and "last" as a period before a limit):
///
///     quoted    := "phrase" | “phrase”                      → a search phrase, kept in quotes
///     negation  := not | without | except | excluding | no  → error: negation is not supported
///     search    := (mentioning | mention | containing | contain | contains | matching
///                   | that/which/who mentions) word…        → every word up to the next
///                                                              kind, time, sort or connective
///                                                              word is a search term
///     vocab     := the longest run of up to Vocabulary.longestPhrase words naming a topic,
///                  entity or source (topic, then entity, then source; source first right
///                  after "from", "by" or "in")           → topics any-of (all-of when
///                                                              named one right after the
///                                                              other: "open-weight model
///                                                              releases"), entities all-of
///                                                              (either-or across "or"),
///                                                              sources any-of
///     kind      := event(s) | case(s) | development(s) | incident(s)   → events
///                | article(s) | story | stories | card(s) | news       → articles
///                | takeaway(s) → takeaways      | implication(s) → implications
///                | timeline(s) | entry | entries | mentions            → timeline
///     time      := since D | after D | before D | until|till|til|through|thru D | during D
///                | between D and D | in|on|within|over|for D [range] | from D [range]
///                | by D | to D | up to D | D [range]     (a bare D needs no time word)
///     range     := (to | through | thru | until | till | til | - | – | —) D   (between: and)
///     D         := date | relative
///     date      := up to four words PartialDate(parsing:) reads: 2024, 2024-10, 2024-10-15,
///                  Q3 2025, 2025-Q3, March 2025, 5 March 2025, March 5, 2025, …;
///                  or one word joining two of them with a dash: 2024-2025, 2024-06–2025-02
///     relative  := today | yesterday | now (after a time word only)
///                | [the] this|current U | [the] last|previous U | [the] past U
///                | [the] last|past|previous N U(s)      (N: 1…999 or one…twelve)
///     U         := day | week | month | quarter | year
///     count     := how many | number of | count [of] | tally  → count instead of listing
///                | (per | by | each | every | a) (year | quarter | month | topic | entity
///                  | company | country | actor | source | outlet | publication)(s)
///                | yearly | annually | quarterly | monthly   → grouped by that
///     sort      := latest|newest [N] | most recent [N] | recent | recently → newest first
///                | most cited|mentioned|mentions [N] → most mentioned | most relevant [N]
///                | top [N] (most mentioned unless another order is named)
///                | first|earliest|oldest [N] → oldest first | last N → newest first, N rows
///                | limit N | N before a kind, sort word or vocabulary word → N rows
///     connective:= between (before a name: "between the US and China") | involving | involve(s|d) | about | with | concerning | regarding | naming
///                | around | against | targeting | related | relating | at | across
///                | in | on | within | over | for | from | by | to    (when no date follows)
///     filler    := a | an | the | all | any | every | show | list | find | get | give | tell
///                | me | please | what | which | who | were | was | are | is | there | have
///                | has | had | been | did | do | does | that | this | of | and | or
///                | happened | can | you | i | want | see | how | many | everything
///                | published | both ("both the US and the Netherlands": entities are all
///                  of them anyway)   ("show us", "give us", "tell us" too, so "us" there is not
///                  the United States)
///     word      := anything else → see *Unplaced words*
///
/// Dates include the vague ones ``PartialDate`` reads: `early 2025`, `mid-2024`, `late
/// 2023` (thirds of a year), `H1 2025`, `first half of 2025`.
///
/// **Time.** Each time expression turns into an inclusive period [start, end]; relative
/// ones are counted from `today`. Then:
/// - `since D` → since = start; `after D` → since = end + 1 day ("after 2024-06" is since
///   2024-07-01: after the whole month);
/// - `before D` → until = start − 1 day ("before 2025" is until 2024-12-31);
///   `until|till|through|by|to|up to D` → until = end ("until 2025-03" is until 2025-03-31);
/// - `in|during|on D` and a bare `D` → since = start, until = end;
///   `between D1 and D2`, `from D1 to D2`, `D1 to D2`, `in D1 until D2` → since = D1's
///   start, until = D2's end; `from D` alone → since = start.
/// - Several expressions narrow each other (the latest since, the earliest until); an
///   interval left empty is ``QueryError/emptyInterval(since:until:)``.
/// - Calendar periods hold today: `this week` (Monday–Sunday), `this month`, `this
///   quarter`, `this year` are the whole period, including days still to come;
///   `last|previous week|month|quarter|year` is the whole period before it; `today`,
///   `yesterday` are one day. Rolling periods end today: `past|last N days|weeks|months|
///   quarters|years` and `past week|month|quarter|year` (N = 1) run from the same
///   day N units back, through today ("past 30 days" on 2026-11-26 is 2026-10-27 …
///   2026-11-26; "last 6 months" is 2026-05-26 … 2026-11-26; a missing day of the month
///   is clamped: 2026-03-31 minus a month is 2026-02-28). So "last month" is the previous
///   calendar month but "last 1 month" and "past month" are rolling.
/// - Nothing is guessed: "in March" (no year) is a bad date, not this March. After a time
///   word, a word that looks like a failed date ("2024-13", "2025-02-30", "Marchh 2025",
///   "Q5 2025") is ``QueryError/badDate(_:)``; so is anything after `since`, `after`,
///   `before`, `until`, `during`, `between` that is not a date.
/// - `recent` is an order (newest first), not a period; `last` with neither a count nor a
///   unit ("the last summit") is a search term.
/// - "in 2025 and 2026" is two periods that narrow each other to nothing (emptyInterval):
///   say "between 2025 and 2026".
///
/// **Full-text search.** Quoted phrases, and the words after a search word ("mentioning",
/// "containing", "that mention", …), go to `filter.search`, joined by spaces with phrases
/// kept in quotes; all must occur. "mentioning X" always searches for X, even when X is a
/// topic or entity ("takeaways mentioning Huawei" searches for the word Huawei).
///
/// **Sources** go by any of their names (``SourceNames``: `from the FT`, `from SCMP`, `by
/// WSJ`, `from Tom's Hardware`). Right after `from` or `by`, a capitalized name that is
/// no topic, entity, source or date is ``QueryError/unknownSource(_:suggestion:)`` with
/// the nearest source the archive has: a source asked for is never turned into a search
/// that silently finds nothing.
///
/// **Unplaced words.** A word (or run of words) that fits none of the above is never
/// dropped. When it is within a few edits of a topic or entity (``Vocabulary/suggestTopic(_:)``,
/// then ``Vocabulary/suggestEntity(_:)``; words of four letters or more, near a name of four
/// letters or more — "bias" is not refused for "BIS" —, trying the longest run of unplaced
/// words first), and it does not occur in the archive's text (``occurs``: "minerals" and
/// "training" do), the question is refused with
/// ``QueryError/unplacedWord(_:suggestion:)`` ("export-contrls" → did you mean
/// "export-controls"?). Otherwise it becomes a loose word (``ParsedQuestion/looseWords``),
/// which ranks rather than filters: ``Archive/answer(_:)`` searches for the loose words
/// and sets aside those no record with the rest of the question has, saying so. Quote a
/// word to require it as written.
///
/// **Record kinds.** With several kind words, the most specific wins: takeaways and
/// implications (parts of articles) over timeline entries over articles over events
/// ("takeaways from Reuters articles" lists takeaways; "articles about antitrust cases"
/// lists articles). Takeaways with implications is refused (unplacedWord).
///
/// **Entities** are all-of: "involving China and Nvidia" needs both; "Huawei or SMIC"
/// needs either (``QueryFilter/anyEntities``); "China and Huawei or SMIC" needs China and
/// one of the other two. One either-or group per question: a second "or" joins the same
/// group.
public struct QuestionParser: Sendable {
    public let vocabulary: Vocabulary
    public let today: Day
    /// Whether a word (or phrase) occurs in the records asked about: such a word is no
    /// misspelling, however near a topic or entity it is ("minerals", "training").
    public let occurs: @Sendable (String) -> Bool
    private let longestPhrase: Int

    public init(vocabulary: Vocabulary, today: Day, occurs: @escaping @Sendable (String) -> Bool = { _ in false }) {
        self.vocabulary = vocabulary
        self.today = today
        self.occurs = occurs
        longestPhrase = vocabulary.longestPhrase
    }

    /// The question as a kind and a validated filter; throws ``QueryError``.
    public func parse(_ question: String) throws -> ParsedQuestion {
        var scanner = QuestionScanner(
            tokens: QuestionToken.tokenize(question), vocabulary: vocabulary, longestPhrase: longestPhrase,
            today: today, occurs: occurs)
        return try scanner.run()
    }
}

/// One word of a question, or one quoted phrase.
struct QuestionToken: Hashable, Sendable {
    /// As written, less surrounding punctuation and a possessive `'s`.
    var text: String
    /// `text` lower-cased, for keyword matching.
    var word: String
    var quoted: Bool

    init(_ text: String, quoted: Bool) {
        self.text = text
        word = text.lowercased()
        self.quoted = quoted
    }

    /// A word with no letter or digit in it (a lone dash, an ampersand).
    var isPunctuation: Bool { !quoted && !text.contains(where: { $0.isLetter || $0.isNumber }) }

    private static let quotes: Set<Character> = ["\"", "“", "”"]
    private static let leading: Set<Character> = ["(", "[", "{", "'", "‘", "«"]
    private static let trailing: Set<Character> = [
        "?", "!", ".", ",", ";", ":", ")", "]", "}", "'", "’", "»",
        "？", "！", "。", "，", "；", "：", "、", "…",
    ]

    static func tokenize(_ question: String) -> [QuestionToken] {
        var tokens: [QuestionToken] = []
        var current = ""
        func flush() {
            let cleaned = clean(current)
            if !cleaned.isEmpty { tokens.append(QuestionToken(cleaned, quoted: false)) }
            current = ""
        }
        var characters = question.makeIterator()
        while let character = characters.next() {
            if quotes.contains(character) {
                flush()
                var phrase = ""
                while let inner = characters.next(), !quotes.contains(inner) { phrase.append(inner) }
                let words = phrase.split(whereSeparator: \.isWhitespace).joined(separator: " ")
                if !words.isEmpty { tokens.append(QuestionToken(words, quoted: true)) }
            } else if character.isWhitespace {
                flush()
            } else {
                current.append(character)
            }
        }
        flush()
        return tokens
    }

    /// `word` without surrounding punctuation or a possessive: `"Nvidia's"` → `Nvidia`,
    /// `year?` → `year`, `U.S.` → `U.S` (which the Vocabulary still reads as "us").
    private static func clean(_ word: String) -> String {
        var text = Substring(word)
        func trim() {
            while let first = text.first, leading.contains(first) { text = text.dropFirst() }
            while let last = text.last, trailing.contains(last) { text = text.dropLast() }
        }
        trim()
        let lowered = text.lowercased()
        if text.count > 2, lowered.hasSuffix("'s") || lowered.hasSuffix("’s") {
            text = text.dropLast(2)
            trim()
        }
        return String(text)
    }
}

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
    private mutating func placed(next: Int) {
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

    /// Places the longest run of words at `position` the vocabulary knows.
    private mutating func placeVocabulary() throws -> Bool {
        let available = tokens.count - position
        for count in stride(from: min(longestPhrase, available), through: 1, by: -1) {
            let span = tokens[position..<(position + count)]
            if span.contains(where: { $0.quoted || $0.isPunctuation }) { continue }
            let phrase = span.map(\.text).joined(separator: " ")
            let topic = vocabulary.topic(phrase)
            let entity = vocabulary.entity(phrase)
            let source = vocabulary.source(phrase)
            if preferSource, let source {
                add(source, to: &sources)
            } else if let topic {
                if let last = lastTopic, last.end == position, last.slug != topic {
                    add(last.slug, to: &allTopics)
                    add(topic, to: &allTopics)
                } else {
                    add(topic, to: &topics)
                }
                lastTopic = (topic, position + count)
            } else if let entity {
                if orAfterEntity, let previous = lastPlacedEntity {
                    // "Nvidia or AMD": either one, besides every entity joined by "and".
                    add(previous, to: &anyEntities)
                    add(entity, to: &anyEntities)
                }
                add(entity, to: &entities)
                position += count
                preferSource = false
                orAfterEntity = false
                lastPlacedEntity = entity
                return true
            } else if let source {
                add(source, to: &sources)
            } else {
                continue
            }
            placed(next: position + count)
            return true
        }
        return false
    }

    private func add(_ value: String, to list: inout [String]) {
        if !list.contains(value) { list.append(value) }
    }

    /// Reads a sort or limit phrase at `position`, moving past it; false when there is none.
    private mutating func scanSort() -> Bool {
        let word = tokens[position].word
        let next = position + 1 < tokens.count ? tokens[position + 1].word : ""
        switch word {
        case "latest", "newest":
            sort = .recent
            position += 1
        case "recent", "recently":
            sort = .recent
            position += 1
            return true
        case "most":
            switch next {
            case "recent": sort = .recent
            case "cited", "mentioned", "mentions": sort = .mentions
            case "relevant": sort = .relevance
            default: return false
            }
            position += 2
        case "top":
            topAsked = true
            position += 1
        case "first", "earliest", "oldest":
            sort = .date
            position += 1
        case "last":
            guard let n = Self.count(next) else { return false }
            sort = .recent
            limit = n
            position += 2
            return true
        case "limit":
            guard let n = Self.count(next) else { return false }
            limit = n
            position += 2
            return true
        default:
            return false
        }
        if position < tokens.count, !tokens[position].quoted, let n = Self.count(tokens[position].word) {
            limit = n
            position += 1
        }
        return true
    }

    /// Reads "how many", "number of", "count" (a count is asked) or a grouping: "per|by|each|
    /// every|a year", "by quarter", "per month", "by topic", "by entity", "by source",
    /// "yearly", "quarterly", "monthly". False when none is at `position`.
    private mutating func scanCount() -> Bool {
        let word = tokens[position].word
        let next = position + 1 < tokens.count && !tokens[position + 1].quoted ? tokens[position + 1].word : ""
        if (word == "how" && next == "many") || (word == "number" && next == "of") {
            countAsked = true
            position += 2
            return true
        }
        if ["count", "counts", "tally"].contains(word) {
            countAsked = true
            position += 1
            if next == "of" { position += 1 }
            return true
        }
        if let grouping = Self.groupingAdverbs[word] {
            countBy = grouping
            position += 1
            return true
        }
        if ["per", "by", "each", "every", "a"].contains(word), let grouping = Self.groupingNouns[next] {
            countBy = grouping
            position += 2
            return true
        }
        return false
    }

    static let groupingAdverbs: [String: CountGrouping] = [
        "yearly": .year, "annually": .year, "quarterly": .quarter, "monthly": .month,
    ]

    static let groupingNouns: [String: CountGrouping] = [
        "year": .year, "years": .year, "quarter": .quarter, "quarters": .quarter, "month": .month, "months": .month,
        "topic": .topic, "topics": .topic, "entity": .entity, "entities": .entity, "actor": .entity,
        "actors": .entity, "company": .entity, "companies": .entity, "country": .entity, "countries": .entity,
        "source": .source, "sources": .source, "outlet": .source, "outlets": .source, "publication": .source,
        "publications": .source,
    ]

    /// A bare number of 1…999 before a kind word, sort word or vocabulary word is a limit
    /// ("10 latest events", "5 export-control events").
    private mutating func scanLimitNumber() -> Bool {
        let token = tokens[position]
        guard !token.word.isEmpty, token.word.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Self.count(token.word),
            position + 1 < tokens.count
        else { return false }
        let next = tokens[position + 1]
        guard !next.quoted,
            Self.kindWords[next.word] != nil || Self.sortWords.contains(next.word) || startsVocabulary(at: position + 1)
        else { return false }
        limit = n
        position += 1
        return true
    }

    /// Whether a run of words at `index` names a topic, entity or source.
    func startsVocabulary(at index: Int) -> Bool {
        let available = tokens.count - index
        guard available > 0 else { return false }
        for count in stride(from: min(longestPhrase, available), through: 1, by: -1) {
            let span = tokens[index..<(index + count)]
            if span.contains(where: { $0.quoted || $0.isPunctuation }) { continue }
            let phrase = span.map(\.text).joined(separator: " ")
            if vocabulary.topic(phrase) != nil || vocabulary.entity(phrase) != nil || vocabulary.source(phrase) != nil {
                return true
            }
        }
        return false
    }

    /// A word nothing else placed: refused when it is a near miss of a topic or entity,
    /// else a search term.
    private mutating func placeUnplaced() throws {
        let token = tokens[position]
        if sourceExpected, !searching, let first = token.text.first, first.isUppercase || token.text.contains(where: \.isUppercase) {
            // The capitalized run is the name asked for ("from Foo News").
            var end = position + 1
            while end < tokens.count, isPlain(at: end), tokens[end].text.first?.isUppercase == true { end += 1 }
            let name = tokens[position..<end].map(\.text).joined(separator: " ")
            throw QueryError.unknownSource(name, suggestion: vocabulary.suggestSource(name))
        }
        if !searching {
            var run = 1
            while run < longestPhrase, position + run < tokens.count, isPlain(at: position + run) { run += 1 }
            for count in stride(from: run, through: 1, by: -1) {
                let text = tokens[position..<(position + count)].map(\.text).joined(separator: " ")
                guard text.filter({ $0.isLetter }).count >= 4, !occurs(text) else { continue }
                if let suggestion = vocabulary.suggestTopic(text), isNear(text, suggestion, in: vocabulary.topics) {
                    throw QueryError.unplacedWord(text, suggestion: suggestion)
                }
                if let suggestion = vocabulary.suggestEntity(text), isNear(text, suggestion, in: vocabulary.entities) {
                    throw QueryError.unplacedWord(text, suggestion: suggestion)
                }
            }
        }
        if searching { searchTerms.append(token.text) } else { looseWords.append(token.text) }
        placed(next: position + 1)
    }

    /// Whether `text` is a near miss of one of `canonical`'s names of four letters or more,
    /// by the Vocabulary's own distance limits. Short names (BIS, USA, FT) are one edit
    /// away from too many plain words ("bias", "use") to be suggested.
    private func isNear(_ text: String, _ canonical: String, in terms: [Vocabulary.Term]) -> Bool {
        guard let term = terms.first(where: { $0.canonical == canonical }) else { return true }
        let wanted = Array(Vocabulary.key(text))
        let limit = wanted.count <= 5 ? 1 : (wanted.count <= 9 ? 2 : 3)
        return ([term.canonical] + term.aliases).contains { name in
            let key = Array(Vocabulary.key(name))
            return key.count >= 4 && Vocabulary.editDistance(wanted, key, limit: limit) <= limit
        }
    }

    /// Whether the word at `index` is one no rule would place (a candidate misspelling).
    private func isPlain(at index: Int) -> Bool {
        let token = tokens[index]
        let word = token.word
        return !token.quoted && !token.isPunctuation && !Self.negations.contains(word)
            && !Self.searchWords.contains(word) && word != "mentions" && Self.kindWords[word] == nil
            && Self.strictTimeWords[word] == nil && Self.softTimeWords[word] == nil && !Self.sortWords.contains(word)
            && !Self.connectives.contains(word) && !Self.fillers.contains(word)
            && !["today", "yesterday", "now", "last", "past", "previous", "current", "limit", "count", "counts"].contains(word)
            && Self.groupingAdverbs[word] == nil
            && !Self.isDateShaped(token) && !Self.monthNames.contains(word) && !startsVocabulary(at: index)
    }
}
