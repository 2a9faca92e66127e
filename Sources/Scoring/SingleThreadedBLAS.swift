import CBLAS
import Foundation

/// Keeps OpenBLAS at one thread while any parallel scoring section runs, so
/// that seeds running on separate cores do not each spawn BLAS threads
/// competing for the same cores.
///
/// OpenBLAS's thread count is process-wide; sections may overlap (e.g. two
/// audits in one process), so entries are counted: the first ``enter()``
/// saves the current count and sets 1, the last ``leave()`` restores it.
/// The thread count does not change any result: OpenBLAS splits a product
/// by rows and columns of the output, never along the summed dimension.
/// `@unchecked Sendable`: the lock guards the counter and the saved value.
final class SingleThreadedBLAS: @unchecked Sendable {
    static let shared = SingleThreadedBLAS()
    private let lock = NSLock()
    private var depth = 0
    private var saved: Int32 = 1

    func enter() {
        lock.lock()
        defer { lock.unlock() }
        if depth == 0 {
            saved = openblas_get_num_threads()
            openblas_set_num_threads(1)
        }
        depth += 1
    }

    func leave() {
        lock.lock()
        defer { lock.unlock() }
        depth -= 1
        if depth == 0 { openblas_set_num_threads(saved) }
    }
}
