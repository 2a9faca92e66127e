import DietAuditCore

/// How models retrained on a plan's kept set fare on one test group: one row
/// per (score, policy, fraction, attribute, group) with n > 0 test examples,
/// plus the `full` baseline (every training example kept).
///
/// Every metric is measured once per retraining seed k = 0…K−1 and stored as
/// a ``SeedSummary`` (mean, sample std, Student t 95% interval over seeds).
/// Notation per seed: the group's n test examples with labels y and
/// predictions ŷ (arg-max class probability); `pos` is the positive class.
public struct ErrorRiskRow: Sendable, Equatable {
    /// The plan's score name; `nil` for `random` and for the `full` baseline.
    public var score: String?
    /// `full` for the baseline, else the ``PruningPolicy`` raw value.
    public var policy: String
    /// The plan's fraction f; `nil` for `full`.
    public var fraction: Double?
    /// The grouping's name (`class`, an attribute, or `a×b`).
    public var attribute: String
    /// Class, attribute or intersection.
    public var attributeKind: GroupingKind
    /// The group's label.
    public var group: String
    /// Test examples in the group (> 0).
    public var n: Int
    /// The metrics (``ErrorRiskMetric`` cases of level `.errorGroup`; see
    /// ``MetricCatalog/errorRisk``). A metric undefined for the
    /// group (no positives for `true_positive_rate`, no positive class, a
    /// delta without its reference) is absent.
    ///
    /// - `accuracy`: P(ŷ = y). Range [0, 1]; ideal 1.
    /// - `accuracy_delta_vs_full`: per seed k, accuracy(plan, k) −
    ///   accuracy(full, k) — paired, since plan and baseline share seed k's
    ///   seed value. Range [−1, 1]; ideal ≥ 0; negative means pruning cost
    ///   this group accuracy. Absent on `full` rows.
    /// - `accuracy_delta_vs_random`: per seed, accuracy(plan, k) − accuracy of
    ///   the `random` plan with the same fraction at seed k. Range [−1, 1];
    ///   ideal ≥ 0. Absent on `full` and `random` rows and when no random plan
    ///   has this fraction.
    /// - `selection_rate`: P(ŷ = pos) (Fairlearn `selection_rate`). Range
    ///   [0, 1]; no ideal on its own. Needs a positive class.
    /// - `true_positive_rate`: P(ŷ = pos | y = pos) (Fairlearn
    ///   `true_positive_rate`). Range [0, 1]; ideal 1. Needs a positive class;
    ///   0 when the group has no positive test example (Fairlearn's value),
    ///   which ``undefinedRates`` then records.
    /// - `false_positive_rate`: P(ŷ = pos | y ≠ pos) (Fairlearn
    ///   `false_positive_rate`). Range [0, 1]; ideal 0. Needs a positive
    ///   class; 0 when the group has no negative test example, recorded in
    ///   ``undefinedRates``.
    /// - `expected_calibration_error`: top-label ECE with 15 equal-width bins
    ///   (``Statistics/expectedCalibrationError(confidences:correct:binCount:)``).
    ///   Range [0, 1]; ideal 0. Defined for any number of classes.
    public var metrics: ErrorMetricSummaries
    /// The rates whose base is empty in this group (`true_positive_rate` with
    /// no positive test example, `false_positive_rate` with no negative one):
    /// ``metrics`` holds Fairlearn's value 0 for them, but the rate is
    /// undefined, so a rule on it cannot judge the group.
    public var undefinedRates: Set<ErrorRiskMetric>

    public init(
        score: String?, policy: String, fraction: Double?, attribute: String, attributeKind: GroupingKind,
        group: String, n: Int, metrics: ErrorMetricSummaries, undefinedRates: Set<ErrorRiskMetric> = []
    ) {
        self.score = score; self.policy = policy; self.fraction = fraction
        self.attribute = attribute; self.attributeKind = attributeKind; self.group = group
        self.n = n; self.metrics = metrics; self.undefinedRates = undefinedRates
    }

    /// The policy name of the baseline rows.
    public static let fullPolicy = "full"

    /// Whether this is a row of the `full` baseline (nothing removed).
    public var isBaseline: Bool { policy == Self.fullPolicy }

    /// Every metric name, in report order (from ``ErrorRiskMetric``). Each is
    /// reported as M (mean), M_std, M_ci_low and M_ci_high.
    public static var metricNames: [String] { ErrorRiskMetric.metrics(at: .errorGroup).map(\.rawValue) }

    /// A metric's value by its reported name: `accuracy` → mean over seeds,
    /// `accuracy_std` → sample std, `accuracy_ci_low` / `accuracy_ci_high` →
    /// the 95% interval; `n` → the group size. `nil` for an absent metric,
    /// an undefined field (std with one seed) or an unknown name.
    public func value(of metric: String) -> Double? {
        if metric == "n" { return Double(n) }
        guard let (definition, field) = MetricCatalog.resolve(metric), definition.level == .errorGroup else {
            return nil
        }
        return definition.value(in: metrics, field: field)
    }
}
