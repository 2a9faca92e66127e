import Foundation
import Testing

@testable import Auditing

/// The two-sided Fisher p-value sums outward from the observed table and stops
/// once the remaining terms cannot change the sum at double precision. These
/// tests check that shortcut against the brute-force sum over the whole
/// support — every table with the same margins, each term from the same
/// hypergeometric law, summed smallest first with compensation — on tables of
/// up to n = 1,000,000: the two agree within 1e-12 relative.
@Suite struct FisherFullSupportTests {
    /// The p-value as the sum over the whole support (no early stop, no
    /// binary search): every x with P(x) ≤ P(a)·(1 + tolerance), in the same
    /// scaled form as the fast sum, added smallest first with Kahan–Babuška
    /// compensation.
    static func fullSupportPValue(_ a: Int, _ b: Int, _ c: Int, _ d: Int) -> Double {
        guard a + b > 0, c + d > 0, a + c > 0, b + d > 0 else { return 1 }
        let law = Hypergeometric(total: a + b + c + d, successes: a + b, draws: a + c)
        let observed = law.logUnnormalised(a)
        let tolerance = log1p(Statistics.fisherRelativeTolerance) + law.logRoundingAllowance
        if observed >= law.logUnnormalised(law.mode) - tolerance { return 1 }
        var terms: [Double] = []
        for x in law.lower...law.upper {
            let logTerm = law.logUnnormalised(x)
            if logTerm <= observed + tolerance { terms.append(exp(logTerm - observed)) }
        }
        terms.sort()
        var sum = 0.0, compensation = 0.0
        for term in terms {
            let next = sum + term
            compensation += abs(sum) >= abs(term) ? (sum - next) + term : (term - next) + sum
            sum = next
        }
        return min(1, exp(observed - law.logNormaliser + log(sum + compensation)))
    }

    /// Tables from n = 10 to n = 1,000,000: balanced, skewed, tiny and huge
    /// p-values, cells at the edge of the support.
    static let tables: [[Int]] = [
        [3, 7, 7, 3], [0, 10, 3, 7], [8, 2, 1, 5],
        [120, 380, 2880, 6620], [2480, 2520, 2520, 2480],
        [9_700, 90_300, 90_300, 809_700],  // n = 1e6, p ≈ 1e-3 region
        [10_400, 89_600, 89_600, 810_400],  // n = 1e6, just above expectation
        [5_000, 95_000, 95_000, 805_000],  // n = 1e6, far below expectation
        [250_100, 249_900, 249_900, 250_100],  // n = 1e6, balanced, mirror image equally likely
        [1, 999, 99_999, 899_001],  // n = 1e6, a tiny group
        [49_000, 451_000, 51_000, 449_000],  // n = 1e6, two halves
        [300_000, 100_000, 200_000, 400_000],  // n = 1e6, a p-value that underflows towards 0
    ]

    @Test(arguments: tables)
    func fastSumEqualsFullSupportSum(table: [Int]) {
        let fast = Statistics.fisherExactTwoSided(table[0], table[1], table[2], table[3])
        let full = Self.fullSupportPValue(table[0], table[1], table[2], table[3])
        if full == 0 {
            #expect(fast == 0, "\(table): fast \(fast), full support 0")
        } else {
            #expect(abs(fast - full) <= 1e-12 * full, "\(table): fast \(fast), full support \(full)")
        }
    }

    /// The check above can fail: a sum that stops after the first term differs
    /// from the full sum by far more than 1e-12 on these tables.
    @Test func truncatedSumIsCaught() {
        let table = [9_700, 90_300, 90_300, 809_700]
        let law = Hypergeometric(total: 1_000_000, successes: 100_000, draws: 100_000)
        let observed = law.logUnnormalised(table[0])
        let firstTermOnly = exp(observed - law.logNormaliser)
        let full = Self.fullSupportPValue(table[0], table[1], table[2], table[3])
        #expect(abs(firstTermOnly - full) > 1e-12 * full)
    }
}
