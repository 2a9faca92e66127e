// swift-tools-version:6.0
import PackageDescription

/// DietAudit: one target per pipeline stage, dependencies pointing one way
/// (from the CLI down to the core). Each target declares exactly the modules
/// its files import; `scripts/check-package-graph.py` (run by `make test`)
/// fails when a declaration and the imports drift, or when this drawing does.
/// Each line reads "target → the local targets it depends on":
/// package-graph:begin
///   DietAuditCore → (none)
///   Datasets → CZlib, DietAuditCore
///   Learning → CBLAS, DietAuditCore
///   Scoring → DietAuditCore, Learning
///   Auditing → DietAuditCore, Learning, Scoring
///   Rules → DietAuditCore, Auditing
///   SQLEngines → CLibpq, DietAuditCore, Auditing
///   Storage → DietAuditCore, Scoring, Auditing, Rules
///   Reporting → DietAuditCore, Scoring, Auditing, Rules, Storage
///   AuditPipeline → DietAuditCore, Datasets, Learning, Scoring, Auditing, Rules, SQLEngines, Storage, Reporting
///   dietaudit → DietAuditCore, Learning, Rules, SQLEngines, AuditPipeline
/// package-graph:end
let package = Package(
    name: "DietAudit",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "dietaudit", targets: ["dietaudit"]),
        .library(name: "AuditPipeline", targets: ["AuditPipeline"]),
        .library(name: "Datasets", targets: ["Datasets"]),
        .library(name: "Learning", targets: ["Learning"]),
        .library(name: "Scoring", targets: ["Scoring"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-numerics", from: "1.1.1"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"4.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CBLAS",
            pkgConfig: "openblas",
            providers: [.apt(["libopenblas-dev"])]
        ),
        .systemLibrary(
            name: "CLibpq",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"])]
        ),
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .target(
            name: "DietAuditCore",
            dependencies: [
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(name: "Datasets", dependencies: ["DietAuditCore", "CZlib"]),
        .target(name: "Learning", dependencies: ["DietAuditCore", "CBLAS"]),
        .target(name: "Scoring", dependencies: ["DietAuditCore", "Learning"]),
        .target(
            name: "Auditing",
            dependencies: [
                "DietAuditCore", "Learning", "Scoring",
                .product(name: "Numerics", package: "swift-numerics"),
            ]
        ),
        .target(name: "Rules", dependencies: ["DietAuditCore", "Auditing"]),
        .target(name: "SQLEngines", dependencies: ["CLibpq", "DietAuditCore", "Auditing"]),
        .target(
            name: "Storage",
            dependencies: [
                "DietAuditCore", "Scoring", "Auditing", "Rules",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]
        ),
        .target(name: "Reporting", dependencies: ["DietAuditCore", "Scoring", "Auditing", "Rules", "Storage"]),
        .target(
            name: "AuditPipeline",
            dependencies: [
                "DietAuditCore", "Datasets", "Learning", "Scoring", "Auditing", "Rules", "SQLEngines", "Storage",
                "Reporting",
            ]
        ),
        .executableTarget(
            name: "dietaudit",
            dependencies: [
                "DietAuditCore", "Learning", "Rules", "SQLEngines", "AuditPipeline",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(
            name: "DietAuditTestSupport",
            dependencies: ["DietAuditCore", "Learning", "Auditing", "Rules", "Scoring", "Storage"]
        ),
        .testTarget(name: "DietAuditCoreTests", dependencies: ["DietAuditCore"]),
        .testTarget(name: "DatasetsTests", dependencies: ["DietAuditCore", "Datasets"]),
        .testTarget(name: "LearningTests", dependencies: ["DietAuditCore", "Learning", "DietAuditTestSupport"]),
        .testTarget(
            name: "ScoringTests",
            dependencies: ["DietAuditCore", "Learning", "Scoring", "DietAuditTestSupport"]
        ),
        .testTarget(name: "AuditingTests", dependencies: ["DietAuditCore", "Learning", "Scoring", "Auditing"]),
        .testTarget(name: "RulesTests", dependencies: ["DietAuditCore", "Auditing", "Rules", "DietAuditTestSupport"]),
        .testTarget(
            name: "StorageTests",
            dependencies: [
                "DietAuditCore", "Scoring", "Auditing", "Rules", "Storage", "DietAuditTestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .testTarget(name: "ReportingTests", dependencies: ["Rules", "Storage", "Reporting", "DietAuditTestSupport"]),
        .testTarget(
            name: "AuditPipelineTests",
            dependencies: [
                "DietAuditCore", "Datasets", "Learning", "Scoring", "Auditing", "Storage", "Reporting", "AuditPipeline",
                "SQLEngines", "DietAuditTestSupport",
            ]
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: [
                "DietAuditCore", "dietaudit", "DietAuditTestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
