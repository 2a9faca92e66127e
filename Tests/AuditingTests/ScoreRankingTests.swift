import DietAuditCore
import Scoring
import Testing

@testable import Auditing

/// Ranking a score once (``ScoreRanking``: a radix sort) and reading every
/// plan off the ranking gives the plans — and so the composition rows — of
/// the planner as it was written before: a comparison sort of all examples by
/// (hardness, tie rank) for each plan, reproduced here as the reference.
@Suite struct ScoreRankingTests {
    /// The planner's earlier code path, kept as the reference: sort by
    /// (h, tie rank) — by (−h, tie rank) for keep_easy — and take the prefix
    /// (per class for class_balanced).
    static func referencePlan(
        scores: [Double], name: String, direction: ScoreDirection, labels: [Int], classCount: Int,
        policy: PruningPolicy, fraction: DecimalFraction, seed: UInt64
    ) -> [Bool] {
        let count = scores.count
        let target = fraction.roundedHalfEven(times: count)
        let hardness = scores.map(direction.hardness)
        let tieRank = (0..<count).map {
            ExampleKey(seed: seed, stream: ExampleKey.tieStream(score: name), id: String($0 + 1))
        }
        let easiestFirst = Array(0..<count).sorted { (hardness[$0], tieRank[$0]) < (hardness[$1], tieRank[$1]) }
        var removed = [Bool](repeating: false, count: count)
        switch policy.kind {
        case .keepHard:
            let offsetCount = policy.offset?.roundedHalfEven(times: count) ?? 0
            for index in easiestFirst.suffix(offsetCount) { removed[index] = true }
            for index in easiestFirst.prefix(target - offsetCount) { removed[index] = true }
        case .keepEasy:
            let hardestFirst = Array(0..<count).sorted { (-hardness[$0], tieRank[$0]) < (-hardness[$1], tieRank[$1]) }
            for index in hardestFirst.prefix(target) { removed[index] = true }
        case .classBalanced:
            var remaining = (0..<classCount).map { c in fraction.roundedHalfEven(times: labels.filter { $0 == c }.count)
            }
            for index in easiestFirst where remaining[labels[index]] > 0 {
                removed[index] = true
                remaining[labels[index]] -= 1
            }
        default:
            preconditionFailure("not a reference policy")
        }
        return removed
    }

    /// 3,000 examples whose scores take only 40 values (many ties, −0 and +0
    /// among them), three classes, both directions, every fraction step.
    @Test(arguments: [ScoreDirection.harder, .easier])
    func plansMatchTheReference(direction: ScoreDirection) {
        var generator = SeededGenerator(seed: 11, stream: "ranking-test")
        let scores = (0..<3000).map { _ -> Double in
            let level = Double(generator.next() % 40) - 20
            return level == 0 ? (generator.next() % 2 == 0 ? 0.0 : -0.0) : level / 4
        }
        let labels = (0..<3000).map { _ in Int(generator.next() % 3) }
        let policies: [PruningPolicy] = [
            .keepHard, .keepEasy, .classBalanced, .keepHard(offset: DecimalFraction(parsing: "0.05")!),
        ]
        for policy in policies {
            for text in ["0.05", "0.1", "0.3", "0.5", "0.7", "0.9", "0.999"] {
                let fraction = DecimalFraction(parsing: text)!
                let plan = PruningPlanner.plan(
                    scores: scores, scoreName: "el2n@2", direction: direction, labels: labels, classCount: 3,
                    policy: policy, fraction: fraction, seed: 5)
                let reference = Self.referencePlan(
                    scores: scores, name: "el2n@2", direction: direction, labels: labels, classCount: 3,
                    policy: policy, fraction: fraction, seed: 5)
                #expect(Array(plan.removed) == reference, "\(policy.rawValue) at \(text)")
            }
        }
    }

    /// Hardest first keeps the tie-rank order inside a tie (it is not the
    /// easiest-first order reversed).
    @Test func hardestFirstKeepsTieOrder() {
        let ranking = ScoreRanking(
            scoreName: "s", scores: [1, 2, 1, 2, 3], direction: .harder, tieRank: [3, 0, 1, 4, 2])
        #expect(ranking.easiestFirst == [2, 0, 1, 3, 4])
        #expect(ranking.hardestFirst == [4, 1, 3, 2, 0])
    }

    /// The composition rows from the per-cell tally equal those counted
    /// grouping by grouping, on the planted data with its intersections.
    @Test func cellTallyEqualsPerGroupingCounts() throws {
        let labels = (0..<500).map { $0 % 2 }, sex = (0..<500).map { ($0 / 3) % 2 }, band = (0..<500).map { $0 % 5 }
        let cross = zip(sex, band).map { $0 * 5 + $1 }
        let groupings = [
            Grouping(name: "class", kind: .class, groups: ["n", "y"], train: labels, test: []),
            Grouping(name: "sex", kind: .attribute, groups: ["f", "m"], train: sex, test: []),
            Grouping(name: "band", kind: .attribute, groups: ["a", "b", "c", "d", "e"], train: band, test: []),
            Grouping(
                name: "sex×band", kind: .intersection, groups: (0..<10).map { "g\($0)" }, train: cross, test: []),
        ]
        let scores = (0..<500).map { Double(($0 * 7919) % 101) + (sex[$0] == 0 ? 30 : 0) }
        let plan = PruningPlanner.plan(
            scores: scores, scoreName: "s", direction: .harder, labels: labels, classCount: 2, policy: .keepHard,
            fraction: 0.3, seed: 1)
        let cells = try #require(CompositionCells(groupings: groupings))
        let tallies = cells.tally(removed: plan.removed, groupings: groupings)
        for (grouping, tally) in zip(groupings, tallies) {
            #expect(
                compositionRows(plan: plan, grouping: grouping, tally: tally)
                    == compositionRows(plan: plan, grouping: grouping))
        }
        #expect(tallies[1].removed.reduce(0, +) == plan.removedCount)
    }
}

extension ScoreRanking {
    /// Ranks `scores` with ties broken by `tieRank` (a permutation of
    /// `0..<N`: the smaller rank first), for tests that plant a tie order.
    init(scoreName: String?, scores: [Double], direction: ScoreDirection, tieRank: [Int]) {
        precondition(scores.count == tieRank.count, "one tie rank per score")
        self.init(scoreName: scoreName, scores: scores, direction: direction) { tied in
            tied.map { ExampleKey(high: UInt64(tieRank[Int($0)]), low: 0) }
        }
    }
}
