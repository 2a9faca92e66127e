import DietAuditCore
import Testing

@testable import Learning

/// Training that diverges stops with a typed error instead of producing NaN
/// (or trapping later on NaN scores).
@Suite struct TrainerDivergenceTests {
    static let data = TestData.blobs(classes: 3, perClass: 100, dimensions: 5)

    @Test func hugeLearningRateThrowsWithSeedAndEpoch() throws {
        var network = Network(layerSizes: [5, 32, 32, 3], seed: 4)
        let spec = TrainingSpec(epochs: 5, batchSize: 32, optimizer: OptimizerSpec(learningRate: 100_000))
        let observer = RecordingObserver()
        let error = try #require(throws: TrainingDiverged.self) {
            try train(
                network: &network, on: Self.data.features, labels: Self.data.labels, spec: spec, seed: 4,
                observer: observer)
        }
        #expect(error.seed == 4 && error.epochs == 5 && error.learningRate == 100_000)
        #expect((1...5).contains(error.epoch))
        // The observer never saw the epoch in which training diverged.
        #expect(observer.epochs == Array(0..<error.epoch))
        #expect(observer.networks.allSatisfy { $0.parameters.allSatisfy(\.isFinite) })
        let text = error.during("scoring model 1 of 2").description
        for key in [
            "training.optimizer.learning_rate", "dataset.scaling", "training.epochs", "seed 4",
            "epoch \(error.epoch) of 5", "scoring model 1 of 2",
        ] {
            #expect(text.contains(key), "\(key) missing from: \(text)")
        }
    }

    @Test func infiniteLearningRateThrowsInTheFirstEpoch() throws {
        var network = Network(layerSizes: [5, 3], seed: 1)
        let spec = TrainingSpec(epochs: 3, batchSize: 64, optimizer: OptimizerSpec(learningRate: .infinity))
        let error = try #require(throws: TrainingDiverged.self) {
            try train(network: &network, on: Self.data.features, labels: Self.data.labels, spec: spec, seed: 1)
        }
        #expect(error.epoch == 1)
    }

    @Test func sensibleTrainingDoesNotThrow() throws {
        var network = Network(layerSizes: [5, 16, 3], seed: 1)
        let spec = TrainingSpec(epochs: 3, batchSize: 32, optimizer: OptimizerSpec(learningRate: 0.1))
        #expect(
            try train(network: &network, on: Self.data.features, labels: Self.data.labels, spec: spec, seed: 1) == 3)
    }
}
