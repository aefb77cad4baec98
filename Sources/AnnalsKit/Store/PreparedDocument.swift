import Foundation

/// A document ready to be stored: its bytes, where it came from, and what parsing made of it.
public struct PreparedDocument: Sendable {
    /// What parsing made of a document.
    public enum Content: Sendable {
        /// Articles parsed (and classified) from it, with the items (array elements) that were rejected.
        case articles([ClassifiedArticle], itemRejects: [(index: Int, error: IngestError)])
        /// The whole document was rejected.
        case rejected(IngestError)
    }

    public var origin: String
    /// 1-based line within `origin`, for a line of an NDJSON feed.
    public var line: Int?
    public var format: InputFormat
    public var bytes: [UInt8]
    public var sha256: String
    public var content: Content

    public init(origin: String, line: Int? = nil, format: InputFormat, bytes: [UInt8], content: Content) {
        self.origin = origin
        self.line = line
        self.format = format
        self.bytes = bytes
        self.sha256 = Digest.sha256Hex(bytes)
        self.content = content
    }
}

/// What storing one document did.
public struct StoreOutcome: Sendable, Hashable {
    /// The document's bytes were already in the archive: nothing was written.
    public var duplicate = false
    public var new = 0
    public var updated = 0
    public var unchanged = 0
    /// Where and why parts (or all) of the document were rejected.
    public var rejects: [Reject] = []
    /// The ids of the articles the document carried.
    public var articleIDs: [Int64] = []
}
