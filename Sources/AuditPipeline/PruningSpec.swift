import Auditing
import DietAuditCore

/// The spec's `pruning` section: which plans to audit.
public struct PruningSpec: Sendable, Equatable {
    /// Fractions of the training set to remove, each in (0, 1), exactly as
    /// written (plan sizes are computed from the decimal, rounded half to even).
    public var fractions: [DecimalFraction] = [0.1, 0.3, 0.5, 0.7]
    /// Policies to apply at every fraction, each listed once (by name: a
    /// `keep_hard` with an offset is a policy of its own).
    public var policies: [PruningPolicy] = [.keepHard, .keepEasy, .random, .classBalanced]
    /// K, the number of extra random draws per fraction for the random band
    /// and the empirical p-values (`{policy: random, draws: K}`); 0 for none.
    public var randomDraws: Int = 0
    /// Seeds of the models retrained on each kept set for the error-risk audit;
    /// 0 skips it.
    public var retrainSeeds: Int = 3

    public init() {}

    /// The largest number of draws a spec may ask for.
    public static let maximumDraws = 100_000
}

/// One plan a spec lists: its score (`nil` for `random`), policy and fraction.
struct ListedPlan {
    var score: String?
    var policy: PruningPolicy
    var fraction: DecimalFraction
}

extension PruningSpec {
    /// Every plan the spec lists, in the order runs store and report them:
    /// per score (in `scoreNames` order), per policy but `random`, per
    /// fraction; then `random` once per fraction (it does not depend on a
    /// score). The in-memory and the engine paths both plan in this order.
    func listedPlans(scoreNames: [String]) -> [ListedPlan] {
        var plans: [ListedPlan] = []
        for score in scoreNames {
            for policy in policies where policy != .random {
                plans += fractions.map { ListedPlan(score: score, policy: policy, fraction: $0) }
            }
        }
        if policies.contains(.random) {
            plans += fractions.map { ListedPlan(score: nil, policy: .random, fraction: $0) }
        }
        return plans
    }
}
