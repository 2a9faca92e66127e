// swift-tools-version:6.0
import PackageDescription

/// DietAudit's fuzz targets: a separate package so that the root package's
/// `swift build` / `swift test` never build them. Each executable is a
/// libFuzzer target whose `main.swift` hands its test function to libFuzzer's
/// driver; it only links when built with `-sanitize=fuzzer`. `make fuzz` at
/// the root (Fuzz/fuzz.sh) builds and runs them.
let package = Package(
    name: "DietAuditFuzz",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "DietAudit", path: ".."),
    ],
    targets: [
        // libFuzzer's driver entry point, declared for Swift.
        .systemLibrary(name: "CLibFuzzer"),
        // The one rule every target checks: bad input is rejected with an InputError, never a trap.
        .target(name: "FuzzSupport", dependencies: ["CLibFuzzer", .product(name: "Datasets", package: "DietAudit")]),
        .executableTarget(name: "FuzzCSV", dependencies: ["FuzzSupport", .product(name: "Datasets", package: "DietAudit")]),
        .executableTarget(name: "FuzzARFF", dependencies: ["FuzzSupport", .product(name: "Datasets", package: "DietAudit")]),
        .executableTarget(name: "FuzzNPY", dependencies: ["FuzzSupport", .product(name: "Datasets", package: "DietAudit")]),
        .executableTarget(name: "FuzzIDX", dependencies: ["FuzzSupport", .product(name: "Datasets", package: "DietAudit")]),
        .executableTarget(name: "FuzzGzip", dependencies: ["FuzzSupport", .product(name: "Datasets", package: "DietAudit")]),
        .executableTarget(
            name: "FuzzAuditSpec", dependencies: ["FuzzSupport", .product(name: "AuditPipeline", package: "DietAudit")]),
        .executableTarget(
            name: "FuzzRuleset", dependencies: ["FuzzSupport", .product(name: "AuditPipeline", package: "DietAudit")]),
    ],
    swiftLanguageModes: [.v5]
)
