import Learning

/// One retrained model's view of the test split: all the error-risk audit
/// reads from a model.
public struct TestPredictions: Sendable, Equatable {
    /// Arg-max class of each test example (first maximum on ties).
    public var predicted: [Int]
    /// The probability of the predicted class, per test example.
    public var confidences: [Double]

    /// Predictions as stored (see ``RetrainedModel``).
    public init(predicted: [Int], confidences: [Double]) {
        self.predicted = predicted
        self.confidences = confidences
    }

    init(network: Network, features: FeatureMatrix) {
        let probabilities = network.probabilities(for: features)
        let classes = network.classCount
        predicted = []
        confidences = []
        predicted.reserveCapacity(features.rows)
        confidences.reserveCapacity(features.rows)
        for row in 0..<features.rows {
            var best = 0
            for c in 1..<max(classes, 1) where probabilities[row * classes + c] > probabilities[row * classes + best] {
                best = c
            }
            predicted.append(best)
            confidences.append(Double(probabilities[row * classes + best]))
        }
    }
}
