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
    /// How the optimiser's learning rate varies by epoch (default: constant).
    public var schedule: LearningRateSchedule = .constant

    public init(
        epochs: Int = 20, batchSize: Int = 128, optimizer: OptimizerSpec = OptimizerSpec(), seeds: Int = 5,
        seed: UInt64 = 0, schedule: LearningRateSchedule = .constant
    ) {
        self.epochs = epochs
        self.batchSize = batchSize
        self.optimizer = optimizer
        self.seeds = seeds
        self.seed = seed
        self.schedule = schedule
    }

    /// The seed value of run `k` (0-based): `seed &+ UInt64(k)` (wrapping).
    public func seedValue(forRun run: Int) -> UInt64 {
        seed &+ UInt64(run)
    }
}
