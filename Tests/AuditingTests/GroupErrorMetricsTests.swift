import Testing

@testable import Auditing

/// Per-group error metrics and their attribute-level gaps against fairlearn
/// 0.15.0, and the ECE against a numpy implementation (Tests/References/fairlearn_metrics.py).
@Suite struct GroupErrorMetricsTests {
    // Fixed binary labels, predictions and groups (a: 10, b: 6, c: 9 examples).
    static let labels = [1, 0, 1, 1, 0, 0, 1, 0, 1, 0, 1, 1, 0, 0, 0, 1, 0, 1, 1, 0, 1, 0, 0, 1, 0]
    static let predicted = [1, 0, 0, 1, 1, 0, 1, 0, 1, 0, 0, 1, 1, 1, 0, 0, 0, 1, 1, 0, 0, 0, 0, 1, 0]
    static let groups = [Int](repeating: 0, count: 10) + [Int](repeating: 1, count: 6) + [Int](repeating: 2, count: 9)

    static func values() -> [ErrorMetricValues?] {
        GroupErrorMetrics.groupValues(
            labels: labels, predicted: predicted,
            confidences: [Double](repeating: 0.9, count: labels.count),
            groups: groups, groupCount: 4, positiveClass: 1)
    }

    /// Reference (fairlearn 0.15.0, scikit-learn):
    /// ```
    /// mf = MetricFrame(metrics={"accuracy": accuracy_score, "selection_rate": selection_rate,
    ///                           "tpr": true_positive_rate, "fpr": false_positive_rate},
    ///                  y_true=y, y_pred=yhat, sensitive_features=g)
    /// mf.by_group
    /// ```
    /// accuracy a 0.8, b 0.3333333333333333, c 0.8888888888888888;
    /// selection_rate a 0.5, b 0.5, c 0.3333333333333333;
    /// tpr a 0.8, b 0.3333333333333333, c 0.75; fpr a 0.2, b 0.6666666666666666, c 0.0.
    @Test func groupValuesMatchFairlearnMetricFrame() throws {
        let values = Self.values()
        let expected: [ErrorMetricValues] = [
            [.accuracy: 0.8, .selectionRate: 0.5, .truePositiveRate: 0.8, .falsePositiveRate: 0.2],
            [
                .accuracy: 0.3333333333333333, .selectionRate: 0.5, .truePositiveRate: 0.3333333333333333,
                .falsePositiveRate: 0.6666666666666666,
            ],
            [
                .accuracy: 0.8888888888888888, .selectionRate: 0.3333333333333333, .truePositiveRate: 0.75,
                .falsePositiveRate: 0.0,
            ],
        ]
        for (group, reference) in expected.enumerated() {
            let actual = try #require(values[group])
            for (metric, value) in reference {
                #expect(isClose(try #require(actual[metric]), value, relative: 1e-15), "group \(group) \(metric)")
            }
        }
        // Group 3 has no test example.
        #expect(values[3] == nil)
    }

    /// Reference (fairlearn 0.15.0):
    /// `demographic_parity_difference(y, yhat, sensitive_features=g)` = 0.16666666666666669,
    /// `equalized_odds_difference(y, yhat, sensitive_features=g)` = 0.6666666666666666,
    /// `mf.difference()["accuracy"]` = 0.5555555555555556, `mf.group_min()["accuracy"]` = 0.3333333333333333.
    @Test func attributeValuesMatchFairlearn() throws {
        let attribute = GroupErrorMetrics.attributeValues(Self.values())
        #expect(isClose(try #require(attribute[.demographicParityDifference]), 0.16666666666666669, relative: 1e-15))
        #expect(isClose(try #require(attribute[.equalizedOddsDifference]), 0.6666666666666666, relative: 1e-15))
        #expect(isClose(try #require(attribute[.accuracyGap]), 0.5555555555555556, relative: 1e-15))
        #expect(isClose(try #require(attribute[.worstGroupAccuracy]), 0.3333333333333333, relative: 1e-15))
    }

    @Test func noPositiveClassMeansNoRates() throws {
        let values = GroupErrorMetrics.groupValues(
            labels: [0, 1, 2], predicted: [0, 2, 2], confidences: [0.5, 0.6, 0.7],
            groups: [0, 0, 0], groupCount: 1, positiveClass: nil)
        let group = try #require(values[0])
        #expect(Set(group.keys) == [.accuracy, .expectedCalibrationError])
        #expect(GroupErrorMetrics.attributeValues(values) == [.worstGroupAccuracy: 2.0 / 3, .accuracyGap: 0])
    }

    /// A hand-built 3-class probability table (no confidence on a bin edge).
    static let probabilities: [[Double]] = [
        [0.70, 0.20, 0.10], [0.05, 0.90, 0.05], [0.41, 0.34, 0.25], [0.34, 0.33, 0.33],
        [0.10, 0.09, 0.81], [0.50, 0.45, 0.05], [0.02, 0.03, 0.95], [0.62, 0.10, 0.28],
        [0.25, 0.50, 0.25], [0.15, 0.15, 0.70], [0.99, 0.005, 0.005], [0.36, 0.30, 0.34],
    ]
    static let tableLabels = [0, 1, 1, 0, 2, 1, 2, 0, 1, 0, 0, 2]

    /// Reference, numpy:
    /// ```
    /// def ece(P, y, bins=15):
    ///     conf = P.max(axis=1); pred = P.argmax(axis=1); correct = (pred == y).astype(float)
    ///     edges = np.linspace(0, 1, bins + 1)
    ///     total = 0.0
    ///     for i in range(bins):
    ///         inside = (conf > edges[i]) & (conf <= edges[i + 1]) if i > 0 else (conf >= 0) & (conf <= edges[1])
    ///         if inside.any():
    ///             total += inside.mean() * abs(correct[inside].mean() - conf[inside].mean())
    ///     return total
    /// ece(P, y) = 0.15333333333333332; ece(P[:6], y[:6]) = 0.36; ece(P[6:], y[6:]) = 0.3333333333333333
    /// ```
    @Test func expectedCalibrationErrorMatchesNumpy() throws {
        let confidences = Self.probabilities.map { $0.max()! }
        let predicted = Self.probabilities.map { $0.firstIndex(of: $0.max()!)! }
        let correct = zip(predicted, Self.tableLabels).map { $0 == $1 }
        let all = try #require(Statistics.expectedCalibrationError(confidences: confidences, correct: correct))
        #expect(isClose(all, 0.15333333333333332, relative: 1e-12))
        // Per group through groupValues: the first six rows and the last six.
        let values = GroupErrorMetrics.groupValues(
            labels: Self.tableLabels, predicted: predicted, confidences: confidences,
            groups: [Int](repeating: 0, count: 6) + [Int](repeating: 1, count: 6), groupCount: 2, positiveClass: nil)
        #expect(isClose(try #require(values[0]?[.expectedCalibrationError]), 0.36, relative: 1e-12))
        #expect(isClose(try #require(values[1]?[.expectedCalibrationError]), 0.3333333333333333, relative: 1e-12))
    }

    @Test func calibrationEdgeCases() throws {
        #expect(Statistics.expectedCalibrationError(confidences: [], correct: []) == nil)
        // Confidence 0 falls in the first bin, 1 in the last: |0 − 0| and |1 − 1|.
        #expect(Statistics.expectedCalibrationError(confidences: [0, 1], correct: [false, true]) == 0)
        // One bin: |accuracy − mean confidence| = |0.5 − 0.75|.
        #expect(
            Statistics.expectedCalibrationError(confidences: [0.5, 1], correct: [true, false], binCount: 1) == 0.25)
        // A bin edge belongs to the bin below it: 1/15 shares bin 0 with 0.
        // (Same bin: |0.5 − 1/30|; separate bins would give 0.5·1 + 0.5·1/15.)
        let edge = try #require(
            Statistics.expectedCalibrationError(confidences: [0, 1.0 / 15], correct: [true, false]))
        #expect(isClose(edge, 0.5 - 1.0 / 30, relative: 1e-14))
    }
}
