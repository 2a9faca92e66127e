import Foundation

/// `work(k)` for every seed index `k` in `0..<count`, results in seed order.
///
/// With `parallel` (and more than one seed and core) the seeds run on up to
/// `ProcessInfo.activeProcessorCount` workers of `DispatchQueue.concurrentPerform`,
/// OpenBLAS held at one thread; otherwise one after another on the calling
/// thread. `work` must be independent per seed and deterministic: the results
/// are then identical either way. The first error in seed order is rethrown.
func perSeed<Value>(count: Int, parallel: Bool, _ work: (Int) throws -> Value) throws -> [Value] {
    let workers = min(count, ProcessInfo.processInfo.activeProcessorCount)
    guard parallel, workers > 1 else { return try (0..<count).map(work) }
    let slots = SeedSlots<Value>(count: count)
    SingleThreadedBLAS.shared.enter()
    defer { SingleThreadedBLAS.shared.leave() }
    DispatchQueue.concurrentPerform(iterations: workers) { _ in
        while let seed = slots.claimNext() {
            slots.store(Result { try work(seed) }, at: seed)
        }
    }
    return try slots.outcomes.map { try $0.get() }
}
