import Foundation
import Testing

@testable import Learning

@Suite struct DenseNetworkTests {
    /// Parameters of the [3, 4, 2] reference net: `0.1 * ((i*7) % 11 - 5)`.
    static let referenceParameters: [Float] = (0..<26).map { Float(0.1 * Double(($0 * 7) % 11 - 5)) }

    /// Source (numpy, float64): W1 = p[0:12].reshape(3,4); b1 = p[12:16];
    /// W2 = p[16:24].reshape(4,2); b2 = p[24:26]; X = [[1,-2,0.5],[0,3,-1]];
    /// z = np.maximum(X@W1+b1, 0)@W2+b2; p = softmax(z, axis=1)
    /// (Tests/References/forward_networks.py, printed with full precision).
    @Test func forwardMatchesNumpy() {
        var network = Network(layerSizes: [3, 4, 2], seed: 0)
        network.setParameters(Self.referenceParameters)
        let features = FeatureMatrix(values: [1, -2, 0.5, 0, 3, -1], rows: 2, columns: 3)
        let logits = network.logits(for: features)
        let expectedLogits = [-0.375, 0.26999999999999996, -0.22999999999999993, 0.8]
        for (value, expected) in zip(logits, expectedLogits) { #expect(abs(Double(value) - expected) < 1e-6) }
        let probabilities = network.probabilities(for: features)
        let expectedProbabilities = [0.34411715879218635, 0.6558828412078137, 0.26308410416657974, 0.7369158958334202]
        for (value, expected) in zip(probabilities, expectedProbabilities) {
            #expect(abs(Double(value) - expected) < 1e-6)
        }
        #expect(network.predictedClasses(for: features) == [1, 1])
        #expect(network.accuracy(on: features, labels: [1, 0]) == 0.5)
        let losses = network.losses(for: features, labels: [1, 0])
        #expect(abs(losses[0] + log(0.6558828412078137)) < 1e-6)
        #expect(abs(losses[1] + log(0.26308410416657974)) < 1e-6)
    }

    @Test func layoutOfSoftmaxAndMLP() {
        let softmax = Network(model: ModelSpec(kind: .softmax), inputCount: 6, classCount: 3, seed: 1)
        #expect(softmax.layerSizes == [6, 3])
        #expect(softmax.parameterCount == 6 * 3 + 3)
        let mlp = Network(model: ModelSpec(kind: .mlp(hidden: [8, 5])), inputCount: 6, classCount: 3, seed: 1)
        #expect(mlp.layerSizes == [6, 8, 5, 3])
        #expect(mlp.parameterCount == 6 * 8 + 8 + 8 * 5 + 5 + 5 * 3 + 3)
        #expect(mlp.weights(layer: 1).count == 40)
        #expect(mlp.bias(layer: 2).count == 3)
    }

    /// He-normal: weights have mean ≈ 0 and standard deviation ≈ sqrt(2 / fan_in);
    /// biases are 0. With 200·300 draws the sample sd is within 2% of its target.
    @Test func heInitialisation() {
        let network = Network(layerSizes: [200, 300, 4], seed: 9)
        let weights = network.weights(layer: 0).map(Double.init)
        let mean = weights.reduce(0, +) / Double(weights.count)
        let sd = (weights.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(weights.count)).squareRoot()
        #expect(abs(mean) < 0.005)
        #expect(abs(sd / (2.0 / 200).squareRoot() - 1) < 0.02)
        #expect(network.bias(layer: 0).allSatisfy { $0 == 0 })
        #expect(network.bias(layer: 1).allSatisfy { $0 == 0 })
        #expect(Network(layerSizes: [200, 300, 4], seed: 9) == network)
        #expect(Network(layerSizes: [200, 300, 4], seed: 10) != network)
    }

    @Test func chunkedInferenceMatchesOneBatch() {
        // 600 rows cross the 256-row inference chunks; each row alone must agree.
        let (features, _) = TestData.blobs(classes: 3, perClass: 200, dimensions: 5)
        let network = Network(layerSizes: [5, 7, 3], seed: 2)
        let all = network.logits(for: features)
        for row in [0, 255, 256, 511, 512, 599] {
            let alone = network.logits(for: features.selecting(rows: [row]))
            for c in 0..<3 { #expect(abs(all[row * 3 + c] - alone[c]) < 1e-5) }
        }
    }
}
