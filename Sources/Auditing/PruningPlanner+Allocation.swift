import DietAuditCore

extension PruningPlanner {
    /// How many examples `group_balanced` removes from each cell.
    ///
    /// Every cell c of n_c examples should lose f·n_c, and the plan R =
    /// round(f·N) in all (half to even, exact). Largest remainder (Hamilton):
    /// each cell first gets ⌊f·n_c⌋; the U = R − Σ_c ⌊f·n_c⌋ units left (0 ≤ U
    /// ≤ the number of cells with a fractional part) go one each to the cells
    /// with the largest fractional parts {f·n_c}, computed exactly from the
    /// decimal. Cells with equal fractional parts are ordered by a seeded
    /// permutation, `SeededGenerator(seed: seed, stream: "group_balanced:<f>")`
    /// (`<f>` as in the `random` stream), never by cell order. A cell gets a
    /// unit only when {f·n_c} > 0, so it never loses more than ⌈f·n_c⌉ ≤ n_c.
    ///
    /// Example: f = 0.5, cells of 3, 3, 3 and 1 (N = 10, R = 5): floors 1, 1,
    /// 1, 0; every fractional part is 0.5, so 2 units go to two of the four
    /// cells picked by the seeded permutation.
    public static func groupBalancedCounts(cellSizes: [Int], fraction: DecimalFraction, seed: UInt64) -> [Int] {
        let total = cellSizes.reduce(0, +)
        let target = fraction.roundedHalfEven(times: total)
        let parts = cellSizes.map { fraction.wholeAndRemainder(times: $0) }
        var counts = parts.map(\.whole)
        var tieGenerator = SeededGenerator(seed: seed, stream: "group_balanced:\(fraction.doubleValue)")
        let tieRank = tieGenerator.permutation(count: cellSizes.count)
        let candidates = cellSizes.indices.filter { parts[$0].remainder > 0 }.sorted {
            (parts[$0].remainder, -tieRank[$0]) > (parts[$1].remainder, -tieRank[$1])
        }
        let extra = target - counts.reduce(0, +)
        precondition(
            extra >= 0 && extra <= candidates.count,
            "largest remainder: \(extra) units for \(candidates.count) cells")
        for cell in candidates.prefix(extra) { counts[cell] += 1 }
        return counts
    }

    /// How many examples `quota` keeps in each class (DRoP, Vysogorets et al.
    /// 2025, Algorithm 1).
    ///
    /// With class sizes N_k, held-out errors e_k = 1 − r_k (r_k the recall) and
    /// K = N − R examples to keep, class k keeps the density (kept fraction)
    ///
    ///     d_k = min(1, c · e_k),   c chosen so that Σ_k N_k · d_k = K,
    ///
    /// i.e. the kept fraction is proportional to the class's error (harder
    /// classes keep more), capped at the whole class with the excess spread
    /// over the other classes in proportion to their errors — the fixed point
    /// of the paper's loop. Computed by water-filling: c = K' / Σ_{k∈U} N_k e_k
    /// over the unsaturated classes U and K' the examples they share; classes
    /// with c·e_k ≥ 1 are saturated (d_k = 1) and c recomputed. When every
    /// unsaturated class has zero error (Σ = 0) they share K' in proportion to
    /// their sizes.
    ///
    /// The real targets N_k·d_k become counts by largest remainder (floors,
    /// then one more for the largest fractional parts as computed in floating
    /// point, ties by class index),
    /// so Σ kept = K exactly. DietAudit's one addition to the paper: a class
    /// with zero error would keep nothing and vanish from the retraining set,
    /// so every non-empty class keeps at least one example (taken from the
    /// class keeping the most) whenever K is at least the number of non-empty
    /// classes.
    ///
    /// Example (a test checks it): N = (40, 100, 60), recalls (0.5, 0.9, 0.8),
    /// f = 0.5 so K = 100. e = (0.5, 0.1, 0.2), Σ N_k e_k = 20 + 10 + 12 = 42,
    /// c = 100/42 and c·e_0 ≈ 1.19 ≥ 1: class 0 keeps all 40. The other two
    /// share 60: c = 60/22, d = (3/11, 6/11), targets 27.27 and 32.73, floors 27
    /// and 32, and the one unit left goes to class 2: kept (40, 27, 33),
    /// removed (0, 73, 27).
    public static func quotaKeptCounts(classSizes: [Int], errors: [Double], keptTotal: Int) -> [Int] {
        precondition(errors.count == classSizes.count, "one error per class")
        precondition(errors.allSatisfy { $0.isFinite && $0 >= 0 }, "errors must be finite and non-negative")
        precondition(keptTotal >= 0 && keptTotal <= classSizes.reduce(0, +), "cannot keep \(keptTotal) examples")
        let density = dropDensities(classSizes: classSizes, errors: errors, keptTotal: keptTotal)
        let targets = classSizes.indices.map { Double(classSizes[$0]) * density[$0] }
        var kept = classSizes.indices.map { min(classSizes[$0], Int(targets[$0].rounded(.down))) }
        let order = classSizes.indices.sorted {
            (targets[$0] - targets[$0].rounded(.down), -$0) > (targets[$1] - targets[$1].rounded(.down), -$1)
        }
        var extra = keptTotal - kept.reduce(0, +)
        while extra > 0 {
            for k in order where extra > 0 && kept[k] < classSizes[k] {
                kept[k] += 1
                extra -= 1
            }
        }
        while extra < 0, let k = classSizes.indices.max(by: { (kept[$0], -$0) < (kept[$1], -$1) }) {
            kept[k] -= 1
            extra += 1
        }
        let nonEmpty = classSizes.indices.filter { classSizes[$0] > 0 }
        if keptTotal >= nonEmpty.count {
            for k in nonEmpty where kept[k] == 0 {
                let donor = classSizes.indices.max { (kept[$0], -$0) < (kept[$1], -$1) }!
                kept[donor] -= 1
                kept[k] = 1
            }
        }
        return kept
    }

    /// The DRoP densities d_k = min(1, c·e_k) with Σ N_k d_k = `keptTotal`
    /// (see ``quotaKeptCounts(classSizes:errors:keptTotal:)``).
    static func dropDensities(classSizes: [Int], errors: [Double], keptTotal: Int) -> [Double] {
        var density = [Double](repeating: 0, count: classSizes.count)
        var open = classSizes.indices.filter { classSizes[$0] > 0 }
        var share = Double(keptTotal)
        while !open.isEmpty, share > 0 {
            let weight = open.reduce(0.0) { $0 + Double(classSizes[$1]) * errors[$1] }
            guard weight > 0 else {
                let size = open.reduce(0.0) { $0 + Double(classSizes[$1]) }
                for k in open { density[k] = min(1, share / size) }
                break
            }
            let scale = share / weight
            let saturated = open.filter { scale * errors[$0] >= 1 }
            guard !saturated.isEmpty else {
                for k in open { density[k] = scale * errors[k] }
                break
            }
            for k in saturated {
                density[k] = 1
                share -= Double(classSizes[k])
            }
            open.removeAll { saturated.contains($0) }
        }
        return density
    }
}

extension DecimalFraction {
    /// ⌊self · count⌋ and the exact fractional part's numerator over
    /// 10^scale: self · count = whole + remainder / 10^scale.
    func wholeAndRemainder(times count: Int) -> (whole: Int, remainder: UInt128) {
        precondition(count >= 0, "count must be zero or positive")
        guard scale <= 38 else { return (0, UInt128(digits) * UInt128(count)) }
        var divisor: UInt128 = 1
        for _ in 0..<scale { divisor *= 10 }
        let (quotient, remainder) = (UInt128(digits) * UInt128(count)).quotientAndRemainder(dividingBy: divisor)
        return (Int(quotient), remainder)
    }
}
