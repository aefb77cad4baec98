/// A question as understood: which records to list, and the filter to list them by.
public struct ParsedQuestion: Sendable, Hashable {
    /// What to list: events (the default), articles, takeaways, implications or timeline entries.
    public var kind: RecordKind
    /// The topics, entities, sources, dates, search words, sort and limit the question named.
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

    /// A parsed question with these parts and an understanding already worded.
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
    /// The topics, entities and sources the parser recognises, by any of their names.
    public let vocabulary: Vocabulary
    /// The day relative dates count from ("last year", "past 6 months", "since March").
    public let today: Day
    /// Whether a word (or phrase) occurs in the records asked about: such a word is no
    /// misspelling, however near a topic or entity it is ("minerals", "training").
    public let occurs: @Sendable (String) -> Bool
    private let longestPhrase: Int

    /// A parser of `vocabulary` (``Archive/vocabulary()``) as of `today`; `occurs` tells real
    /// words of the archive from misspellings (``Archive/occurs(_:)``; by default none is known).
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
