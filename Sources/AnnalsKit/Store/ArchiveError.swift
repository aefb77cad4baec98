import Foundation
import GRDB

/// Why the archive (the SQLite file) cannot be used.
public enum ArchiveError: Error, LocalizedError, Equatable, Sendable {
    /// The file or its folder cannot be created or opened.
    case cannotOpen(path: String, reason: String)
    /// The file was written by a newer Annals: it has migrations this binary does not know.
    case newerSchema(path: String, unknown: [String])
    /// The file was written by an older Annals and needs `pending` migrations (or its tags
    /// written again for this version's taxonomy), which an archive opened read-only
    /// (``Archive/Access/readOnly``) cannot do.
    case needsUpgrade(path: String, pending: [String])
    /// The file holds no archive yet (empty, or another process is creating it), and was
    /// opened read-only, which does not set one up.
    case notSetUp(path: String)
    /// No row of that kind has that id.
    case notFound(kind: String, id: Int64)
    /// The backup could not be written.
    case backupFailed(path: String, reason: String)
    /// An analyst's correction that would corrupt the events: merging an event into itself,
    /// splitting a mention out of an event it is not in, merging events whose dates cannot
    /// be one event's without `force`.
    case mergeIntoItself(id: Int64)
    /// A split of timeline entry `entry` out of event `event`, which it is not a mention of.
    case noMention(event: Int64, entry: Int64)
    /// A merge of event `other` (dated `otherDate`) into event `id` (dated `date`), refused
    /// without `force` because the two dates cannot be one event's (`2025-03` and `2025-06`).
    case datesIncompatible(id: Int64, date: String, other: Int64, otherDate: String)
    /// SQLite could not do what was asked: `unusable` when the file or disk is the cause
    /// (not a database, corrupt, full, read-only, locked), else a bug of Annals.
    case database(reason: String, unusable: Bool)

    /// The archive's account of a low-level database error; nil when `error` is not one.
    public init?(databaseError error: any Error) {
        guard let error = error as? DatabaseError else { return nil }
        let reason = error.message ?? "\(error.resultCode)"
        switch error.resultCode {
        case .SQLITE_CANTOPEN, .SQLITE_IOERR, .SQLITE_CORRUPT, .SQLITE_FULL, .SQLITE_READONLY, .SQLITE_NOTADB,
            .SQLITE_PERM, .SQLITE_BUSY, .SQLITE_LOCKED:
            self = .database(reason: reason, unusable: true)
        default:
            self = .database(reason: "\(error)", unusable: false)
        }
    }

    public var errorDescription: String? {
        switch self {
        case .cannotOpen(let path, let reason):
            return "cannot open the archive \(path): \(reason)"
        case .newerSchema(let path, let unknown):
            return "the archive \(path) was written by a newer annals (unknown migrations: \(unknown.joined(separator: ", "))); upgrade annals"
        case .needsUpgrade(let path, let pending):
            return "the archive \(path) was written by an older annals and needs an upgrade (\(pending.joined(separator: ", "))), "
                + "which a read-only open cannot do: open it once with write access (as the account that writes it)"
        case .notSetUp(let path):
            return "\(path) holds no annals archive yet (empty, or being created), and a read-only open does not set one up"
        case .notFound(let kind, let id):
            return "no \(kind) with id \(id)"
        case .backupFailed(let path, let reason):
            return "cannot write the backup \(path): \(reason)"
        case .mergeIntoItself(let id):
            return "event \(id) cannot be merged into itself: give two different events"
        case .noMention(let event, let entry):
            return "event \(event) has no mention \(entry) (annals explain event \(event) lists its mentions and their ids)"
        case .datesIncompatible(let id, let date, let other, let otherDate):
            return "event \(id) (\(date)) and event \(other) (\(otherDate)) cannot be one event's dates; "
                + "force the merge (annals events merge --force) to keep both, the event dated by what contains them"
        case .database(let reason, let unusable):
            return unusable ? "database error: \(reason)" : "internal database error (please report it): \(reason)"
        }
    }
}
