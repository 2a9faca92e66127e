import Foundation

/// Forwards progress to another reporter one call at a time, so that jobs
/// running on several threads never call the wrapped reporter concurrently
/// (each `begin`/`advance`/`note` reaches it whole, in some order).
/// `@unchecked Sendable`: the lock serialises every access to `base`.
public final class LockedProgress: ProgressReporter, @unchecked Sendable {
    private let base: ProgressReporter
    private let lock = NSLock()

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
}
