import Foundation

/// Runs `body(i)` for every `i` in `0..<iterations` on
/// `DispatchQueue.concurrentPerform` and returns when all have finished.
///
/// Unlike `concurrentPerform` itself, `body` need not be `@Sendable`. That is
/// the point and the obligation: the kernels that split a batch or a matrix
/// in two (``ElementSplit``, batch halves, gradient norms) and the job runner
/// (``runParallelJobs(count:parallel:_:)``) capture unsafe pointers and
/// workspaces that Swift cannot prove race-free, and each caller guarantees
/// instead that different iterations read shared memory only and write
/// disjoint memory (rows `0..<h` versus `h..<n`, one result slot per job).
/// The closure does not escape: this function returns only after every
/// iteration has run.
func performConcurrently(iterations: Int, _ body: (Int) -> Void) {
    withoutActuallyEscaping(body) { escapable in
        let shared = UncheckedSendable(escapable)
        DispatchQueue.concurrentPerform(iterations: iterations) { shared.value($0) }
    }
}

/// A value handed across threads by ``performConcurrently(iterations:_:)``
/// under the caller's guarantee that the threads' accesses do not race.
struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value

    init(_ value: Value) {
        self.value = value
    }
}
