import Numerics

extension Statistics {
    /// The regularized incomplete beta function I_x(a, b)
    /// (`scipy.special.betainc(a, b, x)`).
    ///
    /// Formula: I_x(a, b) = B(x; a, b) / B(a, b) = 1/B(a, b) ∫₀ˣ t^(a−1) (1−t)^(b−1) dt,
    /// the CDF of the Beta(a, b) law. Evaluated with the continued fraction
    ///
    ///     I_x(a, b) = x^a (1−x)^b / (a B(a, b)) · 1/(1 + d₁/(1 + d₂/(1 + ⋯)))
    ///     d₂ₘ₊₁ = −(a+m)(a+b+m) x / ((a+2m)(a+2m+1)),  d₂ₘ = m(b−m) x / ((a+2m−1)(a+2m))
    ///
    /// (modified Lentz), which converges quickly for x < (a+1)/(a+b+2); above
    /// that point the symmetry I_x(a, b) = 1 − I_{1−x}(b, a) is used. The
    /// prefactor is computed in log space with `logGamma`.
    ///
    /// Range: [0, 1], increasing in x; I_0 = 0, I_1 = 1.
    ///
    /// Edge cases: x ≤ 0 gives 0, x ≥ 1 gives 1.
    ///
    /// - Precondition: a > 0, b > 0 (finite) and x is not NaN.
    public static func regularizedIncompleteBeta(_ a: Double, _ b: Double, _ x: Double) -> Double {
        precondition(a > 0 && b > 0 && a.isFinite && b.isFinite, "regularizedIncompleteBeta needs finite a, b > 0")
        precondition(!x.isNaN, "regularizedIncompleteBeta needs a number x")
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        return regularizedIncompleteBeta(a, b, x: x, complement: 1 - x)
    }

    /// I_x(a, b) with 1 − x given separately (`complement`), so that callers
    /// who know 1 − x more precisely than x (e.g. the Student t tail, where
    /// x = ν/(ν+t²) and 1 − x = t²/(ν+t²)) lose nothing to cancellation.
    /// - Precondition: 0 < x < 1, complement = 1 − x up to rounding.
    static func regularizedIncompleteBeta(_ a: Double, _ b: Double, x: Double, complement y: Double) -> Double {
        if x > (a + 1) / (a + b + 2) {
            return min(1, max(0, 1 - incompleteBetaByFraction(b, a, x: y, complement: x)))
        }
        return min(1, max(0, incompleteBetaByFraction(a, b, x: x, complement: y)))
    }

    /// ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a+b).
    ///
    /// With s = min(a, b) and l = max(a, b) this is ln Γ(s) + [ln Γ(l) − ln Γ(l+s)];
    /// for l ≥ 20 the bracket is evaluated without cancelling large numbers,
    /// from Stirling's series:
    ///
    ///     ln Γ(l) − ln Γ(l+s) = −(l − ½)·ln(1 + s/l) − s·ln(l+s) + s + φ(l) − φ(l+s)
    ///     φ(z) = 1/(12z) − 1/(360z³) + 1/(1260z⁵) − 1/(1680z⁷)
    ///
    /// (truncation error below 1e-15 for z ≥ 20). Subtracting two `logGamma`
    /// values of size l·ln l would lose about log₁₀(l·ln l) digits instead —
    /// seven at l = 5·10⁵, which the Student t law with 10⁶ degrees of freedom needs.
    static func logBeta(_ a: Double, _ b: Double) -> Double {
        let small = min(a, b), large = max(a, b)
        guard large >= 20 else { return Double.logGamma(a) + Double.logGamma(b) - Double.logGamma(a + b) }
        func stirlingTail(_ z: Double) -> Double {
            let z2 = z * z
            return (1.0 / 12 - (1.0 / 360 - (1.0 / 1260 - 1.0 / (1680 * z2)) / z2) / z2) / z
        }
        let ratio =
            -(large - 0.5) * Double.log(onePlus: small / large) - small * Double.log(large + small) + small
            + (stirlingTail(large) - stirlingTail(large + small))
        return Double.logGamma(small) + ratio
    }

    /// I_x(a, b) by the continued fraction alone (accurate when
    /// x < (a+1)/(a+b+2)).
    private static func incompleteBetaByFraction(_ a: Double, _ b: Double, x: Double, complement y: Double) -> Double {
        let logPrefactor = a * Double.log(x) + b * Double.log(y) - logBeta(a, b) - Double.log(a)
        // 0 + 1/(1 + d₁/(1 + d₂/(1 + ⋯))): every partial denominator is 1;
        // the partial numerators are 1, d₁, d₂, …
        let fraction = modifiedLentz(start: (1e-300, 1e-300, 0), steps: 0..<20_000) { step in
            guard step > 0 else { return (1, 1) }
            let m = Double(step / 2)
            let coefficient =
                step % 2 == 1
                ? -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))
                : m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m))
            return (coefficient, 1)
        }
        return Double.exp(logPrefactor) * fraction
    }
}
