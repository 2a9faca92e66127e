import DietAuditCore
import Learning
import Testing

@testable import Scoring

/// The scoring models' per-class recall on a held-out split (for `quota`).
@Suite struct HeldOutRecallTests {
    /// Hand-computed: labels (0, 0, 0, 1, 1, 2); seed A predicts (0, 0, 1, 1, 0, 2):
    /// recalls 2/3, 1/2, 1; seed B predicts (0, 1, 1, 1, 1, 0): 1/3, 1, 0.
    /// Means: 1/2, 3/4, 1/2. A class with no held-out example has none.
    @Test func recallIsPerClassAndAveragedOverSeeds() {
        let recall = meanClassRecall(
            predictions: [[0, 0, 1, 1, 0, 2], [0, 1, 1, 1, 1, 0]], labels: [0, 0, 0, 1, 1, 2], classCount: 4)
        #expect(recall.count == 4 && recall[3] == nil)
        #expect(abs(recall[0]! - 0.5) < 1e-15 && recall[1] == 0.75 && recall[2] == 0.5)
    }

    /// computeScoring evaluates each seed's model where its run stopped: the
    /// recall equals that of networks trained the same way by hand.
    @Test func recallMatchesTheScoringModels() throws {
        let (features, labels) = ScoringTestData.blobs()
        let model = ModelSpec(kind: .mlp(hidden: [16]))
        let training = TrainingSpec(epochs: 4, batchSize: 32, seeds: 2, seed: 11)
        let heldOut = HeldOutSplit(features: features, labels: labels)
        let outcome = try computeScoring(
            [ScoreSpec(kind: .el2n(epoch: 2))], features: features, labels: labels, classCount: 3, model: model,
            training: training, heldOut: heldOut, progress: SilentProgress())
        var predictions: [[Int]] = []
        for k in 0..<2 {
            var network = Network(model: model, inputCount: 5, classCount: 3, seed: 11 + UInt64(k))
            try train(
                network: &network, on: features, labels: labels, spec: TrainingSpec(epochs: 2, batchSize: 32),
                seed: 11 + UInt64(k))
            predictions.append(network.predictedClasses(for: features))
        }
        let recall = try #require(outcome.heldOutRecall)
        #expect(recall == meanClassRecall(predictions: predictions, labels: labels, classCount: 3))
        #expect(recall.allSatisfy { ($0 ?? 0) > 0.5 })
        // No held-out split, or nothing trained: no recall.
        let untrained = try computeScoring(
            [ScoreSpec(kind: .inputNorm)], features: features, labels: labels, classCount: 3, model: model,
            training: training, heldOut: heldOut, progress: SilentProgress())
        #expect(untrained.heldOutRecall == nil)
    }
}
