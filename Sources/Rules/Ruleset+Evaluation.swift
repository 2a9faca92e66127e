import Auditing
import DietAuditCore

extension Ruleset {
    /// Checks every rule against every row it applies to and returns the
    /// breaches and the rows it could not judge, in rule order then row order
    /// (at most one finding per rule and row).
    ///
    /// A row the rule applies to (its grouping kind in `applies_to`, its
    /// policy among `policies`, the `full` baseline included when `policies`
    /// is not given) gets, first that holds: nothing when the metric cannot
    /// exist on such a row (`accuracy_delta_vs_random` on `random`); an
    /// insufficient-evidence finding when its group is below `min_group_size`;
    /// nothing when a statistical `only_if` does not hold; an
    /// insufficient-evidence finding when the metric is undefined there (see
    /// `Ruleset+Insufficient.swift`); a breach when the value crosses the limit.
    ///
    /// A `compare_to: previous` rule compares each row with the same row of
    /// `previous` (see ``regressionFindings(_:allowed:audit:errorRisk:previous:)``).
    public func evaluate(
        _ audit: CompositionAudit, errorRisk: ErrorRiskAudit = ErrorRiskAudit(rows: [], attributes: []),
        previous: PreviousRun? = nil
    ) -> [Finding] {
        rules.flatMap { rule -> [Finding] in
            if case .worsens(let allowed) = rule.condition {
                return regressionFindings(
                    rule, allowed: allowed, audit: audit, errorRisk: errorRisk, previous: previous)
            }
            return switch MetricCatalog.level(of: rule.metric) {
            case .group: audit.rows.compactMap { check(rule, on: $0) }
            case .attribute: audit.attributes.compactMap { check(rule, on: $0) }
            case .errorGroup: errorRisk.rows.compactMap { check(rule, on: $0) }
            case .errorAttribute: errorRisk.attributes.compactMap { check(rule, on: $0) }
            case nil: []
            }
        }
    }

    private func check(_ rule: Rule, on row: some RuleRow) -> Finding? {
        guard rule.appliesTo.contains(row.attributeKind),
            rule.policies.map({ $0.contains(row.policy) }) ?? true
        else { return nil }
        let reading = row.reading(of: rule.metric)
        if reading == .notApplicable { return nil }
        if let tooSmall = smallGroupFinding(rule, on: row) { return tooSmall }
        guard row.satisfies(rule.precondition) else { return nil }
        let value: Double
        switch reading {
        case .value(let measured): value = measured
        case .notApplicable: return nil
        case .undefined(let reason): return undefinedMetricFinding(rule, on: row, reason: reason)
        }
        guard let breach = rule.condition.breach(of: value) else { return nil }
        let evidence = (row as? CompositionRow)?.evidence ?? ""
        let message =
            "\(planPhrase(score: row.score, policy: row.policy, fraction: row.fractionOrNil)), "
            + row.subject(metric: rule.metric, value: value)
            + ", \(breach.comparison) the limit \(formatNumber(breach.threshold))" + evidence + "."
        return Finding(
            ruleId: rule.id, severity: rule.severity, score: row.score, policy: row.policy,
            fraction: row.fractionOrNil, attribute: row.attribute, group: row.groupOrNil, metric: rule.metric,
            value: value, threshold: breach.threshold, comparison: breach.comparison, message: message)
    }
}

/// "Pruning 30% with keep_hard by el2n@2" / "Pruning 30% at random" /
/// "Without pruning" (the full baseline).
func planPhrase(score: String?, policy: String, fraction: Double?) -> String {
    guard let fraction else { return "Without pruning" }
    let percent = NumberFormatting.percent(fraction)
    guard let score else { return "Pruning \(percent) at random" }
    return "Pruning \(percent) with \(policy) by \(score)"
}

/// A metric value as messages write it.
func formatMetric(_ value: Double) -> String {
    NumberFormatting.metric(value)
}
