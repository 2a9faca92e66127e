/// What one scoring seed produced, as much as a run reads from it: the values
/// of every score that needs training, and the scoring model's predictions on
/// the held-out split (for the held-out recall that `quota` reads).
///
/// ``computeScoring(_:features:labels:classCount:model:training:heldOut:progress:parallel:reusing:)``
/// returns the seeds it trained, and takes seeds stored by an earlier run with
/// the same data, model, training and score list in place of training them:
/// a reused seed gives bit-identical results.
public struct SeedScoring: Sendable, Equatable {
    /// The seed value the scoring model was initialised and shuffled with
    /// (``Learning/TrainingSpec/seedValue(forRun:)``).
    public var seedValue: UInt64
    /// Values per example of each score that needs training, by score name
    /// (`el2n@2`, `forgetting`, …); `input_norm` and `random` are not kept.
    public var scores: [String: [Double]]
    /// The predicted class of each held-out example (arg-max logit), when a
    /// held-out split was given.
    public var heldOutPredictions: [Int]?

    public init(seedValue: UInt64, scores: [String: [Double]], heldOutPredictions: [Int]?) {
        self.seedValue = seedValue
        self.scores = scores
        self.heldOutPredictions = heldOutPredictions
    }

    /// Whether this seed holds everything a request needs: each named score
    /// with `exampleCount` values, and held-out predictions of the right
    /// length when `heldOutCount` is given.
    func covers(scoreNames: [String], exampleCount: Int, heldOutCount: Int?) -> Bool {
        guard scoreNames.allSatisfy({ scores[$0]?.count == exampleCount }) else { return false }
        guard let heldOutCount else { return true }
        return heldOutPredictions?.count == heldOutCount
    }
}

extension ScoreSpec {
    /// Whether the score comes from a scoring model (everything but
    /// `input_norm` and `random`), so a scoring seed stores it.
    public var needsTraining: Bool {
        switch kind {
        case .inputNorm, .random: false
        default: true
        }
    }
}
