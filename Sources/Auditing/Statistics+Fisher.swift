import Numerics

extension Statistics {
    /// The relative tolerance scipy's `fisher_exact` uses for "no more likely
    /// than the observed table": a table counts when its probability is at most
    /// p_observed · (1 + 1e-14) (scipy 1.17, `_stats_py.fisher_exact`).
    public static let fisherRelativeTolerance = 1e-14

    /// Two-sided Fisher exact test of the 2×2 table [[a, b], [c, d]].
    ///
    /// Formula: with the margins fixed, the top-left cell follows the
    /// hypergeometric law P(x) = C(a+b, x)·C(c+d, a+c−x) / C(a+b+c+d, a+c).
    /// The p-value is the sum of P(x) over every table with the same margins
    /// that is no more likely than the observed one, P(x) ≤ P(a)·(1 + 1e-14)
    /// — the rule of `scipy.stats.fisher_exact(table).pvalue` (and R's
    /// `fisher.test`), with scipy's relative tolerance.
    ///
    /// Range: (0, 1]. Ideal (no association): 1. Small values mean the rows
    /// differ in their column proportions more than chance explains.
    ///
    /// Edge cases: any zero row or column margin gives 1 (every table with those
    /// margins is the observed one), as does an observed table at the mode of
    /// the distribution. A p-value below the smallest positive `Double`
    /// (≈ 1e-308) underflows to 0.
    ///
    /// Numerics: probabilities are evaluated in log space with `logGamma`, so
    /// there is no overflow at N = 50,000; only the two tails are summed, and
    /// each tail stops once the remaining terms cannot change the sum in the
    /// 16th digit, so the cost is about the width of the distribution, not N.
    /// The comparison "no more likely" also allows for the rounding error of the
    /// log-space probabilities (a few ulps of the log-factorials, about 1e-9
    /// relative at N = 50,000), so that tables equally likely in exact
    /// arithmetic (e.g. the mirror images in a symmetric table) still count as
    /// ties, as they do in scipy.
    ///
    /// - Precondition: all four counts are non-negative.
    public static func fisherExactTwoSided(_ a: Int, _ b: Int, _ c: Int, _ d: Int) -> Double {
        precondition(a >= 0 && b >= 0 && c >= 0 && d >= 0, "fisherExactTwoSided needs non-negative counts")
        guard a + b > 0, c + d > 0, a + c > 0, b + d > 0 else { return 1 }
        let law = Hypergeometric(total: a + b + c + d, successes: a + b, draws: a + c)
        let observed = law.logUnnormalised(a)
        let mode = law.mode
        let tolerance = Double.log(onePlus: fisherRelativeTolerance) + law.logRoundingAllowance
        if observed >= law.logUnnormalised(mode) - tolerance { return 1 }
        let threshold = observed + tolerance
        // Terms are scaled by the observed probability: every summed table has
        // P(x)/P(a) ≤ 1 + tolerance, so nothing overflows and the result
        // underflows only when the p-value itself does.
        var scaledSum: Double
        if a < mode {
            scaledSum = law.scaledTailSum(from: a, step: -1, logScale: observed)
            // The upper tail beyond the mode is decreasing: find its first
            // table that is no more likely than the observed one.
            let first = law.firstIndex(from: mode + 1, through: law.upper) { law.logUnnormalised($0) <= threshold }
            if let first { scaledSum += law.scaledTailSum(from: first, step: 1, logScale: observed) }
        } else {
            scaledSum = law.scaledTailSum(from: a, step: 1, logScale: observed)
            let last = law.lastIndex(from: law.lower, through: mode - 1) { law.logUnnormalised($0) <= threshold }
            if let last { scaledSum += law.scaledTailSum(from: last, step: -1, logScale: observed) }
        }
        let logP = observed - law.logNormaliser + Double.log(scaledSum)
        return min(1, Double.exp(logP))
    }
}

/// The hypergeometric law of the top-left cell of a 2×2 table with fixed
/// margins: `draws` items taken without replacement from `total`, of which
/// `successes` are marked.
struct Hypergeometric {
    let total: Int
    let successes: Int
    let draws: Int
    /// Smallest and largest possible count.
    let lower: Int
    let upper: Int
    /// ln C(total, draws) − ln(successes!) − ln((total−successes)!) — the
    /// x-independent part, so that ln P(x) = logUnnormalised(x) − logNormaliser.
    let logNormaliser: Double
    /// Bound on the rounding error of a difference of two `logUnnormalised`
    /// values: 8 ulps of the largest possible sum of log-factorials.
    let logRoundingAllowance: Double

    init(total: Int, successes: Int, draws: Int) {
        self.total = total
        self.successes = successes
        self.draws = draws
        lower = max(0, draws - (total - successes))
        upper = min(successes, draws)
        let failures = Double(total - successes)
        logNormaliser =
            Self.logFactorial(Double(total)) - Self.logFactorial(Double(draws))
            - Self.logFactorial(Double(total - draws)) - Self.logFactorial(Double(successes))
            - Self.logFactorial(failures)
        let largest =
            Self.logFactorial(Double(successes)) + Self.logFactorial(failures)
            + Self.logFactorial(Double(draws)) + Self.logFactorial(Double(total - draws))
        logRoundingAllowance = 8 * largest.ulp
    }

    static func logFactorial(_ k: Double) -> Double { Double.logGamma(k + 1) }

    /// The mode ⌊(draws+1)(successes+1)/(total+2)⌋ (one of two modes when tied).
    var mode: Int { (draws + 1) * (successes + 1) / (total + 2) }

    /// ln P(x) + logNormaliser = −ln(x! (s−x)! (d−x)! (t−s−d+x)!).
    /// The four log-factorials are added in sorted order, so mirror-image
    /// tables (same four cells in another order) give bit-identical values.
    func logUnnormalised(_ x: Int) -> Double {
        let t0 = Self.logFactorial(Double(x)), t1 = Self.logFactorial(Double(successes - x))
        let t2 = Self.logFactorial(Double(draws - x)), t3 = Self.logFactorial(Double(total - successes - draws + x))
        // A four-element sorting network, without allocating.
        let (p, q) = (min(t0, t1), max(t0, t1)), (r, s) = (min(t2, t3), max(t2, t3))
        let smallest = min(p, r), largest = max(q, s)
        let (middle1, middle2) = (max(p, r), min(q, s))
        return -(((smallest + min(middle1, middle2)) + max(middle1, middle2)) + largest)
    }

    /// Σ P(x)/exp(logScale − logNormaliser) from `start` outwards (step ±1) to
    /// the end of the support. The terms decrease away from the mode, so the
    /// loop stops when the remaining ones (at most `remaining` × the current)
    /// are below 1e-17 of the sum.
    func scaledTailSum(from start: Int, step: Int, logScale: Double) -> Double {
        var sum = 0.0
        var x = start
        while x >= lower && x <= upper {
            let term = Double.exp(logUnnormalised(x) - logScale)
            sum += term
            let remaining = step > 0 ? upper - x : x - lower
            if term * Double(remaining) <= sum * 1e-17 { break }
            x += step
        }
        return sum
    }

    /// The first x in `start...end` satisfying a predicate that is false then
    /// true along the range (binary search), or nil.
    func firstIndex(from start: Int, through end: Int, where predicate: (Int) -> Bool) -> Int? {
        guard start <= end else { return nil }
        var low = start, high = end + 1
        while low < high {
            let middle = low + (high - low) / 2
            if predicate(middle) { high = middle } else { low = middle + 1 }
        }
        return low <= end ? low : nil
    }

    /// The last x in `start...end` satisfying a predicate that is true then
    /// false along the range (binary search), or nil.
    func lastIndex(from start: Int, through end: Int, where predicate: (Int) -> Bool) -> Int? {
        guard start <= end else { return nil }
        var low = start - 1, high = end
        while low < high {
            let middle = high - (high - low) / 2
            if predicate(middle) { low = middle } else { high = middle - 1 }
        }
        return low >= start ? low : nil
    }
}
