import DietAuditCore

extension PruningPolicy {
    /// The offset of the `keep_hard` remedy (Paul et al. 2021 drop the
    /// hardest 10% as likely label noise before keeping the hardest).
    public static let remedyOffset = DecimalFraction(parsing: "0.1")!

    /// The remedies tried for a plan of this policy that fails the ruleset at
    /// `fraction`, in the order a tie between them is broken:
    ///
    /// 1. `group_balanced` — the same fraction from every attributes × class cell;
    /// 2. `class_balanced` — the same fraction from every class;
    /// 3. `quota` — DRoP class quotas, only when `quotaAvailable` (it needs the
    ///    scoring models' held-out recall, so imported scores alone cannot use it);
    /// 4. `keep_hard` with offset 0.1 — only for a failing `keep_hard` plan
    ///    (with another offset or none) and 0.1 ≤ `fraction` (the offset's
    ///    O = round(0.1·N) removals must fit in R).
    ///
    /// The failing policy itself is never its own remedy, and `random` plans
    /// get none (they read no score to rebalance).
    public func remedies(at fraction: DecimalFraction, quotaAvailable: Bool) -> [PruningPolicy] {
        guard usesScores else { return [] }
        var candidates: [PruningPolicy] = [.groupBalanced, .classBalanced]
        if quotaAvailable { candidates.append(.quota) }
        if kind == .keepHard, Self.remedyOffset <= fraction {
            candidates.append(.keepHard(offset: Self.remedyOffset))
        }
        return candidates.filter { $0 != self }
    }
}
