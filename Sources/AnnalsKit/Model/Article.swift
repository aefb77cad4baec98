/// The 30-second TL;DR block of a card.
public struct TLDR: Hashable, Sendable {
    /// What changed: the card's "What Changed" text, the feed's `tldr.what_changed`.
    public var whatChanged: String?
    /// Why it matters: the card's "Why It Matters" text, the feed's `tldr.why_it_matters`.
    public var whyItMatters: String?
    /// What to do next: the card's "What To Do Next" text, the feed's `tldr.what_to_do_next`.
    public var whatToDoNext: String?
    /// Who should care: the card's "Who should care:" text, the feed's `tldr.who_should_care`.
    public var whoShouldCare: String?

    /// A TL;DR with these fields; nil leaves a field unset.
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
    /// The implication's headline: the first line of it in a card, `headline` in a feed.
    public var headline: String
    /// The detail under the headline; empty when the card or feed gave none.
    public var detail: String

    /// An implication with this headline and detail.
    public init(headline: String, detail: String) {
        self.headline = headline
        self.detail = detail
    }
}

/// One dated line of an article's timeline: a mention of a real-world event.
public struct TimelineEntry: Hashable, Sendable {
    /// The entry's date as written, with the precision and interval it was read into.
    public var date: PartialDate
    /// What the entry says happened.
    public var text: String

    /// An entry with these values; the parsers build these from a card's Timeline section or a feed's `timeline`.
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
    /// The name of the source as the card or feed gives it, e.g. `Ars Technica`.
    public var source: String
    /// The article's title: the line after the source in a card, `title` in a feed.
    public var title: String
    /// The article's URL as its feed gives it; cards have none.
    public var url: String?
    /// As given by the feed (usually ISO 8601); cards have none.
    public var publishedAt: String?
    /// The one-line summary under the title.
    public var summary: String?
    /// The card's 30-second TL;DR block, or the feed's `tldr`; empty when there is none.
    public var tldr: TLDR
    /// The card's Deep Insight paragraph, or the feed's `insight`.
    public var insight: String?
    /// The key takeaways, in order.
    public var takeaways: [String]
    /// The future implications, in order.
    public var implications: [Implication]
    /// The dated timeline entries, in order: each a mention of a real-world event.
    public var timeline: [TimelineEntry]

    /// An article with these fields; only the source and the title are required.
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
