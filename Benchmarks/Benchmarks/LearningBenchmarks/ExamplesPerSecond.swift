import Benchmark
import Foundation

/// Examples processed per second of wall time, one value per iteration
/// (larger is better; not multiplied by a scaling factor).
let examplesPerSecond = BenchmarkMetric.custom("examples/s", polarity: .prefersLarger, useScalingFactor: false)

/// Examples processed per second of the process's CPU time (all threads),
/// one value per iteration. Less sensitive than ``examplesPerSecond`` to
/// other processes sharing the cores, but it counts OpenBLAS threads that
/// spin while waiting as busy.
let examplesPerCPUSecond = BenchmarkMetric.custom("examples/cpu-s", polarity: .prefersLarger, useScalingFactor: false)

/// The metrics every benchmark here collects.
let learningMetrics: [BenchmarkMetric] = [
    examplesPerSecond, examplesPerCPUSecond, .wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResident,
]

/// The CPU time of the whole process so far, in seconds.
func processCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
}

extension Benchmark {
    /// Runs `work` (which processes `examples` examples) between
    /// `startMeasurement()` and `stopMeasurement()`, and records its rate per
    /// wall-clock second and per CPU second.
    func measureExamples(_ examples: Int, _ work: () throws -> Void) rethrows {
        let clock = ContinuousClock()
        startMeasurement()
        let cpuStart = processCPUSeconds()
        let start = clock.now
        try work()
        let elapsed = clock.now - start
        let cpu = processCPUSeconds() - cpuStart
        stopMeasurement()
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        measurement(examplesPerSecond, Int((Double(examples) / seconds).rounded()))
        measurement(examplesPerCPUSecond, Int((Double(examples) / cpu).rounded()))
    }
}
