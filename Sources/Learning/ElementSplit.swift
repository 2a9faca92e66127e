import CBLAS
import Foundation

/// Splits element-wise work over the two halves of a range and runs them on
/// two cores, when the work is large enough to pay for the hand-off.
///
/// The split changes no result: each element is computed by the same
/// operations whichever half it falls in (callers split only independent
/// elements or rows, never a sum). It is used only while OpenBLAS itself is
/// allowed more than one thread, so code already running one worker per core
/// (parallel seeds, which hold OpenBLAS at one thread) stays on its own core.
enum ElementSplit {
    /// Below this many element operations a range runs on the calling thread.
    /// Measured: splitting the 65k-value passes and the 670k-parameter SGD
    /// step of the 784-512-512-10 MLP gained nothing (OpenBLAS's own worker
    /// thread, spinning between products, competes for the second core),
    /// while splitting the per-example convolution norms of a 256-row GraNd
    /// chunk (≈ 6 M multiply-adds) gained ≈ 10 %.
    static let minimumWork = 1_000_000

    /// Whether work may go to a second core: more than one processor and
    /// OpenBLAS not held at one thread.
    static var mayUseSecondCore: Bool {
        processorCount > 1 && openblas_get_num_threads() > 1
    }

    private static let processorCount = ProcessInfo.processInfo.activeProcessorCount

    /// Calls `body` on `0..<count` at once, or on its two halves `0..<h` and
    /// `h..<count` (`h = count / 2`, rounded down to a multiple of `align`)
    /// concurrently when `count · costPerItem ≥ minimumWork` and
    /// ``mayUseSecondCore``. Returns when both halves are done.
    static func run(count: Int, costPerItem: Int, align: Int = 1, _ body: (Range<Int>) -> Void) {
        let half = (count / 2) / align * align
        guard count * costPerItem >= minimumWork, half > 0, mayUseSecondCore else {
            body(0..<count)
            return
        }
        performConcurrently(iterations: 2) { part in
            body(part == 0 ? 0..<half : half..<count)
        }
    }
}
