/// A score-based plan (score × policy × fraction) with at least one breach of
/// severity `fail`: the plans that get a ``Recommendation``.
public struct FailingPlan: Sendable, Hashable {
    public var score: String
    /// The ``Auditing/PruningPolicy`` raw value.
    public var policy: String
    public var fraction: Double

    public init(score: String, policy: String, fraction: Double) {
        self.score = score
        self.policy = policy
        self.fraction = fraction
    }

    /// The distinct failing plans among `findings`, in order of their first
    /// fail-severity breach. Insufficient evidence never makes a plan fail
    /// here, nor do breaches of the `full` baseline or of `random` plans
    /// (no score to rebalance).
    public static func among(_ findings: [Finding]) -> [FailingPlan] {
        var seen = Set<FailingPlan>(), plans: [FailingPlan] = []
        for finding in findings where finding.outcome == .breach && finding.severity == .fail {
            guard let score = finding.score, let fraction = finding.fraction else { continue }
            let plan = FailingPlan(score: score, policy: finding.policy, fraction: fraction)
            if seen.insert(plan).inserted { plans.append(plan) }
        }
        return plans
    }
}
