import DietAuditCore

/// Trains `network` in place by mini-batch SGD on softmax cross-entropy.
///
/// Each epoch shuffles the training examples (all rows, or only `rows`) with
/// one `SeededGenerator(seed: seed, stream: "shuffle")` kept for the whole run
/// (the order is shuffled again in place each epoch), then walks it in batches
/// of `spec.batchSize`, the last partial batch included. Per batch: forward
/// pass, report the presentations to `observer`, backward pass for the mean
/// batch loss, one ``SGDOptimizer`` step. All buffers are allocated once.
/// Given the same network, data, spec and seed the result is bit-identical.
///
/// The observer sees epoch 0 before any update and every finished epoch; it
/// may stop training early.
///
/// - Parameters:
///   - rows: the example indices to train on (e.g. a pruned set); `nil` = all.
///     Repeated indices are presented repeatedly.
///   - seed: the run's seed value (only the shuffle stream is drawn here; the
///     initialisation stream is used by ``DenseNetwork/init(layerSizes:seed:)``).
/// - Returns: the number of epochs completed.
/// - Throws: ``InputError`` for an unknown optimiser, a non-positive batch
///   size, negative epochs, mismatched shapes, labels outside
///   `0..<classCount`, row indices out of range, or no example to train on.
@discardableResult
public func train(
    network: inout DenseNetwork, on features: FeatureMatrix, labels: [Int], rows: [Int]? = nil,
    spec: TrainingSpec, seed: UInt64, observer: TrainingObserver? = nil
) throws -> Int {
    try validateTraining(network: network, features: features, labels: labels, rows: rows, spec: spec)
    var order = rows ?? Array(0..<features.rows)
    let batchSize = min(spec.batchSize, order.count)
    let workspace = BatchWorkspace(layout: network.layout, capacity: batchSize)
    var optimizer = SGDOptimizer(spec: spec.optimizer, parameterCount: network.parameterCount)
    var shuffler = SeededGenerator(seed: seed, stream: "shuffle")
    var correct = [Bool](repeating: false, count: batchSize)
    let layout = network.layout

    if observer?.trainingReached(epoch: 0, network: network) == .stop { return 0 }
    for epoch in stride(from: 1, through: spec.epochs, by: 1) {
        shuffler.shuffle(&order)
        var start = 0
        while start < order.count {
            let end = min(start + batchSize, order.count)
            let count = end - start
            features.values.withUnsafeBufferPointer { featureBuffer in
                labels.withUnsafeBufferPointer { labelBuffer in
                    workspace.load(rows: order[start..<end], features: featureBuffer.baseAddress!,
                                   columns: features.columns, labels: labelBuffer.baseAddress!)
                }
            }
            network.parameters.withUnsafeMutableBufferPointer { parameters in
                let base = parameters.baseAddress!
                layout.forward(count: count, parameters: base, workspace: workspace, softmax: true, withLoss: false)
                layout.backward(count: count, parameters: base, workspace: workspace,
                                 gradient: workspace.gradient, squaredNorms: nil)
            }
            if let observer {
                for row in 0..<count { correct[row] = workspace.predicted[row] == workspace.labels[row] }
                observer.trainingPresented(examples: order[start..<end], correct: correct[0..<count], epoch: epoch)
            }
            network.parameters.withUnsafeMutableBufferPointer { parameters in
                optimizer.step(parameters: parameters.baseAddress!, gradient: workspace.gradient)
            }
            start = end
        }
        if observer?.trainingReached(epoch: epoch, network: network) == .stop { return epoch }
    }
    return spec.epochs
}

/// The checks ``train(network:on:labels:rows:spec:seed:observer:)`` makes before starting.
func validateTraining(network: DenseNetwork, features: FeatureMatrix, labels: [Int], rows: [Int]?, spec: TrainingSpec) throws {
    guard OptimizerSpec.supportedKinds.contains(spec.optimizer.kind) else {
        throw InputError("training.optimizer.kind '\(spec.optimizer.kind)' is not supported; expected one of "
            + listForMessage(OptimizerSpec.supportedKinds) + didYouMean(spec.optimizer.kind, among: OptimizerSpec.supportedKinds))
    }
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
