/// The training step of a wide dense network split over two cores by
/// DietAudit itself, with OpenBLAS held at one thread: every wide product is
/// split by the columns of its output, and each column block's optimiser
/// step runs right after its gradient.
///
/// OpenBLAS's own two-thread `sgemm` hands work to its second thread in each
/// of the 7 products of a 784-512-512-10 batch, and the element-wise passes
/// and the SGD step around them run on one core. Here each part (0 and 1) of
/// a two-way section takes one block of output columns (``columns(of:part:)``),
/// so the parts write disjoint memory, pack only their own block of the
/// weights, and nothing is added up afterwards:
///
/// 1. ``forward(layout:count:parameters:withMargins:)``: one section per wide
///    layer (`a_l[:, block] = a_{l−1} · W_l[:, block]`, bias, ReLU); narrow
///    layers (the 10 classes), the softmax, the output deltas and the deltas
///    below a narrow top layer run on the calling thread.
/// 2. ``backwardAndStep(layout:count:parameters:step:)``, per layer from the
///    top: each part forms the weight and bias gradient of its block of the
///    layer's output columns with one product over all `n` rows (`k = n`)
///    and steps those parameters at once, while forming its block of the
///    deltas one layer further down (from weights not stepped yet). When no
///    deltas are left to form, the remaining layers go in one last section.
///
/// Between the two calls the caller checks the batch loss and reports the
/// presentations, before any parameter changes. Each gradient element is the
/// same sum over all `n` rows as in
/// ``NetworkLayout/backward(count:parameters:workspace:gradient:squaredNorms:convolutionNorms:batchCount:)``
/// and each activation the same dot product, up to OpenBLAS's blocking of a
/// narrower product; whether the parts run concurrently changes nothing (the
/// blocks are fixed by the layer widths). The second part runs on a
/// ``PartnerThread`` for the whole run. Used for dense networks whose largest
/// product is above ``BLASThreads/smallProductLimit`` (see ``BatchStrategy``).
final class SplitBatchStep {
    /// The batch's workspace (the gradient is written to its gradient).
    let workspace: BatchWorkspace
    /// Whether the two parts of each section run on two cores.
    let concurrently: Bool
    /// The thread running part 1 of each section when `concurrently`
    /// (a ``PartnerThread``; typed loosely for its availability on macOS).
    private let partner: AnyObject?

    /// A split over `workspace`'s rows, with a partner thread for the length
    /// of this object's life when `concurrently`.
    init(workspace: BatchWorkspace, concurrently: Bool) {
        self.workspace = workspace
        self.concurrently = concurrently
        if concurrently, #available(macOS 15.0, *) {
            partner = PartnerThread()
        } else {
            partner = nil
        }
    }

    /// Section 1 over the first `count` rows loaded in the workspace: the
    /// forward pass (softmax, predictions, margins with `withMargins`), the
    /// output deltas and, with two or more layers, the deltas below the top.
    /// Wide layers are split by output columns (one two-way section each);
    /// narrow ones run on the calling thread.
    /// - Precondition: `count ≥ 1`, a dense network.
    func forward(layout: NetworkLayout, count: Int, parameters: UnsafePointer<Float>, withMargins: Bool) {
        for index in layout.layers.indices {
            let outputs = layout.layers[index].outputs
            run(narrow: Self.isNarrow(outputs)) { part in
                layout.forwardColumns(
                    ofLayer: index, columns: Self.columns(of: outputs, part: part), count: count,
                    parameters: parameters, workspace: workspace)
            }
        }
        layout.outputs(count: count, workspace: workspace, softmax: true, withLoss: false, withMargins: withMargins)
        layout.outputDeltas(count: count, workspace: workspace)
        let top = layout.layers.count - 1
        guard top >= 1 else { return }
        inputDeltas(layout: layout, ofLayer: top, count: count, parameters: parameters)
    }

    /// Sections 2 and after: every layer's mean-loss gradient (left in
    /// `workspace.gradient`) and the optimiser's step, through `step`, of
    /// every parameter exactly once.
    /// - Precondition: ``forward(layout:count:parameters:withMargins:)``
    ///   ran on the same `count` rows and parameters.
    func backwardAndStep(layout: NetworkLayout, count: Int, parameters: UnsafeMutablePointer<Float>, step: StepPiece) {
        let scale = 1 / Float(count)
        let gradient = workspace.gradient
        var layer = layout.layers.count - 1
        while layer >= 0 {
            // Deltas below `layer − 1` are still needed: form them beside this layer's step.
            let deltasBelow = layer - 1 >= 1 ? layer - 1 : nil
            let stepped = deltasBelow == nil ? Array((0...layer).reversed()) : [layer]
            run(narrow: false) { part in
                for index in stepped {
                    layout.weightGradientStep(
                        ofLayer: index, columns: Self.columns(of: layout.layers[index].outputs, part: part),
                        count: count, scale: scale, workspace: workspace, gradient: gradient, step: step)
                }
                if let deltasBelow {
                    layout.inputDeltaColumns(
                        ofLayer: deltasBelow, columns: Self.columns(of: layout.layers[deltasBelow].inputs, part: part),
                        count: count, parameters: parameters, workspace: workspace)
                }
            }
            layer = deltasBelow ?? -1
        }
    }

    /// The deltas below layer `index`, split by their columns (the layer's
    /// inputs) unless the layer is narrow (its weights are then few).
    private func inputDeltas(layout: NetworkLayout, ofLayer index: Int, count: Int, parameters: UnsafePointer<Float>) {
        let narrow = Self.isNarrow(layout.layers[index].outputs)
        let inputs = layout.layers[index].inputs
        run(narrow: narrow) { part in
            layout.inputDeltaColumns(
                ofLayer: index,
                columns: narrow ? (part == 0 ? 0..<inputs : 0..<0) : Self.columns(of: inputs, part: part),
                count: count, parameters: parameters, workspace: workspace)
        }
    }

    /// Part `part`'s block of `outputs` columns: `0 ..< h` and `h ..< outputs`
    /// with `h` half the columns rounded down to whole vectors (16 floats), so
    /// that each block's rows start on a vector boundary; a layer narrower
    /// than two vectors (the 10 classes) goes whole to part 1.
    static func columns(of outputs: Int, part: Int) -> Range<Int> {
        let split = (outputs / 2) / VectorKernels.lanes * VectorKernels.lanes
        return part == 0 ? 0..<split : split..<outputs
    }

    /// Whether a layer of `outputs` columns is too narrow to split.
    static func isNarrow(_ outputs: Int) -> Bool { columns(of: outputs, part: 0).isEmpty }

    /// Runs `body(0)` and `body(1)`, on two cores when `concurrently` and not `narrow`.
    private func run(narrow: Bool, _ body: (Int) -> Void) {
        if !narrow, #available(macOS 15.0, *), let partner = partner as? PartnerThread {
            partner.run(body)
        } else if concurrently && !narrow {
            performConcurrently(iterations: 2, body)
        } else {
            body(0)
            body(1)
        }
    }
}
