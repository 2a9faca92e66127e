import DietAuditCore
import Learning

/// Computes the requested scores of every training example.
///
/// Seed-dependent scores share one training run per seed: run `k`
/// (0 ≤ k < `training.seeds`) initialises the model from seed value
/// `training.seed &+ k` and shuffles from the same value (see
/// ``Learning/train(network:on:labels:rows:spec:seed:observer:)``). A run
/// trains only as far as needed: to the largest requested `el2n`/`grand`
/// epoch, or all `training.epochs` when `forgetting` is requested; with only
/// epoch-0 scores nothing is trained. `input_norm` needs no training and has
/// one seed row. Results come in the order of `specs`; the same inputs
/// always give bit-identical results.
///
/// Progress: one ``ProgressReporter/begin(_:)`` per seed, then
/// ``ProgressReporter/advance(_:of:)`` at each epoch.
///
/// - Parameters:
///   - features: encoded training features, one row per example.
///   - labels: class index of each example in `0..<classCount`.
/// - Throws: ``InputError`` when a requested epoch is negative or beyond
///   `training.epochs`, a seed-dependent score is requested with fewer than
///   one seed, the shapes disagree, or training rejects its settings.
public func computeScores(
    _ specs: [ScoreSpec], features: FeatureMatrix, labels: [Int], classCount: Int,
    model: ModelSpec, training: TrainingSpec, progress: ProgressReporter
) throws -> [ScoreResult] {
    try validateScoring(specs, features: features, labels: labels, classCount: classCount, training: training)
    let el2nEpochs = Set(specs.compactMap { spec -> Int? in if case let .el2n(epoch) = spec.kind { return epoch }; return nil })
    let grandEpochs = Set(specs.compactMap { spec -> Int? in if case let .grand(epoch) = spec.kind { return epoch }; return nil })
    let wantsForgetting = specs.contains { $0.kind == .forgetting }
    let needsTraining = !el2nEpochs.isEmpty || !grandEpochs.isEmpty || wantsForgetting
    let lastEpoch = wantsForgetting ? training.epochs : max(el2nEpochs.max() ?? 0, grandEpochs.max() ?? 0)

    var runs = [ScoringRun]()
    if needsTraining {
        for run in 0..<training.seeds {
            let seed = training.seedValue(forRun: run)
            progress.begin("scoring: training seed \(run + 1) of \(training.seeds) (seed \(seed)), \(lastEpoch) epochs")
            var network = DenseNetwork(model: model, inputCount: features.columns, classCount: classCount, seed: seed)
            let observer = ScoringRun(
                features: features, labels: labels, classCount: classCount, el2nEpochs: el2nEpochs,
                grandEpochs: grandEpochs, countForgetting: wantsForgetting, lastEpoch: lastEpoch, progress: progress)
            try train(network: &network, on: features, labels: labels, spec: training, seed: seed, observer: observer)
            runs.append(observer)
        }
    }

    return specs.map { spec in
        switch spec.kind {
        case let .el2n(epoch):
            return ScoreResult(name: spec.name, kind: spec.kindName, epoch: epoch, perSeed: runs.map { $0.el2n[epoch]! })
        case let .grand(epoch):
            return ScoreResult(name: spec.name, kind: spec.kindName, epoch: epoch, perSeed: runs.map { $0.grand[epoch]! })
        case .forgetting:
            return ScoreResult(name: spec.name, kind: spec.kindName, epoch: nil,
                               perSeed: runs.map { $0.forgetting!.scores(epochs: training.epochs) })
        case .inputNorm:
            return ScoreResult(name: spec.name, kind: spec.kindName, epoch: nil, perSeed: [features.rowNorms()])
        }
    }
}

/// The checks ``computeScores(_:features:labels:classCount:model:training:progress:)`` makes first.
func validateScoring(_ specs: [ScoreSpec], features: FeatureMatrix, labels: [Int], classCount: Int, training: TrainingSpec) throws {
    for spec in specs {
        guard let epoch = spec.epoch else { continue }
        guard epoch >= 0 else {
            throw InputError("score \(spec.name) asks for epoch \(epoch); expected an epoch from 0 to training.epochs (\(training.epochs))")
        }
        guard epoch <= training.epochs else {
            throw InputError("score \(spec.name) asks for epoch \(epoch) but training.epochs is \(training.epochs); "
                + "expected an epoch from 0 to \(training.epochs), or raise training.epochs")
        }
    }
    let needsTraining = specs.contains { $0.kind != .inputNorm }
    if needsTraining && training.seeds < 1 {
        throw InputError("training.seeds is \(training.seeds); expected at least 1 for score \(specs.first { $0.kind != .inputNorm }!.name)")
    }
    guard labels.count == features.rows else {
        throw InputError("there are \(labels.count) labels for \(features.rows) examples; expected one per example")
    }
    guard classCount >= 1 else {
        throw InputError("the class count is \(classCount); expected at least 1")
    }
    if let bad = labels.first(where: { !(0..<classCount).contains($0) }) {
        throw InputError("label index \(bad) is outside 0..<\(classCount)")
    }
}
