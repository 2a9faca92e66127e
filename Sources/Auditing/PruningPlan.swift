import DietAuditCore

/// Which training examples one pruning plan removes: one (score, policy,
/// fraction) of the audit spec applied to the training split.
public struct PruningPlan: Sendable, Equatable {
    /// The score the plan ranks by (`el2n@2`, `forgetting`, …); `nil` for the
    /// score-independent `random` policy.
    public var score: String?
    /// How examples were chosen.
    public var policy: PruningPolicy
    /// The requested fraction f ∈ [0, 1) (the nearest `Double` to the decimal
    /// written in the spec; sizes were computed from the exact decimal).
    public var fraction: Double
    /// `removed[i]` is true when training example i is pruned, in training order
    /// (one bit per example, see ``ExampleBitSet``).
    public var removed: ExampleBitSet
    /// R: the number of `true` entries in ``removed`` — round(f·N), or for
    /// `class_balanced` the sum over classes of round(f·n_c).
    public var removedCount: Int

    public init(score: String?, policy: PruningPolicy, fraction: Double, removed: [Bool]) {
        self.init(score: score, policy: policy, fraction: fraction, removedSet: ExampleBitSet(removed))
    }

    public init(score: String?, policy: PruningPolicy, fraction: Double, removedSet: ExampleBitSet) {
        self.score = score
        self.policy = policy
        self.fraction = fraction
        self.removed = removedSet
        self.removedCount = removedSet.setCount
    }

    /// N: the number of training examples the plan covers.
    public var trainCount: Int { removed.count }

    /// N − R: the number of examples kept for retraining.
    public var keptCount: Int { removed.count - removedCount }

    /// Indices of the kept examples, in training order (the retraining set).
    public var keptIndices: [Int] { removed.indices.filter { !removed[$0] } }

    /// Indices of the removed examples, in training order.
    public var removedIndices: [Int] { removed.indices.filter { removed[$0] } }
}
