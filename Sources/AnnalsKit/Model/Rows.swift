/// An article as a listing names it.
public struct ArticleRef: Sendable, Hashable {
    /// The article's row id in `articles`.
    public var id: Int64
    /// The article's title, as its card or feed gave it.
    public var title: String
    /// The name of the article's source (`sources.name`), e.g. `Ars Technica`.
    public var source: String

    /// A reference with these values; queries build these from an article's row and its source's name.
    public init(id: Int64, title: String, source: String) {
        self.id = id
        self.title = title
        self.source = source
    }
}

/// A real-world event: its date, representative text, tags, and the articles that mention it.
public struct Event: Sendable, Hashable {
    /// The event's row id in `events`; ids are never reused, so a saved id keeps naming this event.
    public var id: Int64
    /// Its first mention's date, made more precise by later mentions inside it (or widened by a forced merge).
    public var date: PartialDate
    /// The wording of the event's first mention.
    public var text: String
    /// Topic slugs, in taxonomy order.
    public var topics: [String]
    /// Canonical entity names.
    public var entities: [String]
    /// How many timeline entries mention it.
    public var mentions: Int
    /// The articles whose timelines mention it, by id. Listings show the first
    /// ``articleLimit`` (an event cited by thousands of cards lists a sample; `mentions`
    /// counts them all); exports and ``Archive/event(id:)`` list every one.
    public var articles: [ArticleRef]

    /// The most articles an event row lists.
    public static let articleLimit = 25
}

/// One line of an article listing.
public struct ArticleRow: Sendable, Hashable {
    /// The article's row id in `articles`.
    public var id: Int64
    /// The name of the article's source (`sources.name`).
    public var source: String
    /// The article's title, as its card or feed gave it.
    public var title: String
    /// The article's URL as its feed gave it; nil for cards and for feed items without one.
    public var url: String?
    /// When the article was published, as its feed gave it (usually ISO 8601); nil for cards.
    public var publishedAt: String?
    /// The day the article is placed at (published, else first received).
    public var day: String
    /// The one-line summary under the title; nil when the article has none.
    public var summary: String?
    /// The article's topic slugs, in taxonomy order.
    public var topics: [String]
    /// Canonical names of the entities the article mentions, sorted by name.
    public var entities: [String]
    /// How many key takeaways the article has.
    public var takeaways: Int
    /// How many future implications the article has.
    public var implications: Int
    /// How many timeline entries the article has.
    public var timelineEntries: Int
}

/// A key takeaway, with its article.
public struct TakeawayRow: Sendable, Hashable {
    /// The takeaway's row id in `takeaways`.
    public var id: Int64
    /// The article the takeaway belongs to.
    public var article: ArticleRef
    /// The day its article is placed at (published, else first received), `YYYY-MM-DD`.
    public var day: String
    /// Its place among the article's takeaways, counting from 1.
    public var position: Int
    /// The takeaway's text.
    public var text: String
}

/// A future implication, with its article.
public struct ImplicationRow: Sendable, Hashable {
    /// The implication's row id in `implications`.
    public var id: Int64
    /// The article the implication belongs to.
    public var article: ArticleRef
    /// The day its article is placed at (published, else first received), `YYYY-MM-DD`.
    public var day: String
    /// Its place among the article's implications, counting from 1.
    public var position: Int
    /// The implication's headline line.
    public var headline: String
    /// The detail under the headline; empty when the article gave none.
    public var detail: String
}

/// A timeline entry (a mention of an event), with its article and event.
public struct TimelineRow: Sendable, Hashable {
    /// The entry's row id in `timeline_entries`.
    public var id: Int64
    /// The article whose timeline holds the entry.
    public var article: ArticleRef
    /// The event the entry mentions, by id; nil only for an entry never placed in one, which `annals check` reports.
    public var eventID: Int64?
    /// Its place in the article's timeline, counting from 1.
    public var position: Int
    /// The entry's own date as its article wrote it, with its precision and interval (not the event's date).
    public var date: PartialDate
    /// The entry's text: what its article says happened.
    public var text: String
}

/// A full-text hit of `annals search`.
public struct SearchHit: Sendable, Hashable {
    /// What was hit: `article`, `takeaway`, `implication` or `timeline`.
    public var kind: String
    /// The id of the hit row in its own table.
    public var id: Int64
    /// The article of the hit row (for an `article` hit, the hit itself).
    public var article: ArticleRef
    /// The event of a timeline hit.
    public var eventID: Int64?
    /// The matching text with the matched words in [brackets].
    public var snippet: String
    /// BM25 rank: lower is better.
    public var rank: Double
}
