extension Statistics {
    /// The survival function of the χ² distribution with k degrees of freedom,
    /// P(X ≥ x) (`scipy.stats.chi2.sf(x, k)`).
    ///
    /// Formula: Q(k/2, x/2), the regularised upper incomplete gamma function
    /// (see ``regularizedUpperGamma(_:_:)``).
    ///
    /// Range: [0, 1]; 1 at x ≤ 0, decreasing to 0 as x → ∞.
    ///
    /// - Precondition: degreesOfFreedom ≥ 1.
    public static func chiSquaredSurvival(_ x: Double, degreesOfFreedom: Int) -> Double {
        precondition(degreesOfFreedom >= 1, "chiSquaredSurvival needs at least one degree of freedom")
        return regularizedUpperGamma(Double(degreesOfFreedom) / 2, x / 2)
    }

    /// Pearson's χ² test of independence of the rows and columns of an r×c
    /// contingency table of counts, without continuity correction
    /// (`scipy.stats.chi2_contingency(table, correction=False)`).
    ///
    /// Formula: with row sums Rᵢ, column sums Cⱼ and total T, the expected count
    /// is Eᵢⱼ = Rᵢ·Cⱼ / T and
    ///
    ///     χ² = Σᵢⱼ (Oᵢⱼ − Eᵢⱼ)² / Eᵢⱼ,   dof = (r − 1)(c − 1),
    ///     p  = P(χ²_dof ≥ χ²)
    ///
    /// Range: χ² ≥ 0 (ideal, i.e. perfect independence: 0, with p = 1);
    /// p ∈ [0, 1].
    ///
    /// Edge cases — returns `nil` (the test is undefined) when the table is
    /// empty or ragged, has fewer than 2 rows or 2 columns, or any row or
    /// column sums to zero (an expected count of 0). Callers that want to
    /// ignore empty groups must drop all-zero rows first, as the composition
    /// audit does.
    ///
    /// - Precondition: all counts are non-negative.
    public static func chiSquaredIndependence(_ table: [[Int]]) -> (
        statistic: Double, degreesOfFreedom: Int, pValue: Double
    )? {
        guard let columnCount = table.first?.count, table.count >= 2, columnCount >= 2,
            table.allSatisfy({ $0.count == columnCount })
        else { return nil }
        precondition(table.allSatisfy { $0.allSatisfy { $0 >= 0 } }, "chiSquaredIndependence needs non-negative counts")
        let rowSums = table.map { Double($0.reduce(0, +)) }
        let columnSums = (0..<columnCount).map { column in Double(table.reduce(0) { $0 + $1[column] }) }
        guard rowSums.allSatisfy({ $0 > 0 }), columnSums.allSatisfy({ $0 > 0 }) else { return nil }
        let total = rowSums.reduce(0, +)
        var statistic = 0.0
        for (row, counts) in table.enumerated() {
            for (column, count) in counts.enumerated() {
                let expected = rowSums[row] * columnSums[column] / total
                let difference = Double(count) - expected
                statistic += difference * difference / expected
            }
        }
        let degreesOfFreedom = (table.count - 1) * (columnCount - 1)
        return (statistic, degreesOfFreedom, chiSquaredSurvival(statistic, degreesOfFreedom: degreesOfFreedom))
    }
}
