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

    /// Where the document came from: its file's path, or `stdin` for standard input.
    public var origin: String
    /// 1-based line within `origin`, for a line of an NDJSON feed.
    public var line: Int?
    /// The format it was read as; stored in `documents.format` (``InputFormat/auto`` as `unknown`).
    public var format: InputFormat
    /// The document's bytes exactly as received, kept verbatim in `documents.bytes`.
    public var bytes: [UInt8]
    /// SHA-256 of `bytes` in lowercase hex: the document's identity, so the same bytes are stored once.
    public var sha256: String
    /// The articles parsed from it, or why it was rejected.
    public var content: Content

    /// A document of these bytes and what parsing made of them; `sha256` is computed from `bytes`.
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
    /// Articles of the document stored for the first time.
    public var new = 0
    /// Articles of the document that replaced an earlier version with different content.
    public var updated = 0
    /// Articles of the document already stored with the same content.
    public var unchanged = 0
    /// Where and why parts (or all) of the document were rejected.
    public var rejects: [Reject] = []
    /// The ids of the articles the document carried.
    public var articleIDs: [Int64] = []
}
