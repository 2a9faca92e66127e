/// Ranks `1…n` of `values`, ties given the average of the ranks they span
/// (scipy's `rankdata(method="average")`).
public func averageRanks(_ values: [Double]) -> [Double] {
    let order = values.indices.sorted { values[$0] < values[$1] }
    var ranks = [Double](repeating: 0, count: values.count)
    var start = 0
    while start < order.count {
        var end = start
        while end + 1 < order.count && values[order[end + 1]] == values[order[start]] { end += 1 }
        let rank = Double(start + end) / 2 + 1
        for position in start...end { ranks[order[position]] = rank }
        start = end + 1
    }
    return ranks
}

/// Spearman's rank correlation ρ: the Pearson correlation of the average
/// ranks of `x` and `y` (ties share their mean rank), as
/// `scipy.stats.spearmanr` computes it.
///
/// Range −1…1: 1 when `y` increases with `x` everywhere, −1 when it
/// decreases, 0 when unrelated.
/// - Returns: `nil` when the lengths differ, fewer than 2 pairs are given,
///   any value is not finite, or either vector is constant (its ranks have no
///   variance, so ρ is undefined).
public func spearmanCorrelation(_ x: [Double], _ y: [Double]) -> Double? {
    guard x.count == y.count, x.count >= 2,
        x.allSatisfy({ $0.isFinite }), y.allSatisfy({ $0.isFinite })
    else { return nil }
    return pearsonCorrelation(averageRanks(x), averageRanks(y))
}

/// Pearson's correlation `cov(x, y) / (sd(x) sd(y))`, range −1…1 (clamped
/// against rounding); `nil` when either vector has zero variance.
/// - Precondition: equal, non-zero lengths.
func pearsonCorrelation(_ x: [Double], _ y: [Double]) -> Double? {
    let n = Double(x.count)
    let meanX = x.reduce(0, +) / n, meanY = y.reduce(0, +) / n
    var sxy = 0.0, sxx = 0.0, syy = 0.0
    for index in x.indices {
        let dx = x[index] - meanX, dy = y[index] - meanY
        sxy += dx * dy
        sxx += dx * dx
        syy += dy * dy
    }
    guard sxx > 0, syy > 0 else { return nil }
    return min(1, max(-1, sxy / (sxx * syy).squareRoot()))
}
