import Auditing

/// The metrics a rule may name, and the level of row each lives on.
public enum MetricLevel: String, Sendable {
    /// Composition, one value per (score, policy, fraction, attribute, group).
    case group
    /// Composition, one value per (score, policy, fraction, attribute).
    case attribute
    /// Error risk on the test split, one value per (score, policy, fraction, attribute, group).
    case errorGroup
    /// Error risk aggregated per (score, policy, fraction, attribute).
    case errorAttribute
}

/// Every metric name a ruleset may use, from DESIGN.md.
public enum MetricCatalog {
    /// Group-level composition metrics.
    public static var groupMetrics: [String] { CompositionRow.metricNames }
    /// Attribute-level composition metrics.
    public static var attributeMetrics: [String] { AttributeRow.metricNames }
    /// Group-level error-risk metrics, each also with `_std`, `_ci_low` and `_ci_high`.
    public static var errorGroupMetrics: [String] { withSpread(ErrorRiskRow.metricNames) }
    /// Attribute-level error-risk metrics, each also with `_std`, `_ci_low` and `_ci_high`.
    public static var errorAttributeMetrics: [String] { withSpread(ErrorRiskAttributeRow.metricNames) }
    /// All names.
    public static var allMetrics: [String] { groupMetrics + attributeMetrics + errorGroupMetrics + errorAttributeMetrics }

    /// The level of `metric`, or `nil` when the name is unknown.
    public static func level(of metric: String) -> MetricLevel? {
        if groupMetrics.contains(metric) { return .group }
        if attributeMetrics.contains(metric) { return .attribute }
        if errorGroupMetrics.contains(metric) { return .errorGroup }
        if errorAttributeMetrics.contains(metric) { return .errorAttribute }
        return nil
    }

    /// `M`, `M_std`, `M_ci_low`, `M_ci_high` for each metric name `M`.
    public static func withSpread(_ names: [String]) -> [String] {
        names.flatMap { [$0, $0 + "_std", $0 + "_ci_low", $0 + "_ci_high"] }
    }
}
