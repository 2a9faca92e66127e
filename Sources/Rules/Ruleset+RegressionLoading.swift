import Auditing
import DietAuditCore

extension Ruleset {
    /// The keys of a regression rule: `compare_to: previous` and `by: d`.
    static let regressionKeys = ["compare_to", "by"]

    /// Reads `compare_to: previous` and `by: d` of a rule, if it has them.
    ///
    /// ```yaml
    /// - id: retention-regression
    ///   metric: retention_ratio
    ///   compare_to: previous     # the last complete run of the same audit
    ///   by: 0.05                 # allowed move the wrong way
    /// ```
    ///
    /// - Returns: ``RuleCondition/worsens(by:)``, or `nil` for a rule
    ///   without `compare_to` (it then needs `fail_if`).
    /// - Throws: ``InputError`` located at the offending key when `by` comes
    ///   without `compare_to`, `compare_to` is not `previous`, `fail_if` is
    ///   given too, `by` is missing or negative, or the metric has no better
    ///   direction (p- and q-values, χ², sizes, shares, the spread `_std`).
    static func parseRegression(_ map: YAMLMapping, metric: String, metricNode: YAMLValue) throws -> RuleCondition? {
        guard let compareNode = map["compare_to"] else {
            if let byNode = map["by"] {
                throw byNode.error(
                    "'by' is the allowed move of a regression rule; add 'compare_to: previous', "
                        + "or use fail_if for a fixed limit")
            }
            return nil
        }
        _ = try compareNode.choice(["previous"])
        if let failNode = map["fail_if"] {
            throw failNode.error(
                "a rule with compare_to: previous judges the move since the previous run and takes "
                    + "'by', not fail_if; write a second rule for a fixed limit")
        }
        let byNode = try map.required("by")
        let allowed = try byNode.double()
        guard allowed >= 0 else {
            throw byNode.error("by must be 0 or more (the allowed move the wrong way), found \(formatNumber(allowed))")
        }
        guard let resolved = MetricCatalog.resolve(metric), resolved.field != .std,
            resolved.definition.better != nil
        else {
            let comparable = MetricCatalog.all.filter { $0.better != nil }.map(\.name)
            throw metricNode.error(
                "compare_to: previous needs a metric with a better direction; '\(metric)' is "
                    + "evidence or a property of the data, not a quality that can regress (metrics that can: "
                    + listForMessage(comparable, limit: 30) + ")")
        }
        return .worsens(by: allowed)
    }
}
