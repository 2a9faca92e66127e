// swift-tools-version: 6.1
import PackageDescription

/// DietAudit's benchmark suite: a separate package so that the benchmark
/// framework (and its malloc interposer) never becomes a dependency of the
/// library itself. Run with `swift package benchmark` from this directory.
let package = Package(
    name: "DietAuditBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "DietAudit", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", exact: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        // Generated data, the digits file and the workload settings, shared by
        // the benchmarks and the profiling driver.
        .target(
            name: "BenchmarkData",
            dependencies: [
                .product(name: "Learning", package: "DietAudit"),
            ]
        ),
        // A harness-free driver to run one workload under perf or callgrind.
        .executableTarget(name: "LearningProfile", dependencies: ["BenchmarkData"]),
        .executableTarget(
            name: "LearningBenchmarks",
            dependencies: [
                "BenchmarkData",
                .product(name: "AuditPipeline", package: "DietAudit"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/LearningBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ],
    swiftLanguageModes: [.v5]
)
