import Testing

@testable import Auditing

/// Wilson score interval against the closed form evaluated in plain Python:
/// `p=k/n; d=1+z*z/n; c=(p+z*z/(2*n))/d; h=z/d*math.sqrt(p*(1-p)/n+z*z/(4*n*n))`,
/// `(c-h, c+h)` with z = 1.959963984540054 (statsmodels' `proportion_confint(k, n,
/// method="wilson")` is the same formula). Script: Tests/References/wilson.py.
@Suite struct WilsonIntervalTests {
    struct Case: Sendable, CustomStringConvertible {
        let successes: Int, trials: Int, low: Double, high: Double
        var description: String { "\(successes)/\(trials)" }
    }

    static let cases: [Case] = [
        Case(successes: 0, trials: 10, low: 0.0, high: 0.2775327998628892),
        Case(successes: 10, trials: 10, low: 0.7224672001371107, high: 0.9999999999999999),
        Case(successes: 3, trials: 10, low: 0.10779126740630099, high: 0.6032218525388546),
        Case(successes: 1, trials: 1, low: 0.20654931437723745, high: 1.0),
        Case(successes: 0, trials: 1, low: 0.0, high: 0.7934506856227626),
        Case(successes: 450, trials: 1000, low: 0.4194153840742968, high: 0.4809672917742588),
        Case(successes: 27, trials: 2000, low: 0.009294493997659236, high: 0.019570793006999862),
        Case(successes: 5, trials: 7, low: 0.35893445183261935, high: 0.9177810759959433),
    ]

    @Test(arguments: cases)
    func matchesClosedForm(_ testCase: Case) {
        let interval = Statistics.wilsonInterval(successes: testCase.successes, trials: testCase.trials)
        #expect(isClose(interval.low, testCase.low, relative: 1e-12, absolute: 1e-15))
        #expect(isClose(interval.high, testCase.high, relative: 1e-12))
        let rate = Double(testCase.successes) / Double(testCase.trials)
        #expect(interval.low <= rate && rate <= interval.high)
    }

    /// At the edges the interval ends exactly at 0 or 1, never beyond.
    @Test func edgesAreExact() {
        #expect(Statistics.wilsonInterval(successes: 0, trials: 37).low == 0)
        #expect(Statistics.wilsonInterval(successes: 37, trials: 37).high == 1)
        let empty = Statistics.wilsonInterval(successes: 0, trials: 0)
        #expect(empty.low == 0 && empty.high == 1)
    }

    /// A wider z gives a wider interval.
    @Test func widerQuantileWidensInterval() {
        let narrow = Statistics.wilsonInterval(successes: 30, trials: 100, z: 1.0)
        let wide = Statistics.wilsonInterval(successes: 30, trials: 100)
        #expect(wide.low < narrow.low && wide.high > narrow.high)
    }
}
