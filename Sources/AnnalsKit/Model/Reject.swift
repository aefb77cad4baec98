/// An input that could not be used, with where it was and why.
public struct Reject: Sendable, Hashable, CustomStringConvertible {
    public var origin: String
    public var line: Int?
    public var reason: String

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
