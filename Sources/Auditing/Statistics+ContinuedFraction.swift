extension Statistics {
    /// Evaluates a continued fraction b₀ + a₁/(b₁ + a₂/(b₂ + ⋯)) by the
    /// modified Lentz method (Thompson & Barnett 1986): with C = f, D = 0 at
    /// the start, each term (aₙ, bₙ) sets D ← 1/(bₙ + aₙ·D),
    /// C ← bₙ + aₙ/C (either kept off zero at 1e-300) and f ← f·C·D, until
    /// C·D is within 1e-16 of 1 or `steps` run out.
    ///
    /// - Parameters:
    ///   - start: the state (f, C, D) before the first term of `steps`; for
    ///     b₀ = 0 pass (1e-300, 1e-300, 0), or a state after terms done by hand.
    ///   - steps: the term indices to evaluate, in order.
    ///   - term: (aₙ, bₙ) of term n, called once per step in order (it may
    ///     keep state between calls).
    static func modifiedLentz(
        start: (fraction: Double, c: Double, d: Double), steps: Range<Int>,
        term: (Int) -> (numerator: Double, denominator: Double)
    ) -> Double {
        let tiny = 1e-300
        var (fraction, c, d) = start
        for step in steps {
            let (numerator, denominator) = term(step)
            d = denominator + numerator * d
            if abs(d) < tiny { d = tiny }
            c = denominator + numerator / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = c * d
            fraction *= delta
            if abs(delta - 1) < 1e-16 { break }
        }
        return fraction
    }
}
