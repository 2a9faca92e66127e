import DietAuditCore
import Foundation
import Rules
import Storage

/// A short Markdown summary of a run for a CI job's summary page (GitHub
/// Actions shows whatever a step appends to the file named by
/// `GITHUB_STEP_SUMMARY`): the verdict, the finding counts by severity, the
/// worst failing findings as a table and where the full report is.
///
/// Several runs in one job append one section each; nothing already in the
/// file is changed.
public enum StepSummary {
    /// Most failing findings shown in the table.
    public static let findingLimit = 5

    /// The summary of `stored` judged by `gate`; `reportPath` is the Markdown
    /// report's path, when one was written.
    public static func markdown(_ stored: StoredRun, gate: Gate, reportPath: String?) -> String {
        var lines = ["### DietAudit: \(Markdown.escape(stored.run.audit)) — \(verdict(stored, gate: gate))", ""]
        lines.append(
            "Run \(stored.id) · ruleset \(Markdown.code(stored.run.rulesetName)) · "
                + "fail-on `\(gate.failOnName)` · findings: \(gate.countsSummary)")
        if stored.run.status == .complete {
            lines.append("")
            lines.append("Verdict \(gate.verdict.rawValue): \(gate.reason).")
        }
        let failing = worstFailing(stored.findings, gate: gate)
        if !failing.isEmpty {
            lines.append("")
            let total = stored.findings.filter { isFailing($0, gate: gate) }.count
            lines.append(
                total > failing.count
                    ? "Worst \(failing.count) of \(total) findings that fail the gate:" : "Findings that fail the gate:"
            )
            lines.append("")
            let rows = failing.map { finding in
                [
                    finding.severity.rawValue, Markdown.codeCell(finding.ruleId),
                    Markdown.escape(SARIFReport.logicalName(of: finding)),
                    "`\(finding.metric)`", NumberFormatting.metric(finding.value),
                    "\(finding.comparison) \(NumberFormatting.exact(finding.threshold))",
                ]
            }
            lines.append(
                Markdown.table(
                    header: ["severity", "rule", "score/policy/fraction/attribute/group", "metric", "value", "limit"],
                    rows: rows, alignments: ["l", "l", "l", "l", "r", "l"]))
        }
        if let reportPath {
            lines.append("")
            lines.append("Full report: \(Markdown.code(reportPath))")
        }
        return lines.joined(separator: "\n") + "\n\n"
    }

    /// `PASS`, `WARN`, `FAIL`, `INSUFFICIENT EVIDENCE` (``Verdict``), or
    /// `INCOMPLETE (<status>)` for a run that is not complete.
    public static func verdict(_ stored: StoredRun, gate: Gate) -> String {
        guard stored.run.status == .complete else { return "INCOMPLETE (\(stored.run.status.rawValue))" }
        return gate.verdict.rawValue
    }

    /// Findings at or above the gate's `fail_on`, worst first: higher
    /// severity first, then the farther past its threshold (|value −
    /// threshold| / max(|threshold|, 1): the distance itself for thresholds
    /// within ±1, relative beyond), then stored order; at most ``findingLimit``.
    public static func worstFailing(_ findings: [Finding], gate: Gate) -> [Finding] {
        let failing = findings.enumerated().filter { isFailing($0.element, gate: gate) }
        let sorted = failing.sorted { a, b in
            if a.element.severity != b.element.severity { return a.element.severity > b.element.severity }
            let distanceA = distance(a.element), distanceB = distance(b.element)
            if distanceA != distanceB { return distanceA > distanceB }
            return a.offset < b.offset
        }
        return Array(sorted.prefix(findingLimit).map(\.element))
    }

    /// Appends `text` to the file at `path`, creating it when missing.
    /// - Throws: ``InputError`` naming the path when it cannot be written.
    public static func append(_ text: String, to path: String) throws {
        let manager = FileManager.default
        if !manager.fileExists(atPath: path), !manager.createFile(atPath: path, contents: nil) {
            throw InputError("cannot create the step summary file", at: SourceLocation(file: path))
        }
        guard let handle = FileHandle(forWritingAtPath: path) else {
            throw InputError("cannot open the step summary file for writing", at: SourceLocation(file: path))
        }
        defer { try? handle.close() }
        do {
            try handle.seekToEnd()
            try handle.write(contentsOf: Data(text.utf8))
        } catch {
            throw InputError(
                "cannot append to the step summary file: \(error.localizedDescription)", at: SourceLocation(file: path))
        }
    }

    static func isFailing(_ finding: Finding, gate: Gate) -> Bool {
        gate.failOn.map { finding.severity >= $0 } ?? false
    }

    static func distance(_ finding: Finding) -> Double {
        guard let value = finding.value, let threshold = finding.threshold else { return 0 }
        let gap = abs(value - threshold) / max(abs(threshold), 1)
        return gap.isFinite ? gap : 0
    }
}
