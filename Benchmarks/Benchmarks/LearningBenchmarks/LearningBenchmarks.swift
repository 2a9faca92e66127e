import Benchmark
import BenchmarkData
import Learning

/// The Learning benchmarks (release build; OpenBLAS with its default thread
/// count, one thread per core unless `OPENBLAS_NUM_THREADS` says otherwise).
/// Each reports `examples/s` (wall) and `examples/cpu-s` (process CPU time):
///
/// 1. `train MLP 784-512-512-10 (60k synthetic, 1 epoch)`: one epoch of SGD
///    over 60,000 generated examples, from the same initial network each time
///    (``Workloads/wideTraining``).
/// 2. `train MLP 64-128-10 (digits, 20 epochs)`: the digits audit's training
///    run over all 1,797 rows (``Workloads/digitsTraining``).
/// 3. `GraNd MLP 784-512-512-10 (60k synthetic)`: exact per-example gradient
///    norms of every example of benchmark 1's data, untrained model.
/// 5. `train CNN 8x8x1-[16,32]-10 (digits, 5 epochs)`: the digits CNN
///    (``Workloads/digitsCNN()``), batch 128, SGD as benchmark 2.
/// 6. `GraNd CNN 8x8x1-[16,32]-10 (digits)`: exact per-example gradient norms
///    of all 1,797 digits under the untrained CNN.
///
/// (Benchmark 4 is the whole-process audit, `audit-wall-time.sh`.) Run with
/// `OPENBLAS_CORETYPE=SkylakeX` on CPUs that OpenBLAS 0.3.21 does not
/// recognise (see docs/PERFORMANCE.md): OpenBLAS reads it when the library
/// loads, before any benchmark code runs.
let benchmarks = {
    Benchmark.defaultConfiguration = .init(
        metrics: learningMetrics, timeUnits: .milliseconds,
        warmupIterations: 1, maxDuration: .seconds(20), maxIterations: 8
    )

    let wide = Workloads.wideData()
    let wideInitial = Workloads.wideNetwork()

    Benchmark("train MLP 784-512-512-10 (60k synthetic, 1 epoch)") { benchmark in
        var network = wideInitial
        try benchmark.measureExamples(wide.features.rows) {
            try train(network: &network, on: wide.features, labels: wide.labels, spec: Workloads.wideTraining, seed: 0)
        }
        blackHole(network)
    }

    Benchmark("GraNd MLP 784-512-512-10 (60k synthetic)") { benchmark in
        var norms: [Double] = []
        benchmark.measureExamples(wide.features.rows) {
            norms = wideInitial.gradientNorms(for: wide.features, labels: wide.labels)
        }
        blackHole(norms)
    }

    let digits: DigitsData
    do { digits = try DigitsData() } catch { fatalError("cannot read datasets/digits.csv: \(error)") }
    let digitsInitial = Workloads.digitsNetwork()
    let digitsSpec = Workloads.digitsTraining

    Benchmark(
        "train MLP 64-128-10 (digits, 20 epochs)",
        configuration: .init(metrics: learningMetrics, timeUnits: .milliseconds,
                             warmupIterations: 3, maxDuration: .seconds(5), maxIterations: 100)
    ) { benchmark in
        var network = digitsInitial
        try benchmark.measureExamples(digits.features.rows * digitsSpec.epochs) {
            try train(network: &network, on: digits.features, labels: digits.labels, spec: digitsSpec, seed: 0)
        }
        blackHole(network)
    }

    let cnnInitial = Workloads.digitsCNN()
    let cnnSpec = Workloads.cnnTraining

    Benchmark(
        "train CNN 8x8x1-[16,32]-10 (digits, 5 epochs)",
        configuration: .init(metrics: learningMetrics, timeUnits: .milliseconds,
                             warmupIterations: 2, maxDuration: .seconds(5), maxIterations: 50)
    ) { benchmark in
        var network = cnnInitial
        try benchmark.measureExamples(digits.features.rows * cnnSpec.epochs) {
            try train(network: &network, on: digits.features, labels: digits.labels, spec: cnnSpec, seed: 0)
        }
        blackHole(network)
    }

    Benchmark(
        "GraNd CNN 8x8x1-[16,32]-10 (digits)",
        configuration: .init(metrics: learningMetrics, timeUnits: .milliseconds,
                             warmupIterations: 2, maxDuration: .seconds(5), maxIterations: 50)
    ) { benchmark in
        var norms: [Double] = []
        benchmark.measureExamples(digits.features.rows) {
            norms = cnnInitial.gradientNorms(for: digits.features, labels: digits.labels)
        }
        blackHole(norms)
    }
}
