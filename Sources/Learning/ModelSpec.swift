import DietAuditCore

/// The architecture of a classifier, as the audit spec's `model:` names it.
public enum ModelKind: Sendable, Equatable {
    /// Multinomial logistic regression: one dense layer from the features
    /// straight to the class logits, no hidden layer.
    case softmax
    /// A multi-layer perceptron: dense layers of the given widths with ReLU
    /// between them, then a dense layer to the class logits.
    case mlp(hidden: [Int])
    /// A small convolutional network on images of ``ModelSpec/inputShape``:
    /// one block per entry of `channels` — 3×3 convolution with stride 1 and
    /// zero padding 1 ("same") to that many channels, ReLU, 2×2 max-pool with
    /// stride 2 — then the last block's output flattened into one dense layer
    /// to the class logits. Pooling floors: an odd height or width drops the
    /// last row or column (7×7 pools to 3×3).
    case cnn(channels: [Int])
}

/// The model part of an audit spec.
public struct ModelSpec: Sendable, Equatable {
    /// Which architecture to build.
    public var kind: ModelKind
    /// The image shape of one example, needed by ``ModelKind/cnn(channels:)``
    /// (features flattened per example in C order `height × width × channels`,
    /// channels last) and ignored by the dense kinds. The spec loader fills it
    /// from `dataset.image`, or from the shape the image loader resolved.
    public var inputShape: InputShape?
    /// How parameters are drawn before training (`model.init`; default `he_normal`).
    public var initialization: WeightInitialization

    public init(kind: ModelKind, inputShape: InputShape? = nil, initialization: WeightInitialization = .heNormal) {
        self.kind = kind
        self.inputShape = inputShape
        self.initialization = initialization
    }

    /// The convolution channels of a ``ModelKind/cnn(channels:)`` model, else `[]`.
    public var convolutionChannels: [Int] {
        if case let .cnn(channels) = kind { return channels }
        return []
    }

    /// The widths of the values passed between layers for `inputCount`
    /// features and `classCount` classes: `[input, hidden…, classes]` for the
    /// dense kinds; for a cnn `[input, block outputs…, classes]`, each block
    /// output being `⌊h/2⌋ · ⌊w/2⌋ · channels` of that block.
    /// - Precondition: a cnn has a valid ``inputShape`` (see ``validate(inputCount:)``).
    public func layerSizes(inputCount: Int, classCount: Int) -> [Int] {
        switch kind {
        case .softmax: return [inputCount, classCount]
        case let .mlp(hidden): return [inputCount] + hidden + [classCount]
        case let .cnn(channels):
            guard let inputShape else { preconditionFailure("a cnn model needs its input shape") }
            let blocks = ConvolutionLayout.blocks(input: inputShape, channels: channels, firstWeightOffset: 0)
            return [inputCount] + blocks.map(\.pooledSize) + [classCount]
        }
    }

    /// Checks that the model can be built for rows of `inputCount` features.
    /// - Throws: ``InputError`` for a non-positive hidden width or channel
    ///   count, an empty `channels` list, a cnn without ``inputShape``, an
    ///   input shape with a non-positive side or whose value count differs
    ///   from `inputCount`, or so many pooling blocks that the image shrinks
    ///   to nothing (each block halves height and width, rounding down).
    public func validate(inputCount: Int) throws {
        switch kind {
        case .softmax: return
        case let .mlp(hidden):
            if let bad = hidden.first(where: { $0 <= 0 }) {
                throw InputError("model.hidden has width \(bad); expected positive widths, e.g. [64]")
            }
        case let .cnn(channels):
            try validateConvolution(channels: channels, inputCount: inputCount)
        }
    }

    private func validateConvolution(channels: [Int], inputCount: Int) throws {
        guard !channels.isEmpty else {
            throw InputError("model.channels is empty; expected at least one convolution block, e.g. [16, 32]")
        }
        if let bad = channels.first(where: { $0 <= 0 }) {
            throw InputError("model.channels has \(bad) channels; expected positive channel counts, e.g. [16, 32]")
        }
        guard let shape = inputShape else {
            throw InputError(
                "model kind cnn needs the image shape of each example; expected dataset.image "
                    + "{height, width, channels} or image data whose shape is known")
        }
        guard shape.height > 0, shape.width > 0, shape.channels > 0 else {
            throw InputError("the image shape is \(shape.text); expected positive height, width and channels")
        }
        guard shape.valueCount == inputCount else {
            throw InputError(
                "the image shape \(shape.text) has \(shape.valueCount) values per example but the "
                    + "features have \(inputCount) columns; expected them to agree")
        }
        var (height, width) = (shape.height, shape.width)
        for (block, _) in channels.enumerated() {
            (height, width) = (height / 2, width / 2)
            guard height > 0, width > 0 else {
                throw InputError(
                    "model.channels has \(channels.count) blocks but a \(shape.text) image is pooled "
                        + "to nothing after block \(block + 1) (each block halves height and width, rounding down); "
                        + "expected at most \(block) blocks")
            }
        }
    }
}
