import DietAuditCore
import Learning
import Testing

@testable import Scoring

/// The new score kinds through ``computeScores``: seed/epoch conventions,
/// planted mislabelled examples, input errors, and parallel == sequential.
@Suite struct DynamicsComputeTests {
    static let model = ModelSpec(kind: .mlp(hidden: [16]))
    static let flipped = [3, 40, 77, 101, 150, 188, 202, 233, 260, 295]

    /// loss@t and margin@t of seed k are those of the network initialised from
    /// seed 40 &+ k and trained t epochs by `train` on its own.
    @Test func lossAndMarginFollowTheConvention() throws {
        let (features, labels) = ScoringTestData.blobs()
        let training = TrainingSpec(epochs: 4, batchSize: 32, seeds: 2, seed: 40)
        let results = try computeScores(
            [ScoreSpec(kind: .loss(epoch: 3)), ScoreSpec(kind: .margin(epoch: 3)), ScoreSpec(kind: .margin(epoch: 0))],
            features: features, labels: labels, classCount: 3, model: Self.model, training: training,
            progress: SilentProgress())
        #expect(results.map(\.kind) == ["loss", "margin", "margin"] && results.map(\.epoch) == [3, 3, 0])
        for k in 0..<2 {
            var network = Network(model: Self.model, inputCount: 5, classCount: 3, seed: 40 + UInt64(k))
            #expect(
                results[2].perSeed[k]
                    == marginScores(logits: network.logits(for: features), labels: labels, classCount: 3))
            try train(
                network: &network, on: features, labels: labels, spec: TrainingSpec(epochs: 3, batchSize: 32),
                seed: 40 + UInt64(k))
            #expect(results[0].perSeed[k] == network.losses(for: features, labels: labels))
            #expect(
                results[1].perSeed[k]
                    == marginScores(logits: network.logits(for: features), labels: labels, classCount: 3))
        }
    }

    /// AUM comes from the trainer's own forward pass, so it holds for every
    /// optimiser and schedule: with full batches, AUM over 3 epochs equals the
    /// mean of margin@0, margin@1 and margin@2, under Adam and a step schedule.
    @Test(arguments: [
        TrainingSpec(
            epochs: 3, batchSize: 300, optimizer: OptimizerSpec(kind: "adam", learningRate: 0.05), seeds: 2, seed: 3),
        TrainingSpec(
            epochs: 3, batchSize: 300, optimizer: OptimizerSpec(learningRate: 0.5), seeds: 2, seed: 3,
            schedule: .step(everyEpochs: 1, factor: 0.5)),
    ])
    func aumFollowsAnyOptimizer(training: TrainingSpec) throws {
        let (features, labels) = ScoringTestData.blobs(flipped: Self.flipped)
        let results = try computeScores(
            [
                ScoreSpec(kind: .aum), ScoreSpec(kind: .margin(epoch: 0)), ScoreSpec(kind: .margin(epoch: 1)),
                ScoreSpec(kind: .margin(epoch: 2)),
            ],
            features: features, labels: labels, classCount: 3, model: Self.model, training: training,
            progress: SilentProgress())
        for k in 0..<2 {
            for i in 0..<300 {
                let expected = (results[1].perSeed[k][i] + results[2].perSeed[k][i] + results[3].perSeed[k][i]) / 3
                #expect(abs(results[0].perSeed[k][i] - expected) < 1e-4)
            }
        }
    }

    /// With one full batch per epoch, epoch t's only presentation sees the
    /// network after t − 1 epochs, so AUM over 2 epochs must equal
    /// (margin@0 + margin@1) / 2 — an independent check that AUM uses the
    /// forward pass *before* each update. Confidence and variability over the
    /// two epochs are checked against p_y after epoch 1 of a separate run.
    @Test func aumAndConfidenceMatchEpochScoresWithFullBatches() throws {
        let (features, labels) = ScoringTestData.blobs(flipped: Self.flipped)
        let training = TrainingSpec(
            epochs: 2, batchSize: 300, optimizer: OptimizerSpec(learningRate: 0.5), seeds: 2, seed: 5)
        let results = try computeScores(
            [
                ScoreSpec(kind: .aum), ScoreSpec(kind: .margin(epoch: 0)), ScoreSpec(kind: .margin(epoch: 1)),
                ScoreSpec(kind: .confidence), ScoreSpec(kind: .variability),
            ],
            features: features, labels: labels, classCount: 3, model: Self.model, training: training,
            progress: SilentProgress())
        for k in 0..<2 {
            for i in 0..<300 {
                let expected = (results[1].perSeed[k][i] + results[2].perSeed[k][i]) / 2
                #expect(abs(results[0].perSeed[k][i] - expected) < 1e-5)
            }
            // p₁ = the true-class probability after epoch 1, from a separate one-epoch run. With two epochs
            // confidence c = (p₁ + p₂)/2 and variability σ = |p₁ − p₂|/2, so |p₁ − c| = σ.
            var network = Network(model: Self.model, inputCount: 5, classCount: 3, seed: 5 + UInt64(k))
            try train(
                network: &network, on: features, labels: labels,
                spec: TrainingSpec(epochs: 1, batchSize: 300, optimizer: OptimizerSpec(learningRate: 0.5)),
                seed: 5 + UInt64(k))
            let p1 = trueClassProbabilities(
                probabilities: network.probabilities(for: features), labels: labels, classCount: 3)
            let confidence = results[3].perSeed[k], variability = results[4].perSeed[k]
            for i in 0..<300 {
                #expect(abs(abs(p1[i] - confidence[i]) - variability[i]) < 1e-6)
            }
            #expect(variability.contains { $0 > 0.01 }, "the model changes between the two epochs")
        }
    }

    /// Planted mislabelled examples (labels moved to the next class) get the
    /// ten lowest AUM and the ten lowest confidence values, as Pleiss et al.
    /// and Swayamdipta et al. report for mislabelled data.
    @Test func plantedMislabelledExamplesScoreLowest() throws {
        let (features, labels) = ScoringTestData.blobs(flipped: Self.flipped)
        let training = TrainingSpec(epochs: 10, batchSize: 32, seeds: 3, seed: 40)
        let results = try computeScores(
            [ScoreSpec(kind: .aum), ScoreSpec(kind: .confidence), ScoreSpec(kind: .variability)],
            features: features, labels: labels, classCount: 3, model: Self.model, training: training,
            progress: SilentProgress())
        for result in results.prefix(2) {
            let lowest = result.mean.indices.sorted { result.mean[$0] < result.mean[$1] }.prefix(10)
            #expect(Set(lowest) == Set(Self.flipped), "\(result.name)")
        }
        #expect(Self.flipped.allSatisfy { results[0].mean[$0] < 0 }, "mislabelled examples have negative AUM")
        #expect(results[1].mean.allSatisfy { $0 >= 0 && $0 <= 1 })
        #expect(results[2].mean.allSatisfy { $0 >= 0 && $0 <= 0.5 })
    }

    /// `random` needs no training: one row per seed, from the run's seed value.
    @Test func randomScoreRowsFollowSeedValues() throws {
        let (features, labels) = ScoringTestData.blobs(perClass: 10)
        let progress = CountingProgress()
        let result = try computeScores(
            [ScoreSpec(kind: .random)], features: features, labels: labels, classCount: 3,
            model: Self.model, training: TrainingSpec(seeds: 3, seed: 9), progress: progress)[0]
        #expect(result.perSeed == (0..<3).map { randomScores(count: 30, seed: 9 + UInt64($0)) })
        #expect(result.kind == "random" && result.epoch == nil)
        #expect(progress.steps.isEmpty)
    }

    @Test func impossibleRequestsAreInputErrors() {
        let (features, labels) = ScoringTestData.blobs(perClass: 5)
        for kind in [ScoreKind.aum, .confidence, .variability] {
            #expect {
                try computeScores(
                    [ScoreSpec(kind: kind)], features: features, labels: labels, classCount: 3,
                    model: Self.model, training: TrainingSpec(epochs: 0), progress: SilentProgress())
            } throws: { error in ((error as? InputError)?.message ?? "").contains("expected at least 1") }
        }
        for kind in [ScoreKind.aum, .margin(epoch: 0)] {
            #expect {
                try computeScores(
                    [ScoreSpec(kind: kind)], features: features, labels: labels.map { _ in 0 }, classCount: 1,
                    model: Self.model, training: TrainingSpec(epochs: 2), progress: SilentProgress())
            } throws: { error in ((error as? InputError)?.message ?? "").contains("expected at least 2") }
        }
        #expect(throws: InputError.self) {
            try computeScores(
                [ScoreSpec(kind: .loss(epoch: 3))], features: features, labels: labels, classCount: 3,
                model: Self.model, training: TrainingSpec(epochs: 2), progress: SilentProgress())
        }
        #expect(throws: InputError.self) {
            try computeScores(
                [ScoreSpec(kind: .random)], features: features, labels: labels, classCount: 3,
                model: Self.model, training: TrainingSpec(seeds: 0), progress: SilentProgress())
        }
    }

    /// Every score kind, 4 seeds: the parallel run equals the sequential one
    /// bit for bit, and progress arrives whole (one begin per seed, one
    /// advance per epoch 0…5 per seed) through the lock.
    @Test func parallelRunEqualsSequentialRun() throws {
        let (features, labels) = ScoringTestData.blobs(flipped: Self.flipped)
        let training = TrainingSpec(epochs: 5, batchSize: 32, seeds: 4, seed: 11)
        let specs: [ScoreSpec] = [
            .el2n(epoch: 2), .grand(epoch: 0), .grand(epoch: 5), .forgetting, .inputNorm, .loss(epoch: 3),
            .margin(epoch: 5), .aum, .confidence, .variability, .random,
        ].map { ScoreSpec(kind: $0) }
        let progress = CountingProgress()
        let parallel = try computeScores(
            specs, features: features, labels: labels, classCount: 3, model: Self.model,
            training: training, progress: progress, parallel: true)
        let sequential = try computeScores(
            specs, features: features, labels: labels, classCount: 3, model: Self.model,
            training: training, progress: SilentProgress(), parallel: false)
        #expect(parallel.count == specs.count)
        for (a, b) in zip(parallel, sequential) {
            #expect(a == b, "\(a.name)")
            #expect(a.perSeed.count == (a.kind == "input_norm" ? 1 : 4))
        }
        #expect(parallel[7].perSeed[0] != parallel[7].perSeed[1], "seeds differ")
        #expect(progress.steps.count == 4)
        #expect(progress.advances == 4 * 6)
    }
}
