import DietAuditCore
import Foundation
import Testing

@testable import Learning

/// Pins an SGD training run, recorded before the optimiser protocol, Adam and
/// schedules were added, so that refactoring cannot change SGD. The values are
/// compared with a small tolerance rather than bit for bit, because OpenBLAS
/// picks its sgemm kernel by CPU and different kernels round differently
/// (the bits were identical on the recording machine's kernel).
@Suite struct SGDGoldenTests {
    @Test func sgdRunMatchesTheRecordedRun() throws {
        let data = TestData.blobs(classes: 3, perClass: 100, dimensions: 5)
        var network = Network(layerSizes: [5, 16, 3], seed: 5)
        try train(
            network: &network, on: data.features, labels: data.labels,
            spec: TrainingSpec(epochs: 4, batchSize: 50), seed: 5)
        let parameters = network.parameters.map(Double.init)
        let sum = parameters.reduce(0, +), squares = parameters.map { $0 * $0 }.reduce(0, +)
        // Recorded with this test's own print of (sum, squares, first five) on the run
        // whose parameter bits hashed to 0624a5df…465a (commit bdbc657's SGD).
        let recorded = (
            sum: 1.960219694301486, squares: 70.12928763126796,
            first: [
                0.946598470211029, -0.8258147835731506, -1.0300190448760986, -0.45375216007232666, 1.6077581644058228,
            ]
        )
        #expect(abs(sum - recorded.sum) < 1e-4 * max(1, abs(recorded.sum)))
        #expect(abs(squares - recorded.squares) < 1e-4 * recorded.squares)
        for (value, expected) in zip(parameters.prefix(5), recorded.first) {
            #expect(abs(value - expected) < 1e-5)
        }
        if ProcessInfo.processInfo.environment["DIETAUDIT_PRINT_GOLDEN"] == "1" {
            print("GOLDEN", sum, squares, Array(parameters.prefix(5)))
        }
    }
}
