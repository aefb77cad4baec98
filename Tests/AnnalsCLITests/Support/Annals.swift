import Foundation
import TestSupport

/// Runs the built `annals` binary, as a user or a script would.
struct AnnalsRun {
    var status: Int32
    var stdout: String
    var stderr: String
}

enum AnnalsBinary {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The `annals` built beside the test bundle (`swift build` puts them in one folder).
    static var url: URL {
        if let path = ProcessInfo.processInfo.environment["ANNALS_BIN"] { return URL(fileURLWithPath: path) }
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appending(path: "annals")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        return packageRoot.appending(path: ".build/debug/annals")
    }

    static func fixture(_ relative: String) -> String { packageRoot.appending(path: "fixtures/" + relative).path }

    /// Copies the binary to `destination`, to be run from there. The copy is made by `cp`,
    /// not in this process: a process another test starts meanwhile would inherit the
    /// copy's open descriptor, and running the copy would then fail ("text file busy").
    static func copy(to destination: URL) throws {
        let copied = try run([url.path, destination.path], executable: URL(fileURLWithPath: "/bin/cp"))
        guard copied.status == 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "cp: \(copied.stderr)"]) }
    }

    /// A new empty folder under the test process's scratch root, removed when the process
    /// exits (``ScratchRoot``).
    static func scratchFolder() throws -> URL {
        try ScratchRoot.folder(prefix: "annals-cli")
    }

    /// Runs `annals ARGUMENTS` with `stdin` as standard input, in `directory`, with `environment` added.
    @discardableResult
    static func run(
        _ arguments: [String], stdin: Data? = nil, executable: URL? = nil, directory: URL? = nil,
        environment: [String: String] = [:]
    ) throws -> AnnalsRun {
        let process = Process()
        process.executableURL = executable ?? url
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        env.removeValue(forKey: "ANNALS_DB")
        env.removeValue(forKey: "COLUMNS")
        for (key, value) in environment { env[key] = value }
        process.environment = env
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        // Read both pipes before waiting, so a large output cannot block the child.
        let group = DispatchGroup()
        nonisolated(unsafe) var errData = Data()
        DispatchQueue.global().async(group: group) { errData = err.fileHandleForReading.readDataToEndOfFile() }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return AnnalsRun(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }
}
