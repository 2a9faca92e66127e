import DietAuditCore
import Scoring

/// Turns scores into pruning plans, following the DESIGN.md policies.
///
/// With N training examples and fraction f, a plan removes R = round(f·N)
/// examples, with f·N computed exactly from the decimal fraction as written
/// and rounded half to even (Python's `round`; see ``DecimalFraction``:
/// 0.7·45 = 31.5 → 32, 0.25·10 = 2.5 → 2).
///
/// "Easiest" and "hardest" follow the score's ``ScoreDirection``: each score
/// is first oriented to a hardness h = score (higher is harder) or h = −score
/// (higher is easier, e.g. `aum`, `margin`, `confidence`). Then:
/// - `keep_hard`: removes the R easiest examples (lowest h);
/// - `keep_hard` with offset o (Paul et al. 2021): removes the O = round(o·N)
///   hardest examples (likely label noise), then the R − O easiest, so R in
///   all and the kept set is the N − R hardest after the first O. Both ends
///   are read off one ranking (the easiest-first order below), so they never
///   overlap. Needs O ≤ R (the spec loader checks o ≤ f).
/// - `keep_easy`: removes the R hardest examples (highest h);
/// - `random`: a seeded uniform sample of R: the R examples with the smallest
///   ``ExampleKey`` in stream `random` (so the random plans of growing
///   fractions are nested; SQL engines compute the same keys);
/// - `class_balanced`: the round(f·n_c) easiest examples within each class c
///   (so R = Σ_c round(f·n_c), which may differ from round(f·N) by a few);
/// - `group_balanced`: the easiest examples within every cell of attributes ×
///   class (``PlanningContext/cells``), the same fraction f in each, with R =
///   round(f·N) exactly: per-cell counts by largest remainder
///   (``groupBalancedCounts(cellSizes:fraction:seed:)``);
/// - `quota` (DRoP, Vysogorets et al. 2025): the easiest examples within each
///   class, with per-class kept counts from the classes' held-out errors
///   (``quotaKeptCounts(classSizes:errors:keptTotal:)``), R = round(f·N) exactly.
///
/// Ties are never broken by row order: each example gets its ``ExampleKey``
/// md5("<seed>:ties:<score>:<id>") of its id, and examples are ordered by
/// (h, key) for every policy but `keep_easy`, by (−h, key) for `keep_easy`.
/// The same seed, score name, direction, ids and context always give the same
/// plan, and a SQL engine ranking by the same keys gives the same plan too
/// (docs/SCALE.md).
public enum PruningPlanner {
    /// Builds one plan from labels alone (no attribute cells, equal class
    /// errors); see ``plan(scores:scoreName:direction:context:policy:fraction:seed:)``.
    public static func plan(
        scores: [Double]?, scoreName: String?, direction: ScoreDirection, labels: [Int], classCount: Int,
        policy: PruningPolicy, fraction: DecimalFraction, seed: UInt64
    ) -> PruningPlan {
        plan(
            scores: scores, scoreName: scoreName, direction: direction,
            context: PlanningContext(labels: labels, classCount: classCount),
            policy: policy, fraction: fraction, seed: seed)
    }

    /// Builds one plan.
    ///
    /// - Parameters:
    ///   - scores: one finite score per training example; may be `nil` only
    ///     for `random`, which ignores it.
    ///   - scoreName: the score's contract name (`el2n@2`); it names the tie
    ///     stream and is recorded in the plan (`nil` is recorded for `random`).
    ///   - direction: which end of the score is hard (ignored by `random`).
    ///   - context: labels (in `0..<classCount`), and the cells and class
    ///     errors `group_balanced` and `quota` read.
    ///   - policy: which examples to remove.
    ///   - fraction: f ∈ [0, 1), exact as written. The spec loader rejects other
    ///     values with a located error; here they are a programming error (precondition).
    ///   - seed: the audit's base seed.
    public static func plan(
        scores: [Double]?, scoreName: String?, direction: ScoreDirection, context: PlanningContext,
        policy: PruningPolicy, fraction: DecimalFraction, seed: UInt64
    ) -> PruningPlan {
        let labels = context.labels, classCount = context.classCount
        precondition(fraction < 1, "pruning fraction must be in [0, 1), got \(fraction)")
        precondition(labels.allSatisfy { $0 >= 0 && $0 < classCount }, "labels must be in 0..<classCount")
        let count = labels.count
        let target = fraction.roundedHalfEven(times: count)
        if policy.kind == .random {
            return randomPlan(order: randomOrder(context: context, seed: seed), policy: policy, fraction: fraction)
        }
        guard let scores else { preconditionFailure("policy \(policy.rawValue) needs scores") }
        precondition(scores.count == count, "one score per training example: \(scores.count) scores, \(count) labels")
        let ranking = ranking(
            scores: scores, scoreName: scoreName, direction: direction, seed: seed, ids: context.ids)
        return plan(ranking: ranking, context: context, policy: policy, fraction: fraction, seed: seed)
    }

    /// Every training example in the order of its ``ExampleKey`` in stream
    /// `random` (smallest first): the `random` plan of any fraction removes a
    /// prefix of it. Computed once per run: N md5 digests (on all cores), a
    /// two-pass radix sort by the keys' first 4 bytes, and the runs of equal
    /// first bytes (about 12,000 pairs among ten million examples) ordered by
    /// their whole keys, recomputed for just those examples.
    public static func randomOrder(context: PlanningContext, seed: UInt64) -> [Int32] {
        let count = context.labels.count
        precondition(count < Int(Int32.max), "at most 2^31 - 1 examples")
        let prefixes = ExampleKey.keyPrefixes(
            seed: seed, stream: ExampleKey.randomStream, ids: context.ids, count: count)
        return KeyOrder.sorted(Array(0..<Int32(count)), prefixes: prefixes) { run in
            ExampleKey.keys(seed: seed, stream: ExampleKey.randomStream, ids: context.ids, positions: run)
        }
    }

    /// The `random` plan at `fraction`: the first R = round(f·N) examples of
    /// ``randomOrder(context:seed:)``.
    public static func randomPlan(order: [Int32], policy: PruningPolicy, fraction: DecimalFraction) -> PruningPlan {
        let target = fraction.roundedHalfEven(times: order.count)
        var removed = ExampleBitSet(count: order.count)
        for index in order.prefix(target) { removed.insert(Int(index)) }
        return PruningPlan(score: nil, policy: policy, fraction: fraction.doubleValue, removedSet: removed)
    }

    /// The order of the training examples by one score, for every plan of
    /// that score: hardness h = `direction.hardness(score)`, ties broken by
    /// each example's ``ExampleKey`` in stream `ties:<score>` (smaller first),
    /// computed only for the runs of equal scores that a plan cuts.
    /// `ids`: the training examples' ids (``PlanningContext/ids``; `nil`: 1-based positions).
    /// - Precondition: every score is finite.
    public static func ranking(
        scores: [Double], scoreName: String?, direction: ScoreDirection, seed: UInt64, ids: ExampleIds?
    ) -> ScoreRanking {
        precondition(scores.allSatisfy(\.isFinite), "scores must be finite")
        let stream = ExampleKey.tieStream(score: scoreName ?? "")
        return ScoreRanking(scoreName: scoreName, scores: scores, direction: direction) { tied in
            ExampleKey.keys(seed: seed, stream: stream, ids: ids, positions: tied)
        }
    }

    /// Builds one score-based plan (every policy but `random`) from the
    /// score's ``ScoreRanking``: one linear pass over the ranking, so many
    /// plans of one score cost one sort. Gives exactly the plan of
    /// ``plan(scores:scoreName:direction:context:policy:fraction:seed:)``.
    public static func plan(
        ranking: ScoreRanking, context: PlanningContext, policy: PruningPolicy, fraction: DecimalFraction,
        seed: UInt64
    ) -> PruningPlan {
        let labels = context.labels, classCount = context.classCount, count = labels.count
        precondition(policy.kind != .random, "random plans do not depend on a score")
        precondition(fraction < 1, "pruning fraction must be in [0, 1), got \(fraction)")
        precondition(ranking.count == count, "one ranked example per label: \(ranking.count) ranked, \(count) labels")
        let target = fraction.roundedHalfEven(times: count)
        var removed = ExampleBitSet(count: count)
        switch policy.kind {
        case .keepHard:
            let offsetCount = policy.offset?.roundedHalfEven(times: count) ?? 0
            precondition(offsetCount <= target, "offset \(policy.rawValue) removes more than the fraction \(fraction)")
            ranking.insertHardest(offsetCount, members: .largestKeys, into: &removed)
            ranking.insertEasiest(upTo: target - offsetCount, into: &removed)
        case .keepEasy:
            ranking.insertHardest(target, members: .smallestKeys, into: &removed)
        case .classBalanced:
            let classSizes = sizes(of: labels, count: classCount)
            ranking.insertEasiest(
                byPart: ranking.labelsInOrder ?? ranking.inOrder(labels),
                counts: classSizes.map { fraction.roundedHalfEven(times: $0) }, into: &removed)
        case .groupBalanced:
            let cells = context.cells ?? labels
            precondition(cells.count == count, "one cell per training example: \(cells.count) cells, \(count) labels")
            let cellSizes = sizes(of: cells, count: (cells.max() ?? -1) + 1)
            ranking.insertEasiest(
                byPart: ranking.cellsInOrder ?? ranking.inOrder(cells),
                counts: groupBalancedCounts(cellSizes: cellSizes, fraction: fraction, seed: seed), into: &removed)
        case .quota:
            let classSizes = sizes(of: labels, count: classCount)
            let errors = context.classErrors ?? [Double](repeating: 1, count: classCount)
            let kept = quotaKeptCounts(classSizes: classSizes, errors: errors, keptTotal: count - target)
            ranking.insertEasiest(
                byPart: ranking.labelsInOrder ?? ranking.inOrder(labels),
                counts: zip(classSizes, kept).map { $0 - $1 }, into: &removed)
        case .random:
            preconditionFailure("handled by plan(scores:…)")
        }
        return PruningPlan(
            score: ranking.scoreName, policy: policy, fraction: fraction.doubleValue, removedSet: removed)
    }

    /// How many of `members` fall in each of `0..<count`.
    static func sizes(of members: [Int], count: Int) -> [Int] {
        var sizes = [Int](repeating: 0, count: count)
        for member in members { sizes[member] += 1 }
        return sizes
    }
}
