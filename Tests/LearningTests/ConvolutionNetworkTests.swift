import DietAuditCore
import Testing

@testable import Learning

@Suite struct ConvolutionNetworkTests {
    static let digitsShape = InputShape(height: 8, width: 8, channels: 1)

    /// Layout of `.cnn(channels: [16, 32])` on 28×28×1 (MNIST): 28 → 14 → 7,
    /// then 7·7·32 = 1568 inputs to the dense layer; parameters
    /// 9·1·16 + 16, 9·16·32 + 32, 1568·10 + 10.
    @Test func layoutOfAConvolutionalModel() throws {
        let spec = ModelSpec(kind: .cnn(channels: [16, 32]), inputShape: InputShape(height: 28, width: 28))
        try spec.validate(inputCount: 784)
        #expect(spec.layerSizes(inputCount: 784, classCount: 10) == [784, 14 * 14 * 16, 7 * 7 * 32, 10])
        let network = Network(model: spec, inputCount: 784, classCount: 10, seed: 1)
        #expect(network.layerSizes == [784, 3136, 1568, 10])
        #expect(network.inputShape == InputShape(height: 28, width: 28, channels: 1))
        #expect(network.convolutionChannels == [16, 32])
        #expect(network.layerCount == 3)
        #expect(network.parameterCount == (144 + 16) + (4608 + 32) + (15680 + 10))
        #expect(network.weights(layer: 1).count == 4608)
        #expect(network.bias(layer: 2).count == 10)
        // Odd sides floor: 7×5 → 3×2 → 1×1.
        let odd = ModelSpec(kind: .cnn(channels: [2, 3]), inputShape: InputShape(height: 7, width: 5, channels: 2))
        #expect(odd.layerSizes(inputCount: 70, classCount: 4) == [70, 12, 3, 4])
        // Dense kinds ignore the shape.
        #expect(
            ModelSpec(kind: .mlp(hidden: [8]), inputShape: Self.digitsShape).layerSizes(inputCount: 64, classCount: 10)
                == [64, 8, 10])
    }

    /// He-normal for convolutions: sd ≈ sqrt(2 / (9 · C_in)) (within 3% over
    /// 9·16·64 = 9216 draws), biases 0; the same seed gives the same network.
    @Test func heInitialisationUsesThePatchFanIn() {
        let network = Network(
            inputShape: InputShape(height: 4, width: 4, channels: 16), convolutionChannels: [64],
            classCount: 2, seed: 9)
        let weights = network.weights(layer: 0).map(Double.init)
        #expect(weights.count == 9216)
        let mean = weights.reduce(0, +) / Double(weights.count)
        let sd = (weights.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(weights.count)).squareRoot()
        #expect(abs(mean) < 0.005)
        #expect(abs(sd / (2.0 / 144).squareRoot() - 1) < 0.03)
        let dense = network.weights(layer: 1).map(Double.init)
        let denseSD = (dense.map { $0 * $0 }.reduce(0, +) / Double(dense.count)).squareRoot()
        #expect(abs(denseSD / (2.0 / 256).squareRoot() - 1) < 0.1, "fan-in 2·2·64 = 256, 512 draws")
        #expect(network.bias(layer: 0).allSatisfy { $0 == 0 } && network.bias(layer: 1).allSatisfy { $0 == 0 })
        #expect(
            Network(
                inputShape: InputShape(height: 4, width: 4, channels: 16), convolutionChannels: [64],
                classCount: 2, seed: 9) == network)
    }

    /// `validate(inputCount:)` rejects what cannot be built, with the reason.
    @Test func validationNamesTheProblem() {
        func message(_ spec: ModelSpec, _ inputCount: Int) -> String {
            do { try spec.validate(inputCount: inputCount); return "" } catch { return "\(error)" }
        }
        #expect(message(ModelSpec(kind: .cnn(channels: [8])), 64).contains("needs the image shape"))
        #expect(
            message(ModelSpec(kind: .cnn(channels: [8]), inputShape: Self.digitsShape), 65).contains(
                "64 values per example"))
        #expect(message(ModelSpec(kind: .cnn(channels: []), inputShape: Self.digitsShape), 64).contains("empty"))
        #expect(
            message(ModelSpec(kind: .cnn(channels: [8, 0]), inputShape: Self.digitsShape), 64).contains(
                "positive channel"))
        // 8 → 4 → 2 → 1 → 0: the fourth block pools to nothing.
        #expect(
            message(ModelSpec(kind: .cnn(channels: [1, 1, 1, 1]), inputShape: Self.digitsShape), 64)
                .contains("expected at most 3 blocks"))
        #expect(message(ModelSpec(kind: .cnn(channels: [1, 1, 1]), inputShape: Self.digitsShape), 64) == "")
        #expect(message(ModelSpec(kind: .mlp(hidden: [0])), 64).contains("positive widths"))
    }

    /// Chunked inference (600 rows cross the 256-row chunks) agrees with
    /// each row alone, for logits and gradient norms, to rounding: the
    /// convolution's `sgemm` has `rows · P` rows, and OpenBLAS may sum the
    /// remainder rows of a product with another kernel, so the last bits can
    /// differ with the batch size (measured: ≤ 3e-7 absolute here).
    @Test func chunkedInferenceMatchesOneRow() {
        let shape = InputShape(height: 6, width: 5, channels: 1)
        let (features, labels) = TestData.barImages(classes: 3, perClass: 200, shape: shape)
        let network = Network(inputShape: shape, convolutionChannels: [4], classCount: 3, seed: 2)
        let logits = network.logits(for: features)
        let norms = network.gradientNorms(for: features, labels: labels)
        for row in [0, 255, 256, 599] {
            let alone = features.selecting(rows: [row])
            for (batched, single) in zip(logits[(row * 3)..<(row * 3 + 3)], network.logits(for: alone)) {
                #expect(abs(batched - single) <= 1e-5 * max(abs(single), 1))
            }
            #expect(abs(norms[row] - network.gradientNorms(for: alone, labels: [labels[row]])[0]) <= 1e-6 * norms[row])
        }
    }

    /// Real data: the 1,797 digits (8×8×1, pixels/16), a seeded 80/20 split
    /// (1,437 / 360). channels [8] (8×8 → 4×4×8 → dense 128 → 10), SGD lr
    /// 0.05, momentum 0.9, batch 32, 5 epochs: ≥ 0.9 held-out accuracy, and
    /// the same seed gives bit-identical parameters.
    @Test(.enabled(if: TestData.digitsPath != nil, "digits.csv not found in ../shared/datasets or datasets/"))
    func trainsOnDigits() throws {
        let (all, labels) = try TestData.digits()
        var generator = SeededGenerator(seed: 0, stream: "split")
        let order = generator.permutation(count: all.rows)
        let (trainRows, testRows) = (Array(order[0..<1437]), Array(order[1437...]))
        let spec = TrainingSpec(epochs: 5, batchSize: 32, optimizer: OptimizerSpec(learningRate: 0.05))
        let model = ModelSpec(kind: .cnn(channels: [8]), inputShape: Self.digitsShape)
        var network = Network(model: model, inputCount: 64, classCount: 10, seed: 7)
        try train(network: &network, on: all, labels: labels, rows: trainRows, spec: spec, seed: 7)
        let accuracy = try #require(
            network.accuracy(on: all.selecting(rows: testRows), labels: testRows.map { labels[$0] }))
        #expect(accuracy >= 0.9, "held-out accuracy \(accuracy)")
        var again = Network(model: model, inputCount: 64, classCount: 10, seed: 7)
        try train(network: &again, on: all, labels: labels, rows: trainRows, spec: spec, seed: 7)
        #expect(again == network)
        var other = Network(model: model, inputCount: 64, classCount: 10, seed: 8)
        try train(network: &other, on: all, labels: labels, rows: trainRows, spec: TrainingSpec(epochs: 1), seed: 8)
        #expect(other != network)
    }
}
