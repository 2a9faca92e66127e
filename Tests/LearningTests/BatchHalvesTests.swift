import DietAuditCore
import Testing

@testable import Learning

/// A batch run as two halves (``BatchHalves``) gives the batch's mean-loss
/// gradient and predictions, bit-identically whether the halves run one after
/// the other or on two threads.
@Suite struct BatchHalvesTests {
    static let data = TestData.blobs(classes: 3, perClass: 11, dimensions: 5)

    /// Gradient, predictions and margins of one split step over all 33 rows.
    static func splitStep(_ network: Network, concurrently: Bool) -> (
        gradient: [Float], predicted: [Int], margins: [Float]
    ) {
        let rows = data.features.rows
        let workspace = BatchWorkspace(layout: network.layout, capacity: rows)
        let halves = BatchHalves(workspace: workspace, parameterCount: network.parameterCount)
        data.features.values.withUnsafeBufferPointer { features in
            data.labels.withUnsafeBufferPointer { labels in
                workspace.load(
                    consecutiveRows: 0, count: rows, features: features.baseAddress!, columns: 5,
                    labels: labels.baseAddress!)
            }
        }
        network.parameters.withUnsafeBufferPointer {
            halves.forwardBackward(
                layout: network.layout, count: rows, parameters: $0.baseAddress!, withMargins: true,
                concurrently: concurrently)
        }
        return (
            Array(UnsafeBufferPointer(start: workspace.gradient, count: network.parameterCount)),
            Array(UnsafeBufferPointer(start: workspace.predicted, count: rows)),
            Array(UnsafeBufferPointer(start: workspace.margins, count: rows))
        )
    }

    @Test(arguments: [[5, 8, 3], [5, 16, 7, 3]])
    func halvesGiveTheBatchGradient(sizes: [Int]) {
        let network = Network(layerSizes: sizes, seed: 4)
        let sequential = Self.splitStep(network, concurrently: false)
        let concurrent = Self.splitStep(network, concurrently: true)
        #expect(sequential.gradient.map(\.bitPattern) == concurrent.gradient.map(\.bitPattern))
        #expect(sequential.predicted == concurrent.predicted && sequential.margins == concurrent.margins)

        // One pass over the whole batch (lossAndGradient): equal up to the summation order.
        let whole = network.lossAndGradient(for: Self.data.features, labels: Self.data.labels).gradient
        let scale = whole.map { abs($0) }.max()!
        for (split, single) in zip(sequential.gradient, whole) {
            #expect(abs(split - single) <= 1e-6 * max(scale, 1))
        }
        #expect(sequential.predicted == network.predictedClasses(for: Self.data.features))
    }

    /// The same for a convolutional network (its buffers are viewed by rows too).
    @Test func halvesGiveTheBatchGradientOfACNN() {
        let shape = InputShape(height: 3, width: 5, channels: 1)
        var generator = SeededGenerator(seed: 8, stream: "images")
        let rows = 9
        let features = FeatureMatrix(
            values: (0..<(rows * 15)).map { _ in Float(generator.normal()) }, rows: rows, columns: 15)
        let labels = (0..<rows).map { $0 % 2 }
        let network = Network(inputShape: shape, convolutionChannels: [2], classCount: 2, seed: 1)
        let workspace = BatchWorkspace(layout: network.layout, capacity: rows)
        let halves = BatchHalves(workspace: workspace, parameterCount: network.parameterCount)
        features.values.withUnsafeBufferPointer { f in
            labels.withUnsafeBufferPointer { l in
                workspace.load(
                    consecutiveRows: 0, count: rows, features: f.baseAddress!, columns: 15, labels: l.baseAddress!)
            }
        }
        network.parameters.withUnsafeBufferPointer {
            halves.forwardBackward(
                layout: network.layout, count: rows, parameters: $0.baseAddress!, withMargins: false,
                concurrently: true)
        }
        let split = Array(UnsafeBufferPointer(start: workspace.gradient, count: network.parameterCount))
        let whole = network.lossAndGradient(for: features, labels: labels).gradient
        let scale = whole.map { abs($0) }.max()!
        for (a, b) in zip(split, whole) { #expect(abs(a - b) <= 1e-6 * max(scale, 1)) }
    }
}
