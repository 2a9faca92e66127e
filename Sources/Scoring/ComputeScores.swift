import DietAuditCore
import Learning

/// Computes the requested scores of every training example.
///
/// Seed-dependent scores share one training run per seed: run `k`
/// (0 ≤ k < `training.seeds`) initialises the model from seed value
/// `training.seed &+ k` and shuffles from the same value (see
/// ``Learning/train(network:on:labels:rows:spec:seed:observer:)``). A run
/// trains only as far as needed: to the largest requested `el2n`/`grand`/
/// `loss`/`margin` epoch, or all `training.epochs` when `forgetting`, `aum`,
/// `confidence` or `variability` is requested; with only epoch-0 scores
/// nothing is trained. `input_norm` needs no training and has one seed row;
/// `random` needs no training and has one row per seed (``randomScores(count:seed:)``).
/// Results come in the order of `specs`; the same inputs always give
/// bit-identical results, whether the seeds run in parallel or not.
///
/// Progress: one ``ProgressReporter/begin(_:)`` per trained seed, then
/// ``ProgressReporter/advance(_:of:)`` at each epoch 0…last. With parallel
/// seeds the calls of different seeds interleave, one whole call at a time.
///
/// - Parameters:
///   - features: encoded training features, one row per example.
///   - labels: class index of each example in `0..<classCount`.
///   - parallel: run the seeds concurrently on up to
///     `ProcessInfo.activeProcessorCount` threads (OpenBLAS held at one
///     thread meanwhile); `false` runs them one after another. Same results.
///   - model: the architecture; a ``Learning/ModelKind/cnn(channels:)`` model
///     needs ``Learning/ModelSpec/inputShape`` matching `features.columns`.
/// - Throws: ``InputError`` when the model cannot be built for the features
///   (``Learning/ModelSpec/validate(inputCount:)``, checked only when some
///   score needs training), a requested epoch is negative or beyond
///   `training.epochs`, a seed-dependent score is requested with fewer than
///   one seed, `aum`/`confidence`/`variability` with zero epochs, `margin`/`aum`
///   with fewer than two classes, the shapes disagree, or training rejects its
///   settings.
public func computeScores(
    _ specs: [ScoreSpec], features: FeatureMatrix, labels: [Int], classCount: Int,
    model: ModelSpec, training: TrainingSpec, progress: ProgressReporter, parallel: Bool = true
) throws -> [ScoreResult] {
    try computeScoring(
        specs, features: features, labels: labels, classCount: classCount, model: model, training: training,
        heldOut: nil, progress: progress, parallel: parallel
    ).scores
}

/// ``computeScores(_:features:labels:classCount:model:training:progress:parallel:)``,
/// and with `heldOut`, each scoring model's per-class recall on it (see
/// ``ScoringOutcome/heldOutRecall``): the model of each seed as it is when its
/// scoring run stops, predicting every held-out example (arg-max logit).
///
/// Reuse: a seed whose value is in `known` and whose entry holds every
/// requested score that needs training (and held-out predictions when
/// `heldOut` is given) is not trained; its stored values stand in, so the
/// results are bit-identical to fresh ones. The caller answers for `known`
/// coming from the same features, labels, model, training settings and score
/// list. Trained seeds are returned in ``ScoringOutcome/trainedSeeds``.
public func computeScoring(
    _ specs: [ScoreSpec], features: FeatureMatrix, labels: [Int], classCount: Int,
    model: ModelSpec, training: TrainingSpec, heldOut: HeldOutSplit?, progress: ProgressReporter,
    parallel: Bool = true, reusing known: [UInt64: SeedScoring] = [:]
) throws -> ScoringOutcome {
    try validateScoring(specs, features: features, labels: labels, classCount: classCount, training: training)
    let plan = ScoringPlan(specs: specs, training: training)
    if plan.needsTraining { try model.validate(inputCount: features.columns) }
    let reporter: ProgressReporter = parallel ? LockedProgress(progress) : progress
    let trainedSpecs = specs.filter(\.needsTraining)
    let trainedNames = trainedSpecs.map(\.name)

    let seedRuns: [(seed: SeedScoring, trained: Bool)] =
        !plan.needsTraining
        ? []
        : try runParallelJobs(
            count: training.seeds, parallel: parallel
        ) { run in
            let seed = training.seedValue(forRun: run)
            if let stored = known[seed],
                stored.covers(
                    scoreNames: trainedNames, exampleCount: features.rows, heldOutCount: heldOut?.labels.count)
            {
                reporter.begin("scoring: seed \(run + 1) of \(training.seeds) (seed \(seed)) reused")
                return (stored, false)
            }
            reporter.begin(
                "scoring: training seed \(run + 1) of \(training.seeds) (seed \(seed)), \(plan.lastEpoch) epochs")
            var network = Network(model: model, inputCount: features.columns, classCount: classCount, seed: seed)
            let observer = ScoringRun(
                features: features, labels: labels, classCount: classCount, plan: plan, progress: reporter)
            do {
                try train(
                    network: &network, on: features, labels: labels, spec: training, seed: seed, observer: observer)
            } catch let error as TrainingDiverged {
                throw error.during("scoring model \(run + 1) of \(training.seeds)")
            }
            let heldOutPredictions = heldOut.map { network.predictedClasses(for: $0.features) }
            return (
                observer.seedScoring(
                    trainedSpecs, epochs: training.epochs, seedValue: seed, heldOutPredictions: heldOutPredictions),
                true
            )
        }

    let runs = seedRuns.map(\.seed)
    let results = specs.map { spec in
        let rows: [[Double]]
        switch spec.kind {
        case .el2n, .grand, .loss, .margin, .forgetting, .aum, .confidence, .variability:
            rows = runs.map { $0.scores[spec.name]! }
        case .inputNorm: rows = [features.rowNorms()]
        case .random:
            rows = (0..<training.seeds).map { randomScores(count: features.rows, seed: training.seedValue(forRun: $0)) }
        }
        return ScoreResult(
            name: spec.name, kind: spec.kindName, epoch: spec.epoch, direction: spec.direction, perSeed: rows)
    }
    try checkFinite(results, training: training)
    let recall = heldOut.flatMap { split in
        runs.isEmpty
            ? nil
            : meanClassRecall(
                predictions: runs.compactMap(\.heldOutPredictions), labels: split.labels, classCount: classCount)
    }
    var outcome = ScoringOutcome(scores: results, heldOutRecall: recall)
    outcome.trainedSeeds = seedRuns.filter(\.trained).map(\.seed)
    outcome.reusedSeedValues = seedRuns.filter { !$0.trained }.map(\.seed.seedValue)
    return outcome
}

/// Throws ``Learning/TrainingDiverged`` (quantity `outputs`) when a score of
/// some seed is NaN or infinite, e.g. a trained model whose logits overflowed
/// on the data though its parameters stayed finite: planning needs finite scores.
func checkFinite(_ results: [ScoreResult], training: TrainingSpec) throws {
    for result in results {
        for (run, values) in result.perSeed.enumerated() where !values.allSatisfy(\.isFinite) {
            throw TrainingDiverged(
                quantity: .outputs, seed: training.seedValue(forRun: run), epoch: result.epoch ?? training.epochs,
                epochs: training.epochs, optimizer: training.optimizer.kind,
                learningRate: Double(training.optimizer.learningRate), purpose: "score \(result.name)")
        }
    }
}

/// The checks ``computeScores(_:features:labels:classCount:model:training:progress:parallel:)`` makes first.
func validateScoring(
    _ specs: [ScoreSpec], features: FeatureMatrix, labels: [Int], classCount: Int, training: TrainingSpec
) throws {
    for spec in specs {
        if let epoch = spec.epoch {
            guard epoch >= 0 else {
                throw InputError(
                    "score \(spec.name) asks for epoch \(epoch); expected an epoch from 0 to training.epochs "
                        + "(\(training.epochs))"
                )
            }
            guard epoch <= training.epochs else {
                throw InputError(
                    "score \(spec.name) asks for epoch \(epoch) but training.epochs is \(training.epochs); "
                        + "expected an epoch from 0 to \(training.epochs), or raise training.epochs")
            }
        }
        let wholeRun = [ScoreKind.aum, .confidence, .variability].contains(spec.kind)
        if wholeRun && training.epochs < 1 {
            throw InputError(
                "score \(spec.name) is measured over the training epochs but training.epochs is "
                    + "\(training.epochs); expected at least 1")
        }
        let comparesClasses: Bool
        if case .margin = spec.kind { comparesClasses = true } else { comparesClasses = spec.kind == .aum }
        if comparesClasses && classCount < 2 {
            throw InputError(
                "score \(spec.name) compares the true class with the others but there is "
                    + "\(classCount) class; expected at least 2")
        }
    }
    if let first = specs.first(where: { $0.kind != .inputNorm }), training.seeds < 1 {
        throw InputError("training.seeds is \(training.seeds); expected at least 1 for score \(first.name)")
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
