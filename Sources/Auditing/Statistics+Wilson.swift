extension Statistics {
    /// The two-sided 95% normal quantile, Φ⁻¹(0.975), used for every interval
    /// in the composition audit.
    public static let z95 = 1.959963984540054

    /// The Wilson score interval for a binomial proportion p̂ = successes / trials.
    ///
    /// Formula, with n = trials and z the normal quantile:
    ///
    ///     centre    = (p̂ + z²/(2n)) / (1 + z²/n)
    ///     halfWidth = z / (1 + z²/n) · √(p̂(1 − p̂)/n + z²/(4n²))
    ///     interval  = [centre − halfWidth, centre + halfWidth]
    ///
    /// Range: 0 ≤ low ≤ p̂ ≤ high ≤ 1. Unlike the Wald interval it never leaves
    /// [0, 1] and is not degenerate at p̂ = 0 or 1 (same as statsmodels'
    /// `proportion_confint(method="wilson")`).
    ///
    /// Edge cases: `successes == 0` gives `low` exactly 0; `successes == trials`
    /// gives `high` exactly 1 (the formula's values, without rounding noise).
    /// `trials == 0` (no observations, which the composition audit never asks
    /// for because empty groups are skipped) gives the uninformative interval
    /// (0, 1) rather than NaN.
    ///
    /// - Precondition: 0 ≤ successes ≤ trials, z > 0.
    public static func wilsonInterval(
        successes: Int, trials: Int, z: Double = 1.959963984540054
    ) -> (low: Double, high: Double) {
        precondition(successes >= 0 && successes <= trials, "wilsonInterval needs 0 ≤ successes ≤ trials")
        precondition(z > 0, "wilsonInterval needs a positive z")
        guard trials > 0 else { return (0, 1) }
        let n = Double(trials)
        let p = Double(successes) / n
        let z2 = z * z
        let denominator = 1 + z2 / n
        let centre = (p + z2 / (2 * n)) / denominator
        let halfWidth = z / denominator * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot()
        let low = successes == 0 ? 0 : max(0, centre - halfWidth)
        let high = successes == trials ? 1 : min(1, centre + halfWidth)
        return (low, high)
    }
}
