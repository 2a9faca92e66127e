import DietAuditCore
import Rules

extension MarkdownReport {
    /// The findings, most severe first, as a table of at most ``findingLimit`` rows.
    func findingsSection() -> String {
        var lines = ["## Findings", ""]
        guard !stored.findings.isEmpty else {
            lines.append("No rule of ruleset \(Markdown.code(stored.run.rulesetName)) was broken.")
            return lines.joined(separator: "\n")
        }
        let sorted = stored.findings.enumerated().sorted { a, b in
            a.element.severity != b.element.severity ? a.element.severity > b.element.severity : a.offset < b.offset
        }.map(\.element)
        let rows = sorted.prefix(findingLimit).map { finding in
            [
                finding.severity.rawValue, Markdown.code(finding.ruleId),
                finding.score.map { Markdown.code($0) } ?? "—", "`\(finding.policy)`", finding.fraction.map(percent) ?? "—",
                Markdown.escape(finding.attribute), finding.group.map(Markdown.escape) ?? "(all)",
                "`\(finding.metric)`", number(finding.value),
                "\(finding.comparison) \(NumberFormatting.exact(finding.threshold))",
            ]
        }
        lines.append(Markdown.table(
            header: ["severity", "rule", "score", "policy", "fraction", "attribute", "group", "metric", "value", "limit"],
            rows: rows, alignments: ["l", "l", "l", "l", "r", "l", "l", "l", "r", "l"]))
        if sorted.count > findingLimit {
            lines.append("")
            lines.append("\(sorted.count - findingLimit) more findings are in the JSON report and the database (table `finding`, run \(stored.id)).")
        }
        return lines.joined(separator: "\n")
    }
}
