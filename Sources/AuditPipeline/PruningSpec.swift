import Auditing
import DietAuditCore

/// The spec's `pruning` section: which plans to audit.
public struct PruningSpec: Sendable, Equatable {
    /// Fractions of the training set to remove, each in (0, 1), exactly as
    /// written (plan sizes are computed from the decimal, rounded half to even).
    public var fractions: [DecimalFraction] = [0.1, 0.3, 0.5, 0.7]
    /// Policies to apply at every fraction.
    public var policies: [PruningPolicy] = PruningPolicy.allCases
    /// Seeds of the models retrained on each kept set for the error-risk audit;
    /// 0 skips it.
    public var retrainSeeds: Int = 3

    public init() {}
}
