import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A file written beside its destination and renamed into place at the end, so a
/// failed or interrupted export never leaves half a file.
public final class AtomicFile {
    /// The destination: the path the file has once ``commit()`` renames it into place.
    public let path: String
    private let temporary: String
    private let handle: FileHandle
    private var committed = false

    /// Creates the temporary file `.NAME.partial-PID` beside `path`; throws ``ExportError/cannotWrite(path:reason:)``.
    public init(path: String) throws {
        self.path = path
        let url = URL(fileURLWithPath: path)
        temporary = url.deletingLastPathComponent().appending(path: ".\(url.lastPathComponent).partial-\(getpid())").path
        guard FileManager.default.createFile(atPath: temporary, contents: nil),
            let handle = FileHandle(forWritingAtPath: temporary)
        else {
            throw ExportError.cannotWrite(path: path, reason: String(cString: strerror(errno)))
        }
        self.handle = handle
    }

    /// Appends `bytes` to the temporary file; throws ``ExportError/cannotWrite(path:reason:)`` on failure.
    public func write(_ bytes: [UInt8]) throws {
        do {
            try handle.write(contentsOf: bytes)
        } catch {
            throw ExportError.cannotWrite(path: path, reason: error.localizedDescription)
        }
    }

    /// Flushes the file to disk and renames it into place.
    public func commit() throws {
        do {
            try handle.synchronize()
            try handle.close()
        } catch {
            throw ExportError.cannotWrite(path: path, reason: error.localizedDescription)
        }
        guard rename(temporary, path) == 0 else {
            throw ExportError.cannotWrite(path: path, reason: String(cString: strerror(errno)))
        }
        committed = true
    }

    deinit {
        if !committed {
            try? handle.close()
            unlink(temporary)
        }
    }
}

/// Why an export could not be written.
public enum ExportError: Error, LocalizedError, Equatable, Sendable {
    /// The file at `path` could not be created, written, flushed or renamed into place; `reason` is the system's message.
    case cannotWrite(path: String, reason: String)

    public var errorDescription: String? {
        switch self {
        case .cannotWrite(let path, let reason): return "cannot write \(path): \(reason)"
        }
    }
}
