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
        let a = nu / 2
        // Beyond t = 1e150, x = ν/(ν+t²) < 1e-300 may underflow: use the
        // leading term of the series, I_x(a, ½) = x^a / (a·B(a, ½)) · (1 + O(x)),
        // exact in double precision there, with ln x = ln ν − 2 ln t.
        if t > 1e150 {
            let logX = Double.log(nu) - 2 * Double.log(t)
            return 0.5 * Double.exp(a * logX - Double.log(a) - logBeta(a, 0.5))
        }
        let t2 = t * t
        return 0.5 * regularizedIncompleteBeta(a, 0.5, x: nu / (nu + t2), complement: t2 / (nu + t2))
    }

    /// P(0 < T < t) = ½ − P(T > t) for t ≥ 0, computed directly as
    /// ½ · I_{t²/(ν+t²)}(½, ν/2) so that it keeps its relative precision for
    /// small t (where ½ − P(T > t) would cancel).
    static func studentTCentral(_ t: Double, degreesOfFreedom nu: Double) -> Double {
        if t <= 0 { return 0 }
        if t > 1e150 { return 0.5 - studentTUpperTail(t, degreesOfFreedom: nu) }
        let t2 = t * t
        return 0.5 * regularizedIncompleteBeta(0.5, nu / 2, x: t2 / (nu + t2), complement: nu / (nu + t2))
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
    /// Method: by symmetry only t > 0 is solved. In the tails (p < ¼ or
    /// p > ¾) the equation is P(T > t) = q with q = min(p, 1 − p); near the
    /// median it is P(0 < T < t) = |p − ½| (both sides exact in floating point,
    /// so t keeps its relative precision down to t ≈ 1e-300). Either is solved
    /// in the variable s = ln t, where the log of either side is nearly linear
    /// (P(T > t) ∝ t^(−ν) far out, P(0 < T < t) ∝ t near 0): a bracket is found
    /// by doubling steps from s = 0, then Newton steps (slopes ∓t·density/side)
    /// are taken whenever they stay inside the bracket, bisection otherwise;
    /// the bracket shrinks every step, so the search always converges. The
    /// result has about 14 correct digits.
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
        let t: Double
        if p > 0.25 && p < 0.75 {
            let central = abs(p - 0.5)
            t = positiveRoot(target: central, increasing: true) {
                studentTCentral($0, degreesOfFreedom: nu)
            } slope: {
                studentTDensity($0, degreesOfFreedom: nu)
            }
        } else {
            t = positiveRoot(target: min(p, 1 - p), increasing: false) {
                studentTUpperTail($0, degreesOfFreedom: nu)
            } slope: {
                -studentTDensity($0, degreesOfFreedom: nu)
            }
        }
        return p > 0.5 ? t : -t
    }

    /// The t > 0 with f(t) = target, for a monotone positive f with derivative
    /// `slope`, solved for s = ln t on ln f(eˢ) − ln target (see
    /// ``studentTQuantile(probability:degreesOfFreedom:)``). ln t stays in ±745.
    private static func positiveRoot(
        target: Double, increasing: Bool, _ f: (Double) -> Double, slope: (Double) -> Double
    ) -> Double {
        let logTarget = Double.log(target)
        /// ln f(eˢ) − ln target, turned so that it decreases in s.
        func excess(_ s: Double) -> Double {
            let value = f(Double.exp(s))
            let difference = value > 0 ? Double.log(value) - logTarget : -.infinity
            return increasing ? -difference : difference
        }
        // Bracket: excess(low) > 0 ≥ excess(high).
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
        for _ in 0..<300 {
            let value = excess(s)
            if value > 0 { low = s } else { high = s }
            let t = Double.exp(s)
            // d excess / ds = ±t·f'(t)/f(t).
            let derivative = (increasing ? -1.0 : 1.0) * t * slope(t) / f(t)
            var next = s - value / derivative
            if !next.isFinite || !(next > low && next < high) { next = (low + high) / 2 }
            let converged = abs(next - s) <= 1e-15 * max(1, abs(s)) || high - low <= 1e-15 * max(1, abs(s))
            s = next
            if converged { break }
        }
        return Double.exp(s)
    }
}
