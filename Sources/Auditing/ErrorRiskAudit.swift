import DietAuditCore
import Learning

/// The error-risk audit of a run — "who pays for the pruning?": how models
/// retrained on each plan's kept set perform on each test group, against the
/// `full` baseline trained on every training example.
public struct ErrorRiskAudit: Sendable {
    /// One row per (baseline or plan) × grouping × group with n > 0 test
    /// examples: the baseline's rows first, then each plan's in plan order;
    /// within one, groupings and groups in their own order.
    public var rows: [ErrorRiskRow]
    /// One row per (baseline or plan) × grouping with a non-empty test group,
    /// in the same order.
    public var attributes: [ErrorRiskAttributeRow]
    /// The models this audit trained (not those it was handed to reuse), for
    /// a later run to reuse; empty for an audit read back from storage.
    public var trainedModels: [RetrainedModel]

    public init(rows: [ErrorRiskRow], attributes: [ErrorRiskAttributeRow], trainedModels: [RetrainedModel] = []) {
        self.rows = rows
        self.attributes = attributes
        self.trainedModels = trainedModels
    }
}

/// Retrains models on every plan's kept set and on the full training split,
/// and measures each test group's accuracy, error rates and calibration.
///
/// Models: K = `inputs.retrainSeeds` models per plan and for the `full`
/// baseline. Retraining seed k (0-based) uses the seed value
/// `training.seed &+ 1000 &+ k` (``ErrorRiskInputs/retrainingSeedValue(_:)``)
/// both to initialise the network (`Network(model:inputCount:classCount:seed:)`)
/// and to shuffle (``Learning/train(network:on:labels:rows:spec:seed:observer:)``
/// on the kept rows, in training order). Every plan and the baseline use the
/// same K seed values, so `accuracy_delta_vs_full` and
/// `accuracy_delta_vs_random` are paired differences per seed. Plans with the
/// same kept set (e.g. f = 0 and the baseline) share their trained models —
/// the training is deterministic, so this changes nothing but the cost.
/// Each model predicts the test split: ŷ = arg-max of the class probabilities
/// (first maximum on ties), confidence = that probability.
///
/// Metrics: per seed, ``GroupErrorMetrics`` for every group with n > 0 test
/// examples and for each grouping as a whole, then summarised over the seeds
/// with ``SeedSummary`` (see ``ErrorRiskRow`` and ``ErrorRiskAttributeRow``
/// for every formula and edge case).
///
/// Parallelism: the (model, seed) trainings run concurrently on up to
/// `ProcessInfo.activeProcessorCount` threads with OpenBLAS held at one thread
/// (`parallel: false` runs them in order on the calling thread); the results
/// are bit-identical either way.
///
/// Progress: one ``ProgressReporter/begin(_:)``, then
/// ``ProgressReporter/advance(_:of:)`` after each finished training (calls
/// serialised, in completion order).
///
/// Reuse: a model found in `known` under its ``RetrainedModelID`` (kept set
/// and seed value) is not trained; its stored test predictions stand in for
/// it, so the rows are bit-identical to a fresh audit's. The caller answers
/// for `known` holding models of the same data, model and training settings.
/// The models trained here are returned in ``ErrorRiskAudit/trainedModels``.
///
/// - Throws: ``InputError`` when `retrainSeeds` < 1, the shapes of features,
///   labels, groupings and plans disagree, a label, group index or the
///   positive class is out of range, a plan keeps no example, or training
///   rejects its settings.
public func auditErrorRisk(
    plans: [PruningPlan], inputs: ErrorRiskInputs, progress: ProgressReporter, parallel: Bool = true,
    reusing known: [RetrainedModelID: TestPredictions] = [:]
) throws -> ErrorRiskAudit {
    try inputs.validate(plans: plans)
    let (keptSets, planModels) = distinctKeptSets(plans: plans, trainCount: inputs.trainLabels.count)
    let outcomes = try retrainAndPredict(
        keptSets: keptSets, inputs: inputs, progress: progress, parallel: parallel, known: known)
    let predictions = outcomes.map(\.model.predictions)
    let seeds = inputs.retrainSeeds
    // values[model][k][grouping]: each group's metric values under one trained model.
    let values: [[[GroupingErrorValues]]] = (0..<keptSets.count).map { model in
        (0..<seeds).map { k in
            let outcome = predictions[model * seeds + k]
            return inputs.groupings.map { grouping in
                GroupErrorMetrics.groupValues(
                    labels: inputs.testLabels, predicted: outcome.predicted, confidences: outcome.confidences,
                    groups: grouping.test, groupCount: grouping.groups.count, positiveClass: inputs.positiveClass)
            }
        }
    }
    let subjects = errorRiskSubjects(plans: plans, planModels: planModels)
    let undefinedRates = inputs.groupings.map { grouping in
        GroupErrorMetrics.undefinedRates(
            labels: inputs.testLabels, groups: grouping.test,
            groupCount: grouping.groups.count, positiveClass: inputs.positiveClass)
    }
    var audit = ErrorRiskAudit(rows: [], attributes: [], trainedModels: outcomes.filter(\.trained).map(\.model))
    for subject in subjects {
        for (index, grouping) in inputs.groupings.enumerated() {
            let perSeed = values[subject.model].map { $0[index] }, fullPerSeed = values[0].map { $0[index] }
            let randomPerSeed = subject.randomModel.map { model in values[model].map { $0[index] } }
            let rows = subject.groupRows(
                grouping: grouping, perSeed: perSeed, fullPerSeed: fullPerSeed,
                randomPerSeed: randomPerSeed, undefinedRates: undefinedRates[index])
            guard !rows.isEmpty else { continue }
            audit.rows += rows
            audit.attributes.append(
                subject.attributeRow(grouping: grouping, perSeed: perSeed, fullPerSeed: fullPerSeed))
        }
    }
    return audit
}

/// The distinct kept sets of `plans`, the baseline's (nothing removed) first,
/// and for each plan the index of its kept set: plans with the same kept set
/// share their retrained models.
private func distinctKeptSets(plans: [PruningPlan], trainCount: Int) -> (keptSets: [[Bool]], planModels: [Int]) {
    // Distinct kept sets; 0 is the baseline (nothing removed).
    let nothingRemoved = [Bool](repeating: false, count: trainCount)
    var keptSets: [[Bool]] = [nothingRemoved]
    var modelIndex: [ExampleBitSet: Int] = [ExampleBitSet(nothingRemoved): 0]
    let planModels = plans.map { plan -> Int in
        if let index = modelIndex[plan.removed] { return index }
        keptSets.append(Array(plan.removed))
        modelIndex[plan.removed] = keptSets.count - 1
        return keptSets.count - 1
    }
    return (keptSets, planModels)
}

/// Trains `inputs.retrainSeeds` models on each kept set (concurrently unless
/// `parallel` is false), or takes them from `known`, and returns their test
/// predictions, model-major: kept set m, seed k is at `m * retrainSeeds + k`.
private func retrainAndPredict(
    keptSets: [[Bool]], inputs: ErrorRiskInputs, progress: ProgressReporter, parallel: Bool,
    known: [RetrainedModelID: TestPredictions]
) throws -> [(model: RetrainedModel, trained: Bool)] {
    let seeds = inputs.retrainSeeds
    let jobCount = keptSets.count * seeds
    let digests = keptSets.map { RetrainedModelID.keptSetDigest(removed: $0) }
    let ids = (0..<jobCount).map {
        RetrainedModelID(keptSet: digests[$0 / seeds], seedValue: inputs.retrainingSeedValue($0 % seeds))
    }
    let reusable = ids.filter { known[$0]?.predicted.count == inputs.testLabels.count }.count
    progress.begin(
        "error risk: retraining \(keptSets.count) kept sets × \(seeds) seeds (\(jobCount) models, "
            + "\(inputs.training.epochs) epochs each)"
            + (reusable > 0 ? "; \(reusable) already at hand, \(jobCount - reusable) to train" : ""))
    let finished = LockedProgress(progress)
    return try runParallelJobs(count: jobCount, parallel: parallel) { job -> (model: RetrainedModel, trained: Bool) in
        if let stored = known[ids[job]], stored.predicted.count == inputs.testLabels.count {
            finished.finishedOne(of: jobCount)
            return (RetrainedModel(id: ids[job], predictions: stored), false)
        }
        let (model, k) = (job / seeds, job % seeds)
        let removed = keptSets[model]
        let rows = model == 0 ? nil : removed.indices.filter { !removed[$0] }
        let seed = inputs.retrainingSeedValue(k)
        var network = Network(
            model: inputs.model, inputCount: inputs.trainFeatures.columns,
            classCount: inputs.classCount, seed: seed)
        let purpose = "error-risk retraining" + (model == 0 ? " on all training data" : " on a pruned set")
        do {
            try train(
                network: &network, on: inputs.trainFeatures, labels: inputs.trainLabels, rows: rows,
                spec: inputs.training, seed: seed)
        } catch let error as TrainingDiverged {
            throw error.during(purpose)
        }
        let result = TestPredictions(network: network, features: inputs.testFeatures)
        guard result.confidences.allSatisfy(\.isFinite) else {
            throw TrainingDiverged(
                quantity: .outputs, seed: seed, epoch: inputs.training.epochs, epochs: inputs.training.epochs,
                optimizer: inputs.training.optimizer.kind, learningRate: Double(inputs.training.optimizer.learningRate),
                purpose: purpose + ", predicting the test split")
        }
        finished.finishedOne(of: jobCount)
        return (RetrainedModel(id: ids[job], predictions: result), true)
    }
}

/// The rows' subjects: the `full` baseline, then each plan with the model of
/// its kept set and the model of the random plan of the same fraction.
private func errorRiskSubjects(plans: [PruningPlan], planModels: [Int]) -> [ErrorRiskSubject] {
    var subjects = [
        ErrorRiskSubject(
            score: nil, policy: ErrorRiskRow.fullPolicy, fraction: nil,
            model: 0, randomModel: nil)
    ]
    for (plan, model) in zip(plans, planModels) {
        let random =
            plan.policy == .random
            ? nil
            : plans.indices.first { plans[$0].policy == .random && plans[$0].fraction == plan.fraction }
        subjects.append(
            ErrorRiskSubject(
                score: plan.score, policy: plan.policy.rawValue, fraction: plan.fraction,
                model: model, randomModel: random.map { planModels[$0] }))
    }
    return subjects
}
