/// Training produced a non-finite loss or parameter (NaN or ±infinity):
/// the optimiser diverged, typically because the learning rate is too large
/// for the features' scale. The spec, not the program, must change, so the
/// command ends with exit code 2 and this message names the keys to change.
public struct TrainingDiverged: Error, Sendable, Equatable, CustomStringConvertible {
    /// What turned non-finite.
    public enum Quantity: String, Sendable, Equatable {
        case loss = "the training loss"
        case parameters = "the model parameters"
        /// The trained model's outputs (scores or predicted probabilities)
        /// on the data, though its parameters are finite: they overflowed.
        case outputs = "the trained model's outputs"
    }

    public var quantity: Quantity
    /// The seed value of the diverging training run.
    public var seed: UInt64
    /// The 1-based epoch during which it diverged.
    public var epoch: Int
    /// The spec's `training.epochs`.
    public var epochs: Int
    /// The spec's optimiser and base learning rate.
    public var optimizer: String
    public var learningRate: Double
    /// What was being trained, e.g. "scoring model" (set by the caller).
    public var purpose: String?

    public init(
        quantity: Quantity, seed: UInt64, epoch: Int, epochs: Int, optimizer: String, learningRate: Double,
        purpose: String? = nil
    ) {
        self.quantity = quantity
        self.seed = seed
        self.epoch = epoch
        self.epochs = epochs
        self.optimizer = optimizer
        self.learningRate = learningRate
        self.purpose = purpose
    }

    /// The same error, saying what was being trained.
    public func during(_ purpose: String) -> TrainingDiverged {
        var copy = self
        copy.purpose = purpose
        return copy
    }

    public var description: String {
        "training diverged: \(quantity.rawValue) became NaN or infinite in epoch \(epoch) of \(epochs) "
            + "(\(purpose.map { $0 + ", " } ?? "")seed \(seed); \(optimizer) with learning rate \(learningRate)). "
            + "Lower training.optimizer.learning_rate (e.g. to \(suggestedRate)), put the features on one scale "
            + "(dataset.scaling: standard, the default, or minmax), or train fewer training.epochs"
    }

    /// A learning rate a hundred times smaller, capped at 0.1.
    var suggestedRate: Double { min(learningRate / 100, 0.1) }
}
