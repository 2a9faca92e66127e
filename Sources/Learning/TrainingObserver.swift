/// What the training loop should do after an observer has seen an epoch end.
public enum TrainingDecision: Sendable, Equatable {
    /// Go on with the next epoch (if any remain).
    case proceed
    /// Stop now: the observer has everything it needs.
    case stop
}

/// Watches a training run, e.g. to take scores at given epochs or to count
/// forgetting events. Both methods have do-nothing defaults.
public protocol TrainingObserver: AnyObject {
    /// Called with epoch 0 before any update, then after each epoch
    /// t = 1…epochs with the network as it is at that point.
    /// Return ``TrainingDecision/stop`` to end training early.
    func trainingReached(epoch: Int, network: Network) -> TrainingDecision

    /// Called for each mini-batch of epoch `epoch` (1-based) before its update:
    /// the examples presented (indices into the full feature matrix) and, for
    /// each, whether the batch's own forward pass classified it correctly and
    /// its logit margin z_y − max_{k≠y} z_k in that pass (the parameters
    /// before the batch's update). The slices view the loop's reused buffers:
    /// read them during the call.
    func trainingPresented(examples: ArraySlice<Int>, correct: ArraySlice<Bool>, margins: ArraySlice<Float>, epoch: Int)

    /// Whether ``trainingWillUpdate(examples:network:epoch:)`` should be called
    /// (it hands over the network once per mini-batch). Default `false`.
    var observesUpdates: Bool { get }

    /// Called for each mini-batch of epoch `epoch` (1-based), after
    /// ``trainingPresented(examples:correct:margins:epoch:)`` and before the
    /// update, with the network whose parameters the batch's forward pass used
    /// (e.g. to record the logits of each presentation). Only when
    /// ``observesUpdates`` is `true`.
    func trainingWillUpdate(examples: ArraySlice<Int>, network: Network, epoch: Int)
}

extension TrainingObserver {
    public func trainingReached(epoch: Int, network: Network) -> TrainingDecision { .proceed }
    public func trainingPresented(
        examples: ArraySlice<Int>, correct: ArraySlice<Bool>, margins: ArraySlice<Float>, epoch: Int
    ) {}
    public var observesUpdates: Bool { false }
    public func trainingWillUpdate(examples: ArraySlice<Int>, network: Network, epoch: Int) {}
}
