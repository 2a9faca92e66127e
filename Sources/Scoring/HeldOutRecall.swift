import Learning

/// Examples the scoring models never trained on (the test split), for
/// measuring their per-class error.
public struct HeldOutSplit: Sendable {
    /// Encoded features, one row per example.
    public var features: FeatureMatrix
    /// Class index of each example in `0..<classCount`.
    public var labels: [Int]

    public init(features: FeatureMatrix, labels: [Int]) {
        self.features = features
        self.labels = labels
    }
}

/// The scores, and what the scoring models do on held-out data.
public struct ScoringOutcome: Sendable {
    /// One result per requested score, in request order.
    public var scores: [ScoreResult]
    /// Recall of each class on the held-out split, averaged over the scoring
    /// seeds: r_c = mean over seeds of (held-out examples of class c
    /// predicted c) / (held-out examples of class c). Range [0, 1]; ideal 1.
    /// `nil` for a class with no held-out example. The whole array is `nil`
    /// when no held-out split was given or no score trained a model.
    public var heldOutRecall: [Double?]?
    /// The scoring seeds trained by this call, for a later run to reuse.
    public var trainedSeeds: [SeedScoring] = []
    /// The seed values taken from stored seeds instead of training.
    public var reusedSeedValues: [UInt64] = []

    public init(scores: [ScoreResult], heldOutRecall: [Double?]?) {
        self.scores = scores
        self.heldOutRecall = heldOutRecall
    }
}

/// Per-class recall of each prediction vector against `labels`, averaged over
/// the vectors (see ``ScoringOutcome/heldOutRecall``).
func meanClassRecall(predictions: [[Int]], labels: [Int], classCount: Int) -> [Double?] {
    var sizes = [Int](repeating: 0, count: classCount)
    for label in labels { sizes[label] += 1 }
    var sums = [Double](repeating: 0, count: classCount)
    for predicted in predictions {
        var correct = [Int](repeating: 0, count: classCount)
        for (label, guess) in zip(labels, predicted) where label == guess { correct[label] += 1 }
        for c in 0..<classCount where sizes[c] > 0 { sums[c] += Double(correct[c]) / Double(sizes[c]) }
    }
    return (0..<classCount).map { c in
        sizes[c] > 0 && !predictions.isEmpty ? sums[c] / Double(predictions.count) : nil
    }
}
