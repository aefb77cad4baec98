#if canImport(Glibc)
import Glibc
#endif

/// Bytes on their way to a file: appended to in memory, written with plain `write(2)`.
/// The generator's hot loop uses nothing else (no Foundation, no formatters).
struct ByteBuffer {
    var bytes: [UInt8] = []

    init(capacity: Int = 4096) { bytes.reserveCapacity(capacity) }

    var count: Int { bytes.count }

    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    mutating func append(_ text: Substring) { bytes.append(contentsOf: text.utf8) }

    mutating func byte(_ b: UInt8) { bytes.append(b) }

    mutating func newline() { bytes.append(0x0A) }

    mutating func line(_ text: String) {
        append(text)
        bytes.append(0x0A)
    }

    mutating func number(_ n: Int) { append(String(n)) }

    mutating func removeAll() { bytes.removeAll(keepingCapacity: true) }

    // MARK: JSON

    /// A JSON string literal: quotes, backslashes and control characters escaped;
    /// everything else, non-ASCII included, written as UTF-8.
    mutating func jsonString(_ text: String) {
        bytes.append(0x22)
        for b in text.utf8 {
            switch b {
            case 0x22: bytes.append(0x5C); bytes.append(0x22)
            case 0x5C: bytes.append(0x5C); bytes.append(0x5C)
            case 0x0A: bytes.append(0x5C); bytes.append(0x6E)
            case 0x0D: bytes.append(0x5C); bytes.append(0x72)
            case 0x09: bytes.append(0x5C); bytes.append(0x74)
            case 0..<0x20:
                append("\\u00")
                bytes.append(hexDigit(b >> 4))
                bytes.append(hexDigit(b & 0xF))
            default: bytes.append(b)
            }
        }
        bytes.append(0x22)
    }

    /// `"key":` (the key needs no escaping).
    mutating func jsonKey(_ key: String) {
        bytes.append(0x22)
        append(key)
        bytes.append(0x22)
        bytes.append(0x3A)
    }

    // MARK: CSV (RFC 4180)

    /// One field: quoted when it holds a comma, quote, CR or LF, quotes doubled.
    mutating func csvField(_ text: String) {
        var needsQuotes = false
        for b in text.utf8 where b == 0x2C || b == 0x22 || b == 0x0A || b == 0x0D {
            needsQuotes = true
            break
        }
        guard needsQuotes else { return append(text) }
        bytes.append(0x22)
        for b in text.utf8 {
            if b == 0x22 { bytes.append(0x22) }
            bytes.append(b)
        }
        bytes.append(0x22)
    }

    /// A record: fields separated by commas, ended by CRLF as RFC 4180 says.
    mutating func csvRecord(_ fields: [String]) {
        for (i, field) in fields.enumerated() {
            if i > 0 { bytes.append(0x2C) }
            csvField(field)
        }
        bytes.append(0x0D)
        bytes.append(0x0A)
    }
}

private func hexDigit(_ v: UInt8) -> UInt8 { v < 10 ? 0x30 + v : 0x61 + v - 10 }

/// `n` in decimal, left-padded with zeros to `width`.
func zeroPadded(_ n: Int, _ width: Int) -> String {
    let s = String(n)
    return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
}

struct OutputError: Error, CustomStringConvertible {
    var description: String
}

func systemError(_ what: String, _ path: String) -> OutputError {
    OutputError(description: "\(what) \(path): \(String(cString: strerror(errno)))")
}

/// Writes all of `bytes` to `fd`, retrying short writes.
func writeAll(_ fd: Int32, _ bytes: [UInt8], path: String) throws {
    try bytes.withUnsafeBytes { raw in
        var offset = 0
        while offset < raw.count {
            let n = write(fd, raw.baseAddress! + offset, raw.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                throw systemError("cannot write", path)
            }
            offset += n
        }
    }
}

/// Creates (or truncates) `path` and writes `bytes` to it in one go.
func writeFile(_ path: String, _ bytes: [UInt8]) throws {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw systemError("cannot create", path) }
    defer { close(fd) }
    try writeAll(fd, bytes, path: path)
}

/// A file written through a buffer flushed every megabyte or so.
final class BufferedFile {
    let path: String
    private let fd: Int32
    var buffer = ByteBuffer(capacity: 1 << 21)

    init(_ path: String) throws {
        self.path = path
        fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw systemError("cannot create", path) }
    }

    /// Call after appending to `buffer`: writes it out once it is large.
    func flushIfLarge() throws {
        if buffer.count >= 1 << 20 { try flush() }
    }

    func flush() throws {
        guard buffer.count > 0 else { return }
        try writeAll(fd, buffer.bytes, path: path)
        buffer.removeAll()
    }

    func close() throws {
        try flush()
        _ = Glibc.close(fd)
    }
}

/// `mkdir -p`.
func makeDirectories(_ path: String) throws {
    var current = path.hasPrefix("/") ? "" : "."
    for part in path.split(separator: "/") {
        current += "/" + part
        if mkdir(current, 0o755) != 0 && errno != EEXIST { throw systemError("cannot create folder", current) }
    }
}

func fileExists(_ path: String) -> Bool {
    var info = stat()
    return lstat(path, &info) == 0
}

func isDirectory(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
}

/// `rm -rf`, without following symbolic links.
func removeTree(_ path: String) throws {
    var info = stat()
    guard lstat(path, &info) == 0 else { return }
    if (info.st_mode & S_IFMT) == S_IFDIR {
        guard let dir = opendir(path) else { throw systemError("cannot open folder", path) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        closedir(dir)
        for name in names { try removeTree(path + "/" + name) }
        guard rmdir(path) == 0 else { throw systemError("cannot remove folder", path) }
    } else {
        guard unlink(path) == 0 else { throw systemError("cannot remove", path) }
    }
}
