import DietAuditCore
import Testing

@testable import Auditing

/// `demographic_parity_difference_delta_vs_full` and
/// `equalized_odds_difference_delta_vs_full`: the plan's disparity minus the
/// full baseline's, paired by retraining seed, then summarised over seeds.
@Suite struct DisparityDeltaTests {
    static let grouping = Grouping(name: "sex", kind: .attribute, groups: ["f", "m"], train: [0, 1], test: [0, 1])

    static func values(selection: [Double], tpr: [Double], fpr: [Double]) -> GroupingErrorValues {
        (0..<2).map { group in
            [
                .accuracy: 0.8, .selectionRate: selection[group], .truePositiveRate: tpr[group],
                .falsePositiveRate: fpr[group],
            ]
        }
    }

    /// Hand computation, seed by seed:
    /// - plan DPD: |0.6 − 0.2| = 0.4, |0.5 − 0.3| = 0.2; full DPD: 0.1, 0.1 → deltas 0.3, 0.1:
    ///   mean 0.2, std √((0.1² + 0.1²)/1) = 0.141421356…;
    /// - plan EOD: max(0.3, 0.1) = 0.3, max(0.2, 0.2) = 0.2; full EOD: max(0.1, 0.05) = 0.1 at both
    ///   seeds → deltas 0.2, 0.1: mean 0.15, std 0.070710678…;
    /// the Student t interval with 1 degree of freedom (t = 12.706) is cut to −1…1.
    @Test func pairedBySeed() throws {
        let plan = [
            Self.values(selection: [0.6, 0.2], tpr: [0.9, 0.6], fpr: [0.2, 0.1]),
            Self.values(selection: [0.5, 0.3], tpr: [0.85, 0.65], fpr: [0.3, 0.1]),
        ]
        let full = [
            Self.values(selection: [0.5, 0.4], tpr: [0.8, 0.7], fpr: [0.2, 0.15]),
            Self.values(selection: [0.45, 0.35], tpr: [0.8, 0.7], fpr: [0.2, 0.15]),
        ]
        let subject = ErrorRiskSubject(score: "s", policy: "keep_hard", fraction: 0.3, model: 1, randomModel: nil)
        let row = subject.attributeRow(grouping: Self.grouping, perSeed: plan, fullPerSeed: full)
        let parity = try #require(row.metrics[.demographicParityDifferenceDeltaVsFull])
        #expect(abs(parity.mean - 0.2) < 1e-12 && abs((parity.std ?? 0) - 0.1414213562373095) < 1e-12)
        #expect(parity.ciLow == -1 && parity.ciHigh == 1)
        let odds = try #require(row.metrics[.equalizedOddsDifferenceDeltaVsFull])
        #expect(abs(odds.mean - 0.15) < 1e-12 && abs((odds.std ?? 0) - 0.07071067811865475) < 1e-12)
        #expect(row.value(of: "equalized_odds_difference_delta_vs_full_std") == odds.std)

        let baseline = ErrorRiskSubject(score: nil, policy: "full", fraction: nil, model: 0, randomModel: nil)
        let fullRow = baseline.attributeRow(grouping: Self.grouping, perSeed: full, fullPerSeed: full)
        #expect(fullRow.metrics[.demographicParityDifferenceDeltaVsFull] == nil)
        #expect(fullRow.metrics[.demographicParityDifference] != nil)
    }

    /// Without a positive class there is no disparity, hence no delta.
    @Test func absentWithoutSelectionRates() {
        let values: GroupingErrorValues = [[.accuracy: 0.7], [.accuracy: 0.9]]
        let subject = ErrorRiskSubject(score: "s", policy: "keep_hard", fraction: 0.3, model: 1, randomModel: nil)
        let row = subject.attributeRow(grouping: Self.grouping, perSeed: [values], fullPerSeed: [values])
        #expect(row.metrics[.demographicParityDifferenceDeltaVsFull] == nil)
        #expect(row.metrics[.equalizedOddsDifferenceDeltaVsFull] == nil)
    }
}
