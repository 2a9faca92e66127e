import DietAuditCore

/// A fully connected classifier: dense layers with ReLU between them and a
/// softmax cross-entropy loss on the last layer's outputs (the logits).
///
/// Layer sizes are `[input, hidden…, classes]`; layer `l` (1-based) maps
/// activations `a_{l−1}` (width `sizes[l−1]`) to `z_l = a_{l−1} · W_l + b_l`,
/// with `W_l` stored row-major as `sizes[l−1] × sizes[l]`. Hidden layers apply
/// `a_l = max(z_l, 0)`; the last layer's `z_L` are the logits.
///
/// All parameters live in one flat array ``parameters``: for each layer in
/// order, its weights then its bias. A value type: copies are independent and
/// cheap until one of them is trained further (copy on write).
public struct DenseNetwork: Sendable, Equatable {
    /// Widths of all layers, input first, classes last (at least two entries).
    public let layerSizes: [Int]
    /// Every weight and bias, layer by layer, weights (row-major
    /// `inputs × outputs`) before bias.
    public internal(set) var parameters: [Float]
    /// Where each dense layer's parameters sit in ``parameters``.
    let layout: NetworkLayout

    /// A network with the given layer sizes, He-normal initialised from
    /// `SeededGenerator(seed: seed, stream: "init")`: every weight of layer `l`
    /// is `normal() · sqrt(2 / sizes[l−1])`, drawn layer by layer in row-major
    /// order; every bias is 0.
    /// - Precondition: at least two sizes, all positive.
    public init(layerSizes: [Int], seed: UInt64) {
        precondition(layerSizes.count >= 2 && layerSizes.allSatisfy { $0 > 0 },
                     "DenseNetwork needs at least an input and an output size, all positive")
        self.layerSizes = layerSizes
        layout = NetworkLayout(layerSizes: layerSizes)
        parameters = [Float](repeating: 0, count: layout.parameterCount)
        var generator = SeededGenerator(seed: seed, stream: "init")
        for layout in layout.layers {
            let scale = (2.0 / Double(layout.inputs)).squareRoot()
            for index in layout.weightOffset..<layout.biasOffset {
                parameters[index] = Float(generator.normal() * scale)
            }
        }
    }

    /// The network a ``ModelSpec`` describes for `inputCount` features and
    /// `classCount` classes, initialised from `seed` as ``init(layerSizes:seed:)``.
    public init(model: ModelSpec, inputCount: Int, classCount: Int, seed: UInt64) {
        self.init(layerSizes: model.layerSizes(inputCount: inputCount, classCount: classCount), seed: seed)
    }

    /// Number of input features.
    public var inputCount: Int { layerSizes[0] }
    /// Number of classes (logits).
    public var classCount: Int { layerSizes[layerSizes.count - 1] }
    /// Number of dense layers (one more than the number of hidden layers).
    public var layerCount: Int { layout.layers.count }
    /// Total number of weights and biases.
    public var parameterCount: Int { parameters.count }

    /// The weights of dense layer `layer` (0-based), row-major `inputs × outputs`.
    public func weights(layer: Int) -> ArraySlice<Float> {
        parameters[layout.layers[layer].weightOffset..<layout.layers[layer].biasOffset]
    }

    /// The bias of dense layer `layer` (0-based).
    public func bias(layer: Int) -> ArraySlice<Float> {
        parameters[layout.layers[layer].biasOffset..<layout.layers[layer].end]
    }

    /// Replaces every parameter (same layout as ``parameters``).
    /// - Precondition: `newParameters.count == parameterCount`.
    public mutating func setParameters(_ newParameters: [Float]) {
        precondition(newParameters.count == parameters.count, "setParameters: wrong parameter count")
        parameters = newParameters
    }
}
