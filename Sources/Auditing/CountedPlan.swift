import DietAuditCore

/// A pruning plan known only by how many examples it removes from each cell,
/// as a SQL engine's counting query returns it (docs/SCALE.md).
///
/// A cell is a set of examples that agree on the class and on every audited
/// attribute, so every group of every grouping (class, attribute, intersection)
/// is a union of cells: a plan's composition rows follow from the cells' sizes
/// and removed counts alone, exactly as from a plan over individual examples.
public struct CountedPlan: Sendable, Equatable {
    /// The score ranked by; `nil` for `random`.
    public var score: String?
    public var policy: PruningPolicy
    /// The fraction as a `Double`, as in ``PruningPlan/fraction``.
    public var fraction: Double
    /// Removed examples of each cell, in cell order.
    public var removedPerCell: [Int]

    public init(score: String?, policy: PruningPolicy, fraction: Double, removedPerCell: [Int]) {
        self.score = score
        self.policy = policy
        self.fraction = fraction
        self.removedPerCell = removedPerCell
    }

    /// R: the examples removed in all.
    public var removedCount: Int { removedPerCell.reduce(0, +) }
}

/// Audits the composition of plans given by cell counts: the same rows, in the
/// same order and with the same values, as ``auditComposition(plans:groupings:)``
/// over the examples those cells hold.
///
/// - Parameters:
///   - plans: removed counts per cell.
///   - cellSizes: n of each cell (every cell non-empty).
///   - groupings: groupings whose `train` gives, for each cell, its group.
public func auditComposition(countedPlans plans: [CountedPlan], cellSizes: [Int], groupings: [Grouping])
    -> CompositionAudit
{
    let total = cellSizes.reduce(0, +)
    var rows: [CompositionRow] = []
    var attributes: [AttributeRow] = []
    for plan in plans {
        precondition(plan.removedPerCell.count == cellSizes.count, "one removed count per cell")
        let totals = PlanTotals(
            score: plan.score, policy: plan.policy.rawValue, fraction: plan.fraction, total: total,
            removedTotal: plan.removedCount)
        var planRows: [CompositionRow] = []
        for grouping in groupings {
            precondition(grouping.train.count == cellSizes.count, "grouping \(grouping.name) must cover every cell")
            var sizes = [Int](repeating: 0, count: grouping.groups.count)
            var removedCounts = sizes
            for (cell, group) in grouping.train.enumerated() {
                sizes[group] += cellSizes[cell]
                removedCounts[group] += plan.removedPerCell[cell]
            }
            let groupRows = compositionRows(
                plan: totals, grouping: grouping, sizes: sizes, removedCounts: removedCounts)
            guard !groupRows.isEmpty else { continue }
            planRows += groupRows
            attributes.append(attributeRow(plan: totals, grouping: grouping, rows: groupRows))
        }
        let qValues = Statistics.benjaminiHochberg(planRows.map(\.pValue))
        for index in planRows.indices { planRows[index].qValue = qValues[index] }
        rows += planRows
    }
    return CompositionAudit(rows: rows, attributes: attributes)
}
