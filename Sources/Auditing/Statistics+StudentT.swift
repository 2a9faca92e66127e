import Numerics

extension Statistics {
    /// The upper tail P(T > t) of Student's t law with ν degrees of freedom
    /// (`scipy.stats.t.sf(t, ν)`).
    ///
    /// Formula: for t ≥ 0, P(T > t) = ½ · I_{ν/(ν+t²)}(ν/2, ½) (regularized
    /// incomplete beta, ``regularizedIncompleteBeta(_:_:_:)``), with
    /// 1 − ν/(ν+t²) passed as t²/(ν+t²) so that small t loses no digits; for
    /// t < 0 it is 1 − P(T > −t).
    ///
    /// Range: (0, 1), decreasing in t; 0.5 at t = 0.
    ///
    /// Edge cases: t = +∞ gives 0, t = −∞ gives 1.
    ///
    /// - Precondition: ν > 0 (finite) and t is not NaN.
    public static func studentTUpperTail(_ t: Double, degreesOfFreedom nu: Double) -> Double {
        precondition(nu > 0 && nu.isFinite, "studentTUpperTail needs finite degrees of freedom > 0")
        precondition(!t.isNaN, "studentTUpperTail needs a number t")
        if t < 0 { return 1 - studentTUpperTail(-t, degreesOfFreedom: nu) }
        if t == 0 { return 0.5 }
        if t == .infinity { return 0 }
        let t2 = t * t
        // ν + t² overflows only for t beyond 1e154, where the tail is below
        // every representable value for ν ≥ 2 and tiny for ν = 1: use the ratios
        // computed without forming t² then.
        let x: Double, y: Double
        if t2.isFinite {
            x = nu / (nu + t2)
            y = t2 / (nu + t2)
        } else {
            x = (nu / t) / t
            y = 1
        }
        guard x > 0 else { return 0 }
        return 0.5 * regularizedIncompleteBeta(nu / 2, 0.5, x: x, complement: y)
    }

    /// The density of Student's t law: Γ((ν+1)/2) / (√(νπ) Γ(ν/2)) · (1 + t²/ν)^(−(ν+1)/2).
    static func studentTDensity(_ t: Double, degreesOfFreedom nu: Double) -> Double {
        let logDensity = -(nu + 1) / 2 * Double.log(onePlus: t * t / nu) - 0.5 * Double.log(nu) - logBeta(nu / 2, 0.5)
        return Double.exp(logDensity)
    }

    /// The quantile (inverse CDF) of Student's t law with ν degrees of freedom:
    /// the t with P(T ≤ t) = `probability` (`scipy.stats.t.ppf(p, ν)`). The
    /// 95% interval of a mean over K seeds uses
    /// `studentTQuantile(probability: 0.975, degreesOfFreedom: K − 1)`.
    ///
    /// Method: by symmetry only the upper tail q = min(p, 1 − p) is solved,
    /// P(T > t) = q for t > 0, in the variable s = ln t, where ln P(T > eˢ) is
    /// nearly linear far in the tail (P ∝ t^(−ν)). A bracket [s_lo, s_hi] is
    /// found by doubling steps from s = 0, then Newton steps on
    /// ln P(T > eˢ) − ln q (slope −t·density/tail) are taken whenever they stay
    /// inside the bracket, bisection otherwise; the bracket shrinks every step,
    /// so the search always converges. The result has about 14 correct digits.
    ///
    /// Range: (−∞, ∞), increasing in p; odd around p = ½:
    /// quantile(1 − p) = −quantile(p).
    ///
    /// Edge cases: p = ½ gives exactly 0; p = 0 gives −∞ and p = 1 gives +∞.
    ///
    /// - Precondition: 0 ≤ p ≤ 1 and ν > 0 (finite).
    public static func studentTQuantile(probability p: Double, degreesOfFreedom nu: Double) -> Double {
        precondition(p >= 0 && p <= 1, "studentTQuantile needs a probability in [0, 1]")
        precondition(nu > 0 && nu.isFinite, "studentTQuantile needs finite degrees of freedom > 0")
        if p == 0.5 { return 0 }
        if p == 0 { return -.infinity }
        if p == 1 { return .infinity }
        let q = min(p, 1 - p)
        let t = upperTailQuantile(q, degreesOfFreedom: nu)
        return p > 0.5 ? t : -t
    }

    /// The t > 0 with P(T > t) = q, for 0 < q < ½ (see ``studentTQuantile(probability:degreesOfFreedom:)``).
    private static func upperTailQuantile(_ q: Double, degreesOfFreedom nu: Double) -> Double {
        let logTarget = Double.log(q)
        /// ln P(T > eˢ) − ln q: decreasing in s, with a root at the answer.
        func excess(_ s: Double) -> Double {
            let tail = studentTUpperTail(Double.exp(s), degreesOfFreedom: nu)
            return tail > 0 ? Double.log(tail) - logTarget : -.infinity
        }
        // Bracket: excess(low) > 0 ≥ excess(high). ln t stays within ±745.
        var low = 0.0, high = 0.0
        var step = 1.0
        if excess(0) > 0 {
            high = step
            while excess(high) > 0 && high < 745 { low = high; step *= 2; high = min(745, high + step) }
        } else {
            low = -step
            while excess(low) <= 0 && low > -745 { high = low; step *= 2; low = max(-745, low - step) }
        }
        var s = (low + high) / 2
        for _ in 0..<200 {
            let value = excess(s)
            if value > 0 { low = s } else { high = s }
            let t = Double.exp(s)
            let tail = studentTUpperTail(t, degreesOfFreedom: nu)
            let slope = -t * studentTDensity(t, degreesOfFreedom: nu) / tail
            var next = s - value / slope
            if !(next > low && next < high) || !next.isFinite { next = (low + high) / 2 }
            let converged = abs(next - s) <= 1e-15 * max(1, abs(s)) || high - low <= 1e-15 * max(1, abs(s))
            s = next
            if converged { break }
        }
        return Double.exp(s)
    }
}
