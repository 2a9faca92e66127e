import DietAuditCore
import Learning

extension RandomBand {
    /// The bands of every (fraction, grouping, group with n > 0), in fraction,
    /// grouping and group order, from `draws` random plans per fraction (see
    /// ``RandomBand``). Each draw only counts removals per group: no plan is
    /// kept. Cost: per fraction, `draws` permutations of N plus R × groupings
    /// counter increments per draw. Draws run in parallel when `parallel`
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
        let offsets = groupings.reduce(into: [0]) { $0.append($0.last! + $1.groups.count) }
        var bands: [RandomBand] = []
        for fraction in fractions {
            let removedCount = fraction.roundedHalfEven(times: trainCount)
            // counts[k][offsets[g] + group]: members of that group removed by draw k.
            let counts = countEachDraw(draws: draws, parallel: parallel) { draw in
                var generator = SeededGenerator(seed: seed, stream: "random:\(fraction.doubleValue):draw\(draw)")
                var tally = [Int](repeating: 0, count: offsets.last!)
                for example in generator.permutation(count: trainCount).prefix(removedCount) {
                    for (position, grouping) in groupings.enumerated() {
                        tally[offsets[position] + grouping.train[example]] += 1
                    }
                }
                return tally
            }
            for (position, grouping) in groupings.enumerated() {
                let sizes = grouping.trainCounts
                for group in grouping.groups.indices where sizes[group] > 0 {
                    bands.append(RandomBand(
                        fraction: fraction.doubleValue, attribute: grouping.name, attributeKind: grouping.kind,
                        group: grouping.groups[group], n: sizes[group],
                        drawRemoved: counts.map { $0[offsets[position] + group] }))
                }
            }
        }
        return bands
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
