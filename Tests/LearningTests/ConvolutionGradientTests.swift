import DietAuditCore
import Testing

@testable import Learning

@Suite struct ConvolutionGradientTests {
    /// The analytic mean-loss gradient of a CNN agrees with central finite
    /// differences (h = 1e-6) of an independent Double implementation of the
    /// loss, for every weight and bias: 6×6×1 with channels [2, 3] (6×6 → 3×3
    /// → 1×1) and 7×5×2 with channels [2, 3] (odd sides: 7×5 → 3×2 → 1×1).
    @Test(arguments: [InputShape(height: 6, width: 6, channels: 1), InputShape(height: 7, width: 5, channels: 2)])
    func backwardMatchesFiniteDifferences(shape: InputShape) {
        var network = Network(inputShape: shape, convolutionChannels: [2, 3], classCount: 3, seed: 5)
        network.setParameters(ConvolutionKernelTests.randomParameters(network, seed: 6))
        let (features, labels) = TestData.barImages(classes: 3, perClass: 2, shape: shape)
        let (loss, gradient) = network.lossAndGradient(for: features, labels: labels)
        let base = network.parameters.map(Double.init)
        let reference = TestData.referenceConvolutionLoss(
            network: network, parameters: base, features: features, labels: labels)
        #expect(abs(loss - reference) < 1e-5)
        let h = 1e-6
        for index in 0..<base.count {
            var plus = base, minus = base
            plus[index] += h
            minus[index] -= h
            let numeric =
                (TestData.referenceConvolutionLoss(
                    network: network, parameters: plus, features: features, labels: labels)
                    - TestData.referenceConvolutionLoss(
                        network: network, parameters: minus, features: features, labels: labels)) / (2 * h)
            #expect(abs(Double(gradient[index]) - numeric) <= 1e-4 + 1e-3 * abs(numeric), "parameter \(index)")
        }
    }

    /// The per-layer choice rule: ghost exactly when P·(K + C_out) < K·C_out.
    @Test func normMethodChoosesTheCheaperProduct() {
        func block(_ side: Int, _ inputs: Int, _ outputs: Int) -> ConvolutionLayout {
            ConvolutionLayout(
                height: side, width: side, inputChannels: inputs, outputChannels: outputs, weightOffset: 0)
        }
        // 28×28, 1 → 16: P = 784, K = 9: 784·25 ≫ 144.
        #expect(ConvolutionNormMethod.automatic.resolved(for: block(28, 1, 16)) == .materialised)
        // 2×2, 16 → 32: P = 4, K = 144: 4·176 = 704 < 4608.
        #expect(ConvolutionNormMethod.automatic.resolved(for: block(2, 16, 32)) == .ghost)
        // 7×7, 16 → 32: P = 49, K = 144: 49·176 = 8624 ≥ 4608.
        #expect(ConvolutionNormMethod.automatic.resolved(for: block(7, 16, 32)) == .materialised)
        #expect(ConvolutionNormMethod.ghost.resolved(for: block(28, 1, 16)) == .ghost)
        #expect(ConvolutionNormMethod.materialised.resolved(for: block(2, 16, 32)) == .materialised)
    }

    /// GraNd of a CNN (8×8×2 images, channels [3, 4], i.e. 8×8 → 4×4 → 2×2,
    /// 3 classes) equals brute force — backward on each example alone and the
    /// root of the sum of squares of every weight and bias gradient — within
    /// 1e-4 relative, at initialisation and after 3 epochs, with the
    /// convolution norms materialised, by ghost norm, and chosen automatically.
    @Test(arguments: [ConvolutionNormMethod.materialised, .ghost, .automatic])
    func exactGradientNormsMatchBruteForce(method: ConvolutionNormMethod) throws {
        let shape = InputShape(height: 8, width: 8, channels: 2)
        let (features, labels) = TestData.barImages(classes: 3, perClass: 40, shape: shape)
        var network = Network(inputShape: shape, convolutionChannels: [3, 4], classCount: 3, seed: 4)
        for stage in ["init", "trained"] {
            let fast = network.gradientNorms(for: features, labels: labels, convolutionNorms: method)
            let slow = GradientTests.bruteForceNorms(network, features, labels)
            for row in 0..<features.rows {
                #expect(abs(fast[row] - slow[row]) <= 1e-4 * max(slow[row], 1e-3), "\(stage) row \(row)")
            }
            if stage == "init" {
                try train(
                    network: &network, on: features, labels: labels,
                    spec: TrainingSpec(epochs: 3, batchSize: 16, optimizer: OptimizerSpec(learningRate: 0.05)), seed: 4)
                #expect(try #require(network.accuracy(on: features, labels: labels)) > 0.9, "the bars are learnable")
            }
        }
    }
}
