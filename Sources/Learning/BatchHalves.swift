import Foundation

/// The training step of a small network as two halves of each batch, so that
/// the halves can run on two cores while OpenBLAS stays at one thread.
///
/// Rows `0 ..< h` and `h ..< n` of a batch of `n` (`h = ⌈n/2⌉`) each get a
/// forward and backward pass through a row view of the batch's workspace
/// (``BatchWorkspace/init(rowsOf:first:capacity:gradient:)``), the first
/// writing its part of the mean-loss gradient to the workspace's gradient, the
/// second to a gradient of its own; then `∇ = ∇_first + ∇_second`, element by
/// element. Each half averages over the whole batch (`1/n`), so the sum is the
/// batch's gradient; only the summation order of the weight gradients differs
/// from one pass over the batch (two partial sums added last).
///
/// The result does not depend on whether the halves ran concurrently: the
/// caller decides by network shape alone whether to use halves (see
/// ``NetworkLayout/prefersOneBLASThread(rows:)``) and by available cores only
/// whether to run them at the same time.
final class BatchHalves {
    /// Forward multiply-adds of one half below which the halves run one
    /// after the other. Measured: the digits MLP (≈ 0.6 M per half of 128)
    /// ran at 2.0 M examples/s sequentially but 1.1 M concurrently (waking a
    /// worker thread costs about as much as the half), the digits CNN
    /// (≈ 5.4 M per half) at 104 k sequentially and 175 k concurrently.
    static let minimumConcurrentWork = 2_000_000

    /// The batch's workspace (the first half's gradient is its gradient).
    let workspace: BatchWorkspace
    /// The second half's gradient, same layout as ``Network/parameters``.
    private let secondGradient: UnsafeMutablePointer<Float>
    private let parameterCount: Int
    /// Views for the last batch size seen (full batches reuse them).
    private var views: (count: Int, first: BatchWorkspace, second: BatchWorkspace)?

    init(workspace: BatchWorkspace, parameterCount: Int) {
        self.workspace = workspace
        self.parameterCount = parameterCount
        secondGradient = .allocate(capacity: parameterCount)
        secondGradient.initialize(repeating: 0, count: parameterCount)
    }

    deinit { secondGradient.deallocate() }

    /// Forward and backward passes over the first `count` rows loaded in the
    /// workspace, as two halves, concurrently when `concurrently`; leaves the
    /// batch's mean-loss gradient in `workspace.gradient` and, like one
    /// forward pass, each row's prediction (and margin with `withMargins`).
    /// - Precondition: `count ≥ 2`.
    func forwardBackward(
        layout: NetworkLayout, count: Int, parameters: UnsafePointer<Float>, withMargins: Bool,
        concurrently: Bool
    ) {
        let (first, second) = halves(count: count)
        let step = { (part: Int) in
            let view = part == 0 ? first : second
            layout.forward(
                count: view.capacity, parameters: parameters, workspace: view, softmax: true,
                withLoss: false, withMargins: withMargins)
            layout.backward(
                count: view.capacity, parameters: parameters, workspace: view, gradient: view.gradient,
                squaredNorms: nil, batchCount: count)
        }
        if concurrently {
            performConcurrently(iterations: 2, step)
        } else {
            step(0)
            step(1)
        }
        VectorKernels.add(secondGradient, into: workspace.gradient, count: parameterCount)
    }

    /// The two row views for a batch of `count` rows (cached for repeated counts).
    private func halves(count: Int) -> (BatchWorkspace, BatchWorkspace) {
        precondition(count >= 2 && count <= workspace.capacity, "a split batch needs 2…capacity rows")
        if let views, views.count == count { return (views.first, views.second) }
        let split = (count + 1) / 2
        let first = BatchWorkspace(rowsOf: workspace, first: 0, capacity: split, gradient: workspace.gradient)
        let second = BatchWorkspace(rowsOf: workspace, first: split, capacity: count - split, gradient: secondGradient)
        views = (count, first, second)
        return (first, second)
    }
}
