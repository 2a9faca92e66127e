import DietAuditCore
import Foundation

extension ScoreRanking {
    /// The ranks of the run of equal hardness that rank `rank` belongs to.
    /// - Precondition: `0 <= rank < count`.
    public func run(containing rank: Int) -> Range<Int> {
        let start = runStarts.lastSetIndex(atOrBefore: rank) ?? 0
        let end = runStarts.firstSetIndex(after: rank) ?? count
        return start..<end
    }

    /// The ranks of the run containing `rank`, ordered by increasing
    /// ``ExampleKey`` of their examples (the contract's tie order). Computed
    /// the first time any plan asks for this run, then shared.
    public func tieOrder(ofRunContaining rank: Int) -> [Int32] {
        let run = run(containing: rank)
        guard run.count > 1 else { return [Int32(run.lowerBound)] }
        return tieOrders.order(of: run, positions: easiestFirst)
    }

    /// The number of runs whose key order has been computed so far.
    public var resolvedRunCount: Int { tieOrders.resolvedCount }
}

/// The key orders of the runs of equal hardness that plans have cut, shared
/// by every plan of one ranking (and by the copies of the ranking, which
/// share this object), safe to use from several threads at once.
final class TieOrders: @unchecked Sendable {
    private let lock = NSLock()
    /// Run start rank → the run's ranks by increasing key.
    private var orders: [Int: [Int32]] = [:]
    private let tieKeys: @Sendable ([Int32]) -> [ExampleKey]

    init(tieKeys: @escaping @Sendable ([Int32]) -> [ExampleKey]) {
        self.tieKeys = tieKeys
    }

    /// The ranks of `run` (a run of `positions`, the ranking's easiest-first
    /// order) by increasing key of the example at each rank; computed once.
    func order(of run: Range<Int>, positions: [Int32]) -> [Int32] {
        lock.lock()
        defer { lock.unlock() }
        if let known = orders[run.lowerBound] { return known }
        let members = Array(positions[run])
        let keys = tieKeys(members)
        precondition(keys.count == members.count, "one tie key per tied example")
        // Items are offsets into the run; the few equal prefixes are settled from the keys at hand.
        let offsets = KeyOrder.sorted(Array(0..<Int32(keys.count)), prefixes: keys.map(\.leadingBytes)) { tied in
            tied.map { keys[Int($0)] }
        }
        let order = offsets.map { Int32(run.lowerBound) + $0 }
        orders[run.lowerBound] = order
        return order
    }

    /// How many runs have been ordered.
    var resolvedCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return orders.count
    }
}
