import Foundation

@testable import AnnalsKit

/// The package's `fixtures/` folder, found from this file's path.
enum Fixtures {
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Ingest
        .deletingLastPathComponent()  // AnnalsKitTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // package root
        .appendingPathComponent("fixtures")

    static func bytes(_ path: String) throws -> [UInt8] {
        Array(try Data(contentsOf: root.appendingPathComponent(path)))
    }

    static func text(_ path: String) throws -> String {
        try TextDecoding.decode(bytes(path))
    }

    static func card(_ name: String) throws -> ParsedArticle {
        try CardParser().parse(text("cards/\(name)"))
    }

    static var cardNames: [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("cards").path).sorted()) ?? []
    }
}
