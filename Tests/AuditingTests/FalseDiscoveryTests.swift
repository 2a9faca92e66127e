import Testing

@testable import Auditing

/// Benjamini–Hochberg against `scipy.stats.false_discovery_control(p, method='bh')`
/// (scipy 1.17.1; Tests/References/bh.py).
@Suite struct FalseDiscoveryTests {
    @Test func matchesScipyWithTiesAndUnsortedInput() {
        let cases: [([Double], [Double])] = [
            (
                [0.01, 0.04, 0.03, 0.04, 0.5, 0.001, 0.2, 0.04],
                [
                    0.04, 0.05333333333333333, 0.05333333333333333, 0.05333333333333333, 0.5, 0.008,
                    0.22857142857142856, 0.05333333333333333,
                ]
            ),
            (
                [0.9, 0.2, 0.2, 0.6, 0.0005, 1.0, 0.03],
                [1.0, 0.35000000000000003, 0.35000000000000003, 0.84, 0.0035, 1.0, 0.105]
            ),
            ([0.3], [0.3]),
        ]
        for (p, expected) in cases {
            let q = Statistics.benjaminiHochberg(p)
            #expect(q.count == expected.count)
            for (value, reference) in zip(q, expected) {
                #expect(isClose(value, reference, relative: 1e-12), "\(q) vs scipy \(expected)")
            }
        }
        #expect(Statistics.benjaminiHochberg([]).isEmpty)
    }

    /// q ≥ p, order-preserving, and permuting the input permutes the output.
    @Test func propertiesHold() {
        let p = [0.2, 0.001, 0.04, 0.04, 0.7, 0.013]
        let q = Statistics.benjaminiHochberg(p)
        for i in p.indices {
            #expect(q[i] >= p[i])
            for j in p.indices where p[i] < p[j] { #expect(q[i] <= q[j]) }
        }
        let reversed = Statistics.benjaminiHochberg(Array(p.reversed()))
        #expect(reversed == Array(q.reversed()))
    }
}
