/// How the training loop runs the forward and backward pass of each batch,
/// chosen from the network's shape and the batch size alone
/// (``choose(layout:batchSize:optimizerStepsInPieces:)``), so that a run
/// gives the same bits on any machine; only whether the two parts of a split
/// run at the same time depends on the cores, and that changes no bit.
enum BatchStrategy: Equatable {
    /// One pass over the batch with OpenBLAS at its own thread count, then
    /// one optimiser step (convolutional networks above the small limit, and
    /// optimisers that cannot step in pieces).
    case whole
    /// Small networks: OpenBLAS at one thread, two halves of the batch each
    /// forming a gradient, added (``BatchHalves``).
    case halves
    /// Wide dense networks: OpenBLAS at one thread, rows and output columns
    /// split by ``SplitBatchStep``, the step fused per column block.
    case split

    /// The strategy for batches of `batchSize` rows through `layout`:
    /// ``halves`` when its largest product is at most
    /// ``BLASThreads/smallProductLimit``, else ``split`` for a dense network
    /// whose optimiser steps in pieces, else ``whole``.
    ///
    /// Measured on the 784-512-512-10 MLP (batch 128, SGD, two cores):
    /// ``split`` against ``whole`` in docs/PERFORMANCE.md.
    static func choose(layout: NetworkLayout, batchSize: Int, optimizerStepsInPieces: Bool) -> BatchStrategy {
        if layout.prefersOneBLASThread(rows: batchSize) { return .halves }
        if layout.convolutions.isEmpty && optimizerStepsInPieces && batchSize >= 2 { return .split }
        return .whole
    }

    /// Whether OpenBLAS is held at one thread while training with this strategy.
    var holdsOneBLASThread: Bool { self != .whole }
}
