extension Statistics {
    /// The q-quantile of `values` by linear interpolation between order
    /// statistics — numpy's default (`numpy.quantile(..., method="linear")`,
    /// Hyndman–Fan type 7): with the values sorted x_0 ≤ … ≤ x_{n−1},
    /// h = (n − 1)·q, j = ⌊h⌋, t = h − j, the quantile is x_j + t·(x_{j+1} − x_j)
    /// (computed as x_{j+1} − (1 − t)·(x_{j+1} − x_j) when t ≥ 0.5, as numpy
    /// does, so the result matches it to the last bit in most cases).
    /// Range [min, max]; `nil` for no values.
    /// - Precondition: q ∈ [0, 1] and `sorted` is in ascending order.
    public static func linearQuantile(sorted: [Double], _ q: Double) -> Double? {
        precondition(q >= 0 && q <= 1, "quantile must be in [0, 1]")
        guard let last = sorted.indices.last else { return nil }
        let position = Double(last) * q
        let lower = min(Int(position.rounded(.down)), last)
        let upper = min(lower + 1, last)
        let t = position - Double(lower)
        let a = sorted[lower], b = sorted[upper], difference = b - a
        return t >= 0.5 ? b - difference * (1 - t) : a + difference * t
    }
}
