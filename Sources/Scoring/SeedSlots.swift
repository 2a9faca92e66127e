import Foundation

/// Shared storage for the per-seed results of a parallel scoring run.
///
/// Workers claim seed indices one at a time with ``claimNext()`` and store each
/// seed's outcome with ``store(_:at:)``; the caller reads ``outcomes`` after
/// every worker has returned. Every access goes through one lock, so the class
/// is safe to share between threads — which is what `@unchecked Sendable`
/// promises the compiler (it cannot check a lock-based discipline itself).
/// Each slot is written exactly once, by the worker that claimed its index.
final class SeedSlots<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Result<Value, Error>?]
    private var nextIndex = 0

    /// Empty slots for seeds `0..<count`.
    init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    /// The next unclaimed seed index, or `nil` when all are taken.
    func claimNext() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard nextIndex < slots.count else { return nil }
        nextIndex += 1
        return nextIndex - 1
    }

    /// Stores the outcome of seed `index`.
    func store(_ outcome: Result<Value, Error>, at index: Int) {
        lock.lock()
        defer { lock.unlock() }
        precondition(slots[index] == nil, "SeedSlots: seed \(index) stored twice")
        slots[index] = outcome
    }

    /// The outcomes in seed order. - Precondition: every slot filled.
    var outcomes: [Result<Value, Error>] {
        lock.lock()
        defer { lock.unlock() }
        return slots.map { slot in
            guard let slot else { preconditionFailure("SeedSlots: a seed was never run") }
            return slot
        }
    }
}
