import DietAuditCore
import Foundation

/// Trains `network` in place by mini-batch gradient descent on softmax
/// cross-entropy, with the optimiser `spec.optimizer.kind` names
/// (``SGDOptimizer`` for `sgd`, ``AdamOptimizer`` for `adam`).
///
/// Each epoch shuffles the training examples (all rows, or only `rows`) with
/// one `SeededGenerator(seed: seed, stream: "shuffle")` kept for the whole run
/// (the order is shuffled again in place each epoch), then walks it in batches
/// of `spec.batchSize`, the last partial batch included. Per batch: forward
/// pass, report the presentations to `observer`, backward pass for the mean
/// batch loss, one optimiser step. At the start of epoch `t` (1-based) the
/// optimiser's rate is set to `spec.schedule.rate(epoch: t − 1, of: epochs,
/// base: lr)` (see ``LearningRateSchedule``). All buffers are allocated once.
/// Given the same network, data, spec and seed the result is bit-identical.
///
/// The observer sees epoch 0 before any update and every finished epoch; it
/// may stop training early.
///
/// - Parameters:
///   - rows: the example indices to train on (e.g. a pruned set); `nil` = all.
///     Repeated indices are presented repeatedly.
///   - seed: the run's seed value (only the shuffle stream is drawn here; the
///     initialisation stream is used by ``Network`` initialisers).
/// After every batch the mean cross-entropy of its forward pass, and after
/// every epoch the parameters, are checked for NaN and infinity: training that
/// diverges stops with ``TrainingDiverged`` (naming the seed and epoch) before
/// the observer sees the broken network.
///
/// - Returns: the number of epochs completed.
/// - Throws: ``TrainingDiverged`` when the loss or a parameter stops being
///   finite; ``InputError`` for an unknown optimiser, Adam betas outside
///   [0, 1) or a non-positive ε, an invalid schedule (see
///   ``LearningRateSchedule``), a non-positive batch
///   size, negative epochs, mismatched shapes, labels outside
///   `0..<classCount`, row indices out of range, or no example to train on.
@discardableResult
public func train(
    network: inout Network, on features: FeatureMatrix, labels: [Int], rows: [Int]? = nil,
    spec: TrainingSpec, seed: UInt64, observer: TrainingObserver? = nil
) throws -> Int {
    try validateTraining(network: network, features: features, labels: labels, rows: rows, spec: spec)
    switch spec.optimizer.kind {
    case OptimizerKind.adam.rawValue:
        var optimizer = AdamOptimizer(spec: spec.optimizer, parameterCount: network.parameterCount)
        return try runTraining(
            network: &network, on: features, labels: labels, rows: rows, spec: spec,
            seed: seed, observer: observer, optimizer: &optimizer)
    default:
        var optimizer = SGDOptimizer(spec: spec.optimizer, parameterCount: network.parameterCount)
        return try runTraining(
            network: &network, on: features, labels: labels, rows: rows, spec: spec,
            seed: seed, observer: observer, optimizer: &optimizer)
    }
}

/// The training loop of ``train(network:on:labels:rows:spec:seed:observer:)``
/// after validation, specialised for one optimiser type. Small networks run
/// with OpenBLAS at one thread (``BLASThreads``) and each batch as two halves
/// (``BatchHalves``), on two cores when a second one is free and a half is
/// large enough to pay for the hand-off; whether halves are used depends only
/// on the network and batch size, so results do not depend on the cores.
func runTraining<Optimizer: GradientOptimizer>(
    network: inout Network, on features: FeatureMatrix, labels: [Int], rows: [Int]?,
    spec: TrainingSpec, seed: UInt64, observer: TrainingObserver?, optimizer: inout Optimizer
) throws -> Int {
    let batchSize = min(spec.batchSize, rows?.count ?? features.rows)
    let small = network.layout.prefersOneBLASThread(rows: batchSize)
    // Asked before holding OpenBLAS at one thread: inside a parallel-seed section it already is.
    let concurrent =
        ElementSplit.mayUseSecondCore
        && network.layout.multiplyAddsPerExample * ((batchSize + 1) / 2) >= BatchHalves.minimumConcurrentWork
    return try BLASThreads.shared.run(oneThread: small) {
        try trainingLoop(
            network: &network, on: features, labels: labels, rows: rows, spec: spec, seed: seed,
            observer: observer, optimizer: &optimizer, halves: small, concurrentHalves: concurrent)
    }
}

/// The epochs and batches of ``runTraining(network:on:labels:rows:spec:seed:observer:optimizer:)``.
private func trainingLoop<Optimizer: GradientOptimizer>(
    network: inout Network, on features: FeatureMatrix, labels: [Int], rows: [Int]?,
    spec: TrainingSpec, seed: UInt64, observer: TrainingObserver?, optimizer: inout Optimizer,
    halves: Bool, concurrentHalves: Bool
) throws -> Int {
    var order = rows ?? Array(0..<features.rows)
    let batchSize = min(spec.batchSize, order.count)
    let workspace = BatchWorkspace(layout: network.layout, capacity: batchSize)
    let split = halves ? BatchHalves(workspace: workspace, parameterCount: network.parameterCount) : nil
    var shuffler = SeededGenerator(seed: seed, stream: "shuffle")
    var correct = [Bool](repeating: false, count: batchSize)
    var margins = [Float](repeating: 0, count: batchSize)
    let layout = network.layout
    func diverged(_ quantity: TrainingDiverged.Quantity, epoch: Int) -> TrainingDiverged {
        TrainingDiverged(
            quantity: quantity, seed: seed, epoch: epoch, epochs: spec.epochs,
            optimizer: spec.optimizer.kind, learningRate: Double(spec.optimizer.learningRate))
    }

    if observer?.trainingReached(epoch: 0, network: network) == .stop { return 0 }
    for epoch in stride(from: 1, through: spec.epochs, by: 1) {
        optimizer.learningRate = spec.schedule.rate(
            epoch: epoch - 1, of: spec.epochs, base: spec.optimizer.learningRate)
        shuffler.shuffleIndices(&order)
        var start = 0
        while start < order.count {
            let end = min(start + batchSize, order.count)
            let count = end - start
            features.values.withUnsafeBufferPointer { featureBuffer in
                labels.withUnsafeBufferPointer { labelBuffer in
                    workspace.load(
                        rows: order[start..<end], features: featureBuffer.baseAddress!,
                        columns: features.columns, labels: labelBuffer.baseAddress!)
                }
            }
            network.parameters.withUnsafeMutableBufferPointer { parameters in
                let base = parameters.baseAddress!
                if let split, count >= 2 {
                    split.forwardBackward(
                        layout: layout, count: count, parameters: base, withMargins: observer != nil,
                        concurrently: concurrentHalves)
                } else {
                    layout.forward(
                        count: count, parameters: base, workspace: workspace, softmax: true, withLoss: false,
                        withMargins: observer != nil)
                    layout.backward(
                        count: count, parameters: base, workspace: workspace,
                        gradient: workspace.gradient, squaredNorms: nil)
                }
            }
            guard batchLoss(workspace, count: count).isFinite else { throw diverged(.loss, epoch: epoch) }
            if let observer {
                for row in 0..<count {
                    correct[row] = workspace.predicted[row] == workspace.labels[row]
                    margins[row] = workspace.margins[row]
                }
                observer.trainingPresented(
                    examples: order[start..<end], correct: correct[0..<count], margins: margins[0..<count], epoch: epoch
                )
                if observer.observesUpdates {
                    observer.trainingWillUpdate(examples: order[start..<end], network: network, epoch: epoch)
                }
            }
            network.parameters.withUnsafeMutableBufferPointer { parameters in
                optimizer.step(parameters: parameters.baseAddress!, gradient: workspace.gradient)
            }
            start = end
        }
        guard network.parameters.allSatisfy(\.isFinite) else { throw diverged(.parameters, epoch: epoch) }
        if epoch == 1 { TestPause.reached(.training) }
        if observer?.trainingReached(epoch: epoch, network: network) == .stop { return epoch }
    }
    return spec.epochs
}

/// Mean cross-entropy −log p_y over the first `count` rows of a batch after a
/// softmax forward pass (p_y floored at the smallest normal Float, so a
/// confidently wrong but finite prediction gives a large finite loss); NaN
/// when any probability is NaN, e.g. after logits overflowed.
private func batchLoss(_ workspace: BatchWorkspace, count: Int) -> Double {
    let classCount = workspace.layerSizes[workspace.layerSizes.count - 1]
    let probabilities = workspace.activation(workspace.layerSizes.count - 1)
    var total = 0.0
    for row in 0..<count {
        for column in 0..<classCount where probabilities[row * classCount + column].isNaN { return .nan }
        let probability = probabilities[row * classCount + workspace.labels[row]]
        total -= Double(log(max(probability, Float.leastNormalMagnitude)))
    }
    return total / Double(count)
}
