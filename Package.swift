// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Annals",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "AnnalsKit", targets: ["AnnalsKit"]),
        .executable(name: "annals", targets: ["AnnalsCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "3.12.3"),
        // `make docs`: builds the AnnalsKit.docc catalog (swift package generate-documentation).
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        .target(
            name: "AnnalsKit",
            dependencies: [
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                "CSQLiteTuning",
            ],
            plugins: [.plugin(name: "EmbedMigrations")]
        ),
        // One process-wide SQLite setting that only C can make (sqlite3_config is variadic).
        .target(name: "CSQLiteTuning", linkerSettings: [.linkedLibrary("sqlite3")]),
        .executableTarget(
            name: "AnnalsCLI",
            dependencies: [
                "AnnalsKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // `make bench`: the corpus generator and benchmark runner (not part of the tests).
        .executableTarget(
            name: "annals-bench",
            dependencies: ["AnnalsKit", "AnnalsEval"],
            path: "Benchmarks/annals-bench"
        ),
        // The hand-written evaluation corpus (fixtures/eval): loading its truth and scoring
        // merges and tags. Shared by `annals-bench eval` and the test of its floors.
        .target(name: "AnnalsEval", dependencies: ["AnnalsKit"], path: "Benchmarks/AnnalsEval"),
        // Build-time only: turns migrations/*.sql into Swift source, so the
        // `annals` binary carries its schema and needs no files beside it.
        .executableTarget(name: "MigrationEmbedder"),
        .plugin(
            name: "EmbedMigrations",
            capability: .buildTool(),
            dependencies: ["MigrationEmbedder"]
        ),
        // Scratch folders for the test targets, removed when the test process exits.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(
            name: "AnnalsKitTests",
            dependencies: ["AnnalsKit", "TestSupport"]
        ),
        .testTarget(
            name: "AnnalsEvalTests",
            dependencies: ["AnnalsEval"]
        ),
        .testTarget(
            name: "AnnalsCLITests",
            dependencies: ["AnnalsKit", "TestSupport"]
        ),
    ]
)
