// TEMP STUB
public struct FeedItem: Sendable { public var index: Int?; public var result: Result<ParsedArticle, IngestError> }
public struct FeedParser: Sendable {
    public init() {}
    public func parseArticle(_ bytes: some Collection<UInt8>) throws -> ParsedArticle { throw IngestError.empty }
    public func parseDocument(_ bytes: some Collection<UInt8>) throws -> [FeedItem] { [] }
}
public enum ArticleJSON { public static func encode(_ a: Article) -> String { "{}" } }
public enum JSONText { public static func quoted(_ s: String) -> String { "\"\(s)\"" } }
