import DietAuditCore
import Scoring

/// The training examples ordered by one score, once, for every plan of that
/// score: the planner's orders "easiest first" (by hardness h, then tie rank)
/// and "hardest first" (by −h, then tie rank), as positions into the
/// training split.
///
/// Every score-based plan (`keep_hard` with or without offset, `keep_easy`,
/// `class_balanced`, `group_balanced`, `quota`) reads only these two orders,
/// so a run with P policies and F fractions sorts each score once instead of
/// P·F times; each plan is then one linear pass (see
/// ``PruningPlanner/plan(ranking:context:policy:fraction:)``).
///
/// Cost: O(N) memory (4 bytes per example per order, plus transient sort
/// buffers of 12 bytes per example) and a stable least-significant-digit radix
/// sort of the hardness keys (at most four 16-bit passes, fewer when the keys
/// share their high digits), so O(N) time.
public struct ScoreRanking: Sendable, Equatable {
    /// The score's contract name (names the tie stream and the plans).
    public var scoreName: String?
    /// Positions of the training examples, easiest first: increasing h, ties
    /// by increasing tie rank.
    public var easiestFirst: [Int32]
    /// Positions of the training examples, hardest first: decreasing h, ties
    /// by increasing tie rank (so within a tie the order is that of
    /// ``easiestFirst``, not its reverse).
    public var hardestFirst: [Int32]

    /// Each example's class in ``easiestFirst`` order, when attached
    /// (``attachParts(of:)``): `class_balanced` and `quota` then read classes
    /// in sequence instead of jumping through the examples.
    public var labelsInOrder: [Int32]?
    /// Each example's `group_balanced` cell in ``easiestFirst`` order, when attached.
    public var cellsInOrder: [Int32]?

    /// Attaches the classes and cells of `context` in ranking order, for every
    /// plan of this score to share (4 bytes per example each).
    public mutating func attachParts(of context: PlanningContext) {
        precondition(context.labels.count == count, "one label per ranked example")
        labelsInOrder = inOrder(context.labels)
        cellsInOrder = context.cells.map(inOrder)
    }

    /// `values` (one per example) in ``easiestFirst`` order.
    func inOrder(_ values: [Int]) -> [Int32] {
        easiestFirst.map { Int32(truncatingIfNeeded: values[Int($0)]) }
    }

    /// The number of training examples ranked.
    public var count: Int { easiestFirst.count }

    public init(scoreName: String?, easiestFirst: [Int32], hardestFirst: [Int32]) {
        self.scoreName = scoreName
        self.easiestFirst = easiestFirst
        self.hardestFirst = hardestFirst
    }

    /// Ranks `scores` (finite, one per training example) by hardness
    /// `direction.hardness(score)`, ties by key: `tieKeys` is called once
    /// with every example that shares its hardness with another (runs of
    /// equal hardness one after the other, each in position order) and
    /// returns their keys; each run is then ordered by increasing key.
    /// - Precondition: fewer than 2³¹ examples; one key per example asked.
    public init(
        scoreName: String?, scores: [Double], direction: ScoreDirection, tieKeys: ([Int32]) -> [ExampleKey]
    ) {
        precondition(scores.count < Int(Int32.max), "at most 2^31 - 1 examples")
        let count = scores.count
        var positions = (0..<Int32(count)).map { $0 }
        var keys = positions.map { Self.orderedKey(direction.hardness(scores[Int($0)])) }
        Self.radixSort(keys: &keys, positions: &positions)
        var runs: [Range<Int>] = []
        var start = 0
        while start < count {
            var end = start + 1
            while end < count && keys[end] == keys[start] { end += 1 }
            if end - start > 1 { runs.append(start..<end) }
            start = end
        }
        if !runs.isEmpty {
            let tied = runs.flatMap { positions[$0] }
            let tiedKeys = tieKeys(tied)
            precondition(tiedKeys.count == tied.count, "one tie key per tied example")
            var offset = 0
            for run in runs {
                let keysOfRun = tiedKeys[offset..<(offset + run.count)]
                let order = keysOfRun.indices.sorted { tiedKeys[$0] < tiedKeys[$1] }
                positions.replaceSubrange(run, with: order.map { tied[$0] })
                offset += run.count
            }
        }
        self.scoreName = scoreName
        self.hardestFirst = Self.hardestFirst(easiestFirst: positions, sortedKeys: keys)
        self.easiestFirst = positions
    }

    /// A `UInt64` whose unsigned order is the numeric order of the finite
    /// `value` (−0 and +0 give the same key, as they compare equal).
    static func orderedKey(_ value: Double) -> UInt64 {
        let bits = (value + 0.0).bitPattern  // −0 + 0 = +0
        return bits & (1 << 63) != 0 ? ~bits : bits | (1 << 63)
    }

    /// Stable LSD radix sort of `keys`, carrying `positions` along, in 16-bit
    /// digits; a digit every key shares is skipped.
    static func radixSort(keys: inout [UInt64], positions: inout [Int32]) {
        let count = keys.count
        guard count > 1 else { return }
        var otherKeys = [UInt64](repeating: 0, count: count)
        var otherPositions = [Int32](repeating: 0, count: count)
        var counts = [Int](repeating: 0, count: 1 << 16)
        for shift in stride(from: 0, to: 64, by: 16) {
            for index in counts.indices { counts[index] = 0 }
            for key in keys { counts[Int((key >> UInt64(shift)) & 0xFFFF)] += 1 }
            if counts[Int((keys[0] >> UInt64(shift)) & 0xFFFF)] == count { continue }
            var offset = 0
            for digit in counts.indices {
                let size = counts[digit]
                counts[digit] = offset
                offset += size
            }
            for index in 0..<count {
                let key = keys[index]
                let digit = Int((key >> UInt64(shift)) & 0xFFFF)
                let target = counts[digit]
                counts[digit] = target + 1
                otherKeys[target] = key
                otherPositions[target] = positions[index]
            }
            swap(&keys, &otherKeys)
            swap(&positions, &otherPositions)
        }
    }

    /// The hardest-first order from the easiest-first one: the runs of equal
    /// keys in reverse order, each run kept in its own (tie-rank) order.
    static func hardestFirst(easiestFirst: [Int32], sortedKeys: [UInt64]) -> [Int32] {
        var result: [Int32] = []
        result.reserveCapacity(easiestFirst.count)
        var end = easiestFirst.count
        while end > 0 {
            var start = end - 1
            while start > 0 && sortedKeys[start - 1] == sortedKeys[end - 1] { start -= 1 }
            result.append(contentsOf: easiestFirst[start..<end])
            end = start
        }
        return result
    }
}
