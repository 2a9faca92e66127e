import DietAuditCore
import Rules

extension MarkdownReport {
    /// The remedy recommended for each plan with a fail-severity breach, as a
    /// table; empty (no section) when no plan fails.
    func recommendationsSection() -> String {
        let rows = stored.recommendations
        guard !rows.isEmpty else { return "" }
        var lines = [
            "## Recommendations", "",
            "Each plan that breaks a fail-severity rule was compared with remedy policies at the same score and "
                + "fraction (`group_balanced`, `class_balanced`, `quota` when the scoring models' held-out recall "
                + "is known, `keep_hard` with offset 0.1 for `keep_hard`), each judged by the same ruleset. "
                + "The recommended remedy passes the ruleset with the smallest accuracy cost against random pruning "
                + "(overall test accuracy of the random plan minus the remedy's) when models were retrained, "
                + "else with the smallest largest TVD.", "",
        ]
        let table = rows.map { row -> [String] in
            [
                planName(score: row.score, policy: row.policy), percent(row.fraction),
                row.remedy.map { "`\($0)`" } ?? "—", row.passes ? "yes" : "**no**",
                number(row.accuracyCost), number(row.tvd),
            ]
        }
        lines.append(
            Markdown.table(
                header: ["failing plan", "fraction", "remedy", "passes", "accuracy cost", "largest TVD"],
                rows: table, alignments: ["l", "r", "l", "l", "r", "r"]))
        return lines.joined(separator: "\n")
    }

    /// The summary's sentence naming the first recommendation, or `nil` when
    /// no plan fails.
    func recommendationSentence() -> String? {
        guard let first = stored.recommendations.first else { return nil }
        let plan = "removing \(percent(first.fraction)) with \(planName(score: first.score, policy: first.policy))"
        let others = stored.recommendations.count - 1
        let more = others > 0 ? " (\(others) more failing plan\(others == 1 ? "" : "s") in Recommendations)" : ""
        guard let remedy = first.remedy else { return "No remedy policy applies to \(plan)\(more)." }
        return first.passes
            ? "Recommendation: instead of \(plan), use `\(remedy)` at the same score and fraction, "
                + "which passes the ruleset\(more)."
            : "No remedy tried makes \(plan) pass the ruleset; the closest is `\(remedy)`\(more)."
    }
}
