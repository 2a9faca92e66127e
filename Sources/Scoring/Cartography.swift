/// Dataset cartography (Swayamdipta et al. 2020, "Dataset Cartography:
/// Mapping and Diagnosing Datasets with Training Dynamics"): the probability
/// the model gives each example's true class, measured on the whole training
/// set at the end of each epoch e = 1…E, summarised per example as
///
/// - **confidence** `μ = (1/E) Σ_e p_e` — range 0…1; low = hard to learn or
///   mislabelled, high = easy;
/// - **variability** `σ = sqrt((1/E) Σ_e (p_e − μ)²)` — the *population*
///   standard deviation (numpy's default `ddof = 0`, as in the paper);
///   range 0…0.5; high = ambiguous, 0 with a single epoch.
///
/// Sums are taken in `Double`, in epoch order, two-pass for σ. With no epoch
/// recorded both are undefined; ``confidence()`` and ``variability()`` then
/// return `nil` (``computeScores(_:features:labels:classCount:model:training:progress:parallel:)``
/// requires at least one epoch, so it never sees that case).
public struct Cartography: Sendable, Equatable {
    /// `epochs[e][i]`: true-class probability of example `i` after the (e+1)-th recorded epoch.
    public private(set) var epochs: [[Double]]
    /// Number of examples.
    public let exampleCount: Int

    /// An empty record for `exampleCount` examples.
    public init(exampleCount: Int) {
        self.exampleCount = exampleCount
        epochs = []
    }

    /// Records one epoch's true-class probabilities, one per example.
    public mutating func record(trueClassProbabilities: [Double]) {
        precondition(trueClassProbabilities.count == exampleCount, "Cartography: one probability per example is needed")
        epochs.append(trueClassProbabilities)
    }

    /// Starts a new epoch with every probability 0, to be filled example by
    /// example with ``setLatest(example:probability:)`` (records read in slices).
    public mutating func appendEpoch() {
        epochs.append([Double](repeating: 0, count: exampleCount))
    }

    /// Sets one example's true-class probability in the latest epoch.
    /// - Precondition: an epoch has been appended.
    public mutating func setLatest(example: Int, probability: Double) {
        epochs[epochs.count - 1][example] = probability
    }

    /// Mean true-class probability per example; `nil` before any epoch.
    public func confidence() -> [Double]? {
        guard !epochs.isEmpty else { return nil }
        var sums = [Double](repeating: 0, count: exampleCount)
        for epoch in epochs {
            for i in 0..<exampleCount { sums[i] += epoch[i] }
        }
        return sums.map { $0 / Double(epochs.count) }
    }

    /// Population standard deviation of the true-class probability per
    /// example; `nil` before any epoch.
    public func variability() -> [Double]? {
        guard let means = confidence() else { return nil }
        var squares = [Double](repeating: 0, count: exampleCount)
        for epoch in epochs {
            for i in 0..<exampleCount {
                let difference = epoch[i] - means[i]
                squares[i] += difference * difference
            }
        }
        return squares.map { ($0 / Double(epochs.count)).squareRoot() }
    }
}
