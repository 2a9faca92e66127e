/// The kind of row a metric lives on.
public enum MetricLevel: String, Sendable, CaseIterable {
    /// Composition, one value per (score, policy, fraction, attribute, group).
    case group
    /// Composition, one value per (score, policy, fraction, attribute).
    case attribute
    /// Error risk on the test split, one value per (score, policy, fraction, attribute, group).
    case errorGroup = "error group"
    /// Error risk aggregated per (score, policy, fraction, attribute).
    case errorAttribute = "error attribute"

    /// Whether the level's metrics are summaries over retraining seeds, reported
    /// as M, M_std, M_ci_low and M_ci_high.
    public var isSeedSummary: Bool { self == .errorGroup || self == .errorAttribute }
}
