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

/// An existing event, as the merger compares an entry with it: its date (the most
/// precise its mentions agree on), every entity its mentions name, and each distinct
/// wording of its mentions.
public struct EventCandidate: Sendable, Hashable {
    /// One mention's wording: its text, its terms in order and sorted, its entities, and the
    /// date it gave (nil: the event's).
    public struct Wording: Sendable, Hashable {
        public let text: String
        public let key: EventKey
        public let entities: [String]
        public let date: PartialDate?

        public init(text: String, terms: [String], entities: [String], date: PartialDate? = nil) {
            self.text = text
            self.key = EventKey(terms: terms, sequence: EventKey.sequence(of: text))
            self.entities = entities
            self.date = date
        }
    }

    public let id: Int64
    public let date: PartialDate
    public let entities: [String]
    /// The text of its first mention.
    public let text: String
    /// Made once, since an event is a candidate for many mentions. Never empty: the first
    /// mention's terms are always among them.
    public let wordings: [Wording]

    public init(id: Int64, date: PartialDate, terms: [String], entities: [String], text: String = "", wordings: [Wording] = []) {
        self.id = id
        self.date = date
        self.entities = entities
        self.text = text
        // The first mention's wording is always one (an event whose mentions predate stored
        // wordings has no other).
        let first = Wording(text: text, terms: terms, entities: entities)
        self.wordings = wordings.contains { $0.key.terms == first.key.terms } ? wordings : [first] + wordings
    }

    /// The event once a mention of `date` worded as `wording` has joined it: the more
    /// precise date, every entity, and the wording when it is new (up to `limit`).
    public func joined(by wording: Wording, dated date: PartialDate, limit: Int) -> EventCandidate {
        var wordings = self.wordings
        if wordings.count < limit, !wordings.contains(where: { $0.key.terms == wording.key.terms && $0.entities == wording.entities && $0.date == wording.date }) {
            wordings.append(wording)
        }
        let entities = self.entities + wording.entities.filter { !self.entities.contains($0) }
        return EventCandidate(
            id: id, date: date.refines(self.date) ? date : self.date, terms: terms, entities: entities.sorted(), text: text,
            wordings: wordings)
    }

    /// The first wording's key.
    public var key: EventKey { wordings[0].key }
    public var terms: [String] { key.terms }
}
