import DietAuditCore

/// The checks ``train(network:on:labels:rows:spec:seed:observer:)`` makes before starting.
func validateTraining(network: Network, features: FeatureMatrix, labels: [Int], rows: [Int]?, spec: TrainingSpec) throws
{
    guard OptimizerSpec.supportedKinds.contains(spec.optimizer.kind) else {
        throw InputError(
            "training.optimizer.kind '\(spec.optimizer.kind)' is not supported; expected one of "
                + listForMessage(OptimizerSpec.supportedKinds)
                + didYouMean(spec.optimizer.kind, among: OptimizerSpec.supportedKinds))
    }
    if spec.optimizer.kind == OptimizerKind.adam.rawValue { try validateAdam(spec.optimizer) }
    try spec.schedule.validate(base: spec.optimizer.learningRate)
    guard spec.batchSize > 0 else {
        throw InputError("training.batch_size is \(spec.batchSize); expected a positive integer")
    }
    guard spec.epochs >= 0 else {
        throw InputError("training.epochs is \(spec.epochs); expected 0 or more")
    }
    guard features.columns == network.inputCount else {
        throw InputError("the features have \(features.columns) columns but the network expects \(network.inputCount)")
    }
    guard labels.count == features.rows else {
        throw InputError("there are \(labels.count) labels for \(features.rows) examples; expected one per example")
    }
    if let bad = labels.first(where: { !(0..<network.classCount).contains($0) }) {
        throw InputError("label index \(bad) is outside 0..<\(network.classCount)")
    }
    if let rows, let bad = rows.first(where: { !(0..<features.rows).contains($0) }) {
        throw InputError("training row \(bad) is outside 0..<\(features.rows)")
    }
    guard (rows?.count ?? features.rows) > 0 else {
        throw InputError("there are no training examples; expected at least one")
    }
}

/// Adam's own ranges, as `torch.optim.Adam` checks them (ε strictly positive
/// here, since ε = 0 can divide zero by zero).
func validateAdam(_ spec: OptimizerSpec) throws {
    for (key, value) in [("beta1", spec.beta1), ("beta2", spec.beta2)] {
        guard value >= 0, value < 1 else {
            throw InputError("training.optimizer.\(key) is \(value); expected a number in [0, 1)")
        }
    }
    guard spec.epsilon > 0, spec.epsilon.isFinite else {
        throw InputError("training.optimizer.epsilon is \(spec.epsilon); expected a small positive number (e.g. 1e-8)")
    }
}
