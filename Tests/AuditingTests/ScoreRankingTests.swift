import DietAuditCore
import Foundation
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
        policy: PruningPolicy, fraction: DecimalFraction, seed: UInt64, cells: [Int] = [], classErrors: [Double] = []
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
        case .classBalanced, .quota:
            let sizes = (0..<classCount).map { c in labels.filter { $0 == c }.count }
            var remaining = sizes.map { fraction.roundedHalfEven(times: $0) }
            if policy.kind == .quota {
                let kept = PruningPlanner.quotaKeptCounts(
                    classSizes: sizes, errors: classErrors, keptTotal: count - target)
                remaining = zip(sizes, kept).map { $0 - $1 }
            }
            for index in easiestFirst where remaining[labels[index]] > 0 {
                removed[index] = true
                remaining[labels[index]] -= 1
            }
        case .groupBalanced:
            let sizes = (0...(cells.max() ?? 0)).map { cell in cells.filter { $0 == cell }.count }
            var remaining = PruningPlanner.groupBalancedCounts(cellSizes: sizes, fraction: fraction, seed: seed)
            for index in easiestFirst where remaining[cells[index]] > 0 {
                removed[index] = true
                remaining[cells[index]] -= 1
            }
        default:
            preconditionFailure("not a reference policy")
        }
        return removed
    }

    /// 3,000 examples whose scores take only 40 values (many ties, −0 and +0
    /// among them), three classes, 12 cells, both directions, every fraction
    /// step, every score-based policy: the ranking that orders only the runs
    /// its plans cut gives the plans of the reference that orders them all.
    @Test(arguments: [ScoreDirection.harder, .easier])
    func plansMatchTheReference(direction: ScoreDirection) {
        var generator = SeededGenerator(seed: 11, stream: "ranking-test")
        let scores = (0..<3000).map { _ -> Double in
            let level = Double(generator.next() % 40) - 20
            return level == 0 ? (generator.next() % 2 == 0 ? 0.0 : -0.0) : level / 4
        }
        let labels = (0..<3000).map { _ in Int(generator.next() % 3) }
        let cells = labels.map { $0 * 4 + Int(generator.next() % 4) }
        let errors = [0.3, 0.1, 0.05]
        let context = PlanningContext(labels: labels, classCount: 3, cells: cells, classErrors: errors)
        let policies: [PruningPolicy] = [
            .keepHard, .keepEasy, .classBalanced, .groupBalanced, .quota,
            .keepHard(offset: DecimalFraction(parsing: "0.05")!),
        ]
        for policy in policies {
            for text in ["0.05", "0.1", "0.3", "0.5", "0.7", "0.9", "0.999"] {
                let fraction = DecimalFraction(parsing: text)!
                let plan = PruningPlanner.plan(
                    scores: scores, scoreName: "el2n@2", direction: direction, context: context,
                    policy: policy, fraction: fraction, seed: 5)
                let reference = Self.referencePlan(
                    scores: scores, name: "el2n@2", direction: direction, labels: labels, classCount: 3,
                    policy: policy, fraction: fraction, seed: 5, cells: cells, classErrors: errors)
                #expect(Array(plan.removed) == reference, "\(policy.rawValue) at \(text)")
            }
        }
    }

    /// Every score equal: one run of 2,000 examples that every plan cuts. Its
    /// keys are computed once, for all the plans, and the plans still match
    /// the reference.
    @Test func oneRunOfEqualScoresIsOrderedOnce() {
        let scores = [Double](repeating: 0.5, count: 2000)
        let labels = (0..<2000).map { ($0 * 7) % 3 }
        let counter = KeyCounter()
        var ranking = ScoreRanking(scoreName: "s", scores: scores, direction: .harder) { tied in
            counter.add(tied.count)
            return ExampleKey.keys(seed: 3, stream: ExampleKey.tieStream(score: "s"), ids: nil, positions: tied)
        }
        ranking.attachParts(of: PlanningContext(labels: labels, classCount: 3))
        for policy in [PruningPolicy.keepHard, .keepEasy, .classBalanced] {
            let plan = PruningPlanner.plan(
                ranking: ranking, context: PlanningContext(labels: labels, classCount: 3), policy: policy,
                fraction: 0.3, seed: 3)
            let reference = Self.referencePlan(
                scores: scores, name: "s", direction: .harder, labels: labels, classCount: 3, policy: policy,
                fraction: 0.3, seed: 3)
            #expect(Array(plan.removed) == reference, "\(policy.rawValue)")
        }
        #expect(ranking.resolvedRunCount == 1)
        #expect(counter.total == 2000)
    }

    /// Scores with runs of two (1,000 values, 2,000 examples): a `keep_hard`
    /// plan orders at most the one run its cut falls in, never all 1,000.
    @Test func onlyTheCutRunIsOrdered() {
        let scores = (0..<2000).map { Double($0 / 2) }
        let counter = KeyCounter()
        let ranking = ScoreRanking(scoreName: "s", scores: scores, direction: .harder) { tied in
            counter.add(tied.count)
            return tied.map { ExampleKey(high: UInt64(1_000_000 - $0), low: 0) }
        }
        let labels = [Int](repeating: 0, count: 2000)
        // R = round(0.3005 · 2000) = 601 cuts the run of ranks 600 and 601 (examples 600 and 601):
        // the larger position has the smaller key here, so example 601 is removed, not 600.
        let plan = PruningPlanner.plan(
            ranking: ranking, context: PlanningContext(labels: labels, classCount: 1), policy: .keepHard,
            fraction: DecimalFraction(parsing: "0.3005")!, seed: 0)
        #expect(plan.removedCount == 601)
        #expect(plan.removed[601] && !plan.removed[600])
        #expect(ranking.resolvedRunCount == 1)
        #expect(counter.total == 2)
    }

    /// Inside a tie, hardest first keeps the key order (it is not the
    /// easiest-first order reversed): `keep_easy` takes the smallest keys of
    /// the run it cuts, the offset of `keep_hard` (the end of the easiest-first
    /// order) the largest.
    @Test func cutRunsGiveTheirSmallestOrLargestKeys() {
        let ranking = ScoreRanking(
            scoreName: "s", scores: [1, 2, 1, 2, 3], direction: .harder, tieRank: [3, 0, 1, 4, 2])
        let context = PlanningContext(labels: [0, 0, 0, 0, 0], classCount: 1)
        // Easiest first by (h, tie rank): 2, 0, 1, 3, 4; hardest first by (−h, tie rank): 4, 1, 3, 2, 0.
        let keepEasy = PruningPlanner.plan(
            ranking: ranking, context: context, policy: .keepEasy, fraction: 0.4, seed: 0)
        #expect(Array(keepEasy.removed) == [false, true, false, false, true])
        let offset = PruningPlanner.plan(
            ranking: ranking, context: context, policy: .keepHard(offset: DecimalFraction(parsing: "0.4")!),
            fraction: 0.6, seed: 0)
        #expect(Array(offset.removed) == [false, false, true, true, true])
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

/// Counts the tie keys a ranking asks for, from any thread.
final class KeyCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    func add(_ more: Int) {
        lock.lock()
        count += more
        lock.unlock()
    }

    var total: Int {
        lock.lock()
        defer { lock.unlock() }
        return count
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
