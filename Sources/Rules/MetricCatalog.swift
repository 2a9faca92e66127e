import Auditing

/// The metrics a rule may name, and the level of row each lives on.
public enum MetricLevel: String, Sendable {
    /// One value per (score, policy, fraction, attribute, group).
    case group
    /// One value per (score, policy, fraction, attribute).
    case attribute
}

/// Every metric name a ruleset may use, from DESIGN.md.
public enum MetricCatalog {
    /// Group-level composition metrics.
    public static var groupMetrics: [String] { CompositionRow.metricNames }
    /// Attribute-level composition metrics.
    public static var attributeMetrics: [String] { AttributeRow.metricNames }
    /// All names.
    public static var allMetrics: [String] { groupMetrics + attributeMetrics }

    /// The level of `metric`, or `nil` when the name is unknown.
    public static func level(of metric: String) -> MetricLevel? {
        if groupMetrics.contains(metric) { return .group }
        if attributeMetrics.contains(metric) { return .attribute }
        return nil
    }
}
