import Foundation

/// Forwards progress to another reporter one call at a time, so that jobs
/// running on several threads never call the wrapped reporter concurrently
/// (each `begin`/`advance`/`note` reaches it whole, in some order). For jobs
/// that finish in any order, ``finishedOne(of:)`` counts them and reports
/// `advance(done, of: total)`.
/// `@unchecked Sendable`: the lock serialises every access to `base` and `finished`.
public final class LockedProgress: ProgressReporter, @unchecked Sendable {
    private let base: ProgressReporter
    private let lock = NSLock()
    private var finished = 0

    public init(_ base: ProgressReporter) {
        self.base = base
    }

    public func begin(_ step: String) {
        lock.lock()
        defer { lock.unlock() }
        base.begin(step)
    }

    public func advance(_ done: Int, of total: Int) {
        lock.lock()
        defer { lock.unlock() }
        base.advance(done, of: total)
    }

    public func note(_ message: String) {
        lock.lock()
        defer { lock.unlock() }
        base.note(message)
    }

    /// One more of `total` jobs is done: reports `advance(done, of: total)`
    /// with the count of calls so far.
    public func finishedOne(of total: Int) {
        lock.lock()
        defer { lock.unlock() }
        finished += 1
        base.advance(finished, of: total)
    }
}
