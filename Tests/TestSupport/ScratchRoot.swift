import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// One folder under the system's temporary folder for all of a test process's scratch
/// folders, removed with everything in it when the process exits: a run of the suite left
/// several hundred archives behind before. `ANNALS_KEEP_SCRATCH=1` keeps it, to look at
/// the files of a failed test (its path is printed on standard error, and its name says
/// `kept`). A process killed by a signal cannot remove its own: the next test process
/// removes the roots of processes that are gone.
public enum ScratchRoot {
    public static let prefix = "annals-scratch-"

    private static let root: URL = {
        let keep = ProcessInfo.processInfo.environment["ANNALS_KEEP_SCRATCH"] == "1"
        let temporary = FileManager.default.temporaryDirectory
        let url = temporary.appending(
            path: prefix + (keep ? "kept-" : "") + "\(getpid())-\(UUID().uuidString.prefix(8))")
        removeLeftovers(in: temporary)
        if keep {
            FileHandle.standardError.write(Data("scratch folders kept in \(url.path)\n".utf8))
        } else {
            atexit { try? FileManager.default.removeItem(at: ScratchRoot.root) }
        }
        return url
    }()

    /// A new empty folder named `prefix-UUID` under the root.
    public static func folder(prefix: String) throws -> URL {
        let url = root.appending(path: "\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Removes the roots (`annals-scratch-PID-…`) in `folder` of test processes that no
    /// longer run; kept roots (`annals-scratch-kept-…`) and those of live processes stay.
    public static func removeLeftovers(in folder: URL) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        for name in names {
            guard let pid = leftoverProcess(name) else { continue }
            if kill(pid, 0) == -1 && errno == ESRCH {
                try? FileManager.default.removeItem(at: folder.appending(path: name))
            }
        }
    }

    /// The process id in a root's name `annals-scratch-PID-SUFFIX`; nil for any other name,
    /// a kept root among them.
    static func leftoverProcess(_ name: String) -> pid_t? {
        guard name.hasPrefix(prefix) else { return nil }
        let parts = name.dropFirst(prefix.count).split(separator: "-", maxSplits: 1)
        guard parts.count == 2, let pid = pid_t(parts[0]), pid > 0 else { return nil }
        return pid
    }
}
