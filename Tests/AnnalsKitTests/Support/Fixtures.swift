import Foundation
import TestSupport

@testable import AnnalsKit

/// The package's `fixtures/` folder, found from this file's path, and scratch folders.
enum Fixtures {
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Support
        .deletingLastPathComponent()  // AnnalsKitTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // package root
        .appendingPathComponent("fixtures")

    static func url(_ path: String) -> URL { root.appendingPathComponent(path) }

    static func bytes(_ path: String) throws -> [UInt8] {
        Array(try Data(contentsOf: url(path)))
    }

    static func text(_ path: String) throws -> String {
        try TextDecoding.decode(bytes(path))
    }

    static func card(_ name: String) throws -> ParsedArticle {
        try CardParser().parse(text("cards/\(name)"))
    }

    static var cardNames: [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: url("cards").path).sorted()) ?? []
    }

    /// A new empty folder under the test process's scratch root, removed when the process
    /// exits (``ScratchRoot``).
    static func scratchFolder() throws -> URL {
        try ScratchRoot.folder(prefix: "annals-tests")
    }
}
