import Auditing
import DietAuditCore
import Rules
import Storage

/// The human-readable report of a stored run: verdict and plain-language
/// summary first, then findings, composition tables, score validity, data,
/// methods and provenance. It is a pure view of the database: rendering it
/// again later gives the same text.
public struct MarkdownReport {
    public let stored: StoredRun
    public let gate: Gate
    /// Most findings listed in the findings table (all are in the JSON and database).
    public var findingLimit = 40
    /// The retention chart's file name beside the report, when one was written.
    public var chartFileName: String?

    public init(_ stored: StoredRun, gate: Gate) {
        self.stored = stored
        self.gate = gate
    }

    /// The whole report.
    public func render() -> String {
        let sections = [
            recommendationsSection(), findingsSection(), compositionSection(), errorRiskSection(), validitySection(),
            dataSection(), methodsSection(), provenanceSection(),
        ].filter { !$0.isEmpty }
        return ([header(), summary(), contents(of: sections)] + sections).joined(separator: "\n\n") + "\n"
    }

    /// One line linking every section after the summary (GitHub-style anchors
    /// of the `## ` headings).
    func contents(of sections: [String]) -> String {
        let titles = sections.compactMap { section -> String? in
            guard section.hasPrefix("## ") else { return nil }
            return String(section.dropFirst(3).prefix { $0 != "\n" })
        }
        let links = titles.map { title -> String in
            let anchor = title.lowercased().filter { $0.isLetter || $0.isNumber || $0 == " " || $0 == "-" }
                .replacingOccurrences(of: " ", with: "-")
            return "[\(title)](#\(anchor))"
        }
        return "Contents: " + links.joined(separator: " · ")
    }

    func header() -> String {
        let run = stored.run
        var lines = ["# DietAudit report: \(Markdown.escape(run.audit))", ""]
        if run.status != .complete {
            lines.append(
                "**Verdict: INCOMPLETE** — this run is marked `\(run.status.rawValue)`"
                    + (run.errorMessage.map { ": " + Markdown.escape($0) } ?? "") + ". Its results are not final.")
        } else {
            lines.append(
                "**Verdict: \(gate.verdict.rawValue)** — \(gate.reason) "
                    + "(ruleset \(Markdown.code(run.rulesetName)); findings: \(gate.countsSummary)).")
        }
        lines.append("")
        lines.append("Run \(stored.id) · \(Timestamp.iso8601(run.startedAt)) · DietAudit \(run.toolVersion)")
        return lines.joined(separator: "\n")
    }

    /// `0.3` → `30%`.
    func percent(_ fraction: Double) -> String { NumberFormatting.percent(fraction) }

    /// A metric for tables.
    func number(_ value: Double?) -> String { NumberFormatting.metric(value) }

    /// `p < 0.001` style for p- and q-values.
    func pValueText(_ value: Double?) -> String {
        guard let value else { return "—" }
        return value < 0.001 ? "< 0.001" : NumberFormatting.metric(value, digits: 2)
    }

    /// `***` for q < 0.001, `**` < 0.01, `*` < 0.05, else nothing.
    func stars(_ q: Double) -> String {
        q < 0.001 ? "\\*\\*\\*" : q < 0.01 ? "\\*\\*" : q < 0.05 ? "\\*" : ""
    }

    /// How a plan is named in text: `keep_hard by el2n@2` or `random`.
    func planName(score: String?, policy: String) -> String {
        guard let score else { return "`\(policy)`" }
        return "`\(policy)` by \(Markdown.code(score))"
    }
}
