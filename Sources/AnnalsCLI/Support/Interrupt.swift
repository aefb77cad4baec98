import AnnalsKit
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Ctrl-C: stops the running query cleanly rather than killing the process mid-read.
///
/// SIGINT is handled on a dispatch queue, not in a signal handler: it cancels the queries
/// of the archive being read (``QueryLimits/cancel()``), so the read throws
/// ``QueryError/interrupted`` and the command exits 130 with a message. Whatever is not a
/// query (an ingest's write, printing) is ended half a second later with exit 130, as the
/// signal would have done: an ingest killed so loses nothing (its transaction rolls back).
enum Interrupt {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var archive: Archive?
    nonisolated(unsafe) private static var source: DispatchSourceSignal?

    /// The archive whose queries Ctrl-C stops.
    static func watch(_ archive: Archive) {
        lock.withLock { self.archive = archive }
    }

    /// The archive being queried, if any.
    static var watched: Archive? { lock.withLock { archive } }

    /// Handles SIGINT from now on.
    static func install() {
        signal(SIGINT, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        source.setEventHandler {
            watched?.queryLimits.cancel()
            DispatchQueue.global().asyncAfter(deadline: .now() + 0.5) {
                FileHandle.standardError.write(Data("annals: interrupted\n".utf8))
                _exit(ExitStatus.interrupted)
            }
        }
        source.resume()
        lock.withLock { self.source = source }
    }
}
