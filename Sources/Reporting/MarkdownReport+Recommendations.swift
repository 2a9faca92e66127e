import DietAuditCore
import Rules

extension MarkdownReport {
    /// The remedy recommended for each plan with a fail-severity breach, as a
    /// table; `nil` (no section) when no plan fails.
    func recommendationsSection() -> ReportSection? {
        let rows = stored.recommendations
        guard !rows.isEmpty else { return nil }
        let shown = Array(rows.prefix(recommendationLimit))
        let more: RichText =
            rows.count > shown.count
            ? " The first \(shown.count) of \(rows.count) failing plans are shown; all are in the "
                + "\(link: "appendix", to: "#appendix")." : ""
        return ReportSection(
            "Recommendations",
            blocks: [
                .paragraph(
                    "Each plan that breaks a fail-severity rule was compared with remedy policies at the same score "
                        + "and fraction (\(code: "group_balanced"), \(code: "class_balanced"), \(code: "quota") when "
                        + "the scoring models' held-out recall is known, \(code: "keep_hard") with offset 0.1 for "
                        + "\(code: "keep_hard")), each judged by the same ruleset. The recommended remedy passes the "
                        + "ruleset with the smallest accuracy cost against random pruning (overall test accuracy of "
                        + "the random plan minus the remedy's) when models were retrained, else with the smallest "
                        + "largest TVD." + more),
                .table(recommendationTable(shown, anchor: "table-recommendations")),
            ])
    }

    /// One row per failing plan: the remedy, whether it passes, its cost.
    func recommendationTable(_ rows: [Recommendation], anchor: String) -> ReportTable {
        ReportTable(
            columns: [
                .init("failing plan"), .init("remove", .trailing), .init("remedy"), .init("passes"),
                .init("accuracy cost", .trailing), .init("largest TVD", .trailing),
            ],
            rows: rows.map { row -> [RichText] in
                [
                    planName(score: row.score, policy: row.policy), .text(percent(row.fraction)),
                    row.remedy.map { .code($0) } ?? "—", row.passes ? "yes" : .strong("no"),
                    .text(number(row.accuracyCost)), .text(number(row.tvd)),
                ]
            },
            anchor: anchor)
    }

    /// The summary's sentence naming the first recommendation, or `nil` when
    /// no plan fails.
    func recommendationSentence() -> RichText? {
        guard let first = stored.recommendations.first else { return nil }
        let plan: RichText =
            "removing \(percent(first.fraction)) with \(planName(score: first.score, policy: first.policy))"
        let others = stored.recommendations.count - 1
        let more: RichText =
            others > 0
            ? " (\(others) more failing plan\(others == 1 ? "" : "s") in "
                + "\(link: "Recommendations", to: "#recommendations"))" : ""
        guard let remedy = first.remedy else { return "No remedy policy applies to \(plan)\(more)." }
        return first.passes
            ? "Recommendation: instead of \(plan), use \(code: remedy) at the same score and fraction, "
                + "which passes the ruleset\(more)."
            : "No remedy tried makes \(plan) pass the ruleset; the closest is \(code: remedy)\(more)."
    }
}
