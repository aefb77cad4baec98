import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Moves ingested and rejected files out of a drop folder.
enum FileMover {
    /// Moves `path` into `folder/YYYY-MM-DD/`, keeping its name (with `-1`, `-2`… when taken),
    /// by an atomic rename, or copy-then-remove across file systems. Returns the new path.
    static func move(_ path: String, into folder: String, at date: Date = Date()) throws -> String {
        let day = String(Timestamp.iso(date).prefix(10))
        let destinationFolder = (folder as NSString).appendingPathComponent(day)
        do {
            try FileManager.default.createDirectory(atPath: destinationFolder, withIntermediateDirectories: true)
        } catch {
            throw IngestError.unreadable(path: destinationFolder, reason: "cannot create the folder")
        }
        let name = (path as NSString).lastPathComponent
        let stem = (name as NSString).deletingPathExtension
        let ext = (name as NSString).pathExtension
        var candidate = (destinationFolder as NSString).appendingPathComponent(name)
        var counter = 0
        while FileManager.default.fileExists(atPath: candidate) || FileManager.default.fileExists(atPath: candidate + ".error.txt") {
            counter += 1
            let numbered = ext.isEmpty ? "\(stem)-\(counter)" : "\(stem)-\(counter).\(ext)"
            candidate = (destinationFolder as NSString).appendingPathComponent(numbered)
        }
        if rename(path, candidate) == 0 { return candidate }
        guard errno == EXDEV else {
            throw IngestError.unreadable(path: path, reason: "cannot move to \(candidate): \(String(cString: strerror(errno)))")
        }
        do {
            try FileManager.default.copyItem(atPath: path, toPath: candidate)
            try FileManager.default.removeItem(atPath: path)
        } catch {
            throw IngestError.unreadable(path: path, reason: "cannot move to \(candidate): \(error.localizedDescription)")
        }
        return candidate
    }
}
