/// The optimiser part of an audit spec (`training.optimizer`).
///
/// Two kinds exist:
/// - `sgd`: mini-batch stochastic gradient descent with heavy-ball momentum
///   and L2 weight decay in PyTorch's convention (see ``SGDOptimizer``);
///   uses ``learningRate``, ``momentum`` and ``weightDecay``.
/// - `adam`: Adam with bias correction and L2 weight decay added to the
///   gradient, as `torch.optim.Adam` (see ``AdamOptimizer``); uses
///   ``learningRate``, ``beta1``, ``beta2``, ``epsilon`` and ``weightDecay``.
///
/// Fields a kind does not use are ignored by it. The learning rate is the base
/// rate that ``TrainingSpec/schedule`` may vary by epoch.
public struct OptimizerSpec: Sendable, Equatable {
    /// The optimiser's name, one of ``supportedKinds``.
    public var kind: String = OptimizerKind.sgd.rawValue
    /// Base step size `lr`.
    public var learningRate: Float = 0.1
    /// SGD momentum coefficient `μ` (0 disables momentum). Unused by Adam.
    public var momentum: Float = 0.9
    /// L2 coefficient `wd`, added to the gradient as `wd · w` for every
    /// parameter including biases (both kinds; for Adam this is the L2 form,
    /// not AdamW's decoupled decay).
    public var weightDecay: Float = 0.0005
    /// Adam's first-moment decay `β1`, in [0, 1). Unused by SGD.
    public var beta1: Float = 0.9
    /// Adam's second-moment decay `β2`, in [0, 1). Unused by SGD.
    public var beta2: Float = 0.999
    /// Adam's denominator term `ε` (> 0), added after bias correction. Unused by SGD.
    public var epsilon: Float = 1e-8

    /// The optimiser names ``train(network:on:labels:rows:spec:seed:observer:)`` accepts.
    public static let supportedKinds = OptimizerKind.allCases.map(\.rawValue)

    public init(
        kind: String = OptimizerKind.sgd.rawValue, learningRate: Float = 0.1, momentum: Float = 0.9,
        weightDecay: Float = 0.0005, beta1: Float = 0.9, beta2: Float = 0.999, epsilon: Float = 1e-8
    ) {
        self.kind = kind
        self.learningRate = learningRate
        self.momentum = momentum
        self.weightDecay = weightDecay
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
    }
}
