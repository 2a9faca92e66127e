import DietAuditCore
import Testing

@testable import Learning

/// Wide dense networks train each batch split by output columns over two
/// threads with the SGD step fused (``SplitBatchStep``): the same network as
/// one pass per batch followed by one step (within rounding), bit for bit
/// whether or not the two parts run on two threads.
@Suite struct SplitBatchStepTests {
    static let data = TestData.blobs(classes: 3, perClass: 37, dimensions: 20)
    /// 111 rows in batches of 32: three full batches and a last one of 15.
    static let spec = TrainingSpec(
        epochs: 3, batchSize: 32, optimizer: OptimizerSpec(learningRate: 0.05, momentum: 0.9, weightDecay: 5e-4))

    /// Parameters after training `sizes` with a given strategy (and, for a
    /// split, the parts concurrently or one after the other).
    static func trained(
        _ sizes: [Int], strategy: BatchStrategy, concurrent: Bool = true, observer: TrainingObserver? = nil
    ) throws -> [Float] {
        var network = Network(layerSizes: sizes, seed: 3)
        var optimizer = SGDOptimizer(spec: spec.optimizer, parameterCount: network.parameterCount)
        let layout = network.layout
        _ = try BLASThreads.shared.run(oneThread: !concurrent) {
            try runTraining(
                network: &network, on: data.features, labels: data.labels, rows: nil, spec: spec, seed: 5,
                observer: observer, optimizer: &optimizer, strategy: strategy)
        }
        #expect(network.layout == layout)
        return network.parameters
    }

    /// One to three layers, with column blocks of 16 + 32, 16 + 24 and a
    /// layer narrower than two vectors (all its columns in part 1).
    @Test(arguments: [[20, 3], [20, 48, 3], [20, 48, 40, 3], [20, 33, 70, 17, 3]])
    func splitTrainingEqualsOnePassPerBatch(sizes: [Int]) throws {
        let whole = try Self.trained(sizes, strategy: .whole)
        let split = try Self.trained(sizes, strategy: .split)
        let sequential = try Self.trained(sizes, strategy: .split, concurrent: false)
        #expect(split.map(\.bitPattern) == sequential.map(\.bitPattern), "concurrent parts == sequential parts")
        // The same products and the same per-element step: equal up to OpenBLAS's blocking of the products.
        let scale = whole.map { abs($0) }.max()!
        let largest = zip(split, whole).map { abs($0 - $1) }.max()!
        #expect(largest <= 1e-5 * scale, "largest difference \(largest) against \(scale)")
        #expect(split != Network(layerSizes: sizes, seed: 3).parameters, "training moved the weights")
    }

    /// The observer sees every batch's predictions before that batch's step,
    /// exactly as with one pass per batch.
    @Test func observerSeesTheSamePresentations() throws {
        let wholeObserver = RecordingObserver()
        let splitObserver = RecordingObserver()
        _ = try Self.trained([20, 48, 40, 3], strategy: .whole, observer: wholeObserver)
        _ = try Self.trained([20, 48, 40, 3], strategy: .split, observer: splitObserver)
        #expect(splitObserver.epochs == [0, 1, 2, 3])
        #expect(splitObserver.batches.count == 12)
        for (split, whole) in zip(splitObserver.batches, wholeObserver.batches) {
            #expect(split.examples == whole.examples && split.correct == whole.correct)
        }
    }

    /// One batch by hand: the gradient left in the workspace is the batch's
    /// mean-loss gradient (finite-difference-checked `lossAndGradient`), and
    /// the fused step equals one whole SGD step from that gradient, bit for bit.
    @Test(arguments: [false, true])
    func oneBatchGivesTheGradientAndTheStep(concurrently: Bool) {
        let network = Network(layerSizes: [20, 48, 40, 3], seed: 9)
        let rows = Self.data.features.rows
        let workspace = BatchWorkspace(layout: network.layout, capacity: rows)
        Self.data.features.values.withUnsafeBufferPointer { features in
            Self.data.labels.withUnsafeBufferPointer { labels in
                workspace.load(
                    consecutiveRows: 0, count: rows, features: features.baseAddress!, columns: 20,
                    labels: labels.baseAddress!)
            }
        }
        let split = SplitBatchStep(workspace: workspace, concurrently: concurrently)
        var parameters = network.parameters
        var fused = SGDOptimizer(spec: Self.spec.optimizer, parameterCount: network.parameterCount)
        parameters.withUnsafeMutableBufferPointer { buffer in
            let base = buffer.baseAddress!
            split.forward(layout: network.layout, count: rows, parameters: base, withMargins: true)
            fused.withStepInPieces(parameters: base, gradient: workspace.gradient) { piece in
                split.backwardAndStep(layout: network.layout, count: rows, parameters: base, step: piece!)
            }
        }
        let gradient = Array(UnsafeBufferPointer(start: workspace.gradient, count: network.parameterCount))
        let reference = network.lossAndGradient(for: Self.data.features, labels: Self.data.labels).gradient
        let scale = reference.map { abs($0) }.max()!
        #expect(zip(gradient, reference).allSatisfy { abs($0 - $1) <= 1e-6 * scale })
        #expect(
            Array(UnsafeBufferPointer(start: workspace.predicted, count: rows))
                == network.predictedClasses(
                    for: Self.data.features))

        var stepped = network.parameters
        var whole = SGDOptimizer(spec: Self.spec.optimizer, parameterCount: network.parameterCount)
        whole.step(parameters: &stepped, gradient: gradient)
        #expect(parameters.map(\.bitPattern) == stepped.map(\.bitPattern))
        #expect(fused.velocity.map(\.bitPattern) == whole.velocity.map(\.bitPattern))
    }

    /// Column blocks start on whole vectors; narrow layers go whole to part 1.
    @Test func columnBlocks() {
        #expect(SplitBatchStep.isNarrow(10) && SplitBatchStep.isNarrow(31) && !SplitBatchStep.isNarrow(32))
        #expect(SplitBatchStep.columns(of: 512, part: 0) == 0..<256)
        #expect(SplitBatchStep.columns(of: 512, part: 1) == 256..<512)
        #expect(SplitBatchStep.columns(of: 70, part: 0) == 0..<32)
        #expect(SplitBatchStep.columns(of: 70, part: 1) == 32..<70)
        #expect(SplitBatchStep.columns(of: 10, part: 0).isEmpty)
        #expect(SplitBatchStep.columns(of: 10, part: 1) == 0..<10)
    }

    /// The strategy follows from the shape, batch size and optimiser alone.
    @Test func strategyFollowsTheShape() {
        let wide = Network(layerSizes: [784, 512, 512, 10], seed: 0).layout
        let digits = Network(layerSizes: [64, 128, 10], seed: 0).layout
        let cnn = Network(
            inputShape: InputShape(height: 28, width: 28, channels: 1), convolutionChannels: [32, 64], classCount: 10,
            seed: 0
        ).layout
        #expect(BatchStrategy.choose(layout: wide, batchSize: 128, optimizerStepsInPieces: true) == .split)
        #expect(BatchStrategy.choose(layout: wide, batchSize: 128, optimizerStepsInPieces: false) == .whole)
        #expect(BatchStrategy.choose(layout: wide, batchSize: 16, optimizerStepsInPieces: true) == .halves)
        #expect(BatchStrategy.choose(layout: digits, batchSize: 128, optimizerStepsInPieces: true) == .halves)
        #expect(BatchStrategy.choose(layout: cnn, batchSize: 128, optimizerStepsInPieces: true) == .whole)
        #expect(SGDOptimizer.stepsInPieces && !AdamOptimizer.stepsInPieces)
    }
}
