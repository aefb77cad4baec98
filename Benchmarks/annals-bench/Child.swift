#if canImport(Glibc)
import Glibc
#endif

/// One run of a child process: its exit, wall-clock time and peak resident memory.
struct ChildResult {
    var command: [String]
    /// The exit code, or 128 + signal number when a signal ended it.
    var exitCode: Int32
    var signal: Int32?
    var seconds: Double
    /// `ru_maxrss` from `wait4`: the child's peak resident set, in KiB on Linux.
    var maxRSSKiB: Int
    var stdoutPath: String
    var stderrPath: String

    var stdout: String { readText(stdoutPath) }
    var stderr: String { readText(stderrPath) }

    /// The first non-empty line of standard error, for "skipped: …" notes.
    var firstErrorLine: String {
        lines(stderr).first { !$0.allSatisfy { $0 == " " } }.map(String.init) ?? "(no message; exit \(exitCode))"
    }

    var maxRSSMiB: Double { Double(maxRSSKiB) / 1024 }
}

/// Runs `executable` with `arguments`, standard input from `stdin` (or /dev/null) and
/// standard output and error into files, and waits for it with `wait4` so its own
/// resource usage (peak RSS) is known. The clock runs from just before `posix_spawn` to
/// just after `wait4` returns.
func runChild(_ executable: String, _ arguments: [String], stdin: String? = nil, stdout: String, stderr: String) throws -> ChildResult {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, stdin ?? "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o644)

    let argv = ([executable] + arguments).map { strdup($0) }
    defer { argv.forEach { free($0) } }
    var cArgs: [UnsafeMutablePointer<CChar>?] = argv + [nil]

    var pid: pid_t = 0
    let started = monotonicSeconds()
    let rc = posix_spawn(&pid, executable, &actions, nil, &cArgs, environ)
    guard rc == 0 else {
        throw OutputError(description: "cannot run \(executable): \(String(cString: strerror(rc)))")
    }
    var status: Int32 = 0
    var usage = rusage()
    while wait4(pid, &status, 0, &usage) < 0 {
        guard errno == EINTR else { throw OutputError(description: "wait4 failed: \(String(cString: strerror(errno)))") }
    }
    let seconds = monotonicSeconds() - started
    let termSignal = status & 0x7F
    let exitCode = termSignal == 0 ? (status >> 8) & 0xFF : 128 + termSignal
    return ChildResult(
        command: [executable] + arguments, exitCode: exitCode, signal: termSignal == 0 ? nil : termSignal,
        seconds: seconds, maxRSSKiB: Int(usage.ru_maxrss), stdoutPath: stdout, stderrPath: stderr)
}

func readText(_ path: String) -> String { String(decoding: readBytes(path), as: UTF8.self) }

func readBytes(_ path: String) -> [UInt8] {
    guard let file = fopen(path, "rb") else { return [] }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
        let n = fread(&chunk, 1, chunk.count, file)
        if n <= 0 { break }
        bytes.append(contentsOf: chunk[0..<n])
    }
    return bytes
}

/// RFC 4180 records: quoted fields with doubled quotes, records ended by LF, CRLF or the end.
func parseCSV(_ bytes: [UInt8]) -> [[String]] {
    var records: [[String]] = []
    var record: [String] = []
    var field: [UInt8] = []
    var i = 0
    var quoted = false
    func endField() {
        record.append(String(decoding: field, as: UTF8.self))
        field.removeAll(keepingCapacity: true)
    }
    while i < bytes.count {
        let b = bytes[i]
        if quoted {
            if b == 0x22 {
                if i + 1 < bytes.count && bytes[i + 1] == 0x22 {
                    field.append(0x22)
                    i += 1
                } else {
                    quoted = false
                }
            } else {
                field.append(b)
            }
        } else if b == 0x22 && field.isEmpty {
            quoted = true
        } else if b == 0x2C {
            endField()
        } else if b == 0x0A || b == 0x0D {
            if b == 0x0D && i + 1 < bytes.count && bytes[i + 1] == 0x0A { i += 1 }
            endField()
            records.append(record)
            record = []
        } else {
            field.append(b)
        }
        i += 1
    }
    if !field.isEmpty || !record.isEmpty {
        endField()
        records.append(record)
    }
    return records
}

/// An executable named `name` on $PATH, or nil.
func findInPath(_ name: String) -> String? {
    guard let path = getenv("PATH").map({ String(cString: $0) }) else { return nil }
    for dir in path.split(separator: ":") where !dir.isEmpty {
        let candidate = dir + "/" + name
        if access(candidate, X_OK) == 0, !isDirectory(candidate) { return candidate }
    }
    return nil
}

func absolutePath(_ path: String) -> String {
    if path.hasPrefix("/") { return path }
    guard let pointer = getcwd(nil, 0) else { return path }
    defer { free(pointer) }
    let cwd = String(cString: pointer)
    return cwd + "/" + (path.hasPrefix("./") ? String(path.dropFirst(2)) : path)
}

/// The size in bytes of a file, 0 when missing.
func fileSize(_ path: String) -> Int {
    var info = stat()
    return stat(path, &info) == 0 ? Int(info.st_size) : 0
}

/// An SQLite archive and its WAL and shared-memory files (and Annals' lock file).
func archiveFiles(_ db: String) -> [String] { [db, db + "-wal", db + "-shm", db + ".lock"] }

func removeArchive(_ db: String) throws {
    for path in archiveFiles(db) where fileExists(path) { try removeTree(path) }
}

/// The archive's size on disk: the database plus its WAL.
func archiveSize(_ db: String) -> Int { fileSize(db) + fileSize(db + "-wal") }

/// Copies a file with plain read/write (no Foundation).
func copyFile(_ from: String, _ to: String) throws {
    let input = open(from, O_RDONLY | O_CLOEXEC)
    guard input >= 0 else { throw systemError("cannot open", from) }
    defer { close(input) }
    let output = open(to, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard output >= 0 else { throw systemError("cannot create", to) }
    defer { close(output) }
    var buffer = [UInt8](repeating: 0, count: 1 << 20)
    while true {
        let n = read(input, &buffer, buffer.count)
        if n < 0 {
            if errno == EINTR { continue }
            throw systemError("cannot read", from)
        }
        if n == 0 { break }
        try writeAll(output, Array(buffer[0..<n]), path: to)
    }
}
