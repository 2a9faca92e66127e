import Auditing
import DietAuditCore
import Rules
import Storage

/// The human-readable report of a stored run, built once as a
/// ``ReportDocument`` and rendered as Markdown (``render()``) or as one
/// self-contained HTML page (``renderHTML()``), so both carry the same
/// content. It is a pure view of the database: rendering it again later gives
/// the same bytes.
///
/// Order: the verdict with its reason; a summary of at most about ten lines
/// (what was audited, the recommendation, the three worst groups of
/// findings, who pays, the chance baseline, score warnings); the
/// recommendations; then findings grouped by rule and plan, the rows that
/// matter of who gets removed and who pays (each beside random pruning),
/// score validity, data, methods and caveats, provenance, and an appendix
/// with the full tables (collapsible) and links to their CSV files.
public struct MarkdownReport {
    public let stored: StoredRun
    public let gate: Gate
    /// Most groups of findings in the findings section (all are in the appendix).
    public var findingGroupLimit = 12
    /// Most failing plans in the recommendations section (all are in the appendix).
    public var recommendationLimit = 8
    /// Most rows in each detailed table (all are in the appendix).
    public var detailRowLimit = 25
    /// Charts, each shown in the section its placement names.
    public var figures: [ReportChart] = []
    /// Data files written beside the report (CSV tables, JSON, database),
    /// linked from the appendix.
    public var dataFiles: [ReportDataFile] = []

    public init(_ stored: StoredRun, gate: Gate) {
        self.stored = stored
        self.gate = gate
    }

    /// The report as Markdown.
    public func render() -> String { MarkdownRenderer.render(document()) }

    /// The report as one self-contained HTML page.
    public func renderHTML() -> String { HTMLRenderer.render(document()) }

    /// The report's content.
    public func document() -> ReportDocument {
        let recommendations = recommendationsSection()
        let sections = [
            ReportSection("Summary", blocks: summary()), recommendations, findingsSection(),
            compositionSection(), errorRiskSection(), validitySection(), ReportSection("Data", blocks: dataBlocks()),
            methodsSection(), provenanceSection(), appendixSection(),
        ].compactMap { $0 }
        return ReportDocument(
            title: "DietAudit report: \(stored.run.audit)", lead: lead(), sections: sections,
            contentsAfter: recommendations == nil ? 1 : 2)
    }

    /// The verdict with its reason in one sentence, and the run line.
    func lead() -> [ReportBlock] {
        let run = stored.run
        let verdict: RichText
        if run.status != .complete {
            verdict =
                "\(strong: "Verdict: INCOMPLETE") — this run is marked \(code: run.status.rawValue)"
                + (run.errorMessage.map { ": \($0)" } ?? "") + ". Its results are not final."
        } else {
            verdict =
                "\(strong: "Verdict: \(gate.verdict.rawValue)") — \(RichText.markedUp(gate.reason)) "
                + "(ruleset \(code: run.rulesetName); findings: \(gate.countsSummary))."
        }
        return [
            .paragraph(verdict),
            .paragraph("Run \(stored.id) · \(Timestamp.iso8601(run.startedAt)) · DietAudit \(run.toolVersion)"),
        ]
    }

    /// The figures placed in `placement`.
    func figureBlocks(_ placement: ChartPlacement) -> [ReportBlock] {
        figures.filter { $0.placement == placement }.map { .figure($0) }
    }

    /// `0.3` → `30%`.
    func percent(_ fraction: Double) -> String { NumberFormatting.percent(fraction) }

    func percent(_ fraction: Double, digits: Int) -> String {
        NumberFormatting.percent(fraction, digits: digits)
    }

    /// A metric for tables.
    func number(_ value: Double?) -> String { NumberFormatting.metric(value) }

    /// `p < 0.001` style for p- and q-values.
    func pValueText(_ value: Double?) -> String {
        guard let value else { return "—" }
        return value < 0.001 ? "< 0.001" : NumberFormatting.metric(value, digits: 2)
    }

    /// `***` for q < 0.001, `**` < 0.01, `*` < 0.05, else nothing.
    func stars(_ q: Double) -> String {
        q < 0.001 ? "***" : q < 0.01 ? "**" : q < 0.05 ? "*" : ""
    }

    /// How a plan is named in text: `keep_hard` by `el2n@2`, or `random`.
    func planName(score: String?, policy: String) -> RichText {
        guard let score else { return "\(code: policy)" }
        return "\(code: policy) by \(code: score)"
    }

    /// A group in text: `'female' (sex)`.
    func groupName(attribute: String, group: String?) -> RichText {
        guard let group else { return "\(attribute) as a whole" }
        return "'\(group)' (\(attribute))"
    }
}

/// A file written beside the report that holds the full numbers.
public struct ReportDataFile: Sendable, Equatable {
    public var fileName: String
    /// What it holds, e.g. "every composition row".
    public var contents: String

    public init(fileName: String, contents: String) {
        self.fileName = fileName
        self.contents = contents
    }
}
