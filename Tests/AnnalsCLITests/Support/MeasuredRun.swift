import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A run of `annals` whose peak memory was measured, and that could be given a stream
/// larger than memory or never-ending on standard input.
struct MeasuredRun {
    /// The exit status; nil when the process did not exit by itself (killed by a signal,
    /// or by the deadline).
    var status: Int32?
    /// The signal that ended it, if one did.
    var signal: Int32?
    var stderr: String
    /// The peak resident set size of the process, in bytes (the kernel's `ru_maxrss`).
    var peakBytes: Int
    var seconds: Double
    var peakMB: Int { peakBytes >> 20 }
}

enum Measured {
    /// What standard input is.
    enum Input {
        /// A file or a device, such as `/dev/zero`.
        case file(String)
        /// A pipe fed by `write` on a thread until it returns false or the reader is gone.
        case generator(@Sendable (_ write: (UnsafeRawBufferPointer) -> Bool) -> Void)
    }

    /// Runs `annals ARGUMENTS` with `input` on standard input and stdout discarded (so
    /// the test holds no output), kills it after `deadline` seconds, and reports its own
    /// peak memory from `wait4`, not that of other processes the tests run beside it.
    /// `interruptAfter`: send SIGINT once, that many seconds after the start. `directory`
    /// holds the captured stderr; give absolute paths in `arguments`.
    static func run(
        _ arguments: [String], input: Input = .file("/dev/null"), deadline: Double = 60,
        interruptAfter: Double? = nil, directory: URL
    ) throws -> MeasuredRun {
        signal(SIGPIPE, SIG_IGN)
        let errURL = directory.appending(path: "stderr-\(UUID().uuidString).txt")
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        var pipeFDs: [Int32] = [-1, -1]
        switch input {
        case .file(let path):
            posix_spawn_file_actions_addopen(&actions, 0, path, O_RDONLY, 0)
        case .generator:
            guard pipe(&pipeFDs) == 0 else { throw POSIXError(.EIO) }
            posix_spawn_file_actions_adddup2(&actions, pipeFDs[0], 0)
            posix_spawn_file_actions_addclose(&actions, pipeFDs[0])
            posix_spawn_file_actions_addclose(&actions, pipeFDs[1])
        }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, errURL.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)

        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        env.removeValue(forKey: "ANNALS_DB")
        let argv = [AnnalsBinary.url.path] + arguments
        let cArgs = argv.map { strdup($0) } + [nil]
        let cEnv = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (cArgs + cEnv).forEach { free($0) } }
        var pid: pid_t = 0
        let start = ContinuousClock.now
        let spawned = posix_spawn(&pid, AnnalsBinary.url.path, &actions, nil, cArgs, cEnv)
        guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EIO) }

        let child = pid
        let writer = DispatchGroup()
        if case .generator(let produce) = input {
            close(pipeFDs[0])
            let fd = pipeFDs[1]
            DispatchQueue.global().async(group: writer) {
                produce { bytes in
                    var offset = 0
                    while offset < bytes.count {
                        let written = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
                        if written < 0 {
                            if errno == EINTR { continue }
                            return false  // the reader is gone (EPIPE): it stopped reading
                        }
                        offset += written
                    }
                    return true
                }
                close(fd)
            }
        }
        // A watchdog: interrupt when asked, and kill at the deadline.
        let finished = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            if let interruptAfter {
                guard finished.wait(timeout: .now() + interruptAfter) == .timedOut else { return }
                kill(child, SIGINT)
            }
            if finished.wait(timeout: .now() + deadline) == .timedOut { kill(child, SIGKILL) }
        }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        finished.signal()
        let elapsed = ContinuousClock.now - start
        writer.wait()
        let stderr = (try? String(contentsOf: errURL, encoding: .utf8)) ?? ""
        try? FileManager.default.removeItem(at: errURL)
        let exited = status & 0x7F == 0
        return MeasuredRun(
            status: exited ? (status >> 8) & 0xFF : nil, signal: exited ? nil : status & 0x7F,
            stderr: stderr, peakBytes: Int(usage.ru_maxrss) * 1024,
            seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }

    /// A generator that writes `chunk` until `total` bytes are out (nil: forever, until the
    /// reader stops), after `prefix`.
    static func repeating(_ chunk: [UInt8], total: Int?, prefix: [UInt8] = []) -> Input {
        .generator { write in
            if !prefix.isEmpty, !prefix.withUnsafeBytes(write) { return }
            var sent = 0
            while total.map({ sent < $0 }) ?? true {
                guard chunk.withUnsafeBytes(write) else { return }
                sent += chunk.count
            }
        }
    }
}
