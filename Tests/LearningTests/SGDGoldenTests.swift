import DietAuditCore
import Foundation
import Testing
@testable import Learning

/// Pins the exact bits of an SGD training run, recorded before the optimiser
/// protocol, Adam and schedules were added, so that refactoring cannot change
/// SGD numerically.
@Suite struct SGDGoldenTests {
    @Test func sgdRunIsBitIdenticalToTheRecordedRun() throws {
        let data = TestData.blobs(classes: 3, perClass: 100, dimensions: 5)
        var network = DenseNetwork(layerSizes: [5, 16, 3], seed: 5)
        try train(network: &network, on: data.features, labels: data.labels,
                  spec: TrainingSpec(epochs: 4, batchSize: 50), seed: 5)
        // Recorded at commit bdbc657 (before this change) with the same test.
        let bytes = network.parameters.flatMap { withUnsafeBytes(of: $0.bitPattern.littleEndian, Array.init) }
        #expect(Fingerprint.sha256(Data(bytes)) == "0624a5df5556b79d1a5f7d658d02b6cbacf8262d7a0e72a021c28fc140f4465a")
    }
}
