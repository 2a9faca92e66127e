import DietAuditCore
import Testing

@testable import Learning

/// Each `model.init` draws the distribution it names. Reference values from
/// Tests/References/weight_init.py (numpy 2.4, scipy 1.17); 200,000 weights
/// of a dense layer with fan-in 100, so the sample std is within ~0.2% of the
/// true one (tolerance 1.5%).
@Suite struct WeightInitializationTests {
    static let fanIn = 100, outputs = 2000

    func layer(_ initialization: WeightInitialization) -> (weights: [Double], biases: [Double]) {
        let network = Network(layerSizes: [Self.fanIn, Self.outputs], seed: 7, initialization: initialization)
        return (network.weights(layer: 0).map(Double.init), network.bias(layer: 0).map(Double.init))
    }

    func meanAndStd(_ values: [Double]) -> (Double, Double) {
        let mean = values.reduce(0, +) / Double(values.count)
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count - 1)
        return (mean, variance.squareRoot())
    }

    @Test func heNormalIsNormalWithVarianceTwoOverFanIn() {
        let (weights, biases) = layer(.heNormal)
        let (mean, std) = meanAndStd(weights)
        #expect(abs(std / 0.1414213562373095 - 1) < 0.015)
        #expect(abs(mean) < 4 * 0.1414 / Double(weights.count).squareRoot())
        #expect(biases.allSatisfy { $0 == 0 })
        // The default draws exactly as before `model.init` existed.
        // The default draws exactly as before `model.init` existed: each weight
        // normal() · √(2/n) from the "init" stream, layer by layer, biases not drawn.
        var generator = SeededGenerator(seed: 1, stream: "init")
        let expected = [3, 4].enumerated().flatMap { layer, fanIn in
            (0..<(fanIn * [4, 2][layer])).map { _ in Float(generator.normal() * (2 / Double(fanIn)).squareRoot()) }
        }
        let network = Network(layerSizes: [3, 4, 2], seed: 1)
        #expect(Array(network.weights(layer: 0)) + Array(network.weights(layer: 1)) == expected)
    }

    @Test func torchIsUniformWithinOneOverRootFanInForWeightsAndBiases() {
        let (weights, biases) = layer(.torch)
        let (mean, std) = meanAndStd(weights)
        #expect(weights.allSatisfy { abs($0) <= 0.1 })
        #expect(weights.max()! > 0.0999 && weights.min()! < -0.0999)
        #expect(abs(std / 0.05773502691896257 - 1) < 0.015)
        #expect(abs(mean) < 4 * 0.0578 / Double(weights.count).squareRoot())
        // Biases: U(−0.1, 0.1) too (2000 draws: std within ~5%).
        let (_, biasStd) = meanAndStd(biases)
        #expect(biases.allSatisfy { abs($0) <= 0.1 })
        #expect(abs(biasStd / 0.05773502691896257 - 1) < 0.08)
    }

    @Test func lecunNormalIsTruncatedAtTwoSigmaWithStdOneOverRootFanIn() {
        let (weights, biases) = layer(.lecunNormal)
        let (mean, std) = meanAndStd(weights)
        let base = 0.11368472343385565  // √(1/100) / 0.87962566103423978
        #expect(weights.allSatisfy { abs($0) <= 2 * base + 1e-6 })
        #expect(weights.map(abs).max()! > 2 * base * 0.99)
        #expect(abs(std / 0.1 - 1) < 0.015)
        #expect(abs(mean) < 4 * 0.1 / Double(weights.count).squareRoot())
        // Truncated, not a plain normal: P(|w| > base) = P(|z| > 1 | |z| ≤ 2) = 0.284767…
        let beyond = Double(weights.filter { abs($0) > base }.count) / Double(weights.count)
        #expect(abs(beyond - 0.284767227989094) < 0.005)
        #expect(biases.allSatisfy { $0 == 0 })
    }

    @Test func convolutionFanInIsNineInputChannels() {
        let network = Network(
            inputShape: InputShape(height: 8, width: 8, channels: 2), convolutionChannels: [400], classCount: 2,
            seed: 3, initialization: .torch)
        let bound = 1 / Double(9 * 2).squareRoot()
        let weights = network.weights(layer: 0).map(Double.init)
        #expect(weights.allSatisfy { abs($0) <= bound })
        #expect(weights.map(abs).max()! > bound * 0.99)
        #expect(network.bias(layer: 0).allSatisfy { abs(Double($0)) <= bound })
    }
}
