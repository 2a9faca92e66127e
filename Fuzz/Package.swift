// swift-tools-version:6.0
import PackageDescription

/// DietAudit's fuzz targets: a separate package so that the root package's
/// `swift build` / `swift test` never build them. Each executable is a
/// libFuzzer target whose `main.swift` hands its test function to libFuzzer's
/// driver; it only links when built with `-sanitize=fuzzer`. `make fuzz` at
/// the root (Fuzz/fuzz.sh) builds and runs them.
/// A fuzz target: an executable using `library` (a product of the root package).
func fuzzTarget(_ name: String, library: String) -> Target {
    .executableTarget(name: name, dependencies: ["FuzzSupport", .product(name: library, package: "DietAudit")])
}

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
        // One target per input format; its Sources/<name>/main.swift is the whole target.
        fuzzTarget("FuzzCSV", library: "Datasets"),
        fuzzTarget("FuzzARFF", library: "Datasets"),
        fuzzTarget("FuzzNPY", library: "Datasets"),
        fuzzTarget("FuzzIDX", library: "Datasets"),
        fuzzTarget("FuzzGzip", library: "Datasets"),
        fuzzTarget("FuzzAuditSpec", library: "AuditPipeline"),
        fuzzTarget("FuzzRuleset", library: "AuditPipeline"),
    ],
    swiftLanguageModes: [.v5]
)
