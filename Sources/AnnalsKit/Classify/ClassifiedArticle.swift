/// A parsed article with what classification adds: its own topics and entities, and
/// the facts the event merger needs for each timeline entry.
public struct ClassifiedArticle: Sendable, Hashable {
    /// What the parser made of the document: the article and its warnings.
    public var parsed: ParsedArticle
    /// Topic slugs of the article's own text (title, summary, TL;DR, takeaways, implications).
    public var topics: [String]
    /// Canonical entity names of the article's own text.
    public var entities: [String]
    /// One per timeline entry, in order.
    public var entries: [EntryFacts]

    /// The parsed article itself.
    public var article: Article { parsed.article }

    /// A classified article with these tags and entry facts; ``ArticleClassifier/classify(_:)`` builds these.
    public init(parsed: ParsedArticle, topics: [String], entities: [String], entries: [EntryFacts]) {
        self.parsed = parsed
        self.topics = topics
        self.entities = entities
        self.entries = entries
    }
}

/// What the merger knows of one timeline entry.
public struct EntryFacts: Sendable, Hashable {
    /// Topic slugs of the entry's text, in taxonomy order: what its mention brings to its event's topics.
    public var topics: [String]
    /// Canonical entity names of the entry's text, in taxonomy order.
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

    /// Facts with these values; ``ArticleClassifier/facts(for:)`` computes them from an entry.
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

    /// The merge key of the entry's text, as ``EventKey/init(text:classification:)`` made it.
    var key: EventKey { EventKey(terms: terms, sequence: sequence) }
}

/// An existing event, as the merger compares an entry with it: its date (the most
/// precise its mentions agree on), every entity its mentions name, and each distinct
/// wording of its mentions.
public struct EventCandidate: Sendable, Hashable {
    /// One mention's wording: its text, its terms in order and sorted, its entities, and the
    /// date it gave (nil: the event's).
    public struct Wording: Sendable, Hashable {
        /// The mention's text, as its article wrote it.
        public let text: String
        /// The mention's content terms: sorted and unique (`terms`), and in text order (`sequence`).
        public let key: EventKey
        /// Canonical names of the entities the mention names.
        public let entities: [String]
        /// The date the mention gave; nil when it is the event's own.
        public let date: PartialDate?

        /// A wording of `text` with these content terms and entities; the terms' order in the text is read from `text`.
        public init(text: String, terms: [String], entities: [String], date: PartialDate? = nil) {
            self.init(text: text, key: EventKey(terms: terms, sequence: EventKey.sequence(of: text)), entities: entities, date: date)
        }

        /// A wording of `text` whose key is already made (a mention's ``EntryFacts``: its
        /// sequence is `text`'s).
        init(text: String, key: EventKey, entities: [String], date: PartialDate?) {
            self.text = text
            self.key = key
            self.entities = entities
            self.date = date
        }
    }

    /// The event's row id in `events`.
    public let id: Int64
    /// The event's date: the most precise one its mentions agree on.
    public let date: PartialDate
    /// Every canonical entity name its mentions name, sorted.
    public let entities: [String]
    /// The text of its first mention.
    public let text: String
    /// Made once, since an event is a candidate for many mentions. Never empty: the first
    /// mention's terms are always among them.
    public let wordings: [Wording]

    /// A candidate from an event's stored columns; the first mention's wording (`text`, `terms`) joins `wordings` when missing.
    public init(id: Int64, date: PartialDate, terms: [String], entities: [String], text: String = "", wordings: [Wording] = []) {
        self.id = id
        self.date = date
        self.entities = entities
        self.text = text
        // The first mention's wording is always one (an event whose mentions predate stored
        // wordings has no other). Made only when missing: a wording's key reads its text
        // again, and a cached event is made anew at every line that joins it.
        let firstTerms = EventKey.sortedUnique(terms)
        self.wordings = wordings.contains { $0.key.terms == firstTerms }
            ? wordings : [Wording(text: text, terms: terms, entities: entities)] + wordings
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
    /// The first wording's content terms, sorted and unique.
    public var terms: [String] { key.terms }
}
