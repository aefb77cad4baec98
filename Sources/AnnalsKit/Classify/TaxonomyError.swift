import Foundation

/// Why a taxonomy cannot be used. Every case but ``unreadable(path:reason:)`` (a file),
/// ``invalidJSON(line:column:reason:)`` and ``notUTF8(offset:)`` names the path of the bad
/// field, like `topics[3].rules.patterns[0]`, and the message starts with it.
public enum TaxonomyError: Error, LocalizedError, Equatable, Sendable {
    /// The taxonomy file at `path` could not be read.
    case unreadable(path: String, reason: String)
    /// The bytes are not valid UTF-8; `offset` is the first bad byte.
    case notUTF8(offset: Int)
    /// The text is not JSON; `line` and `column` (from 1, in characters) say where.
    case invalidJSON(line: Int, column: Int, reason: String)
    /// A required field is missing.
    case missingField(path: String)
    /// A field has the wrong JSON type.
    case wrongType(path: String, expected: String)
    /// A field the taxonomy format does not have (often a typo).
    case unknownField(path: String, allowed: [String])
    /// `version` is not a positive integer.
    case invalidVersion(path: String)
    /// A topic slug that is not lowercase letters, digits and single hyphens.
    case invalidSlug(path: String, value: String)
    /// A required text is empty.
    case empty(path: String)
    /// A phrase or alias without a letter or digit, which could never match a word.
    case noWords(path: String, value: String)
    /// A slug or entity name given twice; `first` is the path of the first one.
    case duplicate(path: String, value: String, first: String)
    /// A name or alias that already names another topic or entity (`owner`).
    case ambiguous(path: String, value: String, owner: String)
    /// An entity kind that is not one of ``Entity/Kind``.
    case unknownKind(path: String, value: String)
    /// A topic without a phrase or a pattern, which could never match.
    case noRules(path: String)
    /// A pattern that does not compile.
    case invalidPattern(path: String, pattern: String, reason: String)
    /// A pattern that matches the empty text, hence every text.
    case patternMatchesEmpty(path: String, pattern: String)
    /// `partOf` names no entity of the taxonomy.
    case unknownEntity(path: String, name: String)
    /// `partOf` leads back to the entity itself.
    case partOfCycle(path: String, chain: [String])

    /// The path of the bad field, when there is one.
    public var path: String? {
        switch self {
        case .unreadable, .notUTF8, .invalidJSON: return nil
        case .missingField(let path), .wrongType(let path, _), .unknownField(let path, _), .invalidVersion(let path),
            .invalidSlug(let path, _), .empty(let path), .noWords(let path, _), .duplicate(let path, _, _),
            .ambiguous(let path, _, _), .unknownKind(let path, _), .noRules(let path),
            .invalidPattern(let path, _, _), .patternMatchesEmpty(let path, _), .unknownEntity(let path, _),
            .partOfCycle(let path, _):
            return path
        }
    }

    public var errorDescription: String? {
        switch self {
        case .unreadable(let path, let reason):
            return "cannot read \(path): \(reason)"
        case .notUTF8(let offset):
            return "the taxonomy is not valid UTF-8 (first bad byte at offset \(offset))"
        case .invalidJSON(let line, let column, let reason):
            return "invalid JSON at line \(line), column \(column): \(reason)"
        case .missingField(let path):
            return "\(path): missing"
        case .wrongType(let path, let expected):
            return "\(path): must be \(expected)"
        case .unknownField(let path, let allowed):
            return "\(path): unknown field (expected one of \(allowed.joined(separator: ", ")))"
        case .invalidVersion(let path):
            return "\(path): must be a positive integer"
        case .invalidSlug(let path, let value):
            return "\(path): must be lowercase letters, digits and hyphens, like export-controls (got '\(value)')"
        case .empty(let path):
            return "\(path): must not be empty"
        case .noWords(let path, let value):
            return "\(path): '\(value)' has no letter or digit, so it can never match"
        case .duplicate(let path, let value, let first):
            return "\(path): duplicate '\(value)' (first at \(first))"
        case .ambiguous(let path, let value, let owner):
            return "\(path): '\(value)' already names \(owner)"
        case .unknownKind(let path, let value):
            return "\(path): unknown kind '\(value)' (expected one of \(Entity.Kind.allCases.map(\.rawValue).joined(separator: ", ")))"
        case .noRules(let path):
            return "\(path): needs at least one phrase or pattern"
        case .invalidPattern(let path, let pattern, let reason):
            return "\(path): invalid regular expression: \(reason) in '\(pattern)'"
        case .patternMatchesEmpty(let path, let pattern):
            return "\(path): '\(pattern)' matches the empty text, so it would match every text"
        case .unknownEntity(let path, let name):
            return "\(path): unknown entity '\(name)'"
        case .partOfCycle(let path, let chain):
            return "\(path): cycle \(chain.joined(separator: " → "))"
        }
    }
}
