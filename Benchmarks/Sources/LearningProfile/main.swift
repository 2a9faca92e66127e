import BenchmarkData
import Foundation
import Learning

/// A plain driver for profilers (`perf record`, `valgrind --tool=callgrind`):
/// runs one benchmark workload `repeats` times and prints its rate, without
/// the benchmark harness or its malloc interposer in the way.
///
///     LearningProfile train-wide|grand-wide|train-digits|grand-digits|train-cnn|grand-cnn [repeats]
// Like `dietaudit`: start again with OpenBLAS's AVX kernels when it fell back to its generic
// ones (a no-op when OPENBLAS_CORETYPE is set or DIETAUDIT_BLAS_KERNEL=default).
BLASKernel.relaunchWithFasterKernelIfNeeded()
let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    FileHandle.standardError.write(
        Data(
            "usage: LearningProfile train-wide|grand-wide|train-digits|grand-digits|train-cnn|grand-cnn [repeats]\n"
                .utf8))
    exit(2)
}
let repeats = arguments.count > 2 ? Int(arguments[2]) ?? 1 : 1
let clock = ContinuousClock()
var examples = 0
var elapsed = Duration.zero
/// CPU seconds of the whole process so far (all threads, OpenBLAS's spinning workers included).
func processCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
}
/// CPU seconds spent in the timed sections, summed like `elapsed`.
var cpuSeconds = 0.0

switch arguments[1] {
case "train-wide", "grand-wide":
    let data = Workloads.wideData()
    let initial = Workloads.wideNetwork()
    for _ in 0..<repeats {
        var network = initial
        let start = clock.now
        let cpuStart = processCPUSeconds()
        if arguments[1] == "train-wide" {
            try train(network: &network, on: data.features, labels: data.labels, spec: Workloads.wideTraining, seed: 0)
        } else {
            let norms = network.gradientNorms(for: data.features, labels: data.labels)
            precondition(norms.count == data.features.rows)
        }
        elapsed += clock.now - start
        cpuSeconds += processCPUSeconds() - cpuStart
        examples += data.features.rows
    }
case "train-digits":
    let data = try DigitsData()
    for _ in 0..<repeats {
        var network = Workloads.digitsNetwork()
        let start = clock.now
        try train(network: &network, on: data.features, labels: data.labels, spec: Workloads.digitsTraining, seed: 0)
        elapsed += clock.now - start
        examples += data.features.rows * Workloads.digitsTraining.epochs
    }
case "grand-digits", "train-cnn", "grand-cnn":
    let data = try DigitsData()
    let cnn = arguments[1] != "grand-digits"
    let initial = cnn ? Workloads.digitsCNN() : Workloads.digitsNetwork()
    for _ in 0..<repeats {
        var network = initial
        let start = clock.now
        if arguments[1] == "train-cnn" {
            try train(network: &network, on: data.features, labels: data.labels, spec: Workloads.cnnTraining, seed: 0)
            examples += data.features.rows * Workloads.cnnTraining.epochs
        } else {
            let norms = network.gradientNorms(for: data.features, labels: data.labels)
            precondition(norms.count == data.features.rows)
            examples += data.features.rows
        }
        elapsed += clock.now - start
    }
default:
    FileHandle.standardError.write(Data("unknown workload \(arguments[1])\n".utf8))
    exit(2)
}
let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
// The CPU rate is printed for the wide workloads only (the others do not time it).
let cpuRate = cpuSeconds > 0 ? ", \(Int(Double(examples) / cpuSeconds)) examples/cpu-s" : ""
print(
    "\(arguments[1]): \(examples) examples in \(String(format: "%.3f", seconds)) s = "
        + "\(Int(Double(examples) / seconds)) examples/s\(cpuRate)"
)
