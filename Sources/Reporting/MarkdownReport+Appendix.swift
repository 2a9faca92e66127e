import Auditing
import DietAuditCore

extension MarkdownReport {
    /// Every number one click away: all groups of findings, the full
    /// retention-ratio, make-up shift and error-risk tables, each collapsible,
    /// and links to the data files written beside the report.
    func appendixSection() -> ReportSection {
        var blocks: [ReportBlock] = []
        if dataFiles.isEmpty {
            blocks.append(
                .paragraph(
                    "Every row is also in the JSON report (\(code: "--json")) and the database (run \(stored.id))."))
        } else {
            let items = dataFiles.map { file in
                ReportListItem("\(link: file.fileName, to: file.fileName): \(file.contents)")
            }
            blocks.append(.paragraph("Files beside this report hold every row:"))
            blocks.append(.list(items))
        }
        if stored.recommendations.count > recommendationLimit {
            let table = recommendationTable(stored.recommendations, anchor: "table-all-recommendations")
            blocks.append(
                .details(summary: "All \(stored.recommendations.count) recommendations", blocks: [.table(table)]))
        }
        let groups = FindingGroup.groups(of: stored.findings)
        if !groups.isEmpty {
            blocks.append(
                .details(
                    summary: "All \(groups.count) groups of findings",
                    blocks: [.table(findingGroupTable(groups, anchor: "table-all-findings"))]))
        }
        if !stored.composition.isEmpty {
            blocks.append(.details(summary: "Retention ratio of every group, per plan", blocks: retentionTables()))
            blocks.append(.details(summary: "Shift in make-up per attribute, per plan", blocks: shiftTables()))
        }
        if !stored.errorRisk.rows.isEmpty {
            let baseline = stored.errorRisk.rows.filter(\.isBaseline)
            blocks.append(
                .details(
                    summary: "Accuracy of the full-data model for every group",
                    blocks: [.table(baselineTable(baseline, anchor: "table-all-baseline-accuracy"))]))
            blocks.append(.details(summary: "Accuracy change of every group, per plan", blocks: errorRiskTables()))
        }
        return ReportSection("Appendix", blocks: blocks)
    }

    /// The plans of the composition audit, in stored order.
    var compositionPlans: [PlanKey] {
        orderedUnique(stored.composition.map { PlanKey(score: $0.score, policy: $0.policy) })
    }

    /// One table per plan: each group's retention ratio (starred by q) at every fraction.
    func retentionTables() -> [ReportBlock] {
        let fractions = Set(stored.composition.map(\.fraction)).sorted()
        var index: [Scope: CompositionRow] = [:]
        for row in stored.composition {
            index[Scope(row.score, row.policy, row.fraction, row.attribute, row.group)] = row
        }
        return compositionPlans.enumerated().flatMap { number, plan -> [ReportBlock] in
            let groups = orderedUnique(
                stored.composition.filter { $0.score == plan.score && $0.policy == plan.policy }
                    .map { GroupKey(attribute: $0.attribute, group: $0.group) })
            let rows = groupRows(plan: plan, groups: groups, fractions: fractions, index: index, size: \.n) {
                self.number($0.retentionRatio) + stars($0.qValue)
            }
            let title = compositionPlanTitle(plan)
            return [
                .heading(level: 4, text: title, anchor: "retention-\(number + 1)"),
                .table(
                    ReportTable(
                        columns: [.init("attribute"), .init("group"), .init("n", .trailing)]
                            + fractions.map { .init("remove \(percent($0))", .trailing) },
                        rows: rows, anchor: "table-retention-\(number + 1)")),
            ]
        }
    }

    /// One table per plan: each attribute's TVD (χ² p-value) at every fraction.
    func shiftTables() -> [ReportBlock] {
        let fractions = Set(stored.composition.map(\.fraction)).sorted()
        return compositionPlans.enumerated().flatMap { number, plan -> [ReportBlock] in
            let rows = stored.attributes.filter { $0.score == plan.score && $0.policy == plan.policy }
            let tableRows = orderedUnique(rows.map(\.attribute)).map { attribute -> [RichText] in
                [.text(attribute)]
                    + fractions.map { fraction -> RichText in
                        guard let row = rows.first(where: { $0.attribute == attribute && $0.fraction == fraction })
                        else { return "—" }
                        return .text("\(self.number(row.tvd)) (p \(pValueText(row.chi2PValue)))")
                    }
            }
            let title = compositionPlanTitle(plan)
            return [
                .heading(level: 4, text: title, anchor: "shift-\(number + 1)"),
                .table(
                    ReportTable(
                        columns: [.init("attribute")]
                            + fractions.map { .init("TVD (χ² p), remove \(percent($0))", .trailing) },
                        rows: tableRows, anchor: "table-shift-\(number + 1)")),
            ]
        }
    }

    /// One table per plan: each group's accuracy change in points, against
    /// random of the same size (against the full model for random itself).
    func errorRiskTables() -> [ReportBlock] {
        let rows = stored.errorRisk.rows.filter { !$0.isBaseline }
        let fractions = Set(rows.compactMap(\.fraction)).sorted()
        let plans = orderedUnique(rows.map { PlanKey(score: $0.score, policy: $0.policy) })
        var index: [Scope: ErrorRiskRow] = [:]
        for row in rows { index[Scope(row.score, row.policy, row.fraction ?? 0, row.attribute, row.group)] = row }
        return plans.enumerated().flatMap { number, plan -> [ReportBlock] in
            let metric: ErrorRiskMetric =
                plan.policy == PruningPolicy.random.rawValue ? .accuracyDeltaVsFull : .accuracyDeltaVsRandom
            let groups = orderedUnique(
                rows.filter { $0.score == plan.score && $0.policy == plan.policy }
                    .map { GroupKey(attribute: $0.attribute, group: $0.group) })
            let tableRows = groupRows(plan: plan, groups: groups, fractions: fractions, index: index, size: \.n) {
                pointsText($0, metric: metric)
            }
            let title: RichText =
                plan.score == nil
                ? "\(code: "random") against the full model"
                : planName(score: plan.score, policy: plan.policy) + " against random"
            return [
                .heading(level: 4, text: title, anchor: "error-risk-\(number + 1)"),
                .table(
                    ReportTable(
                        columns: [.init("attribute"), .init("group"), .init("test n", .trailing)]
                            + fractions.map { .init("remove \(percent($0))", .trailing) },
                        rows: tableRows, anchor: "table-error-risk-\(number + 1)")),
            ]
        }
    }

    /// One table row per group of `plan`: attribute, group, its size (from the
    /// first fraction that has the group) and `cell` of its row at each
    /// fraction ("—" where the plan has no such row).
    func groupRows<Row>(
        plan: PlanKey, groups: [GroupKey], fractions: [Double], index: [Scope: Row], size: (Row) -> Int,
        cell: (Row) -> String
    ) -> [[RichText]] {
        groups.map { key -> [RichText] in
            let found = fractions.map { index[Scope(plan.score, plan.policy, $0, key.attribute, key.group)] }
            let cells = found.map { row -> RichText in row.map { .text(cell($0)) } ?? "—" }
            let n = found.compactMap { $0.map(size) }.first
            return [.text(key.attribute), .text(key.group), .text(n.map(String.init) ?? "—")] + cells
        }
    }

    /// A composition plan's heading: its name, or "`random` (chance baseline)".
    func compositionPlanTitle(_ plan: PlanKey) -> RichText {
        plan.score == nil ? "\(code: "random") (chance baseline)" : planName(score: plan.score, policy: plan.policy)
    }
}
