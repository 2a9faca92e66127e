import DietAuditCore
import Scoring
import Testing

@testable import Auditing

@Suite struct PruningPlannerTests {
    static let scores = [0.5, 0.1, 0.9, 0.3, 0.7, 0.2]
    static let labels = [0, 0, 0, 1, 1, 1]

    func plan(
        _ policy: PruningPolicy, _ fraction: DecimalFraction, scores: [Double]? = scores, name: String? = "el2n@2",
        direction: ScoreDirection = .harder, labels: [Int] = labels, classCount: Int = 2,
        seed: UInt64 = 0
    ) -> PruningPlan {
        PruningPlanner.plan(
            scores: scores, scoreName: name, direction: direction, labels: labels, classCount: classCount,
            policy: policy, fraction: fraction, seed: seed)
    }

    @Test func keepHardRemovesLowestScores() {
        let result = plan(.keepHard, 0.5)
        #expect(result.removedIndices == [1, 3, 5])  // scores 0.1, 0.3, 0.2
        #expect(result.removedCount == 3 && result.keptCount == 3)
        #expect(result.score == "el2n@2" && result.policy == .keepHard && result.fraction == 0.5)
        // R = round(0.25 · 6) = round(1.5) = 2: half to even.
        #expect(plan(.keepHard, 0.25).removedIndices == [1, 5])
        #expect(plan(.keepHard, 0).removedCount == 0)
    }

    @Test func keepEasyRemovesHighestScores() {
        #expect(plan(.keepEasy, 0.5).removedIndices == [0, 2, 4])  // scores 0.5, 0.9, 0.7
        #expect(plan(.keepEasy, 0.2).removedIndices == [2])  // R = round(1.2) = 1
    }

    /// A higher-is-easier score (aum, margin, confidence) is read the other way
    /// round: keep_hard removes the highest values, keep_easy the lowest, and
    /// class_balanced the highest within each class.
    @Test func higherIsEasierFlipsWhichEndIsRemoved() {
        #expect(plan(.keepHard, 0.5, name: "aum", direction: .easier).removedIndices == [0, 2, 4])  // 0.5, 0.9, 0.7
        #expect(plan(.keepEasy, 0.5, name: "aum", direction: .easier).removedIndices == [1, 3, 5])  // 0.1, 0.3, 0.2
        // Class 0 holds 0.5, 0.1, 0.9 and class 1 0.3, 0.7, 0.2: round(1.5) = 2 of each, highest first.
        #expect(plan(.classBalanced, 0.5, name: "aum", direction: .easier).removedIndices == [0, 2, 3, 4])
        #expect(plan(.classBalanced, 0.5).removedIndices == [0, 1, 3, 5])
        // Negating the scores of a higher-is-harder score gives the same plan as
        // the scores themselves read higher-is-easier (same tie stream).
        let negated = Self.scores.map { -$0 }
        for policy in [PruningPolicy.keepHard, .keepEasy, .classBalanced] {
            #expect(plan(policy, 0.5, scores: negated).removed == plan(policy, 0.5, direction: .easier).removed)
        }
    }

    /// R is computed exactly from the decimal and rounded half to even
    /// (Python: round(Fraction("0.7") * 45) = 32; binary floating point gives 31).
    @Test func sizesAreExactHalfToEven() {
        let cases: [(fraction: String, count: Int, removed: Int)] = [
            ("0.7", 45, 32), ("0.5", 5, 2), ("0.5", 7, 4), ("0.25", 10, 2), ("0.35", 10, 4), ("0.1", 25, 2),
        ]
        for (text, count, removed) in cases {
            let fraction = DecimalFraction(parsing: text)!
            let labels = [Int](repeating: 0, count: count)
            let scores = (0..<count).map(Double.init)
            for policy in PruningPolicy.allCases {
                let result = plan(policy, fraction, scores: scores, labels: labels, classCount: 1)
                #expect(result.removedCount == removed, "\(policy) \(text)·\(count)")
            }
        }
        // class_balanced rounds each class: 0.5·5 = 2.5 → 2 and 0.5·7 = 3.5 → 4.
        let labels = [Int](repeating: 0, count: 5) + [Int](repeating: 1, count: 7)
        let balanced = plan(.classBalanced, 0.5, scores: (0..<12).map(Double.init), labels: labels)
        #expect(balanced.removedIndices == [0, 1, 5, 6, 7, 8])
    }

    /// With all scores equal the removed set comes from the seeded tie order:
    /// not the first R rows, reproducible, and different for another seed or score.
    @Test func tiesAreSeededNotRowOrder() {
        let equal = [Double](repeating: 1, count: 100)
        let labels = [Int](repeating: 0, count: 100)
        let first = plan(.keepHard, 0.3, scores: equal, labels: labels, classCount: 1, seed: 7)
        #expect(first.removedCount == 30)
        #expect(first.removedIndices != Array(0..<30))
        #expect(first.removedIndices != Array(70..<100))
        #expect(plan(.keepHard, 0.3, scores: equal, labels: labels, classCount: 1, seed: 7) == first)
        #expect(plan(.keepHard, 0.3, scores: equal, labels: labels, classCount: 1, seed: 8).removed != first.removed)
        #expect(
            plan(.keepHard, 0.3, scores: equal, name: "grand@0", labels: labels, classCount: 1, seed: 7).removed
                != first.removed)
    }

    /// A partial tie is resolved by the ``ExampleKey`` md5("<seed>:ties:<score>:<id>")
    /// (the documented contract SQL engines share), and only among the tied.
    /// Winners from hashlib (Tests/References/md5_keys.py); ids are the positions 1…5.
    @Test func partialTieFollowsTieStream() {
        let scores = [1.0, 1.0, 1.0, 0.0, 2.0]
        let winners = [2, 1, 0, 1, 1, 1, 2, 1, 2, 2, 2, 1, 1, 2, 2, 1, 2, 1, 2, 1]
        for seed: UInt64 in 0..<20 {
            let result = plan(
                .keepHard, 0.4, scores: scores, name: "forgetting", labels: [0, 0, 0, 0, 0], classCount: 1, seed: seed)
            #expect(result.removedIndices == [3, winners[Int(seed)]].sorted())
        }
    }

    /// `random` removes the R examples whose md5("<seed>:random:<id>") is
    /// smallest, whatever the row order (hashlib: Tests/References/md5_keys.py).
    @Test func randomTakesSmallestKeys() {
        let ids = (0..<10).map { "a\($0)" }
        let context = PlanningContext(labels: [Int](repeating: 0, count: 10), classCount: 1, ids: ExampleIds(ids))
        let result = PruningPlanner.plan(
            scores: nil, scoreName: nil, direction: .harder, context: context, policy: .random, fraction: 0.3, seed: 3)
        #expect(result.removedIndices == [1, 6, 8])
        let reversed = PlanningContext(labels: context.labels, classCount: 1, ids: ExampleIds(ids.reversed()))
        let mirrored = PruningPlanner.plan(
            scores: nil, scoreName: nil, direction: .harder, context: reversed, policy: .random, fraction: 0.3, seed: 3)
        #expect(mirrored.removedIndices == [1, 3, 8])
    }

    /// The random order sorts by the keys' first 4 bytes and settles equal
    /// prefixes by whole keys: among 300,000 examples some prefixes repeat
    /// (about 10 pairs expected), and the order equals a sort by whole key.
    @Test func randomOrderEqualsTheOrderOfWholeKeys() {
        let count = 300_000
        let context = PlanningContext(labels: [Int](repeating: 0, count: count), classCount: 1)
        let order = PruningPlanner.randomOrder(context: context, seed: 9)
        let keys = ExampleKey.keys(seed: 9, stream: ExampleKey.randomStream, ids: nil, count: count)
        let prefixes = keys.map { $0.high >> 32 }
        #expect(Set(prefixes).count < count, "the data must contain equal prefixes for this test to bite")
        #expect(order == (0..<Int32(count)).sorted { keys[Int($0)] < keys[Int($1)] })
    }

    /// class_balanced removes round(f·n_c) of the lowest scores inside each class.
    @Test func classBalancedCountsPerClass() {
        // Classes of sizes 10, 7 and 3; scores decreasing with the index.
        let labels = [Int](repeating: 0, count: 10) + [Int](repeating: 1, count: 7) + [Int](repeating: 2, count: 3)
        let scores = (0..<20).map { Double(20 - $0) }
        let result = plan(.classBalanced, 0.3, scores: scores, labels: labels, classCount: 3)
        // round(3.0) = 3, round(2.1) = 2, round(0.9) = 1: the last members of each class.
        #expect(result.removedIndices == [7, 8, 9, 15, 16, 19])
        #expect(result.removedCount == 6)
        // keep_hard at the same fraction would take the 6 lowest overall: 14…19.
        #expect(plan(.keepHard, 0.3, scores: scores, labels: labels, classCount: 3).removedIndices == Array(14..<20))
    }

    /// random ignores scores, removes exactly R, is reproducible, and over many
    /// seeds removes every example at about the rate f.
    @Test func randomIsSeededAndUniform() {
        let labels = [Int](repeating: 0, count: 20)
        let first = plan(.random, 0.3, scores: nil, name: nil, labels: labels, classCount: 1, seed: 3)
        #expect(first.score == nil && first.removedCount == 6)
        #expect(plan(.random, 0.3, scores: nil, name: nil, labels: labels, classCount: 1, seed: 3) == first)
        #expect(plan(.random, 0.3, scores: nil, name: nil, labels: labels, classCount: 1, seed: 4) != first)
        // Scores given to `random` are ignored.
        #expect(
            plan(
                .random, 0.3, scores: (0..<20).map(Double.init), name: "el2n@2", labels: labels, classCount: 1, seed: 3
            ).removed == first.removed)
        var counts = [Int](repeating: 0, count: 20)
        for seed: UInt64 in 0..<1000 {
            let result = plan(.random, 0.3, scores: nil, name: nil, labels: labels, classCount: 1, seed: seed)
            #expect(result.removedCount == 6)
            for index in result.removedIndices { counts[index] += 1 }
        }
        // Each count is Binomial(1000, 0.3): mean 300, sd ≈ 14.5; allow 5 sd.
        for count in counts { #expect(abs(count - 300) < 73, "counts \(counts)") }
    }
}
