// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "ForumLens",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "forumlens", targets: ["forumlens"]),
        .library(name: "ForumLensCore", targets: ["ForumLensCore"]),
        .library(name: "ForumLensIngest", targets: ["ForumLensIngest"]),
        .library(name: "ForumLensReport", targets: ["ForumLensReport"]),
        .library(name: "ForumLensText", targets: ["ForumLensText"]),
        .library(name: "ForumLensAnalysis", targets: ["ForumLensAnalysis"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // YAML (and JSON) rule files: site profiles, with line numbers for their errors.
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        // report.sqlite: tables with foreign keys, FTS5, and a transaction per run.
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // The only C: libxml2 (and the zlib it already links) behind a small shim.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev", "zlib1g-dev"])]
        ),
        // libcrypto's SHA-256 for the report's input hashes (SHA instructions: 1.2 GB/s here, 5× the Swift one it replaced).
        .systemLibrary(name: "COpenSSL", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
        .target(name: "ForumLensCore"),
        // Rule files (site profiles, rule plugins): YAML or JSON, errors with file and line.
        .target(name: "ForumLensRules", dependencies: [.product(name: "Yams", package: "Yams")]),
        .target(
            name: "ForumLensIngest",
            dependencies: ["ForumLensCore", "CLibXML2", "COpenSSL", "ForumLensRules", .product(name: "Yams", package: "Yams")]),
        .target(name: "ForumLensReport", dependencies: ["ForumLensCore"]),
        // The SQLite report, apart: only it needs GRDB (and the system's libsqlite3).
        .target(
            name: "ForumLensSQLite",
            dependencies: ["ForumLensCore", "ForumLensReport", .product(name: "GRDB", package: "GRDB.swift"), .product(name: "GRDBSQLite", package: "GRDB.swift")]),
        // What analyzers read of a message: normalized text, tokens, sentences, language, negation.
        .target(name: "ForumLensText"),
        // Swift analyzer plugins: every folder under Plugins/ (the rule and process examples
        // there are not Swift), registered by the PluginRegistry build tool.
        .target(
            name: "ForumLensPlugins",
            dependencies: ["ForumLensAnalysis", "ForumLensCore", "ForumLensText", "ForumLensRules", .product(name: "Yams", package: "Yams")],
            path: "Plugins",
            exclude: ["Examples/networks.yml", "Examples/questions"],
            plugins: ["PluginRegistry"]),
        .executableTarget(name: "PluginRegistryGenerator", path: "BuildTools/PluginRegistryGenerator"),
        .plugin(
            name: "PluginRegistry", capability: .buildTool(), dependencies: ["PluginRegistryGenerator"],
            path: "BuildTools/PluginRegistry"),
        // The Analyzer protocol and the pipeline that orders and runs analyzers.
        .target(
            name: "ForumLensAnalysis",
            dependencies: ["ForumLensCore", "ForumLensText", "ForumLensRules", .product(name: "Yams", package: "Yams")]),
        .executableTarget(
            name: "forumlens",
            dependencies: [
                "ForumLensCore", "ForumLensIngest", "ForumLensReport", "ForumLensText", "ForumLensAnalysis", "ForumLensRules",
                "ForumLensPlugins", "ForumLensSQLite",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Scratch directories for the test targets that write files.
        .target(name: "ForumLensTestSupport", path: "Tests/ForumLensTestSupport"),
        .testTarget(name: "ForumLensCoreTests", dependencies: ["ForumLensCore"]),
        .testTarget(name: "ForumLensIngestTests", dependencies: ["ForumLensIngest", "ForumLensTestSupport"]),
        .testTarget(name: "ForumLensReportTests", dependencies: ["ForumLensReport", "ForumLensIngest"]),
        .testTarget(name: "ForumLensTextTests", dependencies: ["ForumLensText"]),
        .testTarget(name: "ForumLensAnalysisTests", dependencies: ["ForumLensAnalysis", "ForumLensRules", "ForumLensTestSupport"]),
        .testTarget(
            name: "ForumLensPluginsTests", dependencies: ["ForumLensPlugins", "ForumLensAnalysis", "ForumLensText", "ForumLensIngest", "ForumLensTestSupport"]),
        // Runs the built `forumlens` binary as a subprocess; the dependency only makes sure it is
        // built. ForumLensIngest's HTML parser reads the HTML report back.
        .testTarget(name: "ForumLensCLITests", dependencies: ["forumlens", "ForumLensTestSupport", "ForumLensIngest"]),
    ],
    swiftLanguageModes: [.v6]
)
