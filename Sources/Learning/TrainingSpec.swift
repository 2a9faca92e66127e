/// The optimiser part of an audit spec (`training.optimizer`).
///
/// Only `sgd` exists: mini-batch stochastic gradient descent with heavy-ball
/// momentum and L2 weight decay in PyTorch's convention (see ``SGDOptimizer``).
public struct OptimizerSpec: Sendable, Equatable {
    /// The optimiser's name; `"sgd"` is the only one supported.
    public var kind: String = "sgd"
    /// Step size `lr`.
    public var learningRate: Float = 0.1
    /// Momentum coefficient `μ` (0 disables momentum).
    public var momentum: Float = 0.9
    /// L2 coefficient `wd`, applied to every parameter including biases.
    public var weightDecay: Float = 0.0005

    /// The optimiser names ``train(network:on:labels:rows:spec:seed:observer:)`` accepts.
    public static let supportedKinds = ["sgd"]

    public init(kind: String = "sgd", learningRate: Float = 0.1, momentum: Float = 0.9, weightDecay: Float = 0.0005) {
        self.kind = kind
        self.learningRate = learningRate
        self.momentum = momentum
        self.weightDecay = weightDecay
    }
}

/// The training part of an audit spec (`training:`).
public struct TrainingSpec: Sendable, Equatable {
    /// Passes over the training set.
    public var epochs = 20
    /// Examples per mini-batch; the last batch of an epoch may be smaller.
    public var batchSize = 128
    /// The optimiser and its hyper-parameters.
    public var optimizer = OptimizerSpec()
    /// Number of independent runs `K` (scoring seeds).
    public var seeds = 5
    /// Base seed `s`: run `k` (0-based) uses ``seedValue(forRun:)`` = `s &+ k`.
    public var seed: UInt64 = 0

    public init(epochs: Int = 20, batchSize: Int = 128, optimizer: OptimizerSpec = OptimizerSpec(), seeds: Int = 5, seed: UInt64 = 0) {
        self.epochs = epochs
        self.batchSize = batchSize
        self.optimizer = optimizer
        self.seeds = seeds
        self.seed = seed
    }

    /// The seed value of run `k` (0-based): `seed &+ UInt64(k)` (wrapping).
    public func seedValue(forRun run: Int) -> UInt64 {
        seed &+ UInt64(run)
    }
}
