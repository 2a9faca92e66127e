import DietAuditCore

/// Turns scores into pruning plans, following the DESIGN.md policies.
///
/// With N training examples and fraction f, a plan removes R = round(f·N)
/// examples (half away from zero, Swift's `.rounded()`):
/// - `keep_hard`: the R lowest scores;
/// - `keep_easy`: the R highest scores;
/// - `random`: a seeded uniform sample of R, from
///   `SeededGenerator(seed: seed, stream: "random:<fraction>")` where
///   `<fraction>` is Swift's description of the `Double` (`random:0.3`): the
///   first R entries of its ``SeededGenerator/permutation(count:)``;
/// - `class_balanced`: the round(f·n_c) lowest scores within each class c
///   (so R = Σ_c round(f·n_c), which may differ from round(f·N) by a few).
///
/// Ties are never broken by row order: each example i gets the tie rank
/// `permutation[i]` of `SeededGenerator(seed: seed, stream: "ties:<score>")`
/// `.permutation(count: N)`, and examples are ordered by (score, tie rank)
/// — ascending for `keep_hard` and `class_balanced`, by (−score, tie rank)
/// for `keep_easy`. The same seed and score name always give the same plan.
public enum PruningPlanner {
    /// Builds one plan.
    ///
    /// - Parameters:
    ///   - scores: one finite score per training example; may be `nil` only
    ///     for `random`, which ignores it.
    ///   - scoreName: the score's contract name (`el2n@2`); it names the tie
    ///     stream and is recorded in the plan (`nil` is recorded for `random`).
    ///   - labels: class index of each training example, in `0..<classCount`.
    ///   - policy: which examples to remove.
    ///   - fraction: f ∈ [0, 1). The spec loader rejects other values with a
    ///     located error; here they are a programming error (precondition).
    ///   - seed: the audit's base seed.
    public static func plan(
        scores: [Double]?, scoreName: String?, labels: [Int], classCount: Int,
        policy: PruningPolicy, fraction: Double, seed: UInt64
    ) -> PruningPlan {
        precondition(fraction >= 0 && fraction < 1, "pruning fraction must be in [0, 1), got \(fraction)")
        precondition(labels.allSatisfy { $0 >= 0 && $0 < classCount }, "labels must be in 0..<classCount")
        let count = labels.count
        var removed = [Bool](repeating: false, count: count)
        if policy == .random {
            let target = Int((fraction * Double(count)).rounded())
            var generator = SeededGenerator(seed: seed, stream: "random:\(fraction)")
            for index in generator.permutation(count: count).prefix(target) { removed[index] = true }
            return PruningPlan(score: nil, policy: policy, fraction: fraction, removed: removed)
        }
        guard let scores else { preconditionFailure("policy \(policy.rawValue) needs scores") }
        precondition(scores.count == count, "one score per training example: \(scores.count) scores, \(count) labels")
        precondition(scores.allSatisfy(\.isFinite), "scores must be finite")
        var tieGenerator = SeededGenerator(seed: seed, stream: "ties:\(scoreName ?? "")")
        let tieRank = tieGenerator.permutation(count: count)
        let ascending = Array(0..<count).sorted { (scores[$0], tieRank[$0]) < (scores[$1], tieRank[$1]) }
        switch policy {
        case .keepHard:
            let target = Int((fraction * Double(count)).rounded())
            for index in ascending.prefix(target) { removed[index] = true }
        case .keepEasy:
            let target = Int((fraction * Double(count)).rounded())
            let descending = Array(0..<count).sorted { (-scores[$0], tieRank[$0]) < (-scores[$1], tieRank[$1]) }
            for index in descending.prefix(target) { removed[index] = true }
        case .classBalanced:
            var classSizes = [Int](repeating: 0, count: classCount)
            for label in labels { classSizes[label] += 1 }
            var remaining = classSizes.map { Int((fraction * Double($0)).rounded()) }
            for index in ascending where remaining[labels[index]] > 0 {
                removed[index] = true
                remaining[labels[index]] -= 1
            }
        case .random:
            preconditionFailure("handled above")
        }
        return PruningPlan(score: scoreName, policy: policy, fraction: fraction, removed: removed)
    }
}
