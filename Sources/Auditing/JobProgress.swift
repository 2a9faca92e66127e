import DietAuditCore
import Foundation

/// Reports "job finished" to a ``ProgressReporter`` from any thread: one
/// `advance(done, of: total)` per finished job, calls serialised by a lock so
/// the wrapped reporter is never called concurrently. `@unchecked Sendable`:
/// the lock guards the counter and every call to `base`.
final class JobProgress: @unchecked Sendable {
    private let base: ProgressReporter
    private let total: Int
    private let lock = NSLock()
    private var done = 0

    init(_ base: ProgressReporter, total: Int) {
        self.base = base
        self.total = total
    }

    /// One more job is done.
    func finishedOne() {
        lock.lock()
        defer { lock.unlock() }
        done += 1
        base.advance(done, of: total)
    }
}
