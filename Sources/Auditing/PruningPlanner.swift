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
/// - `keep_easy`: removes the R hardest examples (highest h);
/// - `random`: a seeded uniform sample of R, from
///   `SeededGenerator(seed: seed, stream: "random:<fraction>")` where
///   `<fraction>` is Swift's description of the fraction as a `Double`
///   (`random:0.3`): the first R entries of its ``SeededGenerator/permutation(count:)``;
/// - `class_balanced`: the round(f·n_c) easiest examples within each class c
///   (so R = Σ_c round(f·n_c), which may differ from round(f·N) by a few).
///
/// Ties are never broken by row order: each example i gets the tie rank
/// `permutation[i]` of `SeededGenerator(seed: seed, stream: "ties:<score>")`
/// `.permutation(count: N)`, and examples are ordered by (h, tie rank) for
/// `keep_hard` and `class_balanced`, by (−h, tie rank) for `keep_easy`. The
/// same seed, score name and direction always give the same plan.
public enum PruningPlanner {
    /// Builds one plan.
    ///
    /// - Parameters:
    ///   - scores: one finite score per training example; may be `nil` only
    ///     for `random`, which ignores it.
    ///   - scoreName: the score's contract name (`el2n@2`); it names the tie
    ///     stream and is recorded in the plan (`nil` is recorded for `random`).
    ///   - direction: which end of the score is hard (ignored by `random`).
    ///   - labels: class index of each training example, in `0..<classCount`.
    ///   - policy: which examples to remove.
    ///   - fraction: f ∈ [0, 1), exact as written. The spec loader rejects other
    ///     values with a located error; here they are a programming error (precondition).
    ///   - seed: the audit's base seed.
    public static func plan(
        scores: [Double]?, scoreName: String?, direction: ScoreDirection, labels: [Int], classCount: Int,
        policy: PruningPolicy, fraction: DecimalFraction, seed: UInt64
    ) -> PruningPlan {
        precondition(fraction < 1, "pruning fraction must be in [0, 1), got \(fraction)")
        precondition(labels.allSatisfy { $0 >= 0 && $0 < classCount }, "labels must be in 0..<classCount")
        let count = labels.count
        let target = fraction.roundedHalfEven(times: count)
        var removed = [Bool](repeating: false, count: count)
        if policy == .random {
            var generator = SeededGenerator(seed: seed, stream: "random:\(fraction.doubleValue)")
            for index in generator.permutation(count: count).prefix(target) { removed[index] = true }
            return PruningPlan(score: nil, policy: policy, fraction: fraction.doubleValue, removed: removed)
        }
        guard let scores else { preconditionFailure("policy \(policy.rawValue) needs scores") }
        precondition(scores.count == count, "one score per training example: \(scores.count) scores, \(count) labels")
        precondition(scores.allSatisfy(\.isFinite), "scores must be finite")
        let hardness = scores.map(direction.hardness)
        var tieGenerator = SeededGenerator(seed: seed, stream: "ties:\(scoreName ?? "")")
        let tieRank = tieGenerator.permutation(count: count)
        let easiestFirst = Array(0..<count).sorted { (hardness[$0], tieRank[$0]) < (hardness[$1], tieRank[$1]) }
        switch policy {
        case .keepHard:
            for index in easiestFirst.prefix(target) { removed[index] = true }
        case .keepEasy:
            let hardestFirst = Array(0..<count).sorted { (-hardness[$0], tieRank[$0]) < (-hardness[$1], tieRank[$1]) }
            for index in hardestFirst.prefix(target) { removed[index] = true }
        case .classBalanced:
            var classSizes = [Int](repeating: 0, count: classCount)
            for label in labels { classSizes[label] += 1 }
            var remaining = classSizes.map { fraction.roundedHalfEven(times: $0) }
            for index in easiestFirst where remaining[labels[index]] > 0 {
                removed[index] = true
                remaining[labels[index]] -= 1
            }
        case .random:
            preconditionFailure("handled above")
        }
        return PruningPlan(score: scoreName, policy: policy, fraction: fraction.doubleValue, removed: removed)
    }
}
