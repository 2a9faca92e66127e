/// Sanity checks of one score, reported next to every audit (JSON `validity`).
public struct ScoreValidity: Sendable, Equatable {
    /// The score's name (`el2n@2`, …).
    public var score: String
    /// Mean pairwise Spearman ρ between the seeds' score vectors: does the
    /// ranking survive a change of seed? Range −1…1, ideal near 1 (below ~0.5
    /// the ranking is mostly seed noise). `nil` with fewer than two seeds, or
    /// when no pair of seeds gives a defined ρ (constant vectors); pairs with
    /// an undefined ρ are left out of the mean.
    public var seedStability: Double?
    /// Spearman ρ between the score (seed mean) and the input norm ‖x‖₂: a
    /// score close to 1 here ranks examples much like the trivial input-norm
    /// baseline (Kirsch 2023). Range −1…1, ideal well below 1. `nil` when
    /// undefined (constant vector, fewer than two examples).
    public var inputNormSpearman: Double?
    /// η², the share of the score's variance explained by the class (see
    /// ``classDependence(_:labels:)``). Range 0…1, lower means the score
    /// says more than the label does. `nil` for a constant score.
    public var classDependence: Double?

    public init(score: String, seedStability: Double?, inputNormSpearman: Double?, classDependence: Double?) {
        self.score = score
        self.seedStability = seedStability
        self.inputNormSpearman = inputNormSpearman
        self.classDependence = classDependence
    }
}

/// The validity of each score, in the order given.
/// - Parameters:
///   - inputNorm: ‖x‖₂ of each training example (the `input_norm` score's values).
///   - labels: each training example's class in `0..<classCount`.
///   - classCount: number of classes (only for the caller's symmetry: classes
///     absent from `labels` contribute nothing to η²).
public func scoreValidity(_ results: [ScoreResult], inputNorm: [Double], labels: [Int], classCount: Int)
    -> [ScoreValidity]
{
    results.map { result in
        ScoreValidity(
            score: result.name,
            seedStability: seedStability(result.perSeed),
            inputNormSpearman: spearmanCorrelation(result.mean, inputNorm),
            classDependence: classDependence(result.mean, labels: labels))
    }
}

/// Mean Spearman ρ over all pairs of seed rows; pairs with an undefined ρ are
/// skipped. `nil` with fewer than two rows or no defined pair.
public func seedStability(_ perSeed: [[Double]]) -> Double? {
    guard perSeed.count >= 2 else { return nil }
    var sum = 0.0, pairs = 0
    for first in 0..<(perSeed.count - 1) {
        for second in (first + 1)..<perSeed.count {
            if let rho = spearmanCorrelation(perSeed[first], perSeed[second]) {
                sum += rho
                pairs += 1
            }
        }
    }
    return pairs > 0 ? sum / Double(pairs) : nil
}
