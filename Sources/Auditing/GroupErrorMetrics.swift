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
    /// a positive class `selection_rate`, `true_positive_rate` (left out when
    /// the group has no positive example) and `false_positive_rate` (left out
    /// when it has no negative example). The delta metrics need other models
    /// and are added by the caller.
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
        precondition(labels.count == predicted.count && labels.count == confidences.count && labels.count == groups.count,
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
            if positives > 0 { values[.truePositiveRate] = Double(truePositives) / Double(positives) }
            if negatives > 0 { values[.falsePositiveRate] = Double(falsePositives) / Double(negatives) }
            return values
        }
    }

    /// The attribute-level values of one model from its groups' values:
    /// `worst_group_accuracy` (min accuracy), `accuracy_gap` (max − min
    /// accuracy), `demographic_parity_difference` (max − min selection rate,
    /// when selection rates exist) and `equalized_odds_difference` (the larger
    /// of the TPR and FPR gaps, each over the groups that define the rate; a
    /// rate defined in fewer than two groups has no gap; left out when
    /// neither rate has one). Empty groups (`nil`) are ignored; no non-empty
    /// group gives an empty dictionary.
    static func attributeValues(_ groupValues: GroupingErrorValues) -> ErrorMetricValues {
        let present = groupValues.compactMap { $0 }
        /// max − min of a metric over the groups defining it, if at least `minimumGroups` do.
        func spread(_ metric: ErrorRiskMetric, minimumGroups: Int) -> (low: Double, gap: Double)? {
            let values = present.compactMap { $0[metric] }
            guard values.count >= max(1, minimumGroups), let low = values.min(), let high = values.max() else { return nil }
            return (low, high - low)
        }
        var result: ErrorMetricValues = [:]
        if let accuracy = spread(.accuracy, minimumGroups: 1) {
            result[.worstGroupAccuracy] = accuracy.low
            result[.accuracyGap] = accuracy.gap
        }
        if let selection = spread(.selectionRate, minimumGroups: 1) {
            result[.demographicParityDifference] = selection.gap
        }
        let gaps = [spread(.truePositiveRate, minimumGroups: 2), spread(.falsePositiveRate, minimumGroups: 2)]
            .compactMap { $0?.gap }
        if let largest = gaps.max() { result[.equalizedOddsDifference] = largest }
        return result
    }
}
