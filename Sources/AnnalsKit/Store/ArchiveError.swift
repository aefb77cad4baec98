import Foundation

/// Why the archive (the SQLite file) cannot be used.
public enum ArchiveError: Error, LocalizedError, Equatable, Sendable {
    /// The file or its folder cannot be created or opened.
    case cannotOpen(path: String, reason: String)
    /// The file was written by a newer Annals: it has migrations this binary does not know.
    case newerSchema(path: String, unknown: [String])
    /// No row of that kind has that id.
    case notFound(kind: String, id: Int64)
    /// The backup could not be written.
    case backupFailed(path: String, reason: String)

    public var errorDescription: String? {
        switch self {
        case .cannotOpen(let path, let reason):
            return "cannot open the archive \(path): \(reason)"
        case .newerSchema(let path, let unknown):
            return "the archive \(path) was written by a newer annals (unknown migrations: \(unknown.joined(separator: ", "))); upgrade annals"
        case .notFound(let kind, let id):
            return "no \(kind) with id \(id)"
        case .backupFailed(let path, let reason):
            return "cannot write the backup \(path): \(reason)"
        }
    }
}
