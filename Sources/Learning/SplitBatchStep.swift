/// The training step of a wide dense network split over two cores by
/// DietAudit itself, with OpenBLAS held at one thread: rows for the forward
/// pass and the input deltas, output columns for the weight gradients, and
/// each column block's optimiser step fused right after its gradient.
///
/// OpenBLAS's own two-thread `sgemm` hands work to its second thread in each
/// of the 7 products of a 784-512-512-10 batch (≈ 17 % of the time in
/// `sched_yield` and the scheduler), and the element-wise passes and the SGD
/// step around them run on one core. Here one batch of `n` rows takes three
/// two-way sections (`h = ⌈n/2⌉`, part 0 and part 1):
///
/// 1. ``forward(layout:count:parameters:withMargins:concurrently:)``: rows
///    `0 ..< h` and `h ..< n` each go through the forward pass, the output
///    deltas and the deltas below the last layer (products of `h` rows).
/// 2. ``backwardAndStep(layout:count:parameters:step:concurrently:)``, per
///    layer from the top: each part forms the weight and bias gradient of
///    its own block of output columns with one product over all `n` rows
///    (`k = n`, disjoint memory, nothing to add up afterwards) and steps
///    those parameters at once, while forming the deltas one layer further
///    down for its rows (from weights not stepped yet). When no deltas are
///    left to form, the remaining layers' blocks go in one last section.
///
/// Between the two calls the caller checks the batch loss and reports the
/// presentations, before any parameter changes. Each gradient element is the
/// same sum over all `n` rows as in ``NetworkLayout/backward(count:parameters:workspace:gradient:squaredNorms:convolutionNorms:batchCount:)``,
/// and each forward row the same as in one pass over the batch; whether the
/// parts run concurrently changes nothing (the parts are fixed by the batch
/// and the layer widths). Used for dense networks whose largest product is
/// above ``BLASThreads/smallProductLimit`` (see ``BatchStrategy``).
final class SplitBatchStep {
    /// The batch's workspace (the gradient is written to its gradient).
    let workspace: BatchWorkspace
    /// Row views for the last batch size seen (full batches reuse them).
    private var views: (count: Int, first: BatchWorkspace, second: BatchWorkspace)?

    init(workspace: BatchWorkspace) {
        self.workspace = workspace
    }

    /// Section 1 over the first `count` rows loaded in the workspace: the
    /// forward pass (softmax, predictions, margins with `withMargins`), the
    /// output deltas and, with two or more layers, the deltas below the top.
    /// - Precondition: `count ≥ 2`, a dense network.
    func forward(
        layout: NetworkLayout, count: Int, parameters: UnsafePointer<Float>, withMargins: Bool, concurrently: Bool
    ) {
        let (first, second) = halves(count: count)
        let top = layout.layers.count - 1
        run(concurrently: concurrently) { part in
            let view = part == 0 ? first : second
            layout.forward(
                count: view.capacity, parameters: parameters, workspace: view, softmax: true, withLoss: false,
                withMargins: withMargins)
            layout.outputDeltas(count: view.capacity, workspace: view)
            if top >= 1 {
                layout.inputDeltas(ofLayer: top, count: view.capacity, parameters: parameters, workspace: view)
            }
        }
    }

    /// Sections 2 and after: every layer's mean-loss gradient (left in
    /// `workspace.gradient`) and the optimiser's step, through `step`, of
    /// every parameter exactly once.
    /// - Precondition: ``forward(layout:count:parameters:withMargins:concurrently:)``
    ///   ran on the same `count` rows and parameters.
    func backwardAndStep(
        layout: NetworkLayout, count: Int, parameters: UnsafeMutablePointer<Float>, step: StepPiece,
        concurrently: Bool
    ) {
        let (first, second) = halves(count: count)
        let scale = 1 / Float(count)
        let gradient = workspace.gradient
        var layer = layout.layers.count - 1
        while layer >= 0 {
            // Deltas below `layer − 1` are still needed: form them beside this layer's step.
            let deltasBelow = layer - 1 >= 1 ? layer - 1 : nil
            let stepped = deltasBelow == nil ? Array((0...layer).reversed()) : [layer]
            run(concurrently: concurrently) { part in
                for index in stepped {
                    layout.weightGradientStep(
                        ofLayer: index, columns: Self.columns(of: layout.layers[index].outputs, part: part),
                        count: count, scale: scale, workspace: workspace, gradient: gradient, step: step)
                }
                if let deltasBelow {
                    let view = part == 0 ? first : second
                    layout.inputDeltas(
                        ofLayer: deltasBelow, count: view.capacity, parameters: parameters, workspace: view)
                }
            }
            layer = deltasBelow ?? -1
        }
    }

    /// Part `part`'s block of `outputs` columns: `0 ..< h` and `h ..< outputs`
    /// with `h` half the columns rounded down to whole vectors (16 floats), so
    /// that each block's rows start on a vector boundary; a layer narrower
    /// than two vectors (the 10 classes) goes whole to part 1, whose rows
    /// are otherwise no more work than part 0's.
    static func columns(of outputs: Int, part: Int) -> Range<Int> {
        let split = (outputs / 2) / VectorKernels.lanes * VectorKernels.lanes
        return part == 0 ? 0..<split : split..<outputs
    }

    /// Runs `body(0)` and `body(1)`, on two cores when `concurrently`.
    private func run(concurrently: Bool, _ body: (Int) -> Void) {
        if concurrently {
            performConcurrently(iterations: 2, body)
        } else {
            body(0)
            body(1)
        }
    }

    /// The two row views for a batch of `count` rows (cached for repeated counts).
    private func halves(count: Int) -> (BatchWorkspace, BatchWorkspace) {
        precondition(count >= 2 && count <= workspace.capacity, "a split batch needs 2…capacity rows")
        if let views, views.count == count { return (views.first, views.second) }
        let split = (count + 1) / 2
        let first = BatchWorkspace(rowsOf: workspace, first: 0, capacity: split, gradient: workspace.gradient)
        let second = BatchWorkspace(
            rowsOf: workspace, first: split, capacity: count - split, gradient: workspace.gradient)
        views = (count, first, second)
        return (first, second)
    }
}
