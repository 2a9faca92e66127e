import Foundation
import Testing

@testable import Auditing

/// The Student t quantile, the incomplete beta function behind it, and the
/// seed summaries that use it, against scipy 1.17.1 / numpy 2.4
/// (all values: Tests/References/student_t.py).
@Suite struct StudentTTests {
    /// `[float(scipy.stats.t.ppf(0.975, df)) for df in list(range(1, 31)) + [50, 100]]`
    static let quantiles975: [(df: Double, t: Double)] = zip(
        (1...30).map(Double.init) + [50, 100],
        [
            12.706204736174694, 4.302652729749462, 3.1824463052837078, 2.7764451051977934, 2.5705818356363146,
            2.4469118511449786, 2.364624251592784, 2.306004135204166, 2.262157162798205, 2.228138851986274,
            2.200985160091639, 2.1788128296672284, 2.1603686564627913, 2.144786687917804, 2.131449545559776,
            2.1199052992212546, 2.1098155778333156, 2.1009220402410382, 2.0930240544083087, 2.085963447265864,
            2.0796138447276795, 2.0738730679040254, 2.0686576104190486, 2.0638985616280245, 2.0595385527532972,
            2.0555294386428735, 2.0518305164802846, 2.0484071417952454, 2.045229642132703, 2.0422724563012378,
            2.008559112100761, 1.9839715185235518,
        ]
    ).map { ($0, $1) }

    @Test func quantileAt975MatchesScipy() {
        for (df, expected) in Self.quantiles975 {
            let actual = Statistics.studentTQuantile(probability: 0.975, degreesOfFreedom: df)
            #expect(isClose(actual, expected, relative: 1e-12), "df \(df): \(actual) vs \(expected)")
        }
    }

    /// `float(scipy.stats.t.ppf(p, df))` for each (p, df) pair.
    @Test(arguments: [
        (0.9, 2.0, 1.8856180831641272), (0.995, 7.0, 3.4994832973504924), (0.025, 4.0, -2.7764451051977943),
        (0.6, 10.0, 0.2601848294920803), (0.999999, 1.0, 318309.88617359026), (1e-8, 5.0, -62.4045061109673),
        (0.999, 2.5, 13.82219311086596), (0.55, 100.0, 0.12598088204153987), (0.75, 1.0, 1.0000000000000002),
        // Far tails, near the median, huge and fractional degrees of freedom.
        (1e-300, 1.0, -3.183098861837907e+299),
        (0.975, 1e6, 1.959966356814107), (0.975, 0.5, 164.55767348048818), (1e-20, 30.0, -22.658878371940183),
        (0.9999999999, 2.0, 70710.67518273447),
    ])
    func quantileMatchesScipy(probability: Double, df: Double, expected: Double) {
        let actual = Statistics.studentTQuantile(probability: probability, degreesOfFreedom: df)
        #expect(isClose(actual, expected, relative: 1e-11), "p \(probability), df \(df): \(actual) vs \(expected)")
    }

    /// Just above the median scipy itself loses digits (`t.ppf(0.5000001, 3)` =
    /// 2.720699044672105e-07); the reference is mpmath at 40 digits:
    /// `mp.findroot(lambda t: mp.betainc(0.5, 1.5, 0, t*t/(3+t*t), regularized=True)/2 - (p - 0.5), 2.7e-7)`
    /// with p = mp.mpf(0.5000001) (the double).
    @Test func quantileNearTheMedianKeepsItsDigits() {
        let actual = Statistics.studentTQuantile(probability: 0.5000001, degreesOfFreedom: 3)
        #expect(isClose(actual, 2.720699044919315676e-07, relative: 1e-13))
    }

    @Test func quantileEdgesAndSymmetry() {
        #expect(Statistics.studentTQuantile(probability: 0.5, degreesOfFreedom: 3) == 0)
        #expect(Statistics.studentTQuantile(probability: 1, degreesOfFreedom: 3) == .infinity)
        #expect(Statistics.studentTQuantile(probability: 0, degreesOfFreedom: 3) == -.infinity)
        for p in [0.6, 0.9, 0.99] {
            #expect(
                Statistics.studentTQuantile(probability: p, degreesOfFreedom: 4)
                    == -Statistics.studentTQuantile(probability: 1 - p, degreesOfFreedom: 4))
        }
        // The quantile inverts the tail: P(T > t_{0.975}) = 0.025.
        let t = Statistics.studentTQuantile(probability: 0.975, degreesOfFreedom: 9)
        #expect(isClose(Statistics.studentTUpperTail(t, degreesOfFreedom: 9), 0.025, relative: 1e-13))
    }

    /// `float(scipy.stats.t.sf(t, df))` for each (t, df); for (1e200, 1), where
    /// scipy underflows to 0, the Cauchy closed form atan(1/t)/π = 1/(π·1e200).
    @Test(arguments: [
        (2.0, 3.0, 0.06966298427942152), (50.0, 1.0, 0.006365349100972797), (0.1, 30.0, 0.4605048058951356),
        (-1.5, 4.0, 0.896), (8.0, 60.0, 2.450132573975106e-11), (1e200, 1.0, 1 / (Double.pi * 1e200)),
    ])
    func upperTailMatchesScipy(t: Double, df: Double, expected: Double) {
        let actual = Statistics.studentTUpperTail(t, degreesOfFreedom: df)
        #expect(isClose(actual, expected, relative: 1e-12), "t \(t), df \(df): \(actual) vs \(expected)")
    }

    /// `float(scipy.special.betainc(a, b, x))` for each (a, b, x).
    @Test(arguments: [
        (0.5, 0.5, 0.3, 0.36901011956554536), (2.0, 3.0, 0.4, 0.5247999999999999),
        (5.0, 0.5, 0.9, 0.3166429150200122), (0.5, 15.0, 0.01, 0.4139350352236643), (10.0, 10.0, 0.5, 0.5),
        (1.0, 1.0, 0.77, 0.77), (50.0, 0.5, 0.2, 9.994267861337003e-37), (2.5, 7.5, 0.95, 0.9999999968244473),
        (0.1, 0.2, 1e-5, 0.21660384226709245), (100.0, 200.0, 0.34, 0.6016229345924298),
    ])
    func incompleteBetaMatchesScipy(a: Double, b: Double, x: Double, expected: Double) {
        let actual = Statistics.regularizedIncompleteBeta(a, b, x)
        #expect(isClose(actual, expected, relative: 1e-12), "I_\(x)(\(a), \(b)) = \(actual) vs \(expected)")
    }

    @Test func incompleteBetaEdges() {
        #expect(Statistics.regularizedIncompleteBeta(2, 3, 0) == 0)
        #expect(Statistics.regularizedIncompleteBeta(2, 3, 1) == 1)
        #expect(Statistics.regularizedIncompleteBeta(2, 3, -0.5) == 0)
    }

    /// numpy / scipy for each list v:
    /// `m = v.mean(); s = v.std(ddof=1);`
    /// `lo, hi = scipy.stats.t.interval(0.95, len(v) - 1, loc=m, scale=s / np.sqrt(len(v)))`
    @Test(arguments: [
        (
            [0.81, 0.79, 0.84, 0.80, 0.77], 0.8019999999999999, 0.025884358211089552, 0.76986032429268,
            0.8341396757073198
        ),
        ([0.5, 0.7], 0.6, 0.14142135623730948, -0.6706204736174691, 1.870620473617469),
        (
            [-0.12, -0.08, -0.15, -0.11, -0.09, -0.13, -0.10, -0.14, -0.07, -0.12],
            -0.11099999999999999, 0.026012817353502225, -0.12960844853758136, -0.09239155146241862
        ),
    ])
    func seedSummaryMatchesNumpyAndScipy(values: [Double], mean: Double, std: Double, low: Double, high: Double) throws
    {
        let summary = SeedSummary(values: values)
        #expect(isClose(summary.mean, mean, relative: 1e-13))
        #expect(isClose(try #require(summary.std), std, relative: 1e-12))
        #expect(isClose(try #require(summary.ciLow), low, relative: 1e-12))
        #expect(isClose(try #require(summary.ciHigh), high, relative: 1e-12))
    }

    @Test func seedSummaryEdgeCases() {
        let single = SeedSummary(values: [0.42])
        #expect(single == SeedSummary(mean: 0.42, std: nil, ciLow: nil, ciHigh: nil))
        let constant = SeedSummary(values: [0.3, 0.3, 0.3])
        #expect(constant.std == 0 && constant.ciLow == 0.3 && constant.ciHigh == 0.3)
    }

    @Test func valueLookUpBySuffix() {
        let summary = SeedSummary(values: [0.5, 0.7])
        let row = ErrorRiskRow(
            score: nil, policy: "full", fraction: nil, attribute: "sex", attributeKind: .attribute,
            group: "female", n: 12, metrics: [.accuracy: summary])
        #expect(row.value(of: "accuracy") == summary.mean)
        #expect(row.value(of: "accuracy_std") == summary.std)
        #expect(row.value(of: "accuracy_ci_low") == summary.ciLow)
        #expect(row.value(of: "accuracy_ci_high") == summary.ciHigh)
        #expect(row.value(of: "n") == 12)
        #expect(row.value(of: "true_positive_rate") == nil)
        #expect(row.value(of: "true_positive_rate_std") == nil)
        #expect(row.value(of: "accuracy_median") == nil)
        let attribute = ErrorRiskAttributeRow(
            score: "el2n@2", policy: "keep_hard", fraction: 0.3, attribute: "sex",
            attributeKind: .attribute, metrics: [.accuracyGap: single()])
        #expect(attribute.value(of: "accuracy_gap") == 0.1)
        #expect(attribute.value(of: "accuracy_gap_ci_high") == nil)
    }

    private func single() -> SeedSummary { SeedSummary(values: [0.1]) }

    /// The JSON form uses the contract's snake-case keys and writes `null`.
    @Test func seedSummaryEncodesNulls() throws {
        let data = try JSONEncoder().encode(SeedSummary(values: [0.25]))
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"ci_low\":null") && text.contains("\"std\":null") && text.contains("\"mean\":0.25"))
        #expect(try JSONDecoder().decode(SeedSummary.self, from: data) == SeedSummary(values: [0.25]))
    }
}

@Suite struct SeedSummaryBoundsTests {
    /// Tests/References/student_t.py.
    /// [0.95, 1.0]: mean 0.975, std 0.035355…, t(0.975, 1) = 12.7062… → the raw
    /// interval 0.975 ± 0.3177 reaches 1.29; cut at 1 (scipy.stats.t.interval gives
    /// (0.6573448815956324, 1.2926551184043675)).
    @Test func intervalIsCutAtTheMetricsBounds() {
        let raw = SeedSummary(values: [0.95, 1.0])
        #expect(abs((raw.ciHigh ?? 0) - 1.2926551184043675) < 1e-9)
        let cut = SeedSummary(values: [0.95, 1.0], within: 0...1)
        #expect(cut.ciHigh == 1)
        #expect(cut.ciLow == raw.ciLow)
        #expect(cut.mean == raw.mean)
    }
}
