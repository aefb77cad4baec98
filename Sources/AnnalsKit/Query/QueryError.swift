import Foundation
import GRDB

/// Why a query or question cannot be answered as asked.
public enum QueryError: Error, LocalizedError, Equatable, Sendable {
    /// No topic has this slug, name or alias; `suggestion` is the nearest one.
    case unknownTopic(String, suggestion: String?)
    /// No entity has this name or alias.
    case unknownEntity(String, suggestion: String?)
    /// No source of the archive has this name or another name for it.
    case unknownSource(String, suggestion: String?)
    /// A date that cannot be read.
    case badDate(String)
    /// `since` comes after `until`.
    case emptyInterval(since: String, until: String)
    /// A word of a question that could not be placed.
    case unplacedWord(String, suggestion: String?)
    /// A search text with nothing to search for.
    case emptySearch
    /// `annals sql` was given something other than a read-only query.
    case notReadOnly(String)
    /// The SQL failed; `message` is SQLite's.
    case sqlFailed(String)
    /// A statement worked longer than the time limit (``QueryLimits/timeout``) and was stopped.
    case timedOut(seconds: Double)
    /// The query was stopped by ``QueryLimits/cancel()`` (Ctrl-C).
    case interrupted

    public var errorDescription: String? {
        func didYouMean(_ suggestion: String?) -> String { suggestion.map { " (did you mean '\($0)'?)" } ?? "" }
        switch self {
        case .unknownTopic(let word, let suggestion):
            return "unknown topic '\(word)'\(didYouMean(suggestion)); `annals topics` lists them"
        case .unknownEntity(let word, let suggestion):
            return "unknown entity '\(word)'\(didYouMean(suggestion)); `annals taxonomy export -` lists them"
        case .unknownSource(let word, let suggestion):
            return "no source '\(word)' in the archive\(didYouMean(suggestion)); `annals sql \"SELECT name FROM sources\"` lists them"
        case .badDate(let text):
            return "cannot read the date '\(text)': use YYYY, YYYY-MM, YYYY-MM-DD, QN YYYY, Month YYYY, H1 YYYY or early/mid/late YYYY"
        case .emptyInterval(let since, let until):
            return "the interval is empty: since \(since) is after until \(until)"
        case .unplacedWord(let word, let suggestion):
            return "cannot place the word '\(word)' in the question\(didYouMean(suggestion))"
        case .emptySearch:
            return "the search text has no words to search for"
        case .notReadOnly(let message):
            return "annals sql only reads: \(message)"
        case .sqlFailed(let message):
            return "the SQL failed: \(message)"
        case .timedOut(let seconds):
            let limit = seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
            return "the query was stopped after \(limit) second\(seconds == 1 ? "" : "s"); "
                + "narrow it, or allow more time with --timeout SECONDS (0 for no limit)"
        case .interrupted:
            return "interrupted; the archive is unchanged"
        }
    }
}

extension QueryError {
    /// The query error an interrupted read stands for (a timeout, or Ctrl-C), or nil when
    /// `error` is not SQLite's `SQLITE_INTERRUPT`.
    public init?(interrupted error: any Error, limits: QueryLimits) {
        guard let error = error as? DatabaseError, error.resultCode == .SQLITE_INTERRUPT else { return nil }
        switch limits.interruption {
        case .timedOut(let seconds): self = .timedOut(seconds: seconds)
        case .cancelled, nil: self = .interrupted
        }
    }
}
