import DietAuditCore
import Learning

/// The composition audit of a run: who each plan removes, per group and per
/// attribute.
public struct CompositionAudit: Sendable {
    /// One row per plan × grouping × group with n > 0, in plan, grouping and
    /// group order. `q_value`s are adjusted within each plan: over the rows of
    /// every grouping of that plan (score × policy × fraction).
    public var rows: [CompositionRow]
    /// One row per plan × grouping that has at least one non-empty group.
    public var attributes: [AttributeRow]

    public init(rows: [CompositionRow], attributes: [AttributeRow]) {
        self.rows = rows
        self.attributes = attributes
    }
}

/// Audits the composition of every plan against every grouping.
///
/// For each plan and grouping, each group with n > 0 training examples gets a
/// ``CompositionRow``; groups with no training examples are skipped (every
/// metric of theirs would be 0/0). Each (plan, grouping) gets an
/// ``AttributeRow`` with `tvd` and the χ² test. The `q_value`s are
/// Benjamini–Hochberg adjusted within each plan — over the `p_value`s of every
/// group of every grouping of that plan (DESIGN.md) — so adding a score, a
/// policy or a fraction never changes another plan's q-values.
///
/// Only `name`, `kind`, `groups` and `train` of each grouping are read.
///
/// Cost: the groups' removed counts come from one pass over the examples per
/// plan (``CompositionCells``: per cell of class × attributes, then summed
/// per grouping), so a plan costs O(N + cells × groupings), not
/// O(N × groupings); plans are audited on all cores. `progress` hears the
/// plans done.
///
/// - Precondition: every grouping's `train` has one entry per training
///   example, i.e. the same count as each plan's `removed`.
public func auditComposition(
    plans: [PruningPlan], groupings: [Grouping], progress: ProgressReporter = SilentProgress()
) -> CompositionAudit {
    guard !plans.isEmpty else { return CompositionAudit(rows: [], attributes: []) }
    return CompositionAuditor(groupings: groupings).audit(plans, progress: progress)
}

/// The composition audit of one set of groupings, for plans audited in
/// several batches (a run's plans, then the remedies of its failing plans):
/// the cells of class × attributes (``CompositionCells``, a pass over every
/// grouping of every example) are found once, when the auditor is made.
public struct CompositionAuditor: Sendable {
    let groupings: [Grouping]
    let cells: CompositionCells?

    public init(groupings: [Grouping]) {
        self.groupings = groupings
        cells = CompositionCells(groupings: groupings)
    }

    /// The rows of `plans`, as ``auditComposition(plans:groupings:progress:)`` gives them.
    public func audit(_ plans: [PruningPlan], progress: ProgressReporter = SilentProgress()) -> CompositionAudit {
        let locked = LockedProgress(progress)
        // Plans are independent: audited on all cores, results in plan order (the work never throws).
        let perPlan = try! runParallelJobs(count: plans.count, parallel: plans.count > 1) { planIndex in
            let audit = auditPlan(plans[planIndex], groupings: groupings, cells: cells)
            locked.finishedOne(of: plans.count)
            return audit
        }
        return CompositionAudit(rows: perPlan.flatMap(\.rows), attributes: perPlan.flatMap(\.attributes))
    }
}

/// The group rows (q-values adjusted within the plan) and attribute rows of one plan.
private func auditPlan(
    _ plan: PruningPlan, groupings: [Grouping], cells: CompositionCells?
) -> (rows: [CompositionRow], attributes: [AttributeRow]) {
    var planRows: [CompositionRow] = []
    var attributes: [AttributeRow] = []
    let tallies = cells?.tally(removed: plan.removed, groupings: groupings)
    for (index, grouping) in groupings.enumerated() {
        precondition(
            grouping.train.count == plan.removed.count,
            "grouping \(grouping.name) covers \(grouping.train.count) training examples, plan \(plan.removed.count)"
        )
        let groupRows = compositionRows(plan: plan, grouping: grouping, tally: tallies?[index])
        guard !groupRows.isEmpty else { continue }
        planRows += groupRows
        attributes.append(attributeRow(plan: plan, grouping: grouping, rows: groupRows))
    }
    let qValues = Statistics.benjaminiHochberg(planRows.map(\.pValue))
    for index in planRows.indices { planRows[index].qValue = qValues[index] }
    return (planRows, attributes)
}

/// The rows of one plan and one grouping, `q_value` still unset (= p_value),
/// with each group's `impact_ratio` against the best-retained group. `tally`:
/// the groups' sizes and removed counts when already known.
func compositionRows(
    plan: PruningPlan, grouping: Grouping, tally: (sizes: [Int], removed: [Int])? = nil
) -> [CompositionRow] {
    var sizes = [Int](repeating: 0, count: grouping.groups.count)
    var removedCounts = sizes
    if let tally {
        (sizes, removedCounts) = tally
    } else {
        grouping.train.tally(removed: plan.removed, counts: &sizes, removedCounts: &removedCounts)
    }
    return compositionRows(plan: PlanTotals(plan), grouping: grouping, sizes: sizes, removedCounts: removedCounts)
}

/// What the rows of one plan need to know of the plan itself.
struct PlanTotals {
    var score: String?
    var policy: String
    var fraction: Double
    /// N.
    var total: Int
    /// R.
    var removedTotal: Int

    init(_ plan: PruningPlan) {
        self.init(
            score: plan.score, policy: plan.policy.rawValue, fraction: plan.fraction, total: plan.trainCount,
            removedTotal: plan.removedCount)
    }

    init(score: String?, policy: String, fraction: Double, total: Int, removedTotal: Int) {
        self.score = score
        self.policy = policy
        self.fraction = fraction
        self.total = total
        self.removedTotal = removedTotal
    }

    /// N − R.
    var keptTotal: Int { total - removedTotal }
}

/// The rows of one plan and one grouping from each group's size and removed
/// count, `q_value` still unset (= p_value), with each group's `impact_ratio`
/// against the best-retained group.
func compositionRows(plan: PlanTotals, grouping: Grouping, sizes: [Int], removedCounts: [Int]) -> [CompositionRow] {
    var rows = groupRows(plan: plan, grouping: grouping, sizes: sizes, removedCounts: removedCounts)
    let bestRetention = rows.map { Double($0.kept) / Double($0.n) }.max() ?? 0
    if bestRetention > 0 {
        for index in rows.indices {
            rows[index].impactRatio = Double(rows[index].kept) / Double(rows[index].n) / bestRetention
        }
    }
    return rows
}

/// The rows of one plan and one grouping without `impact_ratio` (which needs
/// every group) and with `q_value` = `p_value`.
private func groupRows(plan: PlanTotals, grouping: Grouping, sizes: [Int], removedCounts: [Int]) -> [CompositionRow] {
    let total = plan.total, removedTotal = plan.removedTotal, keptTotal = plan.keptTotal
    let overallRate = Double(removedTotal) / Double(max(total, 1))
    return grouping.groups.indices.compactMap { group -> CompositionRow? in
        let n = sizes[group], removed = removedCounts[group], kept = n - removed
        guard n > 0 else { return nil }
        let removalRate = Double(removed) / Double(n)
        let shareBefore = Double(n) / Double(total)
        let shareAfter = keptTotal > 0 ? Double(kept) / Double(keptTotal) : nil
        let interval = Statistics.wilsonInterval(successes: removed, trials: n)
        let pValue = Statistics.fisherExactTwoSided(removed, kept, removedTotal - removed, keptTotal - kept)
        return CompositionRow(
            score: plan.score, policy: plan.policy, fraction: plan.fraction,
            attribute: grouping.name, group: grouping.groups[group], attributeKind: grouping.kind,
            n: n, removed: removed, kept: kept,
            removalRate: removalRate,
            expectedRemoved: Double(n) * Double(removedTotal) / Double(total),
            excessRemoval: removalRate - overallRate,
            retentionRatio: keptTotal > 0 ? (Double(kept) / Double(n)) / (Double(keptTotal) / Double(total)) : nil,
            removalRatio: removedTotal > 0 ? removalRate / overallRate : nil,
            shareBefore: shareBefore, shareAfter: shareAfter,
            representationRatio: shareAfter.map { $0 / shareBefore },
            ciLow: interval.low, ciHigh: interval.high, pValue: pValue, qValue: pValue
        )
    }
}

/// The attribute-level row of one plan and one grouping, from its group rows.
func attributeRow(plan: PruningPlan, grouping: Grouping, rows: [CompositionRow]) -> AttributeRow {
    attributeRow(plan: PlanTotals(plan), grouping: grouping, rows: rows)
}

/// The attribute-level row of one plan and one grouping, from its group rows.
func attributeRow(plan: PlanTotals, grouping: Grouping, rows: [CompositionRow]) -> AttributeRow {
    let tvd: Double
    if plan.keptTotal > 0 {
        tvd = 0.5 * rows.reduce(0) { $0 + abs(($1.shareAfter ?? 0) - $1.shareBefore) }
    } else {
        tvd = 1
    }
    let test = Statistics.chiSquaredIndependence(rows.map { [$0.removed, $0.kept] })
    return AttributeRow(
        score: plan.score, policy: plan.policy, fraction: plan.fraction,
        attribute: grouping.name, attributeKind: grouping.kind,
        tvd: tvd, chi2: test?.statistic, chi2PValue: test?.pValue
    )
}
