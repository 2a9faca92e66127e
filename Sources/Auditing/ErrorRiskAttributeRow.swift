import DietAuditCore

/// How the groups of one attribute compare under models retrained on a
/// plan's kept set: one row per (score, policy, fraction, attribute) with at
/// least one non-empty test group, plus the `full` baseline.
///
/// Each metric is computed per retraining seed over that seed's group
/// values (the ``ErrorRiskRow`` metrics of the attribute's groups with n > 0),
/// then summarised over seeds as a ``SeedSummary``.
public struct ErrorRiskAttributeRow: Sendable, Equatable {
    /// The plan's score name; `nil` for `random` and for `full`.
    public var score: String?
    /// `full` for the baseline, else the ``PruningPolicy`` raw value.
    public var policy: String
    /// The plan's fraction f; `nil` for `full`.
    public var fraction: Double?
    /// The grouping's name.
    public var attribute: String
    /// Class, attribute or intersection.
    public var attributeKind: GroupingKind
    /// The metrics (``ErrorRiskMetric`` cases of level `.errorAttribute`; see
    /// ``MetricCatalog/errorRisk``); an undefined one is absent.
    ///
    /// - `worst_group_accuracy`: min over groups of accuracy. Range [0, 1];
    ///   ideal 1.
    /// - `accuracy_gap`: max − min group accuracy. Range [0, 1]; ideal 0;
    ///   0 with a single group.
    /// - `demographic_parity_difference`: max − min group selection rate
    ///   (Fairlearn `demographic_parity_difference`, `between_groups`). Range
    ///   [0, 1]; ideal 0; 0 with a single group. Needs a positive class.
    /// - `equalized_odds_difference`: max(TPR gap, FPR gap), each gap max − min
    ///   over the non-empty groups (Fairlearn `equalized_odds_difference`,
    ///   `between_groups`), a group's rate without its base counting as 0 as
    ///   Fairlearn counts it. Range [0, 1]; ideal 0; 0 with a single group.
    ///   Needs a positive class.
    /// - `demographic_parity_difference_delta_vs_full`,
    ///   `equalized_odds_difference_delta_vs_full`: per seed k, the plan's
    ///   disparity minus the `full` baseline's at the same seed k (paired like
    ///   `accuracy_delta_vs_full`). Range [−1, 1]; ideal ≤ 0 (pruning does not
    ///   widen the gap); positive means the pruned model treats the groups
    ///   more unequally. Absent on `full` rows and wherever the disparity is.
    public var metrics: ErrorMetricSummaries

    public init(
        score: String?, policy: String, fraction: Double?, attribute: String, attributeKind: GroupingKind,
        metrics: ErrorMetricSummaries
    ) {
        self.score = score; self.policy = policy; self.fraction = fraction
        self.attribute = attribute; self.attributeKind = attributeKind; self.metrics = metrics
    }

    /// Whether this is a row of the `full` baseline (nothing removed).
    public var isBaseline: Bool { policy == ErrorRiskRow.fullPolicy }

    /// Every metric name, in report order; each is reported as M, M_std,
    /// M_ci_low and M_ci_high.
    public static var metricNames: [String] { ErrorRiskMetric.metrics(at: .errorAttribute).map(\.rawValue) }

    /// A metric's value by its reported name, with the suffix rules of
    /// ``ErrorRiskRow/value(of:)``; `nil` when absent, undefined or unknown.
    public func value(of metric: String) -> Double? {
        guard let (definition, field) = MetricCatalog.resolve(metric), definition.level == .errorAttribute else {
            return nil
        }
        return definition.value(in: metrics, field: field)
    }
}
