/// An input that could not be used, with where it was and why.
public struct Reject: Sendable, Hashable, CustomStringConvertible {
    /// Where the input came from: its file's path, or `stdin` for standard input.
    public var origin: String
    /// The 1-based line within `origin`, for a line of an NDJSON feed; nil for a whole document.
    public var line: Int?
    /// Why it could not be used (for a warning, what is worth a look), for people.
    public var reason: String

    /// A reject with these values.
    public init(origin: String, line: Int? = nil, reason: String) {
        self.origin = origin
        self.line = line
        self.reason = reason
    }

    /// `origin:line: reason`.
    public var description: String {
        if let line { return "\(origin):\(line): \(reason)" }
        return "\(origin): \(reason)"
    }
}
