import Foundation
import Synchronization

/// A second thread kept for the length of one training run, which runs part 1
/// of each two-part section while the calling thread runs part 0, waking by
/// spinning rather than by the kernel.
///
/// A section of ``SplitBatchStep`` lasts a few hundred microseconds; waking a
/// sleeping `DispatchQueue.concurrentPerform` worker costs tens of
/// microseconds per section on a virtual machine (an inter-processor
/// interrupt and a context switch), four times per batch. The partner instead
/// polls a generation counter: busily for a short while, then yielding the
/// core after each look (`sched_yield`), so that a loaded machine still gets
/// its turn; OpenBLAS's own worker threads wait the same way. The thread ends
/// when the partner is released.
///
/// `@unchecked Sendable`: the job is written by the caller before it
/// publishes a new generation (release) and read by the partner after it
/// sees that generation (acquire); the caller waits for the partner to
/// report the generation done before clearing or replacing the job.
@available(macOS 15.0, *)
final class PartnerThread: @unchecked Sendable {
    /// State shared with the thread (the thread holds this, not the partner,
    /// so that releasing the partner can stop it).
    private final class Shared: @unchecked Sendable {
        let posted = Atomic<Int>(0)
        let finished = Atomic<Int>(0)
        let stopping = Atomic<Bool>(false)
        let exited = Atomic<Bool>(false)
        var job: ((Int) -> Void)?
    }

    /// Busy polls before each wait starts yielding the core.
    static let busyPolls = 4_000

    private let shared = Shared()

    init() {
        let shared = shared
        let thread = Thread {
            var seen = 0
            while true {
                var polls = 0
                while shared.posted.load(ordering: .acquiring) == seen {
                    if shared.stopping.load(ordering: .relaxed) {
                        shared.exited.store(true, ordering: .releasing)
                        return
                    }
                    Self.pause(&polls)
                }
                seen += 1
                shared.job?(1)
                shared.finished.store(seen, ordering: .releasing)
            }
        }
        thread.name = "DietAudit partner"
        thread.start()
    }

    deinit {
        shared.stopping.store(true, ordering: .relaxed)
        var polls = 0
        while !shared.exited.load(ordering: .acquiring) { Self.pause(&polls) }
    }

    /// Runs `body(0)` on the calling thread and `body(1)` on the partner, and
    /// returns when both are done. `body`'s two calls must write disjoint memory.
    func run(_ body: (Int) -> Void) {
        withoutActuallyEscaping(body) { escapable in
            shared.job = escapable
            let generation = shared.posted.add(1, ordering: .releasing).newValue
            escapable(0)
            var polls = 0
            while shared.finished.load(ordering: .acquiring) != generation { Self.pause(&polls) }
            shared.job = nil
        }
    }

    /// One wait step: a busy poll for the first ``busyPolls``, then a yield.
    private static func pause(_ polls: inout Int) {
        if polls < busyPolls {
            polls += 1
        } else {
            sched_yield()
        }
    }
}
