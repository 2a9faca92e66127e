import Auditing

/// The five numbers a box plot draws for one group's values: 5th percentile,
/// quartiles, median and 95th percentile, each a linear-interpolation
/// quantile (numpy's default, ``Statistics/linearQuantile(sorted:_:)``).
struct BoxSummary: Equatable {
    var p05: Double
    var q1: Double
    var median: Double
    var q3: Double
    var p95: Double
    /// How many finite values the summary is of.
    var count: Int

    /// The summary of the finite `values`; `nil` when there is none.
    init?(_ values: [Double]) {
        let sorted = values.filter(\.isFinite).sorted()
        guard !sorted.isEmpty else { return nil }
        func quantile(_ q: Double) -> Double { Statistics.linearQuantile(sorted: sorted, q) ?? sorted[0] }
        p05 = quantile(0.05)
        q1 = quantile(0.25)
        median = quantile(0.5)
        q3 = quantile(0.75)
        p95 = quantile(0.95)
        count = sorted.count
    }
}
