import DietAuditCore
import Testing

@testable import Auditing

/// A generated training set of 2000 examples whose group "B" (20%) gets
/// systematically low scores: keep_hard must flag B and nothing else may look
/// like it; random pruning must flag nothing.
@Suite struct PlantedSkewTests {
    struct Data {
        var scores: [Double] = []
        var labels: [Int] = []
        var groups: [Int] = []
    }

    /// Group B (index 1) for every fifth example; B's scores ~ N(−2, 0.5),
    /// A's ~ N(1, 1); labels independent of group.
    static func generate() -> Data {
        var generator = SeededGenerator(seed: 11, stream: "planted-skew")
        var data = Data()
        for index in 0..<2000 {
            let isB = index % 5 == 0
            data.groups.append(isB ? 1 : 0)
            data.scores.append(isB ? -2 + 0.5 * generator.normal() : 1 + generator.normal())
            data.labels.append(generator.uniform(below: 2))
        }
        return data
    }

    static func groupings(_ data: Data) -> [Grouping] {
        [
            Grouping(name: "race", kind: .attribute, groups: ["A", "B"], train: data.groups, test: []),
            Grouping(name: "class", kind: .class, groups: ["no", "yes"], train: data.labels, test: []),
        ]
    }

    func plan(_ data: Data, _ policy: PruningPolicy, _ fraction: DecimalFraction) -> PruningPlan {
        PruningPlanner.plan(
            scores: policy == .random ? nil : data.scores, scoreName: policy == .random ? nil : "el2n@2",
            direction: .harder, labels: data.labels, classCount: 2, policy: policy, fraction: fraction, seed: 0)
    }

    @Test func keepHardRemovesGroupB() throws {
        let data = Self.generate()
        let audit = auditComposition(plans: [plan(data, .keepHard, 0.3)], groupings: Self.groupings(data))
        let b = try #require(audit.rows.first { $0.attribute == "race" && $0.group == "B" })
        let a = try #require(audit.rows.first { $0.attribute == "race" && $0.group == "A" })
        #expect(b.n == 400 && b.removalRate > 0.95)
        #expect(b.qValue < 1e-50)
        #expect(try #require(b.retentionRatio) < 0.1)
        // A keeps more than its share (it is 80% of the data): no four-fifths problem.
        #expect(try #require(a.retentionRatio) > 1.1)
        #expect(a.removalRate < 0.3)
        // The class mix, independent of the scores, is not disturbed.
        let classRows = audit.rows.filter { $0.attribute == "class" }
        for row in classRows { #expect(row.qValue > 0.05) }
        let race = try #require(audit.attributes.first { $0.attribute == "race" })
        #expect(race.tvd > 0.15)
        #expect(try #require(race.chi2PValue) < 1e-50)
    }

    @Test func randomPruningFlagsNothing() throws {
        let data = Self.generate()
        let plans = [0.1, 0.3, 0.5, 0.7].map { plan(data, .random, $0) }
        let audit = auditComposition(plans: plans, groupings: Self.groupings(data))
        #expect(audit.rows.count == 16)
        for row in audit.rows {
            #expect(row.qValue > 0.05, "\(row.attribute)=\(row.group) at \(row.fraction)")
            #expect(try #require(row.retentionRatio) > 0.8)
        }
        for attribute in audit.attributes { #expect(attribute.tvd < 0.05) }
    }

    /// class_balanced keeps each class's removal rate at f, even with skewed scores.
    @Test func classBalancedKeepsClassRates() throws {
        let data = Self.generate()
        let audit = auditComposition(plans: [plan(data, .classBalanced, 0.3)], groupings: Self.groupings(data))
        for row in audit.rows where row.attribute == "class" {
            #expect(abs(row.removalRate - 0.3) < 0.001)
        }
        let classAttribute = try #require(audit.attributes.first { $0.attribute == "class" })
        #expect(classAttribute.tvd < 0.001)
    }
}
