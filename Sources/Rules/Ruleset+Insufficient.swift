import Auditing
import DietAuditCore

/// The findings of rules that apply to a row but cannot judge it
/// (``FindingOutcome/insufficientEvidence``): the group is smaller than the
/// rule's `only_if.min_group_size`, or the rule's metric is undefined on the
/// row (``RuleReading/undefined(reason:)``).
///
/// Their severity is the rule's own `on_insufficient`, else the ruleset's
/// (``Ruleset/onInsufficient``, default `warn`). A statistical `only_if`
/// (`q_value_below`, `p_value_below`, `chi2_p_value_below`) that does not
/// hold is not insufficient evidence: the rule judged the difference not
/// significant, and records nothing.
extension Ruleset {
    /// The severity of `rule`'s insufficient-evidence findings.
    public func insufficientSeverity(of rule: Rule) -> Severity {
        rule.onInsufficient ?? onInsufficient
    }

    /// The finding for a group below the rule's `min_group_size`, or `nil`
    /// when the rule sets none, the row has no group or the group is large
    /// enough. Comparison `min_group_size`, threshold the minimum, no value.
    func smallGroupFinding(_ rule: Rule, on row: some RuleRow) -> Finding? {
        guard let minimum = rule.precondition.minGroupSize, let size = row.groupSize, size < minimum else {
            return nil
        }
        let who = row.groupOrNil.map { "group '\($0)' of \(row.attribute)" } ?? row.attribute
        let count = row is ErrorRiskRow ? "\(size) test examples" : "n = \(size)"
        let message =
            "\(planPhrase(score: row.score, policy: row.policy, fraction: row.fractionOrNil)), "
            + "\(who) has \(count), below the rule's minimum of \(minimum) (min_group_size), "
            + "so \(rule.metric) was not judged."
        return insufficientFinding(
            rule, on: row, threshold: Double(minimum), reason: .minGroupSize,
            message: message)
    }

    /// The finding for a metric undefined on the row; `reason` is the clause
    /// of ``RuleReading/undefined(reason:)``. Comparison `undefined`, no value.
    func undefinedMetricFinding(_ rule: Rule, on row: some RuleRow, reason: String) -> Finding {
        let whose = row.groupOrNil.map { "of group '\($0)' of \(row.attribute)" } ?? "of \(row.attribute)"
        let message =
            "\(planPhrase(score: row.score, policy: row.policy, fraction: row.fractionOrNil)), "
            + "\(rule.metric) \(whose) is undefined: \(reason), so the rule could not judge it."
        return insufficientFinding(rule, on: row, threshold: nil, reason: .undefined, message: message)
    }

    private func insufficientFinding(
        _ rule: Rule, on row: some RuleRow, threshold: Double?, reason: InsufficientReason, message: String
    ) -> Finding {
        Finding(
            ruleId: rule.id, severity: insufficientSeverity(of: rule), score: row.score, policy: row.policy,
            fraction: row.fractionOrNil, attribute: row.attribute, group: row.groupOrNil, metric: rule.metric,
            value: nil, threshold: threshold, comparison: reason.rawValue, message: message,
            outcome: .insufficientEvidence)
    }
}

/// Why a rule could not judge a row: the `comparison` of an
/// insufficient-evidence finding.
public enum InsufficientReason: String, Sendable, CaseIterable {
    /// The group has fewer members than the rule's `only_if.min_group_size`.
    case minGroupSize = "min_group_size"
    /// The rule's metric is undefined on the row.
    case undefined
    /// A `compare_to: previous` rule found no earlier complete run.
    case noPreviousRun = "no_previous_run"
    /// A `compare_to: previous` rule's row is missing from the earlier run.
    case notInPreviousRun = "not_in_previous_run"
    /// A `compare_to: previous` rule's metric was undefined in the earlier run.
    case undefinedInPreviousRun = "undefined_in_previous_run"

    /// How reports name the reason in a summary ("group below min_group_size").
    public var summary: String {
        switch self {
        case .minGroupSize: "group below min_group_size"
        case .undefined: "metric undefined"
        case .noPreviousRun: "no previous run"
        case .notInPreviousRun: "row not in the previous run"
        case .undefinedInPreviousRun: "metric undefined in the previous run"
        }
    }
}
