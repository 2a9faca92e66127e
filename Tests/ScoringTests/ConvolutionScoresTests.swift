import DietAuditCore
import Learning
import Testing

@testable import Scoring

/// `computeScores` with a convolutional model (`ModelKind.cnn` plus the
/// image shape in `ModelSpec.inputShape`).
@Suite struct ConvolutionScoresTests {
    static let shape = InputShape(height: 6, width: 6, channels: 1)
    static let model = ModelSpec(kind: .cnn(channels: [4]), inputShape: shape)

    /// Bar images: class c lights up row 2c of a 6×6 image over σ 0.5 noise;
    /// the labels of `flipped` rows move to the next class.
    static func bars(flipped: [Int]) -> (features: FeatureMatrix, labels: [Int]) {
        var generator = SeededGenerator(seed: 31, stream: "bars")
        var values = [Float](), labels = [Int]()
        for _ in 0..<60 {
            for c in 0..<3 {
                for y in 0..<6 {
                    for _ in 0..<6 { values.append(Float((y == 2 * c ? 2 : 0) + 0.5 * generator.normal())) }
                }
                labels.append(c)
            }
        }
        for row in flipped { labels[row] = (labels[row] + 1) % 3 }
        return (FeatureMatrix(values: values, rows: labels.count, columns: 36), labels)
    }

    /// el2n, grand, forgetting and aum from one run per seed: grand@0 of
    /// seed k is the norm of the CNN initialised from seed 3 &+ k, and the
    /// planted mislabelled examples have the top EL2N and the lowest AUM
    /// after training; results are deterministic.
    @Test func scoresOfAConvolutionalModel() throws {
        let flipped = [4, 50, 91, 133, 170]
        let (features, labels) = Self.bars(flipped: flipped)
        let training = TrainingSpec(
            epochs: 8, batchSize: 16, optimizer: OptimizerSpec(learningRate: 0.05), seeds: 2, seed: 3)
        let specs = [
            ScoreSpec(kind: .el2n(epoch: 8)), ScoreSpec(kind: .grand(epoch: 0)),
            ScoreSpec(kind: .forgetting), ScoreSpec(kind: .aum),
        ]
        let results = try computeScores(
            specs, features: features, labels: labels, classCount: 3, model: Self.model,
            training: training, progress: SilentProgress())
        #expect(results.map(\.name) == ["el2n@8", "grand@0", "forgetting", "aum"])
        for k in 0..<2 {
            let network = Network(model: Self.model, inputCount: 36, classCount: 3, seed: 3 + UInt64(k))
            #expect(results[1].perSeed[k] == network.gradientNorms(for: features, labels: labels))
        }
        let topEL2N = results[0].mean.indices.sorted { results[0].mean[$0] > results[0].mean[$1] }.prefix(5)
        #expect(Set(topEL2N) == Set(flipped))
        let lowAUM = results[3].mean.indices.sorted { results[3].mean[$0] < results[3].mean[$1] }.prefix(5)
        #expect(Set(lowAUM) == Set(flipped))
        #expect(results[2].perSeed.allSatisfy { row in row.allSatisfy { $0 >= 0 && $0 <= 8 } })
        let again = try computeScores(
            specs, features: features, labels: labels, classCount: 3, model: Self.model,
            training: training, progress: SilentProgress(), parallel: false)
        #expect(again == results)
    }

    /// A cnn without an image shape, or with one that does not fit the
    /// features, is an input error before any training.
    @Test func convolutionalModelNeedsAMatchingShape() {
        let (features, labels) = Self.bars(flipped: [])
        let specs = [ScoreSpec(kind: .grand(epoch: 0))]
        #expect(throws: InputError.self) {
            try computeScores(
                specs, features: features, labels: labels, classCount: 3,
                model: ModelSpec(kind: .cnn(channels: [4])), training: TrainingSpec(), progress: SilentProgress())
        }
        #expect(throws: InputError.self) {
            try computeScores(
                specs, features: features, labels: labels, classCount: 3,
                model: ModelSpec(kind: .cnn(channels: [4]), inputShape: InputShape(height: 5, width: 6)),
                training: TrainingSpec(), progress: SilentProgress())
        }
    }
}
