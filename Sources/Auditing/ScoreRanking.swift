import DietAuditCore
import Scoring

/// The training examples ordered by one score, once, for every plan of that
/// score: "easiest first" means by hardness h, ties by increasing
/// ``ExampleKey``; "hardest first" by −h, ties again by increasing key (so
/// within a tie the order is not reversed).
///
/// Every score-based plan (`keep_hard` with or without offset, `keep_easy`,
/// `class_balanced`, `group_balanced`, `quota`) reads only this ranking, so a
/// run with P policies and F fractions sorts each score once instead of P·F
/// times; each plan is then one linear pass (see
/// ``PruningPlanner/plan(ranking:context:policy:fraction:seed:)``).
///
/// **Ties are resolved lazily.** A plan takes whole runs of equal hardness
/// except at its cut points, and only there does the order inside a run
/// matter. So ``easiestFirst`` holds each run in position order, and a run's
/// key order is computed (its members' keys hashed and sorted) only when a
/// plan cuts it, once per run for all plans (``TieOrders``). On a score with
/// ten million examples in runs of a few each that is a few hundred keys
/// instead of ten million; a heavily tied score (forgetting counts) still
/// hashes only the runs a cut falls in. The plans are exactly those of a
/// ranking with every tie resolved up front (tested against such a reference).
///
/// Cost: O(N) memory (4 bytes per example, one bit per example for the run
/// starts, plus transient sort buffers of 12 bytes per example) and a stable
/// least-significant-digit radix sort of the hardness keys (at most four
/// 16-bit passes, fewer when the keys share their high digits), so O(N) time.
public struct ScoreRanking: Sendable {
    /// The score's contract name (names the tie stream and the plans).
    public var scoreName: String?
    /// Positions of the training examples by increasing h; inside a run of
    /// equal h in increasing position (the runs' key orders come from
    /// ``tieOrder(ofRunContaining:)``).
    public var easiestFirst: [Int32]
    /// Bit k is set when rank k of ``easiestFirst`` starts a run of equal
    /// hardness (bit 0 always, for a non-empty ranking).
    public var runStarts: ExampleBitSet
    /// The key order of the runs plans cut, computed on demand and shared.
    let tieOrders: TieOrders

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

    /// Ranks `scores` (finite, one per training example) by hardness
    /// `direction.hardness(score)`. `tieKeys` gives the keys of the examples
    /// at the positions it is handed (one key each, in that order); it is
    /// called only for the runs of equal hardness a plan cuts, at most once
    /// per run, possibly from several threads.
    /// - Precondition: fewer than 2³¹ examples.
    public init(
        scoreName: String?, scores: [Double], direction: ScoreDirection,
        tieKeys: @escaping @Sendable ([Int32]) -> [ExampleKey]
    ) {
        precondition(scores.count < Int(Int32.max), "at most 2^31 - 1 examples")
        let count = scores.count
        var positions = (0..<Int32(count)).map { $0 }
        var keys = positions.map { Self.orderedKey(direction.hardness(scores[Int($0)])) }
        Self.radixSort(keys: &keys, positions: &positions)
        var runStarts = ExampleBitSet(count: count)
        if count > 0 { runStarts.insert(0) }
        for rank in keys.indices.dropFirst() where keys[rank] != keys[rank - 1] { runStarts.insert(rank) }
        self.scoreName = scoreName
        self.easiestFirst = positions
        self.runStarts = runStarts
        self.tieOrders = TieOrders(tieKeys: tieKeys)
    }

    /// A `UInt64` whose unsigned order is the numeric order of the finite
    /// `value` (−0 and +0 give the same key, as they compare equal).
    static func orderedKey(_ value: Double) -> UInt64 {
        let bits = (value + 0.0).bitPattern  // −0 + 0 = +0
        return bits & (1 << 63) != 0 ? ~bits : bits | (1 << 63)
    }

    /// Stable LSD radix sort of `keys`, carrying `positions` along, in 16-bit
    /// digits; a digit every key shares is skipped.
    static func radixSort<Key: FixedWidthInteger & UnsignedInteger>(keys: inout [Key], positions: inout [Int32]) {
        let count = keys.count
        guard count > 1 else { return }
        var otherKeys = [Key](repeating: 0, count: count)
        var otherPositions = [Int32](repeating: 0, count: count)
        var counts = [Int](repeating: 0, count: 1 << 16)
        for shift in stride(from: 0, to: Key.bitWidth, by: 16) {
            for index in counts.indices { counts[index] = 0 }
            for key in keys { counts[Int(truncatingIfNeeded: key >> shift) & 0xFFFF] += 1 }
            if counts[Int(truncatingIfNeeded: keys[0] >> shift) & 0xFFFF] == count { continue }
            var offset = 0
            for digit in counts.indices {
                let size = counts[digit]
                counts[digit] = offset
                offset += size
            }
            for index in 0..<count {
                let key = keys[index]
                let digit = Int(truncatingIfNeeded: key >> shift) & 0xFFFF
                let target = counts[digit]
                counts[digit] = target + 1
                otherKeys[target] = key
                otherPositions[target] = positions[index]
            }
            swap(&keys, &otherKeys)
            swap(&positions, &otherPositions)
        }
    }
}
