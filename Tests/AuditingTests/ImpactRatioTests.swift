import DietAuditCore
import Testing

@testable import Auditing

/// `impact_ratio`: each group's retention rate against the best-kept group of
/// its attribute in the same plan (the EEOC four-fifths reading).
@Suite struct ImpactRatioTests {
    static func grouping() -> Grouping {
        let labels = (0..<40).map { $0 < 20 ? 0 : $0 < 32 ? 1 : 2 }
        return Grouping(name: "race", kind: .attribute, groups: ["a", "b", "c"], train: labels, test: [0, 1, 2])
    }

    /// Planted counts of Tests/References/impact_ratio.py: a keeps 16/20,
    /// b 6/12, c 3/8.
    @Test func matchesTheReferenceComputation() throws {
        let removedIndices = Set([0, 1, 2, 3, 20, 21, 22, 23, 24, 25, 32, 33, 34, 35, 36])
        let plan = PruningPlan(
            score: "s", policy: .keepHard, fraction: 0.375,
            removed: (0..<40).map { removedIndices.contains($0) })
        let rows = auditComposition(plans: [plan], groupings: [Self.grouping()]).rows
        // python3 Tests/References/impact_ratio.py (numpy 2.4.6)
        let expected: [String: Double] = ["a": 1.0, "b": 0.625, "c": 0.46875]
        #expect(rows.map(\.group) == ["a", "b", "c"])
        for row in rows {
            let value = try #require(row.impactRatio)
            #expect(abs(value - expected[row.group]!) < 1e-15, "\(row.group): \(value)")
            #expect(row.value(of: "impact_ratio") == row.impactRatio)
        }
        // Not the same as retention_ratio, which compares with the overall rate 25/40.
        #expect(abs((rows[1].retentionRatio ?? 0) - 0.5 / 0.625) < 1e-12)
    }

    @Test func undefinedWhenNoGroupKeepsAnything() {
        let plan = PruningPlan(score: "s", policy: .keepHard, fraction: 1, removed: [Bool](repeating: true, count: 40))
        let rows = auditComposition(plans: [plan], groupings: [Self.grouping()]).rows
        #expect(rows.count == 3 && rows.allSatisfy { $0.impactRatio == nil })
    }

    @Test func everyGroupIsOneWhenNothingIsRemoved() {
        let plan = PruningPlan(score: "s", policy: .keepHard, fraction: 0, removed: [Bool](repeating: false, count: 40))
        #expect(auditComposition(plans: [plan], groupings: [Self.grouping()]).rows.allSatisfy { $0.impactRatio == 1 })
    }

    /// Every metric declares which way is better, or none for evidence and
    /// data properties (a `compare_to: previous` rule refuses those).
    @Test func betterDirectionsAreDeclared() {
        let better = Dictionary(uniqueKeysWithValues: MetricCatalog.all.map { ($0.name, $0.better) })
        #expect(better["impact_ratio"] == .higher && better["retention_ratio"] == .towardOne)
        #expect(better["excess_removal"] == .towardZero && better["accuracy"] == .higher)
        #expect(better["false_positive_rate"] == .lower)
        #expect(better["demographic_parity_difference_delta_vs_full"] == .lower)
        for name in ["p_value", "q_value", "chi2", "chi2_p_value", "n", "share_before"] {
            #expect(better[name] == .some(nil), "\(name) has no better direction")
        }
    }
}
