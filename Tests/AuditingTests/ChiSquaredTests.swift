import Testing

@testable import Auditing

/// χ² test, χ² survival and the regularised upper gamma function against scipy 1.17.1
/// (Tests/References/chi2.py).
@Suite struct ChiSquaredTests {
    /// Reference: `r = scipy.stats.chi2_contingency(table, correction=False)`;
    /// `r.statistic, r.dof, r.pvalue`.
    @Test func independenceTestMatchesScipy() throws {
        let twoByTwo = try #require(Statistics.chiSquaredIndependence([[10, 20], [30, 40]]))
        #expect(isClose(twoByTwo.statistic, 0.7936507936507936, relative: 1e-12))
        #expect(twoByTwo.degreesOfFreedom == 1)
        #expect(isClose(twoByTwo.pValue, 0.37299848361348686, relative: 1e-10))

        let fourByTwo = try #require(Statistics.chiSquaredIndependence([[12, 38], [25, 25], [40, 10], [3, 47]]))
        #expect(isClose(fourByTwo.statistic, 64.83333333333334, relative: 1e-12))
        #expect(fourByTwo.degreesOfFreedom == 3)
        #expect(isClose(fourByTwo.pValue, 5.445150573324647e-14, relative: 1e-9))

        let skewed = try #require(Statistics.chiSquaredIndependence([[600, 400], [1400, 7600]]))
        #expect(isClose(skewed.statistic, 1111.111111111111, relative: 1e-12))
        #expect(isClose(skewed.pValue, 1.270454624040399e-243, relative: 1e-9))
    }

    @Test func undefinedTablesGiveNil() {
        #expect(Statistics.chiSquaredIndependence([[5, 0], [7, 0]]) == nil)  // empty column
        #expect(Statistics.chiSquaredIndependence([[5, 3], [0, 0]]) == nil)  // empty row
        #expect(Statistics.chiSquaredIndependence([[5, 3]]) == nil)  // one group
        #expect(Statistics.chiSquaredIndependence([]) == nil)
        #expect(Statistics.chiSquaredIndependence([[1, 2], [3]]) == nil)  // ragged
    }

    /// Reference: `scipy.stats.chi2.sf(x, k)` for x in [0.001, 0.5, 3.84, 10, 50, 200].
    static let survival: [(Int, [Double])] = [
        (
            1,
            [
                0.9747728793699604, 0.47950012218695337, 0.05004352124870519, 0.001565402258002549,
                1.537459794428033e-12, 2.0884875837625688e-45,
            ]
        ),
        (
            2,
            [
                0.9995001249791693, 0.7788007830714049, 0.14660696213035013, 0.006737946999085468, 1.3887943864964e-11,
                3.7200759760208177e-44,
            ]
        ),
        (
            3,
            [
                0.9999915920809419, 0.9188914116546758, 0.27926761711860965, 0.01856613546304325, 7.989179244951495e-11,
                4.218541107192018e-43,
            ]
        ),
        (
            5,
            [
                0.9999999983185123, 0.9921232932326296, 0.5726744598320888, 0.07523524614651217, 1.3857973367009573e-09,
                2.8406228986415534e-41,
            ]
        ),
        (
            10,
            [
                1.0, 0.999993388289439, 0.9542763043207358, 0.44049328506521257, 2.669083424904495e-07,
                1.6139305336977317e-37,
            ]
        ),
        (25, [1.0, 1.0, 0.9999996531639935, 0.996652640733739, 0.002131151919103168, 3.0673491634731327e-29]),
        (50, [1.0, 1.0, 1.0, 0.9999999998400414, 0.47339846855634937, 7.857610724654791e-20]),
    ]

    @Test func survivalMatchesScipy() {
        let points = [0.001, 0.5, 3.84, 10.0, 50.0, 200.0]
        for (degreesOfFreedom, expected) in Self.survival {
            for (x, reference) in zip(points, expected) {
                let value = Statistics.chiSquaredSurvival(x, degreesOfFreedom: degreesOfFreedom)
                #expect(
                    isClose(value, reference, relative: 1e-10),
                    "chi2.sf(\(x), \(degreesOfFreedom)) = \(value), scipy \(reference)")
            }
        }
        #expect(Statistics.chiSquaredSurvival(0, degreesOfFreedom: 4) == 1)
        #expect(Statistics.chiSquaredSurvival(.infinity, degreesOfFreedom: 4) == 0)
    }

    /// Reference: `scipy.special.gammaincc(s, x)`.
    @Test func upperGammaMatchesScipy() {
        let cases: [(Double, Double, Double)] = [
            (0.3, 0.1, 0.45408715040820347),
            (0.5, 0.001, 0.9643294082703201),
            (7.5, 3.0, 0.9797477467178134),
            (7.5, 30.0, 2.522085078696141e-07),
            (100.0, 120.0, 0.027863739890520652),
            (100.0, 80.0, 0.9828916869648668),
            (25.0, 25.5, 0.4340939349810637),
            (1.0, 700.0, 9.85967654375939e-305),
        ]
        for (s, x, reference) in cases {
            let value = Statistics.regularizedUpperGamma(s, x)
            #expect(isClose(value, reference, relative: 1e-10), "gammaincc(\(s), \(x)) = \(value), scipy \(reference)")
        }
    }
}
