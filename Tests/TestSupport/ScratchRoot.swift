import Foundation

/// One folder under the system's temporary folder for all of a test process's scratch
/// folders, removed with everything in it when the process exits: a run of the suite left
/// several hundred archives behind before. `ANNALS_KEEP_SCRATCH=1` keeps it, to look at
/// the files of a failed test (its path is printed on standard error).
public enum ScratchRoot {
    private static let root: URL = {
        let url = FileManager.default.temporaryDirectory
            .appending(path: "annals-scratch-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))")
        if ProcessInfo.processInfo.environment["ANNALS_KEEP_SCRATCH"] == "1" {
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
}
