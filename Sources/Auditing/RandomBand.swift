import DietAuditCore

/// What K independent random plans of one fraction remove from one group:
/// the spread a score-based plan's removal rate is judged against.
///
/// Draw k (0 ≤ k < K) removes the first R = round(f·N) entries of
/// `SeededGenerator(seed: seed, stream: "random:<f>:draw<k>").permutation(count: N)`
/// (`<f>` as in the `random` plan's stream). The single seeded `random` plan
/// (`random:<f>`) stays the plan used for retraining; the draws only give
/// this band and the empirical p-values.
public struct RandomBand: Sendable, Equatable {
    /// The fraction f of the draws.
    public var fraction: Double
    /// The grouping's name (`class`, `sex`, `sex×age_group`).
    public var attribute: String
    /// Class, attribute or intersection.
    public var attributeKind: GroupingKind
    /// The group's label.
    public var group: String
    /// Group size n in the training split (> 0).
    public var n: Int
    /// How many of the group's members each draw removed, in ascending order
    /// (K entries).
    public var drawRemoved: [Int]

    public init(
        fraction: Double, attribute: String, attributeKind: GroupingKind, group: String, n: Int, drawRemoved: [Int]
    ) {
        self.fraction = fraction
        self.attribute = attribute
        self.attributeKind = attributeKind
        self.group = group
        self.n = n
        self.drawRemoved = drawRemoved.sorted()
    }

    /// K, the number of draws.
    public var draws: Int { drawRemoved.count }

    /// The sorted removal rates removed/n of the draws.
    public var removalRates: [Double] { drawRemoved.map { Double($0) / Double(n) } }

    /// `removal_rate_low`: the 2.5% quantile of the draws' removal rates
    /// (linear interpolation, numpy's default; ``Statistics/linearQuantile(sorted:_:)``).
    /// Range [0, 1]; `nil` without draws.
    public var removalRateLow: Double? { Statistics.linearQuantile(sorted: removalRates, 0.025) }

    /// `removal_rate_high`: the 97.5% quantile of the draws' removal rates.
    public var removalRateHigh: Double? { Statistics.linearQuantile(sorted: removalRates, 0.975) }

    /// `empirical_p_value` of a plan that removed `removed` of the group's n:
    /// two-sided, by distance from the draws' mean m = (Σ_k c_k)/K,
    ///
    ///     p = (1 + #{k : |c_k − m| ≥ |removed − m|}) / (K + 1),
    ///
    /// (the +1 counts the observed plan as one more draw, so p is never 0;
    /// Phipson & Smyth 2010). Compared exactly in integers as |K·c_k − Σ| ≥
    /// |K·removed − Σ|. Range [1/(K+1), 1]; small means the plan removes the
    /// group at a rate random pruning of the same size rarely reaches.
    /// `nil` without draws.
    public func empiricalPValue(removed: Int) -> Double? {
        guard !drawRemoved.isEmpty else { return nil }
        let count = drawRemoved.count, sum = drawRemoved.reduce(0, +)
        let observed = abs(count * removed - sum)
        let atLeastAsFar = drawRemoved.reduce(0) { $0 + (abs(count * $1 - sum) >= observed ? 1 : 0) }
        return Double(1 + atLeastAsFar) / Double(count + 1)
    }
}
