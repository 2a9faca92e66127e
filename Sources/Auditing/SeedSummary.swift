/// One value of an error-risk metric summarised over the K retraining seeds.
///
/// Formulas, for per-seed values x₁…x_K:
///
///     mean   = (1/K) Σ xₖ
///     std    = √( Σ (xₖ − mean)² / (K − 1) )          (sample std, numpy ddof=1)
///     ci     = mean ± t_{0.975, K−1} · std / √K        (Student t 95% interval)
///
/// which equals `scipy.stats.t.interval(0.95, K−1, loc=mean, scale=sem)` with
/// `sem = std/√K`. The quantile comes from
/// ``Statistics/studentTQuantile(probability:degreesOfFreedom:)``. The interval
/// describes seed-to-seed variation of the retraining (the test split is fixed),
/// not sampling error of the test set.
///
/// Range: whatever the metric's; ciLow ≤ mean ≤ ciHigh. With few seeds the t
/// interval can reach past what the metric can take (an accuracy above 1); it
/// is then cut at the metric's natural bounds when they are given. Edge cases: with one
/// seed `std`, `ciLow` and `ciHigh` are `nil` (no spread can be estimated);
/// equal values give std 0 and a zero-width interval.
///
/// Encoded (Codable) as `mean`, `std`, `ci_low`, `ci_high`; `nil` as `null`.
public struct SeedSummary: Sendable, Equatable, Codable {
    /// Mean over seeds.
    public var mean: Double
    /// Sample standard deviation over seeds (n − 1); `nil` with one seed.
    public var std: Double?
    /// Lower end of the Student t 95% interval of the mean; `nil` with one seed.
    public var ciLow: Double?
    /// Upper end of the Student t 95% interval of the mean; `nil` with one seed.
    public var ciHigh: Double?

    /// Summarises per-seed values; the interval is cut to `bounds` when given
    /// (rates: 0…1, differences of rates: −1…1).
    /// - Precondition: `values` is not empty and every value is finite.
    public init(values: [Double], within bounds: ClosedRange<Double>? = nil) {
        precondition(!values.isEmpty, "SeedSummary needs at least one value")
        precondition(values.allSatisfy(\.isFinite), "SeedSummary needs finite values")
        let count = Double(values.count)
        let mean = values.reduce(0, +) / count
        self.mean = mean
        guard values.count > 1 else { return }
        let squares = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        let std = (squares / (count - 1)).squareRoot()
        let halfWidth =
            Statistics.studentTQuantile(probability: 0.975, degreesOfFreedom: count - 1) * std / count.squareRoot()
        self.std = std
        ciLow = bounds.map { max($0.lowerBound, mean - halfWidth) } ?? mean - halfWidth
        ciHigh = bounds.map { min($0.upperBound, mean + halfWidth) } ?? mean + halfWidth
    }

    /// A summary with the given fields (e.g. read back from storage).
    public init(mean: Double, std: Double?, ciLow: Double?, ciHigh: Double?) {
        self.mean = mean
        self.std = std
        self.ciLow = ciLow
        self.ciHigh = ciHigh
    }

    enum CodingKeys: String, CodingKey {
        case mean, std
        case ciLow = "ci_low"
        case ciHigh = "ci_high"
    }

    /// Writes every key, with `null` for `nil` values.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(mean, forKey: .mean)
        try container.encode(std, forKey: .std)
        try container.encode(ciLow, forKey: .ciLow)
        try container.encode(ciHigh, forKey: .ciHigh)
    }
}
