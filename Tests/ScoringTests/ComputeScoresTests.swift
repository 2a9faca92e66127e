import DietAuditCore
import Learning
import Testing

@testable import Scoring

@Suite struct ComputeScoresTests {
    static let model = ModelSpec(kind: .mlp(hidden: [16]))
    static let training = TrainingSpec(epochs: 10, batchSize: 32, seeds: 3, seed: 40)

    /// Seed k's GraNd@0 is the gradient norm of the network initialised from
    /// seed 40 &+ k, and EL2N@2 that of the same network trained 2 epochs.
    @Test func seedsAndEpochsFollowTheConvention() throws {
        let (features, labels) = ScoringTestData.blobs()
        let results = try computeScores(
            [ScoreSpec(kind: .grand(epoch: 0)), ScoreSpec(kind: .el2n(epoch: 2))], features: features, labels: labels,
            classCount: 3, model: Self.model, training: Self.training, progress: SilentProgress())
        #expect(results.map(\.name) == ["grand@0", "el2n@2"])
        #expect(results.map(\.kind) == ["grand", "el2n"])
        #expect(results.map(\.epoch) == [0, 2])
        for k in 0..<3 {
            var network = Network(model: Self.model, inputCount: 5, classCount: 3, seed: 40 + UInt64(k))
            #expect(results[0].perSeed[k] == network.gradientNorms(for: features, labels: labels))
            try train(
                network: &network, on: features, labels: labels,
                spec: TrainingSpec(epochs: 2, batchSize: 32), seed: 40 + UInt64(k))
            let expected = el2nScores(
                probabilities: network.probabilities(for: features), labels: labels, classCount: 3)
            #expect(results[1].perSeed[k] == expected)
        }
        for i in [0, 17, 299] {
            let average = (results[1].perSeed[0][i] + results[1].perSeed[1][i] + results[1].perSeed[2][i]) / 3
            #expect(abs(results[1].mean[i] - average) < 1e-15)
        }
        #expect(results[0].perSeed[0] != results[0].perSeed[1])
    }

    /// Ten planted mislabelled examples: by the end of training they have the
    /// ten largest EL2N values and they are never learned (forgetting = epochs)
    /// or forgotten more than clean ones. Results are deterministic.
    @Test func plantedMislabelledExamplesScoreHighest() throws {
        let flipped = [3, 40, 77, 101, 150, 188, 202, 233, 260, 295]
        let (features, labels) = ScoringTestData.blobs(flipped: flipped)
        let specs = [ScoreSpec(kind: .el2n(epoch: 10)), ScoreSpec(kind: .forgetting), ScoreSpec(kind: .inputNorm)]
        let progress = CountingProgress()
        let results = try computeScores(
            specs, features: features, labels: labels, classCount: 3,
            model: Self.model, training: Self.training, progress: progress)
        let topEL2N = results[0].mean.indices.sorted { results[0].mean[$0] > results[0].mean[$1] }.prefix(10)
        #expect(Set(topEL2N) == Set(flipped))
        let forgetting = results[1]
        #expect(forgetting.perSeed.count == 3)
        #expect(forgetting.perSeed.allSatisfy { row in row.allSatisfy { $0 >= 0 && $0 <= 10 && $0 == $0.rounded() } })
        let cleanMax = forgetting.mean.indices.filter { !flipped.contains($0) }.map { forgetting.mean[$0] }.max()!
        #expect(flipped.allSatisfy { forgetting.mean[$0] > cleanMax })
        #expect(results[2].perSeed.count == 1)
        #expect(progress.steps.count == 3)
        #expect(progress.advances == 3 * 11)
        let again = try computeScores(
            specs, features: features, labels: labels, classCount: 3,
            model: Self.model, training: Self.training, progress: SilentProgress())
        #expect(again == results)
    }

    @Test func inputNormNeedsNoTraining() throws {
        let features = FeatureMatrix(values: [3, 4, 0, 0, 1, 1], rows: 3, columns: 2)
        let progress = CountingProgress()
        let results = try computeScores(
            [ScoreSpec(kind: .inputNorm)], features: features, labels: [0, 1, 0], classCount: 2,
            model: Self.model, training: TrainingSpec(seeds: 0), progress: progress)
        #expect(results[0].perSeed == [[5, 0, 2.0.squareRoot()]])
        #expect(results[0].mean == [5, 0, 2.0.squareRoot()])
        #expect(results[0].name == "input_norm" && results[0].epoch == nil)
        #expect(progress.steps.isEmpty)
    }

    @Test func epochBeyondTrainingIsAnInputError() {
        let (features, labels) = ScoringTestData.blobs(perClass: 5)
        #expect {
            try computeScores(
                [ScoreSpec(kind: .el2n(epoch: 25))], features: features, labels: labels, classCount: 3,
                model: Self.model, training: TrainingSpec(epochs: 20), progress: SilentProgress())
        } throws: { error in
            let message = (error as? InputError)?.message ?? ""
            return message.contains("el2n@25") && message.contains("training.epochs is 20")
        }
        #expect(throws: InputError.self) {
            try computeScores(
                [ScoreSpec(kind: .grand(epoch: -1))], features: features, labels: labels, classCount: 3,
                model: Self.model, training: TrainingSpec(), progress: SilentProgress())
        }
        #expect(throws: InputError.self) {
            try computeScores(
                [ScoreSpec(kind: .forgetting)], features: features, labels: labels, classCount: 2,
                model: Self.model, training: TrainingSpec(), progress: SilentProgress())
        }
    }
}
