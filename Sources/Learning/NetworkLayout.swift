/// The shape of a ``DenseNetwork`` without its parameters: layer widths and
/// where each layer's weights and bias sit in the flat parameter array. The
/// forward and backward kernels live here so the training loop can run them
/// while it holds the parameters for writing.
struct NetworkLayout: Sendable, Equatable {
    /// Widths of all layers, input first, classes last.
    let layerSizes: [Int]
    /// One entry per dense layer, in order.
    let layers: [DenseLayerLayout]

    init(layerSizes: [Int]) {
        self.layerSizes = layerSizes
        var layers = [DenseLayerLayout]()
        var offset = 0
        for index in 1..<layerSizes.count {
            let layer = DenseLayerLayout(inputs: layerSizes[index - 1], outputs: layerSizes[index], weightOffset: offset)
            layers.append(layer)
            offset = layer.end
        }
        self.layers = layers
    }

    /// Number of classes (width of the last layer).
    var classCount: Int { layerSizes[layerSizes.count - 1] }
    /// Total number of weights and biases.
    var parameterCount: Int { layers.last?.end ?? 0 }
}

/// Where one dense layer's weights and bias sit in a network's flat parameters.
struct DenseLayerLayout: Sendable, Equatable {
    /// Width of the layer's input.
    let inputs: Int
    /// Width of the layer's output.
    let outputs: Int
    /// Index of the first weight.
    let weightOffset: Int

    /// Index of the first bias entry.
    var biasOffset: Int { weightOffset + inputs * outputs }
    /// One past the last bias entry.
    var end: Int { biasOffset + outputs }
}
