import CBLAS
import Foundation

/// Holds OpenBLAS at one thread: while small networks train or score, and
/// while independent jobs run on separate cores (``runParallelJobs(count:parallel:_:)``),
/// so that they do not each spawn BLAS threads competing for the same cores.
///
/// For layers as small as the digits MLP (products of about a million
/// multiply-adds per batch) OpenBLAS's second thread costs more in hand-offs
/// than it computes: one thread was measured 1.4× faster than two. The
/// choice changes no result (OpenBLAS splits a product by rows and columns of
/// its output, never along the summed dimension, and ``ElementSplit`` splits
/// only independent elements).
///
/// OpenBLAS's thread count is process-wide, so this one counter serves the
/// whole process: the first ``enter()`` saves the current count and sets 1,
/// the last ``leave()`` restores it.
/// `@unchecked Sendable`: the lock guards the counter and the saved value.
public final class BLASThreads: @unchecked Sendable {
    /// The process's one counter.
    public static let shared = BLASThreads()
    /// Largest product (`m · n · k` multiply-adds of one `sgemm`) of a batch
    /// for which the network counts as small; measured on the digits MLP
    /// (1.0 M: one thread faster) and CNN (9.4 M: one thread faster) against
    /// the 784-512-512-10 MLP (51 M: two threads faster).
    static let smallProductLimit = 16_000_000

    private let lock = NSLock()
    private var depth = 0
    private var saved: Int32 = 1

    /// Runs `body` with OpenBLAS at one thread when `small`, else as is.
    func run<Result>(oneThread small: Bool, _ body: () throws -> Result) rethrows -> Result {
        guard small else { return try body() }
        enter()
        defer { leave() }
        return try body()
    }

    /// Holds OpenBLAS at one thread until the matching ``leave()``.
    public func enter() {
        lock.lock()
        defer { lock.unlock() }
        if depth == 0 {
            saved = openblas_get_num_threads()
            openblas_set_num_threads(1)
        }
        depth += 1
    }

    /// Ends one ``enter()``; the last one restores the saved thread count.
    public func leave() {
        lock.lock()
        defer { lock.unlock() }
        depth -= 1
        if depth == 0 { openblas_set_num_threads(saved) }
    }
}

extension NetworkLayout {
    /// The largest `sgemm` (in multiply-adds `m · n · k`) of a forward and
    /// backward pass over `rows` examples.
    func largestProduct(rows: Int) -> Int {
        let dense = layers.map { rows * $0.inputs * $0.outputs }
        let blocks = convolutions.map { rows * $0.positions * $0.patchWidth * $0.outputChannels }
        return (dense + blocks).max() ?? 0
    }

    /// Multiply-adds of one example's forward pass through every `sgemm`
    /// (dense layers and convolution blocks).
    var multiplyAddsPerExample: Int {
        layers.reduce(0) { $0 + $1.inputs * $1.outputs }
            + convolutions.reduce(0) { $0 + $1.positions * $1.patchWidth * $1.outputChannels }
    }

    /// Whether batches of `rows` examples run best on one OpenBLAS thread.
    func prefersOneBLASThread(rows: Int) -> Bool {
        largestProduct(rows: rows) <= BLASThreads.smallProductLimit
    }
}
