import Auditing
import DietAuditCore

/// One remedy plan judged by the ruleset: how many fail-severity breaches its
/// own rows (composition and, when the run retrained, error risk) give, how
/// much it shifts composition, and what it costs in accuracy against random
/// pruning of the same size.
public struct RemedyAssessment: Sendable, Equatable {
    /// The remedy policy.
    public var remedy: PruningPolicy
    /// Breaches of severity `fail` on the remedy's rows (insufficient
    /// evidence does not count).
    public var failBreaches: Int
    /// The largest `tvd` over the remedy's attributes; `nil` when it has none.
    public var tvd: Double?
    /// Random plan's overall test accuracy minus the remedy's (see
    /// ``Recommendation/accuracyCost``); `nil` without both.
    public var accuracyCost: Double?

    public init(remedy: PruningPolicy, failBreaches: Int, tvd: Double?, accuracyCost: Double?) {
        self.remedy = remedy
        self.failBreaches = failBreaches
        self.tvd = tvd
        self.accuracyCost = accuracyCost
    }

    /// Whether the remedy passes the ruleset: no breach of severity `fail`.
    public var passes: Bool { failBreaches == 0 }
}

extension Ruleset {
    /// Judges the remedy plan (score, `remedy`, fraction) by this ruleset.
    ///
    /// Only the remedy's own rows are judged: its composition group and
    /// attribute rows, and its error-risk rows (the `full` baseline is not
    /// the remedy's doing). Regression rules have no previous run for a
    /// remedy, so they judge nothing (insufficient evidence, not counted).
    /// `composition` and `errorRisk` may hold other plans' rows too; the
    /// random plan of the same fraction in `errorRisk` gives the cost.
    public func assessRemedy(
        _ remedy: PruningPolicy, score: String, fraction: Double, composition: CompositionAudit,
        errorRisk: ErrorRiskAudit
    ) -> RemedyAssessment {
        let name = remedy.rawValue
        func mine(_ rowScore: String?, _ policy: String, _ rowFraction: Double?) -> Bool {
            rowScore == score && policy == name && rowFraction == fraction
        }
        let own = CompositionAudit(
            rows: composition.rows.filter { mine($0.score, $0.policy, $0.fraction) },
            attributes: composition.attributes.filter { mine($0.score, $0.policy, $0.fraction) })
        let ownRisk = ErrorRiskAudit(
            rows: errorRisk.rows.filter { mine($0.score, $0.policy, $0.fraction) },
            attributes: errorRisk.attributes.filter { mine($0.score, $0.policy, $0.fraction) })
        let findings = evaluate(own, errorRisk: ownRisk)
        let failBreaches = findings.filter { $0.outcome == .breach && $0.severity == .fail }.count
        let remedyAccuracy = ownRisk.overallAccuracy()
        let randomAccuracy = ErrorRiskAudit(
            rows: errorRisk.rows.filter { $0.policy == PruningPolicy.random.rawValue && $0.fraction == fraction },
            attributes: []
        ).overallAccuracy()
        var cost: Double?
        if let remedyAccuracy, let randomAccuracy { cost = randomAccuracy - remedyAccuracy }
        return RemedyAssessment(
            remedy: remedy, failBreaches: failBreaches, tvd: own.attributes.map(\.tvd).max(), accuracyCost: cost)
    }
}

extension ErrorRiskAudit {
    /// Overall test accuracy (mean over retraining seeds) of the one plan
    /// whose rows these are: Σ n_c·accuracy_c / Σ n_c over the `class`
    /// grouping's rows, which partition the test split, so it equals the mean
    /// over seeds of each model's overall accuracy. `nil` without such rows.
    public func overallAccuracy() -> Double? {
        let classRows = rows.filter { $0.attributeKind == .class }
        let total = classRows.reduce(0) { $0 + $1.n }
        guard total > 0 else { return nil }
        var correct = 0.0
        for row in classRows {
            guard let accuracy = row.value(of: "accuracy") else { return nil }
            correct += accuracy * Double(row.n)
        }
        return correct / Double(total)
    }
}
