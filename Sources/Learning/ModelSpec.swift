/// The architecture of a classifier, as the audit spec's `model:` names it.
public enum ModelKind: Sendable, Equatable {
    /// Multinomial logistic regression: one dense layer from the features
    /// straight to the class logits, no hidden layer.
    case softmax
    /// A multi-layer perceptron: dense layers of the given widths with ReLU
    /// between them, then a dense layer to the class logits.
    case mlp(hidden: [Int])
}

/// The model part of an audit spec.
public struct ModelSpec: Sendable, Equatable {
    /// Which architecture to build.
    public var kind: ModelKind

    public init(kind: ModelKind) {
        self.kind = kind
    }

    /// The widths of every layer for `inputCount` features and `classCount`
    /// classes: `[input, hidden…, classes]`.
    public func layerSizes(inputCount: Int, classCount: Int) -> [Int] {
        switch kind {
        case .softmax: return [inputCount, classCount]
        case let .mlp(hidden): return [inputCount] + hidden + [classCount]
        }
    }
}
