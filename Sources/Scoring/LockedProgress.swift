import DietAuditCore
import Foundation

/// Forwards progress to another reporter one call at a time, so that seeds
/// scored on several threads never call the wrapped reporter concurrently
/// (each `begin`/`advance`/`note` reaches it whole, in some order).
/// `@unchecked Sendable`: the lock serialises every access to `base`.
final class LockedProgress: ProgressReporter, @unchecked Sendable {
    private let base: ProgressReporter
    private let lock = NSLock()

    init(_ base: ProgressReporter) {
        self.base = base
    }

    func begin(_ step: String) {
        lock.lock()
        defer { lock.unlock() }
        base.begin(step)
    }

    func advance(_ done: Int, of total: Int) {
        lock.lock()
        defer { lock.unlock() }
        base.advance(done, of: total)
    }

    func note(_ message: String) {
        lock.lock()
        defer { lock.unlock() }
        base.note(message)
    }
}
