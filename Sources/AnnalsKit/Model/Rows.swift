/// An article as a listing names it.
public struct ArticleRef: Sendable, Hashable {
    public var id: Int64
    public var title: String
    public var source: String

    public init(id: Int64, title: String, source: String) {
        self.id = id
        self.title = title
        self.source = source
    }
}

/// A real-world event: its date, representative text, tags, and the articles that mention it.
public struct Event: Sendable, Hashable {
    public var id: Int64
    public var date: PartialDate
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
    public var id: Int64
    public var source: String
    public var title: String
    public var url: String?
    public var publishedAt: String?
    /// The day the article is placed at (published, else first received).
    public var day: String
    public var summary: String?
    public var topics: [String]
    public var entities: [String]
    public var takeaways: Int
    public var implications: Int
    public var timelineEntries: Int
}

/// A key takeaway, with its article.
public struct TakeawayRow: Sendable, Hashable {
    public var id: Int64
    public var article: ArticleRef
    public var day: String
    public var position: Int
    public var text: String
}

/// A future implication, with its article.
public struct ImplicationRow: Sendable, Hashable {
    public var id: Int64
    public var article: ArticleRef
    public var day: String
    public var position: Int
    public var headline: String
    public var detail: String
}

/// A timeline entry (a mention of an event), with its article and event.
public struct TimelineRow: Sendable, Hashable {
    public var id: Int64
    public var article: ArticleRef
    public var eventID: Int64?
    public var position: Int
    public var date: PartialDate
    public var text: String
}

/// A full-text hit of `annals search`.
public struct SearchHit: Sendable, Hashable {
    /// What was hit: `article`, `takeaway`, `implication` or `timeline`.
    public var kind: String
    /// The id of the hit row in its own table.
    public var id: Int64
    public var article: ArticleRef
    /// The event of a timeline hit.
    public var eventID: Int64?
    /// The matching text with the matched words in [brackets].
    public var snippet: String
    /// BM25 rank: lower is better.
    public var rank: Double
}
