extension MetricCatalog {
    /// The error-risk metrics (table `error_risk`), one per
    /// ``ErrorRiskMetric`` case, in that order. Each is measured per
    /// retraining seed k on the group's (or attribute's) test examples, with
    /// labels y, predictions ŷ and positive class `pos`, then summarised over
    /// the seeds (``SeedSummary``).
    public static let errorRisk: [MetricDefinition] = [
        MetricDefinition(
            .accuracy, definition: "P(ŷ = y) over the group's test examples", range: "[0, 1]",
            ideal: "1", better: .higher, canBeUndefined: false),
        MetricDefinition(
            .accuracyDeltaVsFull, definition: "accuracy(plan, k) − accuracy(full, k), paired by seed",
            range: "[−1, 1]", ideal: "≥ 0", edgeCases: "absent on full rows", better: .higher,
            canBeUndefined: true),
        MetricDefinition(
            .accuracyDeltaVsRandom,
            definition: "accuracy(plan, k) − accuracy(random plan at the same fraction, k)",
            range: "[−1, 1]", ideal: "≥ 0",
            edgeCases: "absent on full and random rows and when no random plan has the fraction",
            better: .higher, canBeUndefined: true),
        MetricDefinition(
            .selectionRate, definition: "P(ŷ = pos) (Fairlearn selection_rate)", range: "[0, 1]",
            ideal: "—", edgeCases: "needs positive_label; no better direction on its own", better: nil,
            canBeUndefined: true),
        MetricDefinition(
            .truePositiveRate, definition: "P(ŷ = pos | y = pos) (Fairlearn true_positive_rate)",
            range: "[0, 1]", ideal: "1",
            edgeCases: "needs positive_label; 0 (Fairlearn) and flagged undefined when the group has "
                + "no positive test example",
            better: .higher, canBeUndefined: true),
        MetricDefinition(
            .falsePositiveRate, definition: "P(ŷ = pos | y ≠ pos) (Fairlearn false_positive_rate)",
            range: "[0, 1]", ideal: "0",
            edgeCases: "needs positive_label; 0 (Fairlearn) and flagged undefined when the group has "
                + "no negative test example",
            better: .lower, canBeUndefined: true),
        MetricDefinition(
            .expectedCalibrationError,
            definition: "Σ_b (n_b/n)·|acc_b − conf_b| over 15 equal-width bins of the top-label "
                + "probability",
            range: "[0, 1]", ideal: "0", better: .lower, canBeUndefined: false),
        MetricDefinition(
            .worstGroupAccuracy, definition: "min over the attribute's groups of accuracy",
            range: "[0, 1]", ideal: "1", better: .higher, canBeUndefined: false),
        MetricDefinition(
            .accuracyGap, definition: "max − min group accuracy", range: "[0, 1]", ideal: "0",
            edgeCases: "0 with a single group", better: .towardZero, canBeUndefined: false),
        MetricDefinition(
            .demographicParityDifference,
            definition: "max − min group selection rate (Fairlearn, between_groups)", range: "[0, 1]",
            ideal: "0", edgeCases: "needs positive_label; 0 with a single group", better: .towardZero,
            canBeUndefined: true),
        MetricDefinition(
            .equalizedOddsDifference,
            definition: "max(TPR gap, FPR gap), each max − min over the groups, a rate without its base "
                + "counting as 0 (Fairlearn, between_groups)",
            range: "[0, 1]", ideal: "0",
            edgeCases: "needs positive_label; 0 with a single group",
            better: .towardZero, canBeUndefined: true),
        MetricDefinition(
            .demographicParityDifferenceDeltaVsFull,
            definition: "demographic_parity_difference(plan, k) − demographic_parity_difference(full, k), "
                + "paired by seed",
            range: "[−1, 1]", ideal: "≤ 0 (pruning does not widen the selection-rate gap)",
            edgeCases: "needs positive_label; absent on full rows", better: .lower, canBeUndefined: true),
        MetricDefinition(
            .equalizedOddsDifferenceDeltaVsFull,
            definition: "equalized_odds_difference(plan, k) − equalized_odds_difference(full, k), "
                + "paired by seed",
            range: "[−1, 1]", ideal: "≤ 0 (pruning does not widen the error-rate gaps)",
            edgeCases: "needs positive_label; absent on full rows and when either model's "
                + "equalized_odds_difference is", better: .lower, canBeUndefined: true),
    ]
}
