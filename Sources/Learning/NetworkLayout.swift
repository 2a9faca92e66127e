/// The shape of a ``Network`` without its parameters: the convolution blocks
/// (if any), the dense layers, the widths of the values passed between them,
/// and where each layer's weights and bias sit in the flat parameter array.
/// The forward and backward kernels live here so the training loop can run
/// them while it holds the parameters for writing.
///
/// *Stages* are numbered from 0: the convolution blocks first, then the dense
/// layers. Stage `s` maps the values at boundary `s` (0 = the input rows) to
/// boundary `s + 1`; the last boundary holds the logits.
struct NetworkLayout: Sendable, Equatable {
    /// Widths of the values at each stage boundary: input first, then each
    /// block's pooled output, each hidden layer, and the classes last.
    let layerSizes: [Int]
    /// The convolution blocks, in order (empty for a dense network).
    let convolutions: [ConvolutionLayout]
    /// One entry per dense layer, in order.
    let layers: [DenseLayerLayout]

    /// A dense network: `layerSizes` is `[input, hidden…, classes]`.
    init(layerSizes: [Int]) {
        self.init(convolutions: [], denseSizes: layerSizes)
    }

    /// Convolution blocks with `channels` on images of `input`, then one dense
    /// layer from the flattened last block to `classCount` logits.
    init(input: InputShape, channels: [Int], classCount: Int) {
        let blocks = ConvolutionLayout.blocks(input: input, channels: channels, firstWeightOffset: 0)
        self.init(convolutions: blocks, denseSizes: [blocks.last?.pooledSize ?? input.valueCount, classCount])
    }

    private init(convolutions: [ConvolutionLayout], denseSizes: [Int]) {
        self.convolutions = convolutions
        var layers = [DenseLayerLayout]()
        var offset = convolutions.last?.end ?? 0
        for index in 1..<denseSizes.count {
            let layer = DenseLayerLayout(
                inputs: denseSizes[index - 1], outputs: denseSizes[index], weightOffset: offset)
            layers.append(layer)
            offset = layer.end
        }
        self.layers = layers
        layerSizes = convolutions.map(\.inputSize) + denseSizes
    }

    /// Number of classes (width of the last layer).
    var classCount: Int { layerSizes[layerSizes.count - 1] }
    /// Total number of weights and biases.
    var parameterCount: Int { layers.last?.end ?? 0 }
    /// Number of stages (convolution blocks plus dense layers); the index of
    /// the logits boundary.
    var stageCount: Int { convolutions.count + layers.count }
    /// The weight index range of each stage (blocks first), in ``Network/parameters``.
    var weightRanges: [Range<Int>] {
        convolutions.map { $0.weightOffset..<$0.biasOffset } + layers.map { $0.weightOffset..<$0.biasOffset }
    }
    /// The bias index range of each stage (blocks first).
    var biasRanges: [Range<Int>] {
        convolutions.map { $0.biasOffset..<$0.end } + layers.map { $0.biasOffset..<$0.end }
    }
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
