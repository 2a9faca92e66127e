import CBLAS
import DietAuditCore
import Foundation

/// `work(j)` for every job index `j` in `0..<count`, results in job order.
///
/// With `parallel` (and more than one job and core) the jobs run on up to
/// `ProcessInfo.activeProcessorCount` workers of
/// `DispatchQueue.concurrentPerform`, each claiming the next unclaimed index,
/// while OpenBLAS is held at one thread (``BLASThreadLimit``); otherwise one
/// after another on the calling thread. `work` must be independent per job and
/// deterministic: the results are then identical either way. The first error
/// in job order is rethrown. (The same scheme as Scoring's per-seed runner,
/// which is internal to Scoring.)
func runJobs<Value>(count: Int, parallel: Bool, _ work: (Int) throws -> Value) throws -> [Value] {
    let workers = min(count, ProcessInfo.processInfo.activeProcessorCount)
    guard parallel, workers > 1 else { return try (0..<count).map(work) }
    let slots = JobSlots<Value>(count: count)
    BLASThreadLimit.shared.enter()
    defer { BLASThreadLimit.shared.leave() }
    DispatchQueue.concurrentPerform(iterations: workers) { _ in
        while let job = slots.claimNext() {
            slots.store(Result { try work(job) }, at: job)
        }
    }
    return try slots.outcomes.map { try $0.get() }
}

/// Lock-guarded result slots of ``runJobs(count:parallel:_:)``: workers claim
/// indices one at a time and store each outcome once. `@unchecked Sendable`:
/// every access goes through the lock.
final class JobSlots<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Result<Value, Error>?]
    private var nextIndex = 0

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    /// The next unclaimed job index, or `nil` when all are taken.
    func claimNext() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard nextIndex < slots.count else { return nil }
        nextIndex += 1
        return nextIndex - 1
    }

    /// Stores the outcome of job `index` (once).
    func store(_ outcome: Result<Value, Error>, at index: Int) {
        lock.lock()
        defer { lock.unlock() }
        precondition(slots[index] == nil, "JobSlots: job \(index) stored twice")
        slots[index] = outcome
    }

    /// The outcomes in job order. - Precondition: every slot filled.
    var outcomes: [Result<Value, Error>] {
        lock.lock()
        defer { lock.unlock() }
        return slots.map { slot in
            guard let slot else { preconditionFailure("JobSlots: a job was never run") }
            return slot
        }
    }
}

/// Keeps OpenBLAS at one thread while parallel retraining runs, so the jobs
/// on separate cores do not each spawn BLAS threads. Entries are counted: the
/// first ``enter()`` saves the thread count and sets 1, the last ``leave()``
/// restores it. The thread count never changes a result (OpenBLAS splits a
/// product along the output, not the summed dimension). `@unchecked Sendable`:
/// the lock guards the counter and the saved value.
final class BLASThreadLimit: @unchecked Sendable {
    static let shared = BLASThreadLimit()
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
