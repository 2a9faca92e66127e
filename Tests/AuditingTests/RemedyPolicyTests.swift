import DietAuditCore
import Foundation
import Scoring
import Testing

@testable import Auditing

/// The remedy policies: policy names with offsets, `group_balanced`'s
/// largest-remainder allocation, `quota`'s DRoP allocation, `keep_hard` with
/// an offset.
@Suite struct RemedyPolicyTests {
    /// Names round-trip, including an offset, and reject anything not written
    /// by `rawValue`.
    @Test func policyNamesRoundTrip() throws {
        let offset = PruningPolicy.keepHard(offset: 0.1)
        #expect(offset.rawValue == "keep_hard+offset0.1")
        #expect(PruningPolicy(rawValue: "keep_hard+offset0.1") == offset)
        #expect(PruningPolicy(rawValue: "keep_hard+offset0.05")?.offset == DecimalFraction(parsing: "0.05"))
        for policy in PruningPolicy.allCases + [offset] {
            #expect(PruningPolicy(rawValue: policy.rawValue) == policy)
        }
        #expect(
            PruningPolicy.allCases.map(\.rawValue)
                == ["keep_hard", "keep_easy", "random", "class_balanced", "group_balanced", "quota"])
        for bad in [
            "keep_easy+offset0.1", "keep_hard+offset1", "keep_hard+offset0", "keep_hard+offset0.10",
            "keep_hard+offset", "keep_hard+offset-0.1", "keephard", "",
        ] {
            #expect(PruningPolicy(rawValue: bad) == nil, "\(bad)")
        }
        let encoded = try JSONEncoder().encode([offset, .quota])
        #expect(String(decoding: encoded, as: UTF8.self) == #"["keep_hard+offset0.1","quota"]"#)
        #expect(try JSONDecoder().decode([PruningPolicy].self, from: encoded) == [offset, .quota])
    }

    /// Largest remainder: floors first, then one unit to each of the cells
    /// with the largest exact fractional parts.
    @Test func groupBalancedCountsByLargestRemainder() {
        // f = 0.3 on cells 7, 4, 9 (N = 20, R = round(6.0) = 6): 2.1, 1.2, 2.7 →
        // floors 2, 1, 2 (5); the one unit left goes to the 0.7 cell.
        #expect(PruningPlanner.groupBalancedCounts(cellSizes: [7, 4, 9], fraction: 0.3, seed: 0) == [2, 1, 3])
        // f = 0.35 on 10, 10, 3, 1 (N = 24, R = round(8.4) = 8): 3.5, 3.5, 1.05,
        // 0.35 → floors 3, 3, 1, 0 (7); the unit goes to one of the two 0.5 cells.
        let counts = PruningPlanner.groupBalancedCounts(cellSizes: [10, 10, 3, 1], fraction: 0.35, seed: 0)
        #expect(counts.reduce(0, +) == 8 && counts[2] == 1 && counts[3] == 0 && counts[0] + counts[1] == 7)
        // f = 0.7 on 45 in one cell: 31.5 → R = 32 (half to even) and the cell gets it.
        #expect(PruningPlanner.groupBalancedCounts(cellSizes: [45], fraction: 0.7, seed: 0) == [32])
        // Empty cells get nothing; cells of one never lose more than one.
        #expect(PruningPlanner.groupBalancedCounts(cellSizes: [0, 1, 1, 0], fraction: 0.5, seed: 3).reduce(0, +) == 1)
    }

    /// Ties among equal fractional parts follow the seeded permutation, not
    /// cell order: twelve cells of one with f = 0.5 (R = 6).
    @Test func groupBalancedTiesAreSeededNotByCellOrder() {
        let sizes = [Int](repeating: 1, count: 12)
        var chosenSets = Set<[Int]>()
        for seed: UInt64 in 0..<8 {
            let counts = PruningPlanner.groupBalancedCounts(cellSizes: sizes, fraction: 0.5, seed: seed)
            #expect(counts.reduce(0, +) == 6 && counts.allSatisfy { $0 <= 1 })
            #expect(counts == PruningPlanner.groupBalancedCounts(cellSizes: sizes, fraction: 0.5, seed: seed))
            chosenSets.insert(counts)
        }
        #expect(chosenSets.count > 1)
        #expect(!chosenSets.contains([1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0]))
    }

    /// Planted cells: attribute a (0/1) × class (0/1). group_balanced removes
    /// the easiest within every cell, keeping every cell's share; keep_hard on
    /// the same scores empties the easy cell.
    @Test func groupBalancedRemovesTheSameFractionOfEveryCell() {
        // 40 examples: cell (a, class) = (i % 2, i / 20); cell (0, 0) holds the
        // easiest scores, so keep_hard strips it.
        let count = 40
        let labels = (0..<count).map { $0 / 20 }
        let attribute = (0..<count).map { $0 % 2 }
        let scores = (0..<count).map { i in Double(i) + (attribute[i] == 0 && labels[i] == 0 ? -100 : 0) }
        let class_ = Grouping(name: "class", kind: .class, groups: ["c0", "c1"], train: labels, test: [])
        let a = Grouping(name: "a", kind: .attribute, groups: ["x", "y"], train: attribute, test: [])
        let both = Grouping(
            name: "a×class", kind: .intersection, groups: ["x×c0", "x×c1", "y×c0", "y×c1"],
            train: (0..<count).map { attribute[$0] * 2 + labels[$0] }, test: [])
        let cells = PlanningContext.cells(from: [class_, a, both])!
        #expect(Set(cells).count == 4)
        let context = PlanningContext(labels: labels, classCount: 2, cells: cells)
        let plan = PruningPlanner.plan(
            scores: scores, scoreName: "s", direction: .harder, context: context,
            policy: .groupBalanced, fraction: 0.5, seed: 0)
        #expect(plan.removedCount == 20)
        for cell in 0..<4 {
            let members = (0..<count).filter { cells[$0] == cell }
            let removed = members.filter { plan.removed[$0] }
            #expect(removed.count == 5)
            // The easiest half of the cell: its five lowest scores.
            #expect(Set(removed) == Set(members.sorted { scores[$0] < scores[$1] }.prefix(5)))
        }
        let keepHard = PruningPlanner.plan(
            scores: scores, scoreName: "s", direction: .harder, context: context,
            policy: .keepHard, fraction: 0.5, seed: 0)
        #expect((0..<count).filter { cells[$0] == cells[0] }.allSatisfy { keepHard.removed[$0] })
    }

    /// The hand-computed DRoP example of the doc comment (and
    /// Tests/References/random_band.py): sizes (40, 100, 60), recalls (0.5,
    /// 0.9, 0.8), f = 0.5 → K = 100, class 0 saturates (c·e_0 = 100/42·0.5 ≈
    /// 1.19), the others share 60 as 60/22·(0.1, 0.2)·(100, 60) = 27.27, 32.73
    /// → kept (40, 27, 33).
    @Test func quotaAllocationMatchesTheHandComputedExample() {
        let errors = [0.5, 0.1, 0.2]
        #expect(
            PruningPlanner.quotaKeptCounts(classSizes: [40, 100, 60], errors: errors, keptTotal: 100)
                == [40, 27, 33])
        let density = PruningPlanner.dropDensities(classSizes: [40, 100, 60], errors: errors, keptTotal: 100)
        #expect(abs(density[1] - 3.0 / 11) < 1e-15 && abs(density[2] - 6.0 / 11) < 1e-15 && density[0] == 1)
        // Without saturation the kept fractions are proportional to the errors:
        // sizes (100, 100), errors (0.1, 0.3), keep 80: c = 80/40 = 2 → (20, 60).
        #expect(
            PruningPlanner.quotaKeptCounts(classSizes: [100, 100], errors: [0.1, 0.3], keptTotal: 80) == [20, 60])
        // Equal errors: every class keeps the same fraction.
        #expect(PruningPlanner.quotaKeptCounts(classSizes: [30, 70], errors: [0.2, 0.2], keptTotal: 50) == [15, 35])
        // All errors zero: shared in proportion to size.
        #expect(PruningPlanner.quotaKeptCounts(classSizes: [30, 70], errors: [0, 0], keptTotal: 50) == [15, 35])
        // A zero-error class would keep nothing; it keeps one example, taken
        // from the class keeping the most: (10, 10), errors (0, 0.5), keep 10
        // → DRoP gives (0, 10) → (1, 9).
        #expect(PruningPlanner.quotaKeptCounts(classSizes: [10, 10], errors: [0, 0.5], keptTotal: 10) == [1, 9])
    }

    /// The quota plan removes the easiest within each class, R = round(f·N).
    @Test func quotaPlanRemovesTheEasiestWithinEachClass() {
        let labels = [Int](repeating: 0, count: 40) + [Int](repeating: 1, count: 100) + [Int](repeating: 2, count: 60)
        let scores = (0..<200).map { Double(($0 * 37) % 200) }
        let context = PlanningContext(labels: labels, classCount: 3, classErrors: [0.5, 0.1, 0.2])
        let plan = PruningPlanner.plan(
            scores: scores, scoreName: "s", direction: .harder, context: context,
            policy: .quota, fraction: 0.5, seed: 0)
        #expect(plan.removedCount == 100)
        for (label, removedCount) in [(0, 0), (1, 73), (2, 27)] {
            let members = labels.indices.filter { labels[$0] == label }
            let easiest = Set(members.sorted { scores[$0] < scores[$1] }.prefix(removedCount))
            #expect(Set(members.filter { plan.removed[$0] }) == easiest)
        }
    }

    /// Planted label noise: the two hardest of twenty examples are mislabeled.
    /// keep_hard with offset 0.1 removes them (O = round(0.1·20) = 2) and the
    /// 8 easiest (R = 10 in all), keeping the ten next-hardest; plain keep_hard
    /// keeps the noisy two.
    @Test func offsetRemovesThePlantedNoisyLabelsFirst() {
        let noisy: Set = [6, 13]
        let scores = (0..<20).map { noisy.contains($0) ? 5.0 + Double($0) : Double($0) / 20 }
        let labels = [Int](repeating: 0, count: 20)
        let offset = PruningPlanner.plan(
            scores: scores, scoreName: "el2n@2", direction: .harder, labels: labels,
            classCount: 1, policy: .keepHard(offset: 0.1), fraction: 0.5, seed: 0)
        #expect(offset.removedCount == 10 && offset.policy.rawValue == "keep_hard+offset0.1")
        #expect(noisy.isSubset(of: offset.removedIndices))
        let cleanHardestFirst = (0..<20).filter { !noisy.contains($0) }.sorted { scores[$0] > scores[$1] }
        #expect(Set(offset.keptIndices) == Set(cleanHardestFirst.prefix(10)))
        let plain = PruningPlanner.plan(
            scores: scores, scoreName: "el2n@2", direction: .harder, labels: labels,
            classCount: 1, policy: .keepHard, fraction: 0.5, seed: 0)
        #expect(noisy.isSubset(of: plain.keptIndices))
        // A higher-is-easier score: the hardest are the lowest values.
        let flipped = PruningPlanner.plan(
            scores: scores.map { -$0 }, scoreName: "aum", direction: .easier,
            labels: labels, classCount: 1, policy: .keepHard(offset: 0.1),
            fraction: 0.5, seed: 0)
        #expect(Set(flipped.removedIndices) == Set(offset.removedIndices))
    }
}
