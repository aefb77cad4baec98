import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The archive's ingest lock: one ingest at a time per archive file, across processes.
///
/// It is an advisory `flock` on `ARCHIVE.lock` beside the archive, so the kernel
/// releases it when the holder exits, however it exits (`kill -9` included): a crashed
/// run never leaves a stale lock. Readers never take it.
public final class IngestLock: Sendable {
    private let descriptor: Int32
    /// The lock file: the archive's path with `.lock` appended.
    public let path: String

    /// Takes the lock of the archive at `archivePath`, waiting up to `wait` seconds;
    /// throws ``LockError/held(path:holder:)`` when another run keeps it, and
    /// ``ArchiveError/cannotOpen(path:reason:)`` when the lock file cannot be opened.
    public init(archivePath: String, wait: Double = 0) throws {
        path = archivePath + ".lock"
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw ArchiveError.cannotOpen(path: path, reason: String(cString: strerror(errno)))
        }
        let deadline = Date().addingTimeInterval(max(0, wait))
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR, Date() < deadline else {
                let holder = Self.holder(fd)
                close(fd)
                throw LockError.held(path: archivePath, holder: holder)
            }
            usleep(50_000)
        }
        descriptor = fd
        let note = "pid \(getpid()) on \(ProcessInfo.processInfo.hostName) since \(Timestamp.iso(Date()))\n"
        _ = ftruncate(fd, 0)
        _ = note.withCString { pwrite(fd, $0, strlen($0), 0) }
    }

    private static func holder(_ fd: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 200)
        let count = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, 200, 0) }
        let text = count > 0 ? String(decoding: buffer[0..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) : ""
        return text.isEmpty ? "holder unknown" : "held by " + text
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}

/// Why the ingest lock of an archive could not be taken.
public enum LockError: Error, LocalizedError, Equatable, Sendable {
    /// Another process holds the lock of the archive at `path`; `holder` says who, as the
    /// lock file tells it ("held by pid 12 on host since …", or "holder unknown").
    case held(path: String, holder: String)

    public var errorDescription: String? {
        switch self {
        case .held(let path, let holder):
            return "the ingest lock of \(path) is taken (\(holder))"
        }
    }
}
