import DietAuditCore
import Rules

extension MarkdownReport {
    /// The breaches, most severe first, as a table of at most ``findingLimit``
    /// rows, then the rows the rules could not judge, summarised.
    func findingsSection() -> String {
        var lines = ["## Findings", ""]
        let breaches = stored.findings.filter { !$0.isInsufficientEvidence }
        if breaches.isEmpty {
            lines.append("No rule of ruleset \(Markdown.code(stored.run.rulesetName)) was broken.")
        } else {
            lines.append(breachTable(breaches))
        }
        let unjudged = insufficientEvidenceSummary()
        if !unjudged.isEmpty {
            lines.append("")
            lines.append(unjudged)
        }
        return lines.joined(separator: "\n")
    }

    private func breachTable(_ breaches: [Finding]) -> String {
        let sorted = breaches.enumerated().sorted { a, b in
            a.element.severity != b.element.severity ? a.element.severity > b.element.severity : a.offset < b.offset
        }.map(\.element)
        let rows = sorted.prefix(findingLimit).map { finding in
            [
                finding.severity.rawValue, Markdown.code(finding.ruleId),
                finding.score.map { Markdown.code($0) } ?? "—", "`\(finding.policy)`",
                finding.fraction.map(percent) ?? "—",
                Markdown.escape(finding.attribute), finding.group.map(Markdown.escape) ?? "(all)",
                "`\(finding.metric)`", number(finding.value),
                "\(finding.comparison) \(NumberFormatting.exact(finding.threshold))",
            ]
        }
        var lines = [
            Markdown.table(
                header: [
                    "severity", "rule", "score", "policy", "fraction", "attribute", "group", "metric", "value", "limit",
                ],
                rows: rows, alignments: ["l", "l", "l", "l", "r", "l", "l", "l", "r", "l"])
        ]
        if sorted.count > findingLimit {
            lines.append("")
            lines.append(
                "\(sorted.count - findingLimit) more findings are in the JSON report and the database "
                    + "(table `finding`, run \(stored.id)).")
        }
        return lines.joined(separator: "\n")
    }

    /// The insufficient-evidence findings in a few lines, however many there
    /// are: one table row per (rule, reason) with the count, severity and
    /// one example message; empty when every row was judged.
    func insufficientEvidenceSummary() -> String {
        let unjudged = stored.findings.filter(\.isInsufficientEvidence)
        guard !unjudged.isEmpty else { return "" }
        var order: [String] = []
        var byKey: [String: [Finding]] = [:]
        for finding in unjudged {
            let key = finding.ruleId + "\u{0}" + finding.comparison
            if byKey[key] == nil { order.append(key) }
            byKey[key, default: []].append(finding)
        }
        let rows = order.map { key -> [String] in
            let group = byKey[key]!
            let reason = InsufficientReason(rawValue: group[0].comparison)?.summary ?? group[0].comparison
            let severities = Severity.allCases.reversed().filter { severity in
                group.contains { $0.severity == severity }
            }
            return [
                Markdown.code(group[0].ruleId), reason, severities.map(\.rawValue).joined(separator: ", "),
                "\(group.count)", Markdown.escape(group[0].message),
            ]
        }
        let plural = unjudged.count == 1 ? "row" : "rows"
        return [
            "### Insufficient evidence", "",
            "The rules could not judge \(unjudged.count) \(plural) they apply to: a group below a rule's "
                + "`min_group_size`, or a metric undefined there. These are not passes; the ruleset's "
                + "`on_insufficient` sets their severity. Counts per rule and reason, with one example each "
                + "(every row is in the JSON report and the database, table `finding`, outcome "
                + "`insufficient_evidence`):",
            "",
            Markdown.table(
                header: ["rule", "reason", "severity", "rows", "example"], rows: rows,
                alignments: ["l", "l", "l", "r", "l"]),
        ].joined(separator: "\n")
    }
}
