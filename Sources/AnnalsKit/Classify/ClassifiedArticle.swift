/// A parsed article with what classification adds: its own topics and entities, and
/// the facts the event merger needs for each timeline entry.
public struct ClassifiedArticle: Sendable, Hashable {
    public var parsed: ParsedArticle
    /// Topic slugs of the article's own text (title, summary, TL;DR, takeaways, implications).
    public var topics: [String]
    /// Canonical entity names of the article's own text.
    public var entities: [String]
    /// One per timeline entry, in order.
    public var entries: [EntryFacts]

    public var article: Article { parsed.article }

    public init(parsed: ParsedArticle, topics: [String], entities: [String], entries: [EntryFacts]) {
        self.parsed = parsed
        self.topics = topics
        self.entities = entities
        self.entries = entries
    }
}

/// What the merger knows of one timeline entry.
public struct EntryFacts: Sendable, Hashable {
    public var topics: [String]
    public var entities: [String]
    /// Content terms (sorted, unique): what "saying the same thing" is judged on.
    public var terms: [String]
    /// A digest of `terms`: equal signatures, same terms (the merger's fast path).
    public var signature: String
    /// A digest of the date and wording: identifies this mention across re-ingests,
    /// so analysts' merge and split corrections survive them.
    public var mentionKey: String
    /// The content terms in the order of the text (``EventKey/sequence``).
    public var sequence: [String]

    public init(
        topics: [String], entities: [String], terms: [String], signature: String, mentionKey: String, sequence: [String] = []
    ) {
        self.topics = topics
        self.entities = entities
        self.terms = terms
        self.signature = signature
        self.mentionKey = mentionKey
        self.sequence = sequence
    }
}

/// An existing event, as the merger compares an entry with it.
public struct EventCandidate: Sendable, Hashable {
    public let id: Int64
    public let date: PartialDate
    public let entities: [String]
    /// The text of its first mention, whose terms `key` holds.
    public let text: String
    /// Its terms, and its text's terms in order: made once, since an event is a candidate
    /// for many mentions.
    public let key: EventKey

    public init(id: Int64, date: PartialDate, terms: [String], entities: [String], text: String = "") {
        self.id = id
        self.date = date
        self.entities = entities
        self.text = text
        self.key = EventKey(terms: terms, sequence: EventKey.sequence(of: text))
    }

    public var terms: [String] { key.terms }
}
