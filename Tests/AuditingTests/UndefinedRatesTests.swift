import Testing

@testable import Auditing

/// Rates without their base (a group with no positive test example has no true
/// positive rate, one with no negative example no false positive rate): valued
/// as Fairlearn values them (0), and flagged so rules can tell them from a
/// measured 0. Reference: Tests/References/fairlearn_undefined_rates.py
/// (fairlearn 0.15.0, scikit-learn 1.9.1).
@Suite struct UndefinedRatesTests {
    /// Reference (fairlearn 0.15.0): groups A (positives only, all predicted
    /// positive), B and C (TPR 1, FPR 0.5 each):
    /// `MetricFrame(...).by_group` tpr A 1.0, B 1.0, C 1.0; fpr A 0.0, B 0.5,
    /// C 0.5; selection_rate A 1.0, B 0.75, C 0.75;
    /// `equalized_odds_difference` = 0.5; `demographic_parity_difference` = 0.25.
    @Test func fairlearnCountsUndefinedRatesAsZero() throws {
        let labels = [1, 1, 1, 1, 0, 0, 1, 1, 0, 0]
        let predicted = [1, 1, 1, 1, 1, 0, 1, 1, 1, 0]
        let groups = [0, 0, 1, 1, 1, 1, 2, 2, 2, 2]
        let values = GroupErrorMetrics.groupValues(
            labels: labels, predicted: predicted, confidences: [Double](repeating: 0.9, count: 10),
            groups: groups, groupCount: 3, positiveClass: 1)
        let expected: [(tpr: Double, fpr: Double, selection: Double)] = [(1, 0, 1), (1, 0.5, 0.75), (1, 0.5, 0.75)]
        for (group, reference) in expected.enumerated() {
            let actual = try #require(values[group])
            #expect(abs(try #require(actual[.truePositiveRate]) - reference.tpr) <= 1e-15, "group \(group) TPR")
            #expect(abs(try #require(actual[.falsePositiveRate]) - reference.fpr) <= 1e-15, "group \(group) FPR")
            #expect(abs(try #require(actual[.selectionRate]) - reference.selection) <= 1e-15, "group \(group) SR")
        }
        let attribute = GroupErrorMetrics.attributeValues(values)
        #expect(abs(try #require(attribute[.equalizedOddsDifference]) - 0.5) <= 1e-15)
        #expect(abs(try #require(attribute[.demographicParityDifference]) - 0.25) <= 1e-15)
        // Only A's false positive rate lacks its base.
        let undefined = GroupErrorMetrics.undefinedRates(
            labels: labels, groups: groups, groupCount: 3,
            positiveClass: 1)
        #expect(undefined == [[.falsePositiveRate], [], []])
    }

    /// Reference (fairlearn 0.15.0), case 2 of the script: TPR 0.6666666666666666,
    /// 0.0, 0.0; FPR 0.0, 0.3333333333333333, 0.0; `equalized_odds_difference`
    /// 0.6666666666666666, and 0.6666666666666666 for groups 0 and 1 alone.
    @Test func undefinedRatesAreFlaggedBothWays() throws {
        let labels = [1, 1, 1, 0, 0, 0, 1, 0]
        let predicted = [1, 0, 1, 1, 0, 0, 0, 0]
        let groups = [0, 0, 0, 1, 1, 1, 2, 2]
        let values = GroupErrorMetrics.groupValues(
            labels: labels, predicted: predicted,
            confidences: [Double](repeating: 1, count: 8),
            groups: groups, groupCount: 4, positiveClass: 1)
        let tpr = try (0..<3).map { try #require(values[$0]?[.truePositiveRate]) }
        let fpr = try (0..<3).map { try #require(values[$0]?[.falsePositiveRate]) }
        #expect(zip(tpr, [0.6666666666666666, 0, 0]).allSatisfy { abs($0 - $1) <= 1e-15 })
        #expect(zip(fpr, [0, 0.3333333333333333, 0]).allSatisfy { abs($0 - $1) <= 1e-15 })
        #expect(values[3] == nil)
        let attribute = GroupErrorMetrics.attributeValues(values)
        #expect(abs(try #require(attribute[.equalizedOddsDifference]) - 0.6666666666666666) <= 1e-15)
        let lone = GroupErrorMetrics.attributeValues([values[0], values[1]])
        #expect(abs(try #require(lone[.equalizedOddsDifference]) - 0.6666666666666666) <= 1e-15)
        // Group 0 lacks negatives, group 1 positives, group 2 nothing; group 3 is empty.
        let undefined = GroupErrorMetrics.undefinedRates(
            labels: labels, groups: groups, groupCount: 4,
            positiveClass: 1)
        #expect(undefined == [[.falsePositiveRate], [.truePositiveRate], [], []])
        // Without a positive class nothing is a rate.
        #expect(
            GroupErrorMetrics.undefinedRates(labels: labels, groups: groups, groupCount: 4, positiveClass: nil)
                == [[], [], [], []])
    }
}
