import AnnalsKit
import ArgumentParser
import Foundation

extension Annals {
    /// Runs the command and turns every failure into a one-line message and a
    /// documented exit code (see the root command's discussion).
    static func main() {
        Interrupt.install()
        let command: ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            exit(withError: error)
        }
        do {
            var command = command
            try command.run()
        } catch {
            guard let (code, message) = failure(error) else {
                // ArgumentParser's own: help, usage, validation, explicit exit codes.
                exit(withError: error)
            }
            Terminal.error(message)
            Foundation.exit(code)
        }
    }

    /// The exit code and message for a library error; nil for ArgumentParser's errors.
    static func failure(_ error: Error) -> (Int32, String)? {
        // A read stopped by its time limit or by Ctrl-C, wherever it was.
        let error = Interrupt.watched.flatMap { QueryError(interrupted: error, limits: $0.queryLimits) } ?? error
        switch ArchiveError(databaseError: error) ?? error {
        case let error as ArchiveError:
            switch error {
            case .notFound, .mergeIntoItself, .noMention, .datesIncompatible: return (ExitStatus.usage, error.localizedDescription)
            case .newerSchema, .needsUpgrade, .notSetUp: return (ExitStatus.unavailable, error.localizedDescription)
            case .cannotOpen, .backupFailed: return (ExitStatus.ioError, error.localizedDescription)
            case .database(_, let unusable): return (unusable ? ExitStatus.ioError : ExitStatus.bug, error.localizedDescription)
            }
        case let error as QueryError:
            // A timeout is the query's: narrow it or allow more time, like a usage error.
            return (error == .interrupted ? ExitStatus.interrupted : ExitStatus.usage, error.localizedDescription)
        case let error as ExportError:
            return (ExitStatus.ioError, error.localizedDescription)
        case let error as IngestError:
            if case .locked = error { return (ExitStatus.locked, error.localizedDescription) }
            return (ExitStatus.ioError, error.localizedDescription)
        case is ExitCode, is CleanExit, is ValidationError:
            return nil
        case let error as LocalizedError where error.errorDescription != nil:
            return (ExitStatus.ioError, error.errorDescription!)
        default:
            // Help requests and other ArgumentParser errors are not ours to word.
            if String(reflecting: type(of: error)).hasPrefix("ArgumentParser.") { return nil }
            return (ExitStatus.bug, "internal error (please report it): \(error)")
        }
    }
}

/// The exit codes of the CLI contract (sysexits.h names).
enum ExitStatus {
    static let usage: Int32 = 64
    static let dataError: Int32 = 65
    static let unavailable: Int32 = 69
    static let ioError: Int32 = 74
    static let locked: Int32 = 75
    static let bug: Int32 = 1
    /// Ctrl-C (128 + SIGINT, as the shells report it).
    static let interrupted: Int32 = 130
}
