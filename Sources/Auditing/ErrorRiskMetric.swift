/// The error-risk metrics, by their contract names (DESIGN.md "Error-risk
/// metrics"), in report order: the per-group metrics, then the per-attribute
/// aggregates. Definitions, ranges and edge cases live in
/// ``MetricCatalog/errorRisk``.
public enum ErrorRiskMetric: String, Sendable, CaseIterable, Codable {
    case accuracy
    case accuracyDeltaVsFull = "accuracy_delta_vs_full"
    case accuracyDeltaVsRandom = "accuracy_delta_vs_random"
    case selectionRate = "selection_rate"
    case truePositiveRate = "true_positive_rate"
    case falsePositiveRate = "false_positive_rate"
    case expectedCalibrationError = "expected_calibration_error"
    case worstGroupAccuracy = "worst_group_accuracy"
    case accuracyGap = "accuracy_gap"
    case demographicParityDifference = "demographic_parity_difference"
    case equalizedOddsDifference = "equalized_odds_difference"
    case demographicParityDifferenceDeltaVsFull = "demographic_parity_difference_delta_vs_full"
    case equalizedOddsDifferenceDeltaVsFull = "equalized_odds_difference_delta_vs_full"

    /// `.errorGroup` for the per-group metrics, `.errorAttribute` for the aggregates.
    public var level: MetricLevel {
        switch self {
        case .worstGroupAccuracy, .accuracyGap, .demographicParityDifference, .equalizedOddsDifference,
            .demographicParityDifferenceDeltaVsFull, .equalizedOddsDifferenceDeltaVsFull:
            .errorAttribute
        default: .errorGroup
        }
    }

    /// The metrics of one level, in report order.
    public static func metrics(at level: MetricLevel) -> [ErrorRiskMetric] {
        allCases.filter { $0.level == level }
    }
}

/// One model's (or one seed's) values of the error-risk metrics for one group
/// or one attribute; a metric undefined there is absent.
public typealias ErrorMetricValues = [ErrorRiskMetric: Double]

/// The error-risk metrics of one row summarised over the retraining seeds; a
/// metric undefined for the row is absent.
public typealias ErrorMetricSummaries = [ErrorRiskMetric: SeedSummary]

/// One model's values for each group of one grouping, indexed like the
/// grouping's groups; `nil` for a group with no test example.
typealias GroupingErrorValues = [ErrorMetricValues?]
