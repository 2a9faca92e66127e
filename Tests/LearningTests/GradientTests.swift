import Testing

@testable import Learning

@Suite struct GradientTests {
    /// The analytic mean-loss gradient agrees with central finite differences
    /// of an independent Double implementation of the loss (h = 1e-5).
    @Test func backwardMatchesFiniteDifferences() {
        let (features, labels) = TestData.blobs(classes: 3, perClass: 4, dimensions: 4, separation: 1, spread: 1)
        let network = Network(layerSizes: [4, 6, 5, 3], seed: 5)
        let (loss, gradient) = network.lossAndGradient(for: features, labels: labels)
        let base = network.parameters.map(Double.init)
        #expect(
            abs(loss - TestData.referenceLoss(network: network, parameters: base, features: features, labels: labels))
                < 1e-5)
        let h = 1e-5
        for index in 0..<base.count {
            var plus = base, minus = base
            plus[index] += h
            minus[index] -= h
            let numeric =
                (TestData.referenceLoss(network: network, parameters: plus, features: features, labels: labels)
                    - TestData.referenceLoss(network: network, parameters: minus, features: features, labels: labels))
                / (2 * h)
            #expect(abs(Double(gradient[index]) - numeric) <= 1e-4 + 1e-3 * abs(numeric), "parameter \(index)")
        }
    }

    /// Brute force GraNd: backward on each example alone (a batch of one, so
    /// the mean loss is that example's loss) and the root of the sum of the
    /// squared entries of every weight and bias gradient.
    static func bruteForceNorms(_ network: Network, _ features: FeatureMatrix, _ labels: [Int]) -> [Double] {
        (0..<features.rows).map { row in
            let (_, gradient) = network.lossAndGradient(for: features.selecting(rows: [row]), labels: [labels[row]])
            return gradient.reduce(0.0) { $0 + Double($1) * Double($1) }.squareRoot()
        }
    }

    /// The MLP 5-7-4-3 and the softmax model 5-3 (no hidden layer), at
    /// initialisation and after 5 epochs, within 1e-4 relative.
    @Test(arguments: [[5, 7, 4, 3], [5, 3]])
    func exactGradientNormsMatchBruteForce(layerSizes: [Int]) throws {
        let (features, labels) = TestData.blobs(classes: 3, perClass: 100, dimensions: 5, separation: 2, spread: 1)
        var network = Network(layerSizes: layerSizes, seed: 4)
        for stage in ["init", "trained"] {
            let fast = network.gradientNorms(for: features, labels: labels)
            let slow = Self.bruteForceNorms(network, features, labels)
            for row in 0..<features.rows {
                #expect(abs(fast[row] - slow[row]) <= 1e-4 * max(slow[row], 1e-3), "\(stage) row \(row)")
            }
            if stage == "init" {
                try train(
                    network: &network, on: features, labels: labels,
                    spec: TrainingSpec(epochs: 5, batchSize: 32), seed: 4)
            }
        }
    }
}
