import DietAuditCore
import Learning

extension RandomBand {
    /// The bands of every (fraction, grouping, group with n > 0), in fraction,
    /// grouping and group order, from `draws` random plans per fraction.
    ///
    /// Draw k of fraction f removes R = round(f·N) examples chosen uniformly
    /// by a partial Fisher–Yates shuffle driven by
    /// `SeededGenerator(seed: seed, stream: "random:<f>:draw<k>")` (`<f>` as
    /// in the `random` plan's stream): with m = min(R, N − R), the first m
    /// steps of ``DietAuditCore/SeededGenerator/shuffle(_:)`` applied to
    /// 0..<N (from the last position down) fill the last m positions; those m
    /// examples are the removed ones when R ≤ N − R, else the kept ones. So a
    /// draw costs m ≤ N/2 random numbers.
    ///
    /// Each draw only counts removals per cell of the combined groupings (every
    /// group of every grouping is a union of cells), then per group: no plan
    /// and no per-draw row is kept. Draws run in parallel when `parallel`
    /// (same results either way).
    ///
    /// - Parameters:
    ///   - trainCount: N, the number of training examples.
    ///   - groupings: the groupings audited; each `train` has N entries.
    ///   - fractions: the plan fractions, exact.
    ///   - draws: K ≥ 1.
    ///   - seed: the audit's base seed.
    public static func draw(
        trainCount: Int, groupings: [Grouping], fractions: [DecimalFraction], draws: Int, seed: UInt64,
        parallel: Bool = true
    ) -> [RandomBand] {
        precondition(draws >= 1, "at least one draw")
        precondition(groupings.allSatisfy { $0.train.count == trainCount }, "every grouping covers the training split")
        let cells = CombinedCells(groupings: groupings, trainCount: trainCount)
        var bands: [RandomBand] = []
        for fraction in fractions {
            let removedCount = fraction.roundedHalfEven(times: trainCount)
            let perDraw = countEachDraw(draws: draws, parallel: parallel) { draw in
                cells.removedPerCell(
                    removedCount: removedCount,
                    generator: SeededGenerator(seed: seed, stream: "random:\(fraction.doubleValue):draw\(draw)"))
            }
            for (position, grouping) in groupings.enumerated() {
                let sizes = grouping.trainCounts
                let perGroup = perDraw.map {
                    cells.groupCounts($0, grouping: position, groupCount: grouping.groups.count)
                }
                for group in grouping.groups.indices where sizes[group] > 0 {
                    bands.append(
                        RandomBand(
                            fraction: fraction.doubleValue, attribute: grouping.name, attributeKind: grouping.kind,
                            group: grouping.groups[group], n: sizes[group], drawRemoved: perGroup.map { $0[group] }))
                }
            }
        }
        return bands
    }
}

/// The finest partition of the training examples that every grouping is a
/// union of: examples share a cell when they share a group in every grouping.
private struct CombinedCells: Sendable {
    /// Cell of each training example.
    let cellOf: [Int]
    /// Examples in each cell.
    let sizes: [Int]
    /// `groupOf[cell][grouping]`: the cell's group in that grouping.
    let groupOf: [[Int]]

    init(groupings: [Grouping], trainCount: Int) {
        var numbers: [[Int]: Int] = [:]
        var groupOf: [[Int]] = []
        var cellOf = [Int](repeating: 0, count: trainCount)
        for example in 0..<trainCount {
            let key = groupings.map { $0.train[example] }
            if let number = numbers[key] {
                cellOf[example] = number
            } else {
                numbers[key] = groupOf.count
                cellOf[example] = groupOf.count
                groupOf.append(key)
            }
        }
        var sizes = [Int](repeating: 0, count: groupOf.count)
        for cell in cellOf { sizes[cell] += 1 }
        self.cellOf = cellOf
        self.sizes = sizes
        self.groupOf = groupOf
    }

    /// Removed examples per cell of one draw (see
    /// ``RandomBand/draw(trainCount:groupings:fractions:draws:seed:parallel:)``).
    func removedPerCell(removedCount: Int, generator: SeededGenerator) -> [Int] {
        var generator = generator
        let count = cellOf.count
        let choosesRemoved = removedCount <= count - removedCount
        let steps = choosesRemoved ? removedCount : count - removedCount
        var positions = Array(0..<count)
        var tally = [Int](repeating: 0, count: sizes.count)
        cellOf.withUnsafeBufferPointer { cellOf in
            positions.withUnsafeMutableBufferPointer { positions in
                tally.withUnsafeMutableBufferPointer { tally in
                    var last = count - 1
                    for _ in 0..<steps {
                        let other = generator.uniform(below: last + 1)
                        positions.swapAt(last, other)
                        tally[cellOf[positions[last]]] += 1
                        last -= 1
                    }
                }
            }
        }
        return choosesRemoved ? tally : zip(sizes, tally).map { $0 - $1 }
    }

    /// Per-cell counts summed into the groups of grouping `grouping`.
    func groupCounts(_ perCell: [Int], grouping: Int, groupCount: Int) -> [Int] {
        var counts = [Int](repeating: 0, count: groupCount)
        for (cell, value) in perCell.enumerated() { counts[groupOf[cell][grouping]] += value }
        return counts
    }
}

/// `tally(k)` for every draw k, in parallel or not (same results). The work
/// cannot fail, so an error here is a programming error.
private func countEachDraw(draws: Int, parallel: Bool, _ tally: (Int) -> [Int]) -> [[Int]] {
    do {
        return try runParallelJobs(count: draws, parallel: parallel) { tally($0) }
    } catch {
        preconditionFailure("counting random draws cannot fail: \(error)")
    }
}
