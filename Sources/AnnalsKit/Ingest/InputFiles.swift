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
    /// A FIFO or a device named on the command line: read once, as a stream, like
    /// standard input (no size, never remembered as seen, never moved).
    var stream = false

    /// The absolute path: what `seen_files` remembers, so a cron job and an analyst who
    /// name the same folder differently (relative, absolute) see the same files.
    var key: String

    init(path: String, size: Int, modified: Double, explicit: Bool = false, stream: Bool = false, key: String? = nil) {
        self.path = path
        self.size = size
        self.modified = modified
        self.explicit = explicit
        self.stream = stream
        self.key = key ?? InputFiles.absolute(path)
    }
}

/// Walks the paths given to `ingest` for regular files: folders recursively, in
/// name order; symbolic links to folders inside them are not followed, so a link loop
/// cannot trap the walk. In folders, names that are still being written by another
/// program (``isTemporaryName(_:)``) are passed over, and so are FIFOs, devices and
/// sockets (reading one could block forever or never end), with a warning; a FIFO or a
/// device named on the command line is read as a stream.
enum InputFiles {
    /// What a walk finds, one thing at a time, in name order.
    enum Found {
        /// The entries of the folder `key` (an absolute path) follow, up to its ``leave``.
        case enter(folder: String)
        /// The folder entered last has no more entries.
        case leave
        case file(InputFile)
        /// A path that could not be read, with the reason.
        case problem(Reject)
        /// A special file found in a folder and passed over.
        case skipped(Reject)
    }

    /// Walks `path`, calling `visit` with each file, problem and special file as it is
    /// found: a folder's entries are listed (names only) when it is entered, so a drop
    /// folder of a million files is never held as a million ``InputFile``s. Folders found
    /// inside it whose absolute paths are in `passing` are not entered: the run's own
    /// `--move-to` and `--reject-to` folders, whose files it has read already.
    static func walk(_ path: String, passing: Set<String> = [], _ visit: (Found) throws -> Void) rethrows {
        try walk(path, key: absolute(path), explicit: true, passing: passing, visit)
    }

    /// `path` made absolute and standardized (`..`, `.` and doubled slashes resolved, and on
    /// Linux, where Foundation's `standardizingPath` resolves them in the part of the path
    /// that exists, symbolic links too): the same folder however a cron line spells it, as
    /// the seen files and the walk's `passing` compare it.
    static func absolute(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        return (absolute as NSString).standardizingPath
    }

    private static func walk(_ path: String, key: String, explicit: Bool, passing: Set<String>, _ visit: (Found) throws -> Void) rethrows {
        var info = stat()
        guard lstat(path, &info) == 0 else {
            return try visit(.problem(Reject(origin: path, reason: "cannot read: \(String(cString: strerror(errno)))")))
        }
        var kind = info.st_mode & S_IFMT
        if kind == S_IFLNK {
            var target = stat()
            guard stat(path, &target) == 0 else {
                return try visit(.problem(Reject(origin: path, reason: "broken symbolic link: \(String(cString: strerror(errno)))")))
            }
            if (target.st_mode & S_IFMT) == S_IFDIR && !explicit {
                return try visit(.problem(Reject(origin: path, reason: "symbolic link to a folder, not followed")))
            }
            info = target
            kind = target.st_mode & S_IFMT
        }
        switch kind {
        case S_IFREG:
            let modified = Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9
            try visit(.file(InputFile(path: path, size: Int(info.st_size), modified: modified, explicit: explicit, key: key)))
        case S_IFDIR:
            if !explicit && passing.contains(key) { return }
            guard let dir = opendir(path) else {
                return try visit(.problem(Reject(origin: path, reason: "cannot open folder: \(String(cString: strerror(errno)))")))
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
            try visit(.enter(folder: key))
            for name in names.sorted() {
                try walk(base + name, key: key + "/" + name, explicit: false, passing: passing, visit)
            }
            try visit(.leave)
        case S_IFIFO, S_IFCHR, S_IFBLK, S_IFSOCK:
            let what = kind == S_IFIFO ? "a FIFO" : kind == S_IFSOCK ? "a socket" : "a device"
            if explicit && kind != S_IFSOCK {
                try visit(.file(InputFile(path: path, size: 0, modified: 0, explicit: true, stream: true, key: key)))
            } else if explicit {
                try visit(.problem(Reject(origin: path, reason: "\(what), not a file: it cannot be read")))
            } else {
                try visit(.skipped(Reject(
                    origin: path, reason: "skipped: \(what), not a file (name it on the command line to read it as a stream)")))
            }
        default:
            try visit(.problem(Reject(origin: path, reason: "not a regular file or folder")))
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
        var source = try ByteSource(path: path)
        return try read(&source, limit: limit)
    }

    /// Reads `source` to its end, or throws as soon as it is over `limit` bytes: for a
    /// file ``IngestError/tooLarge(size:limit:)``, for a stream (whose size nobody knows,
    /// `/dev/zero` included) ``IngestError/streamTooLarge(limit:)`` without reading on.
    static func read(_ source: inout ByteSource, limit: Int) throws -> [UInt8] {
        var bytes: [UInt8] = []
        if let size = source.size { bytes.reserveCapacity(min(size, limit) + 1) }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = try source.read(into: &buffer)
            if count == 0 { break }
            bytes.append(contentsOf: buffer[0..<count])
            if bytes.count > limit {
                guard let size = source.size else { throw IngestError.streamTooLarge(limit: limit) }
                throw IngestError.tooLarge(size: max(bytes.count, size), limit: limit)
            }
        }
        return bytes
    }

    /// A line of a file, as ``forEachLine(of:maxLength:_:)`` hands it over.
    enum Line {
        /// The line's bytes, without its line end.
        case text(ArraySlice<UInt8>)
        /// A line longer than the limit: its bytes were counted and dropped, never held.
        /// In a stream, `size` is what was read of it before reading stopped.
        case tooLong(size: Int)
    }

    /// Calls `body` with each line of the file (without its line end) and its 1-based number,
    /// reading in chunks so a large feed never sits in memory whole. A line longer than
    /// `maxLength` bytes is not kept either: `body` gets its size only, so one endless line
    /// (a binary or truncated file named `.ndjson`) costs one pass and no memory.
    static func forEachLine(of path: String, maxLength: Int = .max, _ body: (Int, Line) throws -> Void) throws {
        var source = try ByteSource(path: path)
        try forEachLine(of: &source, maxLength: maxLength, body)
    }

    /// ``forEachLine(of:maxLength:_:)`` over any source. In a stream, a line over
    /// `maxLength` is the last: its end may never come (`/dev/zero`, a writer that never
    /// sends a line end), so reading stops there.
    static func forEachLine(of source: inout ByteSource, maxLength: Int = .max, _ body: (Int, Line) throws -> Void) throws {
        var pending: [UInt8] = []
        /// The length so far of the current line, once it is over `maxLength`.
        var overflow = 0
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        var number = 0
        let isStream = source.size == nil
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
            let count = try source.read(into: &buffer)
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
            if isStream && overflow > 0 { break }
        }
        if overflow > 0 || !pending.isEmpty { try endLine() }
    }
}

extension InputFiles {
    /// The first `count` bytes of a file, to tell its format.
    static func readHead(_ path: String, count: Int) throws -> [UInt8] {
        var source = try ByteSource(path: path)
        return try source.peek(count)
    }
}

/// Bytes read from a file descriptor — a file, standard input, a FIFO or a device — with
/// the first ones peeked at (to tell the format) handed over again before the rest.
struct ByteSource: ~Copyable {
    /// The name errors give: the path, or `stdin`.
    let name: String
    /// The size of a regular file; nil for a stream, whose end is known only when it comes.
    let size: Int?
    private let fd: Int32
    private let owned: Bool
    private var peeked: [UInt8] = []

    /// Opens the file at `path` for reading.
    init(path: String) throws {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw IngestError.unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        self.init(descriptor: fd, name: path, owned: true)
    }

    /// Reads `descriptor`, closing it at the end when `owned`.
    init(descriptor: Int32, name: String, owned: Bool) {
        self.fd = descriptor
        self.name = name
        self.owned = owned
        var info = stat()
        let regular = fstat(descriptor, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
        size = regular ? Int(info.st_size) : nil
    }

    deinit {
        if owned { close(fd) }
    }

    /// Up to `count` first bytes (fewer only at the end), which ``read(into:)`` then gives again.
    mutating func peek(_ count: Int) throws -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: count)
        while peeked.count < count {
            let read = try readDescriptor(into: &buffer, count: count - peeked.count)
            if read == 0 { break }
            peeked.append(contentsOf: buffer[0..<read])
        }
        return peeked
    }

    /// Fills the start of `buffer`; returns how many bytes, 0 at the end.
    mutating func read(into buffer: inout [UInt8]) throws -> Int {
        if !peeked.isEmpty {
            let count = min(peeked.count, buffer.count)
            buffer.replaceSubrange(0..<count, with: peeked[0..<count])
            peeked.removeFirst(count)
            return count
        }
        return try readDescriptor(into: &buffer, count: buffer.count)
    }

    private func readDescriptor(into buffer: inout [UInt8], count: Int) throws -> Int {
        while true {
            let read = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, count) }
            if read >= 0 { return read }
            if errno != EINTR { throw IngestError.unreadable(path: name, reason: String(cString: strerror(errno))) }
        }
    }
}
