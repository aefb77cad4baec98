import Foundation

/// Why an input could not be ingested. Parsers throw the cases that need no
/// location; the ``Ingestor`` records them with the file (and line) they came from.
public enum IngestError: Error, LocalizedError, Equatable, Sendable {
    /// The document has no bytes, or only white space.
    case empty
    /// The bytes look binary (a NUL byte, or mostly control characters).
    case binary
    /// The bytes are not valid UTF-8; `offset` is the first bad byte.
    case invalidUTF8(offset: Int)
    /// Larger than the limit for its format.
    case tooLarge(size: Int, limit: Int)
    /// A stream (standard input, a FIFO, a device) went past the limit for its format;
    /// reading stopped there, since its end may never come.
    case streamTooLarge(limit: Int)
    /// A card without a title line.
    case noTitle
    /// A card with none of the sections a card has (TL;DR, takeaways, implications, timeline).
    case noSections
    /// A card without a source line.
    case noSource
    /// JSON that does not parse; `detail` says where.
    case invalidJSON(detail: String)
    /// A required JSON field is missing or empty; `path` is like `timeline[2].date`.
    case missingField(path: String)
    /// A JSON field has the wrong type; `path` is like `takeaways[0]`.
    case wrongType(path: String, expected: String)
    /// A timeline date whose interval is not one period of its precision (see
    /// ``PartialDate/isOnePeriod``): only a ``PreparedDocument`` built by hand can carry one.
    /// `path` is like `timeline[2].date`.
    case dateNotOnePeriod(path: String, date: PartialDate)
    /// The input could not be read at all.
    case unreadable(path: String, reason: String)
    /// Another ingest holds the archive's ingest lock.
    case locked(path: String, holder: String)

    public var errorDescription: String? {
        switch self {
        case .empty:
            return "the document is empty"
        case .binary:
            return "the document is binary, not text"
        case .invalidUTF8(let offset):
            return "the document is not valid UTF-8 (first bad byte at offset \(offset))"
        case .tooLarge(let size, let limit):
            return "the document is \(size) bytes, over the \(limit)-byte limit for its format"
        case .streamTooLarge(let limit):
            return "the document is over the \(limit)-byte limit for its format; the rest of the stream was not read"
        case .noTitle:
            return "not a card: no title line after the source line"
        case .noSections:
            return "not a card: none of the sections TL;DR, Key Takeaways, Future Implications or Timeline was found"
        case .noSource:
            return "not a card: no source line"
        case .invalidJSON(let detail):
            return "invalid JSON: \(detail)"
        case .missingField(let path):
            return "missing required field '\(path)'"
        case .wrongType(let path, let expected):
            return "field '\(path)' should be \(expected)"
        case .dateNotOnePeriod(let path, let date):
            let interval = date.start == nil && date.end == nil ? "no interval" : "\(date.start?.iso ?? "no start")…\(date.end?.iso ?? "no end")"
            let period: String
            switch date.precision {
            case .unknown: period = "no interval (its precision is unknown)"
            case .day: period = "one day"
            default: period = "one calendar \(date.precision.rawValue)"
            }
            return "field '\(path)' ('\(date.text)') should be \(period), not \(interval)"
        case .unreadable(let path, let reason):
            return "cannot read \(path): \(reason)"
        case .locked(let path, let holder):
            return "another ingest is running on \(path) (\(holder)); try again later or pass --wait SECONDS"
        }
    }
}
