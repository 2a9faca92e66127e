import DietAuditCore

/// A classifier trained on softmax cross-entropy: optional convolution blocks,
/// then dense layers with ReLU between them; the last layer's outputs are the
/// logits.
///
/// **Dense layers.** Layer `l` maps activations `a_{l−1}` to
/// `z_l = a_{l−1} · W_l + b_l`, with `W_l` stored row-major `inputs × outputs`.
/// Hidden layers apply `a_l = max(z_l, 0)`; the last layer's `z_L` are the logits.
///
/// **Convolution blocks** (networks built for ``ModelKind/cnn(channels:)``):
/// the input row of each example is an image in C order
/// `height × width × channels` (channels last, see ``InputShape``). Each block
/// is a 3×3 convolution with stride 1 and zero padding 1, ReLU, and 2×2
/// max-pool with stride 2 (an odd height or width drops its last row or
/// column). The last block's pooled output, flat in the same C order, feeds
/// one dense layer to the logits. A block's weights are stored row-major
/// `9·C_in × C_out`, row `(ky·3 + kx)·C_in + c` for the kernel tap `(ky, kx)`
/// (reading input pixel `(y + ky − 1, x + kx − 1)`) and input channel `c`.
///
/// All parameters live in one flat array ``parameters``: for each layer in
/// order (convolution blocks first), its weights then its bias. A value type:
/// copies are independent and cheap until one of them is trained further
/// (copy on write).
public struct Network: Sendable, Equatable {
    /// Widths of the values passed between layers: the input first, then each
    /// convolution block's pooled output, each hidden layer, and the classes last.
    public let layerSizes: [Int]
    /// The image shape of the input, for a network with convolution blocks; `nil` for a dense one.
    public let inputShape: InputShape?
    /// Every weight and bias, layer by layer, weights before bias.
    public internal(set) var parameters: [Float]
    /// Where each layer's parameters sit in ``parameters``.
    let layout: NetworkLayout

    /// A dense network with the given layer sizes (`[input, hidden…, classes]`),
    /// He-normal initialised from `SeededGenerator(seed: seed, stream: "init")`:
    /// every weight of layer `l` is `normal() · sqrt(2 / sizes[l−1])`, drawn
    /// layer by layer in row-major order; every bias is 0.
    /// Another ``WeightInitialization`` draws as that type describes.
    /// - Precondition: at least two sizes, all positive.
    public init(layerSizes: [Int], seed: UInt64, initialization: WeightInitialization = .heNormal) {
        precondition(
            layerSizes.count >= 2 && layerSizes.allSatisfy { $0 > 0 },
            "a dense network needs at least an input and an output size, all positive")
        self.init(
            layout: NetworkLayout(layerSizes: layerSizes), inputShape: nil, seed: seed, initialization: initialization)
    }

    /// A convolutional network: one block per entry of `convolutionChannels`
    /// on images of `inputShape`, then a dense layer to `classCount` logits.
    /// He-normal initialised from `SeededGenerator(seed: seed, stream: "init")`,
    /// layer by layer (blocks first) in row-major order: a block's weights are
    /// `normal() · sqrt(2 / (9 · C_in))`, the dense layer's
    /// `normal() · sqrt(2 / flattened size)`; every bias is 0.
    /// - Precondition: a valid shape and channels (see ``ModelSpec/validate(inputCount:)``)
    ///   and `classCount > 0`.
    public init(
        inputShape: InputShape, convolutionChannels: [Int], classCount: Int, seed: UInt64,
        initialization: WeightInitialization = .heNormal
    ) {
        let spec = ModelSpec(kind: .cnn(channels: convolutionChannels), inputShape: inputShape)
        precondition(
            (try? spec.validate(inputCount: inputShape.valueCount)) != nil && classCount > 0,
            "invalid convolutional network: \(inputShape.text) image, channels \(convolutionChannels)")
        self.init(
            layout: NetworkLayout(input: inputShape, channels: convolutionChannels, classCount: classCount),
            inputShape: inputShape, seed: seed, initialization: initialization)
    }

    /// The network a ``ModelSpec`` describes for `inputCount` features and
    /// `classCount` classes, initialised from `seed` as ``init(layerSizes:seed:)``
    /// or ``init(inputShape:convolutionChannels:classCount:seed:initialization:)``, drawn by
    /// `model.initialization`.
    /// - Precondition: `model.validate(inputCount:)` does not throw.
    public init(model: ModelSpec, inputCount: Int, classCount: Int, seed: UInt64) {
        if case let .cnn(channels) = model.kind {
            guard let shape = model.inputShape, shape.valueCount == inputCount else {
                preconditionFailure("a cnn model needs an input shape of \(inputCount) values")
            }
            self.init(
                inputShape: shape, convolutionChannels: channels, classCount: classCount, seed: seed,
                initialization: model.initialization)
        } else {
            self.init(
                layerSizes: model.layerSizes(inputCount: inputCount, classCount: classCount), seed: seed,
                initialization: model.initialization)
        }
    }

    private init(
        layout: NetworkLayout, inputShape: InputShape?, seed: UInt64, initialization: WeightInitialization
    ) {
        self.layout = layout
        self.inputShape = inputShape
        layerSizes = layout.layerSizes
        parameters = [Float](repeating: 0, count: layout.parameterCount)
        var generator = SeededGenerator(seed: seed, stream: "init")
        let fanIns = layout.convolutions.map(\.patchWidth) + layout.layers.map(\.inputs)
        for (stage, range) in layout.weightRanges.enumerated() {
            let fanIn = fanIns[stage]
            for index in range { parameters[index] = initialization.weight(fanIn: fanIn, generator: &generator) }
            guard initialization.drawsBiases else { continue }
            for index in layout.biasRanges[stage] {
                parameters[index] = initialization.bias(fanIn: fanIn, generator: &generator)
            }
        }
    }

    /// Number of input features.
    public var inputCount: Int { layerSizes[0] }
    /// Number of classes (logits).
    public var classCount: Int { layerSizes[layerSizes.count - 1] }
    /// Output channels of each convolution block (empty for a dense network).
    public var convolutionChannels: [Int] { layout.convolutions.map(\.outputChannels) }
    /// Number of layers with parameters: convolution blocks plus dense layers.
    public var layerCount: Int { layout.stageCount }
    /// Total number of weights and biases.
    public var parameterCount: Int { parameters.count }

    /// The weights of layer `layer` (0-based, convolution blocks first):
    /// row-major `inputs × outputs` for a dense layer, `9·C_in × C_out` for a block.
    public func weights(layer: Int) -> ArraySlice<Float> {
        parameters[layout.weightRanges[layer]]
    }

    /// The bias of layer `layer` (0-based, convolution blocks first).
    public func bias(layer: Int) -> ArraySlice<Float> {
        parameters[layout.biasRanges[layer]]
    }

    /// Replaces every parameter (same layout as ``parameters``).
    /// - Precondition: `newParameters.count == parameterCount`.
    public mutating func setParameters(_ newParameters: [Float]) {
        precondition(newParameters.count == parameters.count, "setParameters: wrong parameter count")
        parameters = newParameters
    }
}
