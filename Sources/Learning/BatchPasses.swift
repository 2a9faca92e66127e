/// One batch's passes and optimiser step for the training loop, in the two
/// calls it makes around its loss check and observer reports, whatever the
/// ``BatchStrategy``:
///
/// - ``forward(count:parameters:)`` leaves each row's probabilities,
///   prediction (and margin) in the workspace and changes no parameter;
/// - ``backwardAndStep(count:parameters:optimizer:)`` then leaves the batch's
///   mean-loss gradient in `workspace.gradient` and has stepped every
///   parameter once.
///
/// With ``BatchStrategy/whole`` and ``BatchStrategy/halves`` the gradient is
/// formed in the first call (as before there was a split strategy); with
/// ``BatchStrategy/split`` the first call is ``SplitBatchStep``'s section 1 and
/// the second its gradient sections with the step fused.
final class BatchPasses {
    let workspace: BatchWorkspace
    let layout: NetworkLayout
    let strategy: BatchStrategy
    /// Whether the two parts of halves or of a split run on two cores.
    let concurrent: Bool
    let withMargins: Bool
    private let halves: BatchHalves?
    private let split: SplitBatchStep?

    init(
        workspace: BatchWorkspace, layout: NetworkLayout, parameterCount: Int, strategy: BatchStrategy,
        concurrent: Bool, withMargins: Bool
    ) {
        self.workspace = workspace
        self.layout = layout
        self.strategy = strategy
        self.concurrent = concurrent
        self.withMargins = withMargins
        halves = strategy == .halves ? BatchHalves(workspace: workspace, parameterCount: parameterCount) : nil
        split = strategy == .split ? SplitBatchStep(workspace: workspace, concurrently: concurrent) : nil
    }

    /// Whether a batch of `count` rows goes through the split (a single row
    /// cannot be split; it takes one whole pass).
    private func splits(_ count: Int) -> Bool { count >= 2 }

    /// The forward part over the first `count` rows loaded in the workspace.
    func forward(count: Int, parameters: UnsafeMutableBufferPointer<Float>) {
        let base = parameters.baseAddress!
        if let split, splits(count) {
            split.forward(layout: layout, count: count, parameters: base, withMargins: withMargins)
        } else if let halves, splits(count) {
            halves.forwardBackward(
                layout: layout, count: count, parameters: base, withMargins: withMargins, concurrently: concurrent)
        } else {
            layout.forward(
                count: count, parameters: base, workspace: workspace, softmax: true, withLoss: false,
                withMargins: withMargins)
            layout.backward(
                count: count, parameters: base, workspace: workspace, gradient: workspace.gradient,
                squaredNorms: nil)
        }
    }

    /// The rest of the batch after ``forward(count:parameters:)`` on the same
    /// rows: gradient (when not formed yet) and one step of `optimizer`.
    func backwardAndStep<Optimizer: GradientOptimizer>(
        count: Int, parameters: UnsafeMutableBufferPointer<Float>, optimizer: inout Optimizer
    ) {
        let base = parameters.baseAddress!
        guard let split, splits(count) else {
            optimizer.step(parameters: base, gradient: workspace.gradient)
            return
        }
        optimizer.withStepInPieces(parameters: base, gradient: workspace.gradient) { piece in
            guard let piece else { preconditionFailure("the split strategy needs an optimiser that steps in pieces") }
            split.backwardAndStep(layout: layout, count: count, parameters: base, step: piece)
        }
    }
}
