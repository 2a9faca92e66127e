import DietAuditCore
import Rules

extension MarkdownReport {
    /// The breaches grouped by rule and plan, worst group first, at most
    /// ``findingGroupLimit`` groups (all in the appendix), then the rows the
    /// rules could not judge, summarised.
    func findingsSection() -> ReportSection {
        var blocks: [ReportBlock] = []
        let groups = FindingGroup.groups(of: stored.findings)
        if groups.isEmpty {
            blocks.append(.paragraph("No rule of ruleset \(code: stored.run.rulesetName) was broken."))
        } else {
            let breaches = groups.reduce(0) { $0 + $1.findings.count }
            let shown = min(groups.count, findingGroupLimit)
            let intro: RichText =
                "\(breaches) breach\(breaches == 1 ? "" : "es") in \(groups.count) "
                + "group\(groups.count == 1 ? "" : "s") of rule × plan (score, policy, fraction), worst first: "
                + "by severity, then by how far the worst row lies beyond its limit."
            let more: RichText =
                groups.count > shown
                ? " The \(shown) worst groups are shown; all \(groups.count) are in the "
                    + "\(link: "appendix", to: "#appendix")." : ""
            blocks.append(.paragraph(intro + more))
            blocks.append(.table(findingGroupTable(Array(groups.prefix(shown)), anchor: "table-findings")))
        }
        blocks += insufficientEvidenceSummary()
        return ReportSection("Findings", blocks: blocks)
    }

    /// One row per group of findings: severity, rule, plan, fraction, count,
    /// the worst row's group (attribute), metric, value and limit.
    func findingGroupTable(_ groups: [FindingGroup], anchor: String) -> ReportTable {
        let rows = groups.map { group -> [RichText] in
            let worst = group.worst
            return [
                .text(group.severity.rawValue), .code(group.ruleId), planName(score: group.score, policy: group.policy),
                .text(group.fraction.map(percent) ?? "—"), .text(String(group.findings.count)),
                .text(worst.group.map { "\($0) (\(worst.attribute))" } ?? "\(worst.attribute) as a whole"),
                .code(worst.metric), .text(number(worst.value)),
                .text("\(worst.comparison) \(NumberFormatting.exact(worst.threshold))"),
            ]
        }
        return ReportTable(
            columns: [
                .init("severity"), .init("rule"), .init("plan"), .init("remove", .trailing),
                .init("rows", .trailing), .init("worst group"), .init("metric"),
                .init("value", .trailing), .init("limit"),
            ],
            rows: rows, anchor: anchor)
    }

    /// The insufficient-evidence findings in a few lines, however many there
    /// are: one table row per (rule, reason) with the count, severity and
    /// one example message; empty when every row was judged.
    func insufficientEvidenceSummary() -> [ReportBlock] {
        let unjudged = stored.findings.filter(\.isInsufficientEvidence)
        guard !unjudged.isEmpty else { return [] }
        var order: [String] = []
        var byKey: [String: [Finding]] = [:]
        for finding in unjudged {
            let key = finding.ruleId + "\u{0}" + finding.comparison
            if byKey[key] == nil { order.append(key) }
            byKey[key, default: []].append(finding)
        }
        let rows = order.map { key -> [RichText] in
            let group = byKey[key]!
            let reason = InsufficientReason(rawValue: group[0].comparison)?.summary ?? group[0].comparison
            let severities = Severity.allCases.reversed().filter { severity in
                group.contains { $0.severity == severity }
            }
            return [
                .code(group[0].ruleId), .text(reason), .text(severities.map(\.rawValue).joined(separator: ", ")),
                .text(String(group.count)), .text(group[0].message),
            ]
        }
        let plural = unjudged.count == 1 ? "row" : "rows"
        return [
            .heading(level: 3, text: "Insufficient evidence", anchor: "insufficient-evidence"),
            .paragraph(
                "The rules could not judge \(unjudged.count) \(plural) they apply to: a group below a rule's "
                    + "\(code: "min_group_size"), or a metric undefined there. These are not passes; the ruleset's "
                    + "\(code: "on_insufficient") sets their severity. Counts per rule and reason, with one example "
                    + "each (every row is in the JSON report and the database, table \(code: "finding"), outcome "
                    + "\(code: "insufficient_evidence")):"),
            .table(
                ReportTable(
                    columns: [
                        .init("rule"), .init("reason"), .init("severity"), .init("rows", .trailing),
                        .init("example", isProse: true),
                    ],
                    rows: rows, anchor: "table-insufficient-evidence")),
        ]
    }
}
