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

    /// The absolute path: what `seen_files` remembers, so a cron job and an analyst who
    /// name the same folder differently (relative, absolute) see the same files.
    var key: String

    init(path: String, size: Int, modified: Double, explicit: Bool = false, key: String? = nil) {
        self.path = path
        self.size = size
        self.modified = modified
        self.explicit = explicit
        self.key = key ?? InputFiles.absolute(path)
    }
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
            walk(path, key: absolute(path), explicit: true, into: &files, problems: &problems)
        }
        return (files, problems)
    }

    /// `path` made absolute and standardized (`..`, `.` and doubled slashes resolved).
    static func absolute(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        return (absolute as NSString).standardizingPath
    }

    private static func walk(
        _ path: String, key: String, explicit: Bool, into files: inout [InputFile], problems: inout [Reject]
    ) {
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
            files.append(InputFile(path: path, size: Int(info.st_size), modified: modified, explicit: explicit, key: key))
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
                walk(base + name, key: key + "/" + name, explicit: false, into: &files, problems: &problems)
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

    /// Reads a whole file, or throws ``IngestError/tooLarge(size:limit:)`` as soon as it
    /// is over `limit` bytes (it may have grown since it was listed: another program is
    /// still writing it), so a runaway file is never held in memory.
    static func read(_ path: String, limit: Int = .max) throws -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw IngestError.unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var info = stat()
        if fstat(fd, &info) == 0 { bytes.reserveCapacity(min(Int(info.st_size), limit) + 1) }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw IngestError.unreadable(path: path, reason: String(cString: strerror(errno)))
            }
            if count == 0 { break }
            bytes.append(contentsOf: buffer[0..<count])
            if bytes.count > limit {
                throw IngestError.tooLarge(size: max(bytes.count, Int(info.st_size)), limit: limit)
            }
        }
        return bytes
    }

    /// A line of a file, as ``forEachLine(of:maxLength:_:)`` hands it over.
    enum Line {
        /// The line's bytes, without its line end.
        case text(ArraySlice<UInt8>)
        /// A line longer than the limit: its bytes were counted and dropped, never held.
        case tooLong(size: Int)
    }

    /// Calls `body` with each line of the file (without its line end) and its 1-based number,
    /// reading in chunks so a large feed never sits in memory whole. A line longer than
    /// `maxLength` bytes is not kept either: `body` gets its size only, so one endless line
    /// (a binary or truncated file named `.ndjson`) costs one pass and no memory.
    static func forEachLine(of path: String, maxLength: Int = .max, _ body: (Int, Line) throws -> Void) throws {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw IngestError.unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        defer { close(fd) }
        var pending: [UInt8] = []
        /// The length so far of the current line, once it is over `maxLength`.
        var overflow = 0
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        var number = 0
        func append(_ bytes: ArraySlice<UInt8>) {
            if overflow > 0 {
                overflow += bytes.count
                return
            }
            pending.append(contentsOf: bytes)
            if pending.count > maxLength {
                overflow = pending.count
                pending.removeAll()
            }
        }
        func endLine() throws {
            number += 1
            if overflow > 0 {
                let size = overflow
                overflow = 0
                try body(number, .tooLong(size: size))
                return
            }
            var line = pending[...]
            if line.last == 0x0D { line = line.dropLast() }
            try body(number, .text(line))
            pending.removeAll(keepingCapacity: true)
        }
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw IngestError.unreadable(path: path, reason: String(cString: strerror(errno)))
            }
            if count == 0 { break }
            // Only the new bytes are searched for line ends (memchr: fast in debug builds too).
            var start = 0
            while start < count {
                let newline = buffer.withUnsafeBytes { raw -> Int? in
                    guard let found = memchr(raw.baseAddress! + start, 0x0A, count - start) else { return nil }
                    return raw.baseAddress!.distance(to: UnsafeRawPointer(found))
                }
                guard let newline else {
                    append(buffer[start..<count])
                    break
                }
                append(buffer[start..<newline])
                try endLine()
                start = newline + 1
            }
        }
        if overflow > 0 || !pending.isEmpty { try endLine() }
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
