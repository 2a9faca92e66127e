import Auditing
import DietAuditCore

extension Ruleset {
    /// Checks every rule against every row it applies to and returns the
    /// breaches, in rule order then row order.
    ///
    /// A row is skipped (no finding) when the metric is undefined on it
    /// (`nil`, e.g. `removal_ratio` when nothing is removed), when its policy is
    /// not among the rule's `policies`, when its grouping kind is not in
    /// `applies_to`, or when an `only_if` condition does not hold.
    public func evaluate(
        _ audit: CompositionAudit, errorRisk: ErrorRiskAudit = ErrorRiskAudit(rows: [], attributes: [])
    ) -> [Finding] {
        rules.flatMap { rule -> [Finding] in
            switch MetricCatalog.level(of: rule.metric) {
            case .group: audit.rows.compactMap { check(rule, on: $0) }
            case .attribute: audit.attributes.compactMap { check(rule, on: $0) }
            case .errorGroup: errorRisk.rows.compactMap { check(rule, on: $0) }
            case .errorAttribute: errorRisk.attributes.compactMap { check(rule, on: $0) }
            case nil: []
            }
        }
    }

    private func check(_ rule: Rule, on row: ErrorRiskRow) -> Finding? {
        guard rule.appliesTo.contains(row.attributeKind),
              rule.policies.map({ $0.contains(row.policy) }) ?? true
        else { return nil }
        if let size = rule.precondition.minGroupSize, row.n < size { return nil }
        guard let value = row.value(of: rule.metric), let breach = rule.condition.breach(of: value) else { return nil }
        let message = "\(planPhrase(score: row.score, policy: row.policy, fraction: row.fraction)), "
            + "group '\(row.group)' of \(row.attribute) (\(row.n) test examples) has \(rule.metric) = \(formatMetric(value))"
            + spread(of: rule.metric, in: row.value(of:)) + ", \(breach.comparison) the limit \(formatNumber(breach.threshold))."
        return Finding(
            ruleId: rule.id, severity: rule.severity, score: row.score, policy: row.policy,
            fraction: row.fraction, attribute: row.attribute, group: row.group, metric: rule.metric,
            value: value, threshold: breach.threshold, comparison: breach.comparison, message: message)
    }

    private func check(_ rule: Rule, on row: ErrorRiskAttributeRow) -> Finding? {
        guard rule.appliesTo.contains(row.attributeKind),
              rule.policies.map({ $0.contains(row.policy) }) ?? true
        else { return nil }
        guard let value = row.value(of: rule.metric), let breach = rule.condition.breach(of: value) else { return nil }
        let message = "\(planPhrase(score: row.score, policy: row.policy, fraction: row.fraction)), "
            + "across \(row.attribute) \(rule.metric) = \(formatMetric(value))" + spread(of: rule.metric, in: row.value(of:))
            + ", \(breach.comparison) the limit \(formatNumber(breach.threshold))."
        return Finding(
            ruleId: rule.id, severity: rule.severity, score: row.score, policy: row.policy,
            fraction: row.fraction, attribute: row.attribute, group: nil, metric: rule.metric,
            value: value, threshold: breach.threshold, comparison: breach.comparison, message: message)
    }

    /// ` (95% CI a to b)` for a seed-averaged metric, when its interval exists.
    private func spread(of metric: String, in value: (String) -> Double?) -> String {
        guard let low = value(metric + "_ci_low"), let high = value(metric + "_ci_high") else { return "" }
        return " (95% CI \(formatMetric(low)) to \(formatMetric(high)))"
    }

    private func check(_ rule: Rule, on row: CompositionRow) -> Finding? {
        guard rule.appliesTo.contains(row.attributeKind),
              rule.policies.map({ $0.contains(row.policy) }) ?? true
        else { return nil }
        let only = rule.precondition
        if let limit = only.qValueBelow, !(row.qValue < limit) { return nil }
        if let limit = only.pValueBelow, !(row.pValue < limit) { return nil }
        if let size = only.minGroupSize, row.n < size { return nil }
        guard let value = row.value(of: rule.metric), let breach = rule.condition.breach(of: value) else { return nil }
        let message = "\(planPhrase(score: row.score, policy: row.policy, fraction: row.fraction)), "
            + "group '\(row.group)' of \(row.attribute) (n = \(row.n), \(row.removed) removed) has "
            + "\(rule.metric) = \(formatMetric(value)), \(breach.comparison) the limit \(formatNumber(breach.threshold))"
            + " (q = \(formatMetric(row.qValue)))."
        return Finding(
            ruleId: rule.id, severity: rule.severity, score: row.score, policy: row.policy,
            fraction: row.fraction, attribute: row.attribute, group: row.group, metric: rule.metric,
            value: value, threshold: breach.threshold, comparison: breach.comparison, message: message)
    }

    private func check(_ rule: Rule, on row: AttributeRow) -> Finding? {
        guard rule.appliesTo.contains(row.attributeKind),
              rule.policies.map({ $0.contains(row.policy) }) ?? true
        else { return nil }
        if let limit = rule.precondition.chi2PValueBelow {
            guard let p = row.chi2PValue, p < limit else { return nil }
        }
        guard let value = row.value(of: rule.metric), let breach = rule.condition.breach(of: value) else { return nil }
        let message = "\(planPhrase(score: row.score, policy: row.policy, fraction: row.fraction)), "
            + "the make-up of \(row.attribute) shifts: \(rule.metric) = \(formatMetric(value)), "
            + "\(breach.comparison) the limit \(formatNumber(breach.threshold))."
        return Finding(
            ruleId: rule.id, severity: rule.severity, score: row.score, policy: row.policy,
            fraction: row.fraction, attribute: row.attribute, group: nil, metric: rule.metric,
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
