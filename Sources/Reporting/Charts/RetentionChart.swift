import Auditing
import DietAuditCore
import Foundation
import Storage

/// A dot plot of retention ratios at the run's largest fraction: one panel
/// per score, in it one row per group of the class and of each sensitive
/// attribute (intersections are left to the tables and the removal-rate
/// charts) — the eight furthest from proportional first, the rest summarised
/// as one grey range row — one marker per policy (colour and shape per
/// policy), the random plan as a hollow grey ring in every panel, a solid
/// line at 1 (proportional) and a dashed line at 0.8 (the four-fifths rule).
/// The horizontal axis runs from 0 to the largest ratio shown (at least 2).
public struct RetentionChart {
    public let stored: StoredRun

    public init(_ stored: StoredRun) {
        self.stored = stored
    }

    /// The file name beside the Markdown report.
    public static func fileName(audit: String) -> String {
        ReportFiles.fileName(audit: audit) + "-retention.svg"
    }

    /// The fraction the chart shows: the largest one audited.
    var fraction: Double? { stored.composition.map(\.fraction).max() }

    /// The rows drawn: the largest fraction, class and attribute groups.
    var rows: [CompositionRow] {
        guard let fraction else { return [] }
        return stored.composition.filter { $0.fraction == fraction && $0.attributeKind != .intersection }
    }

    /// The chart's title.
    var title: String { "Retention ratio by group, removing \(NumberFormatting.percent(fraction ?? 0))" }

    /// One sentence describing the chart.
    var description: String {
        let rows = self.rows
        var text =
            "Retention ratio (kept share of each group over the kept share overall) at "
            + "\(NumberFormatting.percent(fraction ?? 0)) pruned, for every score and policy, against 1 "
            + "(proportional) and 0.8 (the four-fifths rule)"
        if let worst = rows.filter({ $0.retentionRatio != nil }).min(by: { $0.retentionRatio! < $1.retentionRatio! }) {
            text +=
                "; the lowest is \(GroupKey(attribute: worst.attribute, group: worst.group).label) at "
                + "\(NumberFormatting.metric(worst.retentionRatio)) under "
                + "\(worst.score.map { "\($0) " } ?? "")\(worst.policy)"
        }
        return text + "."
    }

    /// The chart as a report chart, or `nil` when there is nothing to draw.
    public func chart() -> ReportChart? {
        guard let svg = svg() else { return nil }
        return ReportChart(
            fileName: Self.fileName(audit: stored.run.audit), title: title, description: description,
            placement: .composition, svg: svg)
    }
}
