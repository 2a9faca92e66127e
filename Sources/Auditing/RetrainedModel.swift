import DietAuditCore
import Foundation

/// What identifies one model of the error-risk audit within one setting of
/// data, model and training: the kept set it was trained on and its seed value.
///
/// The rest of what determines the model (the encoded training and test data,
/// the architecture, the training settings) is the caller's reuse key; this
/// identifies a model under that key. Two plans with the same kept set (e.g.
/// `keep_hard` and `group_balanced` when they happen to coincide) share it.
public struct RetrainedModelID: Sendable, Hashable {
    /// Lower-case hex SHA-256 of the plan's removal mask, one byte per
    /// training example (1 removed, 0 kept) — see ``keptSetDigest(removed:)``.
    public var keptSet: String
    /// The retraining seed value (``ErrorRiskInputs/retrainingSeedValue(_:)``).
    public var seedValue: UInt64

    public init(keptSet: String, seedValue: UInt64) {
        self.keptSet = keptSet
        self.seedValue = seedValue
    }

    /// SHA-256 of a removal mask written one byte per example (1 removed).
    public static func keptSetDigest(removed: some Sequence<Bool>) -> String {
        Fingerprint.sha256(Data(removed.map { $0 ? 1 : 0 }))
    }

    /// Every model `auditErrorRisk` needs for `plans`: the baseline (nothing
    /// removed) and each distinct kept set, each at every retraining seed.
    public static func needed(plans: [PruningPlan], inputs: ErrorRiskInputs) -> [RetrainedModelID] {
        var masks = [ExampleBitSet(count: inputs.trainLabels.count)]
        var seen = Set(masks)
        for plan in plans where seen.insert(plan.removed).inserted { masks.append(plan.removed) }
        return masks.flatMap { mask in
            let digest = keptSetDigest(removed: mask)
            return (0..<max(inputs.retrainSeeds, 0)).map {
                RetrainedModelID(keptSet: digest, seedValue: inputs.retrainingSeedValue($0))
            }
        }
    }
}

/// One trained model of the error-risk audit, as much of it as the audit
/// reads: its predictions on the test split. Stored so a later run with the
/// same data, model and training can reuse it instead of training again.
public struct RetrainedModel: Sendable, Equatable {
    public var id: RetrainedModelID
    public var predictions: TestPredictions

    public init(id: RetrainedModelID, predictions: TestPredictions) {
        self.id = id
        self.predictions = predictions
    }
}
