import Auditing
import DietAuditCore

extension MarkdownReport {
    /// Who gets removed: one table per (score, policy) with each group's
    /// retention ratio at every fraction, then per-attribute TVD and χ².
    func compositionSection() -> String {
        guard !stored.composition.isEmpty else { return "" }
        var lines = [
            "## Who gets removed", "",
            "Each cell is the group's **retention ratio**: the share of the group that is kept, divided by the share "
                + "of all training examples that is kept (1 = proportional; below 0.8 fails the four-fifths rule). "
                + "Stars mark Benjamini–Hochberg q-values of the Fisher exact test: \\* < 0.05, \\*\\* < 0.01, "
                + "\\*\\*\\* < 0.001.",
        ]
        if let chart = chartFileName {
            lines += ["", "![Retention ratio of each group at the largest fraction, per plan](\(chart))"]
        }
        let fractions = Set(stored.composition.map(\.fraction)).sorted()
        let plans = orderedUnique(stored.composition.map { PlanKey(score: $0.score, policy: $0.policy) })
        for plan in plans {
            let rows = stored.composition.filter { $0.score == plan.score && $0.policy == plan.policy }
            lines.append("")
            let title =
                plan.score == nil ? "`random` (chance baseline)" : planName(score: plan.score, policy: plan.policy)
            lines.append("### \(title)")
            lines.append("")
            var byGroup: [String: [Double: CompositionRow]] = [:]
            var order: [(String, String, Int)] = []
            for row in rows {
                let key = row.attribute + "\u{0}" + row.group
                if byGroup[key] == nil { order.append((row.attribute, row.group, row.n)) }
                byGroup[key, default: [:]][row.fraction] = row
            }
            let tableRows = order.map { attribute, group, n -> [String] in
                let cells = fractions.map { fraction -> String in
                    guard let row = byGroup[attribute + "\u{0}" + group]?[fraction] else { return "—" }
                    return number(row.retentionRatio) + stars(row.qValue)
                }
                return [Markdown.escape(attribute), Markdown.escape(group), String(n)] + cells
            }
            lines.append(
                Markdown.table(
                    header: ["attribute", "group", "n"] + fractions.map { "remove \(percent($0))" },
                    rows: tableRows, alignments: ["l", "l", "r"] + fractions.map { _ in "r" }))
            lines.append("")
            lines.append(attributeShiftTable(plan: plan, fractions: fractions))
        }
        return lines.joined(separator: "\n")
    }

    private func attributeShiftTable(plan: PlanKey, fractions: [Double]) -> String {
        let rows = stored.attributes.filter { $0.score == plan.score && $0.policy == plan.policy }
        let attributes = orderedUnique(rows.map(\.attribute))
        let tableRows = attributes.map { attribute -> [String] in
            let cells = fractions.map { fraction -> String in
                guard let row = rows.first(where: { $0.attribute == attribute && $0.fraction == fraction }) else {
                    return "—"
                }
                return "\(number(row.tvd)) (p \(pValueText(row.chi2PValue)))"
            }
            return [Markdown.escape(attribute)] + cells
        }
        return "Shift in make-up, total variation distance (χ² p-value):\n\n"
            + Markdown.table(
                header: ["attribute"] + fractions.map { "remove \(percent($0))" }, rows: tableRows,
                alignments: ["l"] + fractions.map { _ in "r" })
    }
}

/// A plan's identity in tables: score (nil for random) and policy.
struct PlanKey: Hashable {
    var score: String?
    var policy: String
}
