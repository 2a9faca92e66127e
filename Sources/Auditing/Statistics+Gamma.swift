import Numerics

extension Statistics {
    /// The regularised upper incomplete gamma function Q(s, x) = Γ(s, x) / Γ(s)
    /// (`scipy.special.gammaincc(s, x)`).
    ///
    /// Formula: Q(s, x) = 1/Γ(s) ∫ₓ^∞ t^(s−1) e^(−t) dt. Evaluated with the power
    /// series of P = 1 − Q when x < s + 1, and with the Legendre continued
    /// fraction for Q (modified Lentz) otherwise, so that small upper tails keep
    /// their relative precision. Both are scaled by exp(s·ln x − x − ln Γ(s)),
    /// computed in log space.
    ///
    /// Range: Q ∈ [0, 1], decreasing in x; Q(s, 0) = 1, Q(s, ∞) = 0.
    ///
    /// Edge cases: x ≤ 0 gives 1; x = +∞ gives 0; a tail below the smallest
    /// positive `Double` underflows to 0.
    ///
    /// - Precondition: s > 0 and x is not NaN.
    public static func regularizedUpperGamma(_ s: Double, _ x: Double) -> Double {
        precondition(s > 0 && s.isFinite, "regularizedUpperGamma needs a finite s > 0")
        precondition(!x.isNaN, "regularizedUpperGamma needs a number x")
        if x <= 0 { return 1 }
        if x == .infinity { return 0 }
        let logPrefactor = s * Double.log(x) - x - Double.logGamma(s)
        if x < s + 1 {
            return min(1, max(0, 1 - lowerGammaSeries(s, x, logPrefactor: logPrefactor)))
        }
        return min(1, max(0, upperGammaContinuedFraction(s, x, logPrefactor: logPrefactor)))
    }

    /// P(s, x) by the series e^(−x) x^s / Γ(s) · Σₙ xⁿ / (s (s+1) ⋯ (s+n)).
    private static func lowerGammaSeries(_ s: Double, _ x: Double, logPrefactor: Double) -> Double {
        var term = 1 / s
        var sum = term
        var denominator = s
        for _ in 0..<10_000 {
            denominator += 1
            term *= x / denominator
            sum += term
            if abs(term) < abs(sum) * 1e-17 { break }
        }
        return sum * Double.exp(logPrefactor)
    }

    /// Q(s, x) by the continued fraction
    /// e^(−x) x^s / Γ(s) · 1/(x+1−s − 1(1−s)/(x+3−s − 2(2−s)/(x+5−s − ⋯))),
    /// evaluated with the modified Lentz method.
    private static func upperGammaContinuedFraction(_ s: Double, _ x: Double, logPrefactor: Double) -> Double {
        // The first term by hand: f = 1/b₁ with C = 1/1e-300, D = 1/b₁.
        var denominator = x + 1 - s
        let first = 1 / denominator
        let fraction = modifiedLentz(start: (first, 1 / 1e-300, first), steps: 1..<10_000) { i in
            denominator += 2
            return (-Double(i) * (Double(i) - s), denominator)
        }
        return Double.exp(logPrefactor) * fraction
    }
}
