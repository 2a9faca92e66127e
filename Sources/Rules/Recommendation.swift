import DietAuditCore

/// The remedy recommended for one plan that fails the ruleset (a breach of
/// severity `fail`): which of the remedy policies, built at the same score
/// and fraction, to use instead, and whether it passes the ruleset itself.
///
/// JSON (top-level `recommendations`) and database (table `recommendation`,
/// migration "v9: recommendations") use the snake_case names of
/// ``CodingKeys``.
public struct Recommendation: Sendable, Equatable, Codable {
    /// The failing plan's score.
    public var score: String
    /// The failing plan's policy (``PruningPolicy`` raw value).
    public var policy: String
    /// The failing plan's fraction f.
    public var fraction: Double
    /// The recommended remedy's policy name; when none passes, the closest
    /// (fewest fail-severity breaches); `nil` when no remedy applies.
    public var remedy: String?
    /// Whether ``remedy`` passes the ruleset: no breach of severity `fail`.
    public var passes: Bool
    /// Overall test accuracy of models retrained on the random plan of the
    /// same fraction minus that of models retrained on the remedy's kept set
    /// (means over the paired retraining seeds): positive is what the remedy
    /// costs against random pruning. Range [−1, 1]; ideal ≤ 0. `nil` without
    /// retraining, or when the run has no random plan to compare with.
    public var accuracyCost: Double?
    /// The remedy's largest `tvd` over every attribute (the class,
    /// attributes, intersections). Range [0, 1]; ideal 0.
    public var tvd: Double?
    /// One plain sentence.
    public var message: String

    enum CodingKeys: String, CodingKey {
        case score, policy, fraction, remedy, passes
        case accuracyCost = "accuracy_cost"
        case tvd, message
    }

    public init(
        score: String, policy: String, fraction: Double, remedy: String?, passes: Bool, accuracyCost: Double?,
        tvd: Double?, message: String
    ) {
        self.score = score
        self.policy = policy
        self.fraction = fraction
        self.remedy = remedy
        self.passes = passes
        self.accuracyCost = accuracyCost
        self.tvd = tvd
        self.message = message
    }
}

extension Recommendation {
    /// Chooses among the judged remedies of the plan (score, policy,
    /// fraction), given in the order ties are broken.
    ///
    /// Among the remedies that pass, the smallest ``RemedyAssessment/accuracyCost``
    /// when every passing remedy has one (the run retrained), else the
    /// smallest ``RemedyAssessment/tvd``. When none passes, the remedy with the
    /// fewest fail-severity breaches (then the same order) is named, with
    /// `passes` false and a message saying so.
    public static func choose(
        score: String, policy: String, fraction: Double, among assessments: [RemedyAssessment]
    ) -> Recommendation {
        let plan = planPhrase(score: score, policy: policy, fraction: fraction)
        guard !assessments.isEmpty else {
            return Recommendation(
                score: score, policy: policy, fraction: fraction, remedy: nil, passes: false, accuracyCost: nil,
                tvd: nil, message: "\(plan) fails the ruleset, and no remedy policy applies to it.")
        }
        let passing = assessments.filter(\.passes)
        let byCost = !passing.isEmpty && passing.allSatisfy { $0.accuracyCost != nil }
        func key(_ assessment: RemedyAssessment) -> Double {
            (byCost ? assessment.accuracyCost : assessment.tvd) ?? .infinity
        }
        let chosen: RemedyAssessment
        let message: String
        if let best = passing.min(by: { key($0) < key($1) }) {
            chosen = best
            let measure =
                byCost
                ? "an accuracy cost of \(formatMetric(best.accuracyCost!)) against random pruning"
                : "a largest composition shift (TVD) of \(formatMetric(best.tvd ?? .nan))"
            let among = passing.count == 1 ? "the only passing remedy" : "the best of \(passing.count) passing remedies"
            message =
                "\(plan) fails the ruleset; \(best.remedy.rawValue) at the same fraction passes it, with \(measure) "
                + "(\(among) of \(assessments.count) tried)."
        } else {
            chosen = assessments.min { $0.failBreaches < $1.failBreaches } ?? assessments[0]
            let tried = assessments.map(\.remedy.rawValue).joined(separator: ", ")
            message =
                "\(plan) fails the ruleset, and none of the remedies tried (\(tried)) passes it: the closest, "
                + "\(chosen.remedy.rawValue), still has \(chosen.failBreaches) fail-severity "
                + "breach\(chosen.failBreaches == 1 ? "" : "es")."
        }
        return Recommendation(
            score: score, policy: policy, fraction: fraction, remedy: chosen.remedy.rawValue,
            passes: chosen.passes, accuracyCost: chosen.accuracyCost, tvd: chosen.tvd, message: message)
    }
}
