import Foundation
import Testing

@testable import Learning

/// The partner thread runs part 1 of every section on another thread, each
/// section only after the previous one finished on both sides.
@Suite struct PartnerThreadTests {
    @Test func runsEachSectionOnBothThreadsInOrder() throws {
        guard #available(macOS 15.0, *) else { return }
        let partner = PartnerThread()
        let sections = 2_000
        var seen = [[Int]](repeating: [], count: 2)
        var partnerThreads = Set<String>()
        let caller = "\(Thread.current)"
        for section in 0..<sections {
            seen.withUnsafeMutableBufferPointer { slots in
                partner.run { part in
                    // Disjoint writes: each part appends to its own slot.
                    slots[part].append(section)
                }
            }
            // After `run` returns, both parts of this section are done.
            #expect(seen[0].last == section && seen[1].last == section)
            if section % 500 == 0 {
                partner.run { part in if part == 1 { partnerThreads.insert("\(Thread.current)") } }
            }
        }
        #expect(seen[0] == Array(0..<sections) && seen[1] == Array(0..<sections))
        #expect(partnerThreads.count == 1 && !partnerThreads.contains(caller), "part 1 runs on one other thread")
    }
}
