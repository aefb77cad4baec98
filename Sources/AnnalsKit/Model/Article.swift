/// The 30-second TL;DR block of a card.
public struct TLDR: Hashable, Sendable {
    public var whatChanged: String?
    public var whyItMatters: String?
    public var whatToDoNext: String?
    public var whoShouldCare: String?

    public init(whatChanged: String? = nil, whyItMatters: String? = nil, whatToDoNext: String? = nil, whoShouldCare: String? = nil) {
        self.whatChanged = whatChanged
        self.whyItMatters = whyItMatters
        self.whatToDoNext = whatToDoNext
        self.whoShouldCare = whoShouldCare
    }

    /// Whether no field is set.
    public var isEmpty: Bool {
        whatChanged == nil && whyItMatters == nil && whatToDoNext == nil && whoShouldCare == nil
    }
}

/// A possible consequence named by an article: a headline and the detail under it.
public struct Implication: Hashable, Sendable, Codable {
    public var headline: String
    public var detail: String

    public init(headline: String, detail: String) {
        self.headline = headline
        self.detail = detail
    }
}

/// One dated line of an article's timeline: a mention of a real-world event.
public struct TimelineEntry: Hashable, Sendable {
    public var date: PartialDate
    public var text: String

    public init(date: PartialDate, text: String) {
        self.date = date
        self.text = text
    }
}

/// A news article as a card or feed tells it: the unit Annals ingests, stores and shows.
///
/// Its JSON form (see `Article+JSON.swift`) is the feed shape plus `id`, so an article
/// shown as JSON and ingested again is recognized as the same article.
public struct Article: Hashable, Sendable {
    /// The archive's id; nil until stored.
    public var id: Int64?
    public var source: String
    public var title: String
    public var url: String?
    /// As given by the feed (usually ISO 8601); cards have none.
    public var publishedAt: String?
    /// The one-line summary under the title.
    public var summary: String?
    public var tldr: TLDR
    public var insight: String?
    public var takeaways: [String]
    public var implications: [Implication]
    public var timeline: [TimelineEntry]

    public init(
        id: Int64? = nil, source: String, title: String, url: String? = nil, publishedAt: String? = nil,
        summary: String? = nil, tldr: TLDR = TLDR(), insight: String? = nil, takeaways: [String] = [],
        implications: [Implication] = [], timeline: [TimelineEntry] = []
    ) {
        self.id = id
        self.source = source
        self.title = title
        self.url = url
        self.publishedAt = publishedAt
        self.summary = summary
        self.tldr = tldr
        self.insight = insight
        self.takeaways = takeaways
        self.implications = implications
        self.timeline = timeline
    }
}
