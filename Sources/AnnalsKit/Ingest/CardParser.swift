/// The result of parsing one document into an article.
public struct ParsedArticle: Hashable, Sendable {
    public var article: Article
    /// Things kept but worth a look, e.g. a timeline date that could not be read.
    public var warnings: [String]

    public init(article: Article, warnings: [String] = []) {
        self.article = article
        self.warnings = warnings
    }
}

/// Parses the text of a news-aggregator card (see `fixtures/cards/`) into an ``Article``.
public struct CardParser: Sendable {
    public init() {}

    /// Parses a card's text, already decoded from bytes by ``TextDecoding``.
    /// Throws an ``IngestError`` when the text is not a usable card.
    public func parse(_ text: String) throws -> ParsedArticle {
        throw IngestError.noSections  // placeholder until the parser lands
    }
}
