import Testing

@testable import Auditing

/// Two-sided Fisher exact test against scipy 1.17.1.
@Suite struct FisherExactTests {
    struct Case: Sendable, CustomStringConvertible {
        let table: [[Int]]
        let expected: Double
        var description: String { "\(table)" }
    }

    /// Reference: `scipy.stats.fisher_exact(table).pvalue` for each table
    /// (Tests/References/fisher_exact.py).
    static let cases: [Case] = [
        Case(table: [[8, 2], [1, 5]], expected: 0.034965034965034975),
        Case(table: [[120, 380], [2880, 6620]], expected: 0.0026288039511044026),
        Case(table: [[0, 5], [5, 0]], expected: 0.007936507936507938),
        Case(table: [[0, 10], [3, 7]], expected: 0.21052631578947367),
        Case(table: [[0, 0], [5, 3]], expected: 1.0),
        // Symmetric tables: the mirror image (x ↔ n − x) is exactly as likely,
        // so it must count as "no more likely" despite rounding.
        Case(table: [[3, 7], [7, 3]], expected: 0.1788954079975752),
        Case(table: [[1, 9], [9, 1]], expected: 0.001093333910671372),
        Case(table: [[6, 4], [4, 6]], expected: 0.6562817986966593),
        Case(table: [[2480, 2520], [2520, 2480]], expected: 0.43539237626531807),
        // Equal column (or row) sums: the mirror table is exactly as likely but,
        // with naive log-space sums and no allowance, rounds a hair above the
        // observed one and would be dropped (giving about half these values).
        Case(table: [[13, 24], [9, 28]], expected: 0.44594640124928153),
        Case(table: [[25, 12], [12, 25]], expected: 0.004926455372372155),
        Case(table: [[5, 95], [25, 75]], expected: 0.00010416826021386083),
        Case(table: [[75, 425], [140, 360]], expected: 7.224455153690349e-07),
        Case(table: [[155, 345], [60, 440]], expected: 2.2489756017742137e-13),
        Case(table: [[32, 468], [325, 175]], expected: 3.5457964574290215e-92),
        Case(table: [[7, 3], [2, 8]], expected: 0.06977851869492736),
        Case(table: [[1, 0], [0, 1]], expected: 1.0),
        // N = 50,000.
        Case(table: [[4900, 5100], [15100, 24900]], expected: 1.8741512334610975e-92),
        Case(table: [[2960, 7040], [12040, 27960]], expected: 0.33519531535313446),
        Case(table: [[12, 488], [2988, 46512]], expected: 0.0002023869192665495),
        Case(table: [[0, 3000], [15000, 32000]], expected: 0.0),
        Case(table: [[5000, 0], [0, 45000]], expected: 0.0),
        // Two modes of equal probability: observing the lower one is "the most
        // likely table" (p = 1), as in scipy; its neighbour is not.
        Case(table: [[0, 1], [11, 10]], expected: 1.0),
        Case(table: [[0, 2], [7, 13]], expected: 1.0),
        Case(table: [[2999, 12000], [7000, 27999]], expected: 1.0),
        Case(table: [[2998, 12001], [7001, 27998]], expected: 0.9708077511933326),
        Case(table: [[3010, 11989], [6989, 28010]], expected: 0.8072413406231023),
    ]

    @Test(arguments: cases)
    func matchesScipy(_ testCase: Case) {
        let t = testCase.table
        let p = Statistics.fisherExactTwoSided(t[0][0], t[0][1], t[1][0], t[1][1])
        #expect(isClose(p, testCase.expected, relative: 1e-9), "p = \(p), scipy \(testCase.expected)")
    }

    /// The test is symmetric under swapping rows, swapping columns and transposing.
    @Test func invariantUnderRowColumnSwaps() {
        let p = Statistics.fisherExactTwoSided(120, 380, 2880, 6620)
        #expect(isClose(Statistics.fisherExactTwoSided(2880, 6620, 120, 380), p, relative: 1e-9))
        #expect(isClose(Statistics.fisherExactTwoSided(380, 120, 6620, 2880), p, relative: 1e-9))
        #expect(isClose(Statistics.fisherExactTwoSided(120, 2880, 380, 6620), p, relative: 1e-9))
    }
}
