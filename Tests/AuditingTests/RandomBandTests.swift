import DietAuditCore
import Testing

@testable import Auditing

/// The random band: quantiles (numpy's linear method), empirical p-values,
/// and the draws themselves.
@Suite struct RandomBandTests {
    /// Reference: Tests/References/random_band.py (numpy.quantile, default method).
    @Test func linearQuantileMatchesNumpy() {
        let values = [0.1, 0.2, 0.4, 0.8, 1.6]
        let expected = [0.11000000000000001, 0.24, 0.4, 0.72, 1.52]
        for (q, value) in zip([0.025, 0.3, 0.5, 0.7, 0.975], expected) {
            #expect(abs(Statistics.linearQuantile(sorted: values, q)! - value) <= 1e-15, "q \(q)")
        }
        #expect(Statistics.linearQuantile(sorted: [], 0.5) == nil)
        #expect(Statistics.linearQuantile(sorted: [2], 0.975) == 2)
        #expect(Statistics.linearQuantile(sorted: [1, 3], 1) == 3)
    }

    /// Fixed draw counts (n = 7, K = 16): band and exact empirical p-values
    /// from Tests/References/random_band.py.
    @Test func bandAndEmpiricalPValuesMatchTheReference() {
        let counts = [3, 1, 4, 1, 5, 2, 6, 2, 3, 5, 0, 4, 3, 7, 2, 3]
        let band = RandomBand(
            fraction: 0.3, attribute: "sex", attributeKind: .attribute, group: "f", n: 7,
            drawRemoved: counts)
        #expect(band.draws == 16 && band.drawRemoved == counts.sorted())
        #expect(abs(band.removalRateLow! - 0.05357142857142857) <= 1e-15)
        #expect(abs(band.removalRateHigh! - 0.9464285714285714) <= 1e-15)
        let expected = [3, 6, 11, 17, 13, 8, 4, 2]  // numerators over 17, observed 0…7
        for (observed, numerator) in expected.enumerated() {
            #expect(band.empiricalPValue(removed: observed) == Double(numerator) / 17, "observed \(observed)")
        }
        let empty = RandomBand(
            fraction: 0.3, attribute: "sex", attributeKind: .attribute, group: "f", n: 7,
            drawRemoved: [])
        #expect(empty.empiricalPValue(removed: 2) == nil && empty.removalRateLow == nil)
    }

    /// 400 draws removing 300 of 1000: a group of 200 has a hypergeometric
    /// removal count; its exact 2.5/97.5% rate quantiles are 0.245 and 0.355
    /// (scipy.stats.hypergeom, Tests/References/random_band.py). The empirical
    /// band lands within 0.02 of them, each draw removes exactly R, and the
    /// draws are the same in parallel or not.
    @Test func drawsFollowTheHypergeometricBand() {
        let train = (0..<1000).map { $0 % 5 == 0 ? 0 : 1 }
        let grouping = Grouping(name: "g", kind: .attribute, groups: ["small", "large"], train: train, test: [])
        let bands = RandomBand.draw(trainCount: 1000, groupings: [grouping], fractions: [0.3], draws: 400, seed: 7)
        #expect(bands.count == 2 && bands.map(\.n) == [200, 800] && bands.allSatisfy { $0.draws == 400 })
        let small = bands[0], large = bands[1]
        #expect(abs(small.removalRateLow! - 0.245) <= 0.02 && abs(small.removalRateHigh! - 0.355) <= 0.02)
        // Every draw removes R = 300: the two groups' counts pair up to 300,
        // so sorted ascending against sorted descending they sum to 300.
        #expect(zip(small.drawRemoved, large.drawRemoved.reversed()).allSatisfy { $0 + $1 == 300 })
        let serial = RandomBand.draw(
            trainCount: 1000, groupings: [grouping], fractions: [0.3], draws: 400, seed: 7,
            parallel: false)
        #expect(serial == bands)
        let otherSeed = RandomBand.draw(trainCount: 1000, groupings: [grouping], fractions: [0.3], draws: 400, seed: 8)
        #expect(otherSeed != bands)
        // A plan removing 0.5 of the small group is far outside: p = 1/401.
        #expect(small.empiricalPValue(removed: 100) == 1.0 / 401)
    }

    /// Draw k: the first m = min(R, N − R) Fisher–Yates steps of stream
    /// "random:<f>:draw<k>" fill the last m positions; they are removed when
    /// R ≤ N − R (f = 0.3), kept otherwise (f = 0.7). The main random plan's
    /// stream is untouched.
    @Test func drawStreamsAreDocumented() {
        let train = (0..<50).map { $0 % 3 == 0 ? 0 : 1 }
        let grouping = Grouping(name: "g", kind: .attribute, groups: ["a", "b"], train: train, test: [])
        let groupSize = train.filter { $0 == 0 }.count
        for (fraction, removedCount) in [(DecimalFraction(0.3), 15), (DecimalFraction(0.7), 35)] {
            let bands = RandomBand.draw(
                trainCount: 50, groupings: [grouping], fractions: [fraction], draws: 3, seed: 1,
                parallel: false)
            var expected: [Int] = []
            for draw in 0..<3 {
                var generator = SeededGenerator(seed: 1, stream: "random:\(fraction.doubleValue):draw\(draw)")
                var positions = Array(0..<50)
                let steps = min(removedCount, 50 - removedCount)
                for last in stride(from: 49, to: 49 - steps, by: -1) {
                    positions.swapAt(last, generator.uniform(below: last + 1))
                }
                let chosen = positions.suffix(steps).filter { train[$0] == 0 }.count
                expected.append(removedCount == steps ? chosen : groupSize - chosen)
            }
            #expect(bands[0].drawRemoved == expected.sorted(), "f \(fraction)")
            #expect(bands[0].drawRemoved.allSatisfy { $0 <= groupSize })
        }
    }
}
