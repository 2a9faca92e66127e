/// The per-seed error metrics of the error-risk audit, before they are
/// summarised over seeds: for one model's test predictions, the values of
/// each group of one grouping (``groupValues(labels:predicted:confidences:groups:groupCount:positiveClass:)``)
/// and of the grouping as a whole (``attributeValues(_:)``). Metric names and
/// definitions are those of ``ErrorRiskRow`` and ``ErrorRiskAttributeRow``.
enum GroupErrorMetrics {
    /// Each group's metric values for one model, indexed like the grouping's
    /// groups; `nil` for a group with no test example.
    ///
    /// Computed per group: `accuracy`, `expected_calibration_error`, and with
    /// a positive class `selection_rate`, `true_positive_rate` and
    /// `false_positive_rate`. As Fairlearn (which normalises scikit-learn's
    /// confusion matrix and turns 0/0 into 0), a group with no positive
    /// example gets a true positive rate of 0 and one with no negative example
    /// a false positive rate of 0; ``undefinedRates(labels:groups:groupCount:positiveClass:)``
    /// says which groups these are. The delta metrics need other models and are
    /// added by the caller.
    ///
    /// - Parameters:
    ///   - labels: true class of each test example.
    ///   - predicted: predicted class of each test example.
    ///   - confidences: the predicted class's probability for each example.
    ///   - groups: group index of each test example, in `0..<groupCount`.
    ///   - positiveClass: the class counted as the favourable outcome, or `nil`.
    static func groupValues(
        labels: [Int], predicted: [Int], confidences: [Double], groups: [Int], groupCount: Int, positiveClass: Int?
    ) -> GroupingErrorValues {
        precondition(
            labels.count == predicted.count && labels.count == confidences.count && labels.count == groups.count,
            "groupValues needs one label, prediction, confidence and group per example")
        var members = [[Int]](repeating: [], count: groupCount)
        for (example, group) in groups.enumerated() { members[group].append(example) }
        return members.map { examples -> ErrorMetricValues? in
            guard !examples.isEmpty else { return nil }
            let n = Double(examples.count)
            let correct = examples.map { predicted[$0] == labels[$0] }
            var values: ErrorMetricValues = [
                .accuracy: Double(correct.filter { $0 }.count) / n,
                .expectedCalibrationError: Statistics.expectedCalibrationError(
                    confidences: examples.map { confidences[$0] }, correct: correct)!,
            ]
            guard let positive = positiveClass else { return values }
            var selected = 0, positives = 0, truePositives = 0, falsePositives = 0
            for example in examples {
                let isSelected = predicted[example] == positive
                if isSelected { selected += 1 }
                if labels[example] == positive {
                    positives += 1
                    if isSelected { truePositives += 1 }
                } else if isSelected {
                    falsePositives += 1
                }
            }
            let negatives = examples.count - positives
            values[.selectionRate] = Double(selected) / n
            values[.truePositiveRate] = positives > 0 ? Double(truePositives) / Double(positives) : 0
            values[.falsePositiveRate] = negatives > 0 ? Double(falsePositives) / Double(negatives) : 0
            return values
        }
    }

    /// For each group, the rates whose base is empty there: `true_positive_rate`
    /// when the group has no positive test example, `false_positive_rate` when
    /// it has no negative one. ``groupValues(labels:predicted:confidences:groups:groupCount:positiveClass:)``
    /// reports them as 0 (Fairlearn's convention); rules treat them as
    /// undefined. Depends only on the test labels and groups, never on a
    /// model. Empty without a positive class, and for groups with no example.
    static func undefinedRates(
        labels: [Int], groups: [Int], groupCount: Int, positiveClass: Int?
    ) -> [Set<ErrorRiskMetric>] {
        var result = [Set<ErrorRiskMetric>](repeating: [], count: groupCount)
        guard let positive = positiveClass else { return result }
        var positives = [Int](repeating: 0, count: groupCount), sizes = positives
        for (example, group) in groups.enumerated() {
            sizes[group] += 1
            if labels[example] == positive { positives[group] += 1 }
        }
        for group in 0..<groupCount where sizes[group] > 0 {
            if positives[group] == 0 { result[group].insert(.truePositiveRate) }
            if positives[group] == sizes[group] { result[group].insert(.falsePositiveRate) }
        }
        return result
    }

    /// The attribute-level values of one model from its groups' values:
    /// `worst_group_accuracy` (min accuracy), `accuracy_gap` (max − min
    /// accuracy), `demographic_parity_difference` (max − min selection rate,
    /// when selection rates exist) and `equalized_odds_difference` (the larger
    /// of the TPR and FPR gaps, each max − min over every non-empty group, a
    /// rate without its base counting as 0 as in Fairlearn 0.15's
    /// `equalized_odds_difference`; 0 with a single group). Empty groups
    /// (`nil`) are ignored; no non-empty group gives an empty dictionary.
    static func attributeValues(_ groupValues: GroupingErrorValues) -> ErrorMetricValues {
        let present = groupValues.compactMap { $0 }
        /// min and max − min of a metric over the groups that have it, if any does.
        func spread(_ metric: ErrorRiskMetric) -> (low: Double, gap: Double)? {
            let values = present.compactMap { $0[metric] }
            guard let low = values.min(), let high = values.max() else { return nil }
            return (low, high - low)
        }
        var result: ErrorMetricValues = [:]
        if let accuracy = spread(.accuracy) {
            result[.worstGroupAccuracy] = accuracy.low
            result[.accuracyGap] = accuracy.gap
        }
        if let selection = spread(.selectionRate) {
            result[.demographicParityDifference] = selection.gap
        }
        let gaps = [spread(.truePositiveRate), spread(.falsePositiveRate)]
            .compactMap { $0?.gap }
        if let largest = gaps.max() { result[.equalizedOddsDifference] = largest }
        return result
    }
}
