import Foundation

/// `work(j)` for every job index `j` in `0..<count`, results in job order.
///
/// With `parallel` (and more than one job and core) the jobs run on up to
/// `ProcessInfo.activeProcessorCount` workers of
/// `DispatchQueue.concurrentPerform`, each claiming the next unclaimed index,
/// while OpenBLAS is held at one thread (``BLASThreads``); otherwise one after
/// another on the calling thread. `work` must be independent per job and
/// deterministic: the results are then identical either way (the thread count
/// never changes a result). The first error in job order is rethrown.
///
/// Scoring runs its seeds through this, and the error-risk audit its
/// retraining jobs.
public func runParallelJobs<Value>(count: Int, parallel: Bool, _ work: (Int) throws -> Value) throws -> [Value] {
    let workers = min(count, ProcessInfo.processInfo.activeProcessorCount)
    guard parallel, workers > 1 else { return try (0..<count).map(work) }
    let slots = JobSlots<Value>(count: count)
    BLASThreads.shared.enter()
    defer { BLASThreads.shared.leave() }
    performConcurrently(iterations: workers) { _ in
        while let job = slots.claimNext() {
            slots.store(Result { try work(job) }, at: job)
        }
    }
    return try slots.outcomes.map { try $0.get() }
}

/// `first()` and `second()` at once, as the two jobs of
/// ``runParallelJobs(count:parallel:_:)`` (on two cores when there are, else
/// one after the other), and both results. An error of `first` is thrown
/// before one of `second`, as if they had run in order.
public func runBoth<First, Second>(
    parallel: Bool = true, _ first: () throws -> First, _ second: () throws -> Second
) throws -> (First, Second) {
    let results = try runParallelJobs(count: 2, parallel: parallel) { job -> Either<First, Second> in
        job == 0 ? .first(try first()) : .second(try second())
    }
    guard case .first(let firstResult) = results[0], case .second(let secondResult) = results[1] else {
        preconditionFailure("job 0 runs first, job 1 second")
    }
    return (firstResult, secondResult)
}

/// One of two results of ``runBoth(parallel:_:_:)``.
private enum Either<First, Second> {
    case first(First)
    case second(Second)
}

/// Lock-guarded result slots of ``runParallelJobs(count:parallel:_:)``:
/// workers claim indices one at a time and store each outcome once.
/// `@unchecked Sendable`: every access goes through the lock.
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
