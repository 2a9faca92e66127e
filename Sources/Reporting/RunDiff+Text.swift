import DietAuditCore
import Rules
import Storage

extension RunDiff {
    /// The diff as Markdown for a terminal or a pull-request comment: the two
    /// runs and whether their inputs differ, then findings that appeared,
    /// disappeared and changed, then a table of the largest moves per metric.
    public func text() -> String {
        var lines = ["# DietAudit diff: run \(old.id ?? 0) → run \(new.id ?? 0)", ""]
        for (label, run) in [("old", old), ("new", new)] {
            lines.append(
                "- \(label): run \(run.id ?? 0), \(Markdown.code(run.audit)), "
                    + "\(Timestamp.iso8601(run.startedAt)), gate \(gateText(run))")
        }
        let inputs = inputChanges().map { "\($0.name) \($0.same ? "same" : "changed")" }
        lines.append("- inputs: " + inputs.joined(separator: " · "))
        lines.append("")
        lines.append(
            "## Findings: \(appeared.count) appeared, \(disappeared.count) disappeared, "
                + "\(changed.count) changed")
        for (title, findings) in [("Appeared", appeared), ("Disappeared", disappeared)] where !findings.isEmpty {
            lines += ["", "### \(title)", ""]
            lines += findings.map { "- " + describe($0) }
        }
        if !changed.isEmpty {
            lines += ["", "### Changed", ""]
            lines += changed.map(describe)
        }
        for (metric, list) in moves {
            lines += ["", "## Largest moves: \(Markdown.code(metric))", ""]
            guard !list.isEmpty else {
                lines.append("No row shared by both runs moved.")
                continue
            }
            let rows = list.map { move in
                [
                    Markdown.escape(move.key.name), NumberFormatting.metric(move.old),
                    NumberFormatting.metric(move.new),
                    signed(move.delta),
                ]
            }
            lines.append(
                Markdown.table(
                    header: ["score/policy/fraction/attribute/group", "run \(old.id ?? 0)", "run \(new.id ?? 0)", "Δ"],
                    rows: rows, alignments: ["l", "r", "r", "r"]))
        }
        if compositionOnlyOld > 0 || compositionOnlyNew > 0 {
            lines += [
                "",
                "Composition rows only in run \(old.id ?? 0): \(compositionOnlyOld); "
                    + "only in run \(new.id ?? 0): \(compositionOnlyNew) (plans, groups or fractions differ).",
            ]
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Which recorded inputs are byte-identical between the runs.
    public func inputChanges() -> [(name: String, same: Bool)] {
        [
            ("data", old.dataSha256 == new.dataSha256 && old.testSha256 == new.testSha256),
            ("spec", old.specSha256 == new.specSha256),
            ("ruleset", old.rulesetSha256 == new.rulesetSha256),
            ("tool version", old.toolVersion == new.toolVersion),
        ]
    }

    /// `passed`, `failed`, or the status of a run without a verdict.
    func gateText(_ run: RunRecord) -> String {
        guard run.status == .complete else { return "— (\(run.status.rawValue))" }
        return run.gatePassed == true ? "passed" : "failed"
    }

    /// `fail \`rule\` el2n@2/keep_hard/0.3/sex/female: retention_ratio 0.5 (below 0.8)`.
    func describe(_ finding: Finding) -> String {
        "\(finding.severity.rawValue) \(Markdown.code(finding.ruleId)) "
            + "\(Markdown.escape(FindingKey(finding).row.name)): "
            + "\(finding.metric) \(NumberFormatting.metric(finding.value)) "
            + "(\(finding.comparison) \(NumberFormatting.exact(finding.threshold)))"
    }

    /// `- \`rule\` scope: retention_ratio 0.5 → 0.6 (Δ +0.1), fail → warn`.
    func describe(_ change: FindingChange) -> String {
        var text =
            "- \(Markdown.code(change.new.ruleId)) \(Markdown.escape(FindingKey(change.new).row.name)): "
            + "\(change.new.metric) \(NumberFormatting.metric(change.old.value)) → "
            + NumberFormatting.metric(change.new.value)
            + (change.new.value.flatMap { new in change.old.value.map { " (Δ \(signed(new - $0)))" } } ?? "")
        if change.old.severity != change.new.severity {
            text += ", \(change.old.severity.rawValue) → \(change.new.severity.rawValue)"
        }
        if change.old.threshold != change.new.threshold {
            text +=
                ", limit \(NumberFormatting.exact(change.old.threshold)) → "
                + NumberFormatting.exact(change.new.threshold)
        }
        return text
    }

    /// A difference with its sign: `+0.125`, `−0.03`.
    func signed(_ value: Double) -> String {
        value > 0 ? "+" + NumberFormatting.metric(value) : value < 0 ? "−" + NumberFormatting.metric(-value) : "0"
    }
}
