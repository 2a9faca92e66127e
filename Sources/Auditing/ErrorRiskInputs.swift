import DietAuditCore
import Learning

/// Everything the error-risk audit needs besides the plans: both splits,
/// the groupings, and how to build and train the retrained models.
public struct ErrorRiskInputs: Sendable {
    /// Encoded training features; each plan's `removed` has one entry per row.
    public var trainFeatures: FeatureMatrix
    /// Class index of each training example, in `0..<classCount`.
    public var trainLabels: [Int]
    /// Encoded features of the untouched test split.
    public var testFeatures: FeatureMatrix
    /// Class index of each test example, in `0..<classCount`.
    public var testLabels: [Int]
    /// Number of classes.
    public var classCount: Int
    /// The favourable class for selection rate, TPR, FPR and the fairness
    /// differences; `nil` leaves those metrics out.
    public var positiveClass: Int?
    /// The groupings to audit; only `name`, `kind`, `groups` and `test` are read.
    public var groupings: [Grouping]
    /// The retrained models' architecture.
    public var model: ModelSpec
    /// How each model is trained; `training.seed` is the base seed of the
    /// retraining seed values (see ``auditErrorRisk(plans:inputs:progress:parallel:)``).
    public var training: TrainingSpec
    /// K: models trained per plan (and for the `full` baseline).
    public var retrainSeeds: Int

    public init(
        trainFeatures: FeatureMatrix, trainLabels: [Int], testFeatures: FeatureMatrix, testLabels: [Int],
        classCount: Int, positiveClass: Int?, groupings: [Grouping], model: ModelSpec, training: TrainingSpec,
        retrainSeeds: Int
    ) {
        self.trainFeatures = trainFeatures; self.trainLabels = trainLabels
        self.testFeatures = testFeatures; self.testLabels = testLabels
        self.classCount = classCount; self.positiveClass = positiveClass; self.groupings = groupings
        self.model = model; self.training = training; self.retrainSeeds = retrainSeeds
    }

    /// The seed value of retraining seed `k` (0-based): `training.seed &+ 1000 &+ k`
    /// (wrapping). The offset keeps retrained models off the scoring runs'
    /// seed values `training.seed &+ k`; the same values serve every plan and
    /// the baseline, so comparisons between them are paired by seed.
    public func retrainingSeedValue(_ k: Int) -> UInt64 {
        training.seed &+ 1000 &+ UInt64(k)
    }

    /// Checks shapes and ranges before any training.
    func validate(plans: [PruningPlan]) throws {
        guard retrainSeeds >= 1 else {
            throw InputError("the error-risk audit has \(retrainSeeds) retraining seeds; expected at least 1")
        }
        guard classCount >= 1 else { throw InputError("the class count is \(classCount); expected at least 1") }
        for (name, features, labels) in [("training", trainFeatures, trainLabels), ("test", testFeatures, testLabels)] {
            guard labels.count == features.rows else {
                throw InputError(
                    "the \(name) split has \(labels.count) labels for \(features.rows) examples; expected one per "
                        + "example"
                )
            }
            if let bad = labels.first(where: { !(0..<classCount).contains($0) }) {
                throw InputError("a \(name) label index is \(bad); expected one in 0..<\(classCount)")
            }
        }
        guard testFeatures.columns == trainFeatures.columns else {
            throw InputError(
                "the test split has \(testFeatures.columns) feature columns, the training split "
                    + "\(trainFeatures.columns); expected the same encoding for both")
        }
        if let positiveClass, !(0..<classCount).contains(positiveClass) {
            throw InputError("the positive class index is \(positiveClass); expected one in 0..<\(classCount)")
        }
        for grouping in groupings {
            guard grouping.test.count == testLabels.count else {
                throw InputError(
                    "grouping \(grouping.name) covers \(grouping.test.count) test examples; expected "
                        + "\(testLabels.count)"
                )
            }
            if let bad = grouping.test.first(where: { !grouping.groups.indices.contains($0) }) {
                throw InputError(
                    "grouping \(grouping.name) has group index \(bad); expected one in 0..<\(grouping.groups.count)")
            }
        }
        for plan in plans {
            guard plan.trainCount == trainLabels.count else {
                throw InputError(
                    "plan \(plan.policy.rawValue) at \(plan.fraction) covers \(plan.trainCount) training "
                        + "examples; expected \(trainLabels.count)")
            }
            guard plan.keptCount > 0 else {
                throw InputError(
                    "plan \(plan.score ?? plan.policy.rawValue) at \(plan.fraction) keeps no training "
                        + "example; expected at least one to retrain on")
            }
        }
    }
}
