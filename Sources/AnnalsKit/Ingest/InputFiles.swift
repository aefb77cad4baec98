import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A regular file found among the inputs.
struct InputFile: Hashable, Sendable {
    var path: String
    var size: Int
    var modified: Double
    /// Named on the command line, rather than found in a folder.
    var explicit = false
}

/// Expands the paths given to `ingest` into regular files: folders recursively, in
/// name order; symbolic links to folders inside them are not followed, so a link loop
/// cannot trap the walk. In folders, names that are still being written by another
/// program (``isTemporaryName(_:)``) are passed over.
enum InputFiles {
    /// The files under `paths`, and the paths that could not be read with the reason.
    static func expand(_ paths: [String]) -> (files: [InputFile], problems: [Reject]) {
        var files: [InputFile] = []
        var problems: [Reject] = []
        for path in paths {
            walk(path, explicit: true, into: &files, problems: &problems)
        }
        return (files, problems)
    }

    private static func walk(_ path: String, explicit: Bool, into files: inout [InputFile], problems: inout [Reject]) {
        var info = stat()
        guard lstat(path, &info) == 0 else {
            problems.append(Reject(origin: path, reason: "cannot read: \(String(cString: strerror(errno)))"))
            return
        }
        var kind = info.st_mode & S_IFMT
        if kind == S_IFLNK {
            var target = stat()
            guard stat(path, &target) == 0 else {
                problems.append(Reject(origin: path, reason: "broken symbolic link: \(String(cString: strerror(errno)))"))
                return
            }
            if (target.st_mode & S_IFMT) == S_IFDIR && !explicit {
                problems.append(Reject(origin: path, reason: "symbolic link to a folder, not followed"))
                return
            }
            info = target
            kind = target.st_mode & S_IFMT
        }
        switch kind {
        case S_IFREG:
            let modified = Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9
            files.append(InputFile(path: path, size: Int(info.st_size), modified: modified, explicit: explicit))
        case S_IFDIR:
            guard let dir = opendir(path) else {
                problems.append(Reject(origin: path, reason: "cannot open folder: \(String(cString: strerror(errno)))"))
                return
            }
            var names: [String] = []
            while let entry = readdir(dir) {
                let name = withUnsafePointer(to: entry.pointee.d_name) {
                    $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
                }
                if isTemporaryName(name) { continue }
                names.append(name)
            }
            closedir(dir)
            let base = path.hasSuffix("/") ? path : path + "/"
            for name in names.sorted() {
                walk(base + name, explicit: false, into: &files, problems: &problems)
            }
        default:
            problems.append(Reject(origin: path, reason: "not a regular file or folder"))
        }
    }

    /// Hidden files and the usual names of files still being written: `.name`, `*.part`,
    /// `*.tmp`, `*.crdownload`.
    static func isTemporaryName(_ name: String) -> Bool {
        name.hasPrefix(".") || name.hasSuffix(".part") || name.hasSuffix(".tmp") || name.hasSuffix(".crdownload")
    }

    /// Reads a whole file.
    static func read(_ path: String) throws -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw IngestError.unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var info = stat()
        if fstat(fd, &info) == 0 { bytes.reserveCapacity(Int(info.st_size)) }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw IngestError.unreadable(path: path, reason: String(cString: strerror(errno)))
            }
            if count == 0 { break }
            bytes.append(contentsOf: buffer[0..<count])
        }
        return bytes
    }

    /// Calls `body` with each line of the file (without its line end) and its 1-based number,
    /// reading in chunks so a large feed never sits in memory whole.
    static func forEachLine(of path: String, _ body: (Int, ArraySlice<UInt8>) throws -> Void) throws {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw IngestError.unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        defer { close(fd) }
        var pending: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        var number = 0
        func emit(_ line: ArraySlice<UInt8>) throws {
            number += 1
            var line = line
            if line.last == 0x0D { line = line.dropLast() }
            try body(number, line)
        }
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw IngestError.unreadable(path: path, reason: String(cString: strerror(errno)))
            }
            if count == 0 { break }
            pending.append(contentsOf: buffer[0..<count])
            var start = pending.startIndex
            while let newline = pending[start...].firstIndex(of: 0x0A) {
                try emit(pending[start..<newline])
                start = newline + 1
            }
            pending.removeSubrange(..<start)
        }
        if !pending.isEmpty { try emit(pending[...]) }
    }
}

extension InputFiles {
    /// The first `count` bytes of a file, to tell its format.
    static func readHead(_ path: String, count: Int) throws -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw IngestError.unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: count)
        let read = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, count) }
        guard read >= 0 else {
            throw IngestError.unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        return Array(buffer[0..<read])
    }
}
