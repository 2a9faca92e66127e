extension Statistics {
    /// Benjamini–Hochberg adjusted p-values ("q-values") controlling the false
    /// discovery rate over a family of m tests.
    ///
    /// Formula: sort the p-values ascending, p₍₁₎ ≤ … ≤ p₍ₘ₎; then
    ///
    ///     q₍ᵢ₎ = min over j ≥ i of  p₍ⱼ₎ · m / j,   clipped to [0, 1]
    ///
    /// and return the q-values in the input order. This equals
    /// `scipy.stats.false_discovery_control(p, method="bh")` and R's
    /// `p.adjust(p, "BH")`. Tied p-values get equal q-values, whatever the
    /// order they arrive in.
    ///
    /// Range: each q ∈ [0, 1] and q ≥ its p. Ideal (for an audit that finds
    /// nothing): values near 1; a q below the ruleset's threshold (e.g. 0.05)
    /// marks a discovery with that expected false-discovery share.
    ///
    /// Edge cases: an empty input gives an empty output; a single p-value is
    /// returned unchanged.
    ///
    /// - Precondition: every p-value is in [0, 1] (no NaN).
    public static func benjaminiHochberg(_ pValues: [Double]) -> [Double] {
        precondition(pValues.allSatisfy { $0 >= 0 && $0 <= 1 }, "benjaminiHochberg needs p-values in [0, 1]")
        let m = pValues.count
        guard m > 0 else { return [] }
        // A stable sort keeps equal p-values in input order; their q-values are
        // equal anyway because the running minimum sweeps across them.
        let order = pValues.indices.sorted { (pValues[$0], $0) < (pValues[$1], $1) }
        var adjusted = [Double](repeating: 0, count: m)
        var runningMinimum = 1.0
        for rank in stride(from: m, through: 1, by: -1) {
            let index = order[rank - 1]
            let scaled = pValues[index] * (Double(m) / Double(rank))
            runningMinimum = min(runningMinimum, scaled)
            adjusted[index] = min(max(runningMinimum, 0), 1)
        }
        return adjusted
    }
}
