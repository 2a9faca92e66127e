import Auditing
import DietAuditCore
import Foundation
import Storage

/// An SVG dot plot of retention ratios at the run's largest fraction: one
/// panel per score, in it one line per group of the class and of each
/// sensitive attribute (intersections are left to the tables), one dot per
/// policy coloured by policy, the random plan as a grey ring in every panel,
/// a solid line at 1 (proportional) and a dashed red line at 0.8 (the
/// four-fifths rule). The horizontal axis runs from 0 to the largest ratio
/// shown (at least 2). Labels are XML-escaped.
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

    /// The SVG document, or `nil` when there is nothing to draw.
    public func svg() -> String? {
        guard let fraction else { return nil }
        let rows = stored.composition.filter { $0.fraction == fraction && $0.attributeKind != .intersection }
        let groups = orderedUnique(rows.map { GroupKey(attribute: $0.attribute, group: $0.group) })
        let scores = orderedUnique(rows.compactMap(\.score))
        let policies = orderedUnique(rows.map(\.policy))
        guard !groups.isEmpty else { return nil }
        let panels: [String?] = scores.isEmpty ? [nil] : scores
        let maximum = max(2, (rows.compactMap(\.retentionRatio).max() ?? 1).rounded(.up))
        let labelWidth = 220.0, plotWidth = 420.0, rowHeight = 18.0, panelGap = 44.0, top = 34.0
        let panelHeight = Double(groups.count) * rowHeight + panelGap
        let legendTop = top + Double(panels.count) * panelHeight
        let height = legendTop + Double(policies.count) * 16 + 10
        func x(_ ratio: Double) -> Double { labelWidth + plotWidth * min(ratio, maximum) / maximum }
        func ratio(_ key: GroupKey, score: String?, policy: String) -> Double? {
            rows.first {
                $0.attribute == key.attribute && $0.group == key.group && $0.score == score && $0.policy == policy
            }?
            .retentionRatio
        }

        var parts = [
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(labelWidth + plotWidth + 30))\" "
                + "height=\"\(Int(height))\" font-family=\"sans-serif\" font-size=\"11\">",
            "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>",
            "<text x=\"10\" y=\"18\" font-size=\"13\" font-weight=\"bold\">Retention ratio by group, removing "
                + "\(NumberFormatting.percent(fraction))</text>",
        ]
        for (panelIndex, score) in panels.enumerated() {
            let panelTop = top + Double(panelIndex) * panelHeight + 18
            let bottom = panelTop + Double(groups.count) * rowHeight
            parts.append(
                "<text x=\"10\" y=\"\(format(panelTop - 6))\" "
                    + "font-weight=\"bold\">\(escape(score.map { "by \($0)" } ?? "random pruning"))</text>"
            )
            for tick in stride(from: 0.0, through: maximum, by: maximum > 4 ? 1 : 0.5) {
                let position = format(x(tick))
                parts.append(
                    "<line x1=\"\(position)\" y1=\"\(format(panelTop))\" x2=\"\(position)\" y2=\"\(format(bottom))\" "
                        + "stroke=\"#eee\"/>"
                )
                parts.append(
                    "<text x=\"\(position)\" y=\"\(format(bottom + 12))\" "
                        + "text-anchor=\"middle\">\(NumberFormatting.metric(tick))</text>"
                )
            }
            parts.append(verticalLine(at: x(1), from: panelTop, to: bottom, style: "stroke=\"#555\""))
            parts.append(
                verticalLine(at: x(0.8), from: panelTop, to: bottom, style: "stroke=\"#c00\" stroke-dasharray=\"4 3\""))
            for (index, key) in groups.enumerated() {
                let y = panelTop + Double(index) * rowHeight + rowHeight / 2
                parts.append(
                    "<text x=\"\(format(labelWidth - 8))\" y=\"\(format(y + 4))\" "
                        + "text-anchor=\"end\">\(escape(key.attribute + ": " + key.group))</text>"
                )
                for (policyIndex, policy) in policies.enumerated() {
                    let planScore = policy == PruningPolicy.random.rawValue ? nil : score
                    guard let value = ratio(key, score: planScore, policy: policy) else { continue }
                    parts.append(marker(policy: policy, index: policyIndex, cx: x(value), cy: y))
                }
            }
        }
        for (policyIndex, policy) in policies.enumerated() {
            let y = legendTop + Double(policyIndex) * 16
            parts.append(marker(policy: policy, index: policyIndex, cx: labelWidth, cy: y - 4))
            let legend = policy == PruningPolicy.random.rawValue ? "random (chance)" : policy
            parts.append("<text x=\"\(format(labelWidth + 10))\" y=\"\(format(y))\">\(escape(legend))</text>")
        }
        parts.append("</svg>")
        return parts.joined(separator: "\n") + "\n"
    }

    private func verticalLine(at x: Double, from top: Double, to bottom: Double, style: String) -> String {
        "<line x1=\"\(format(x))\" y1=\"\(format(top))\" x2=\"\(format(x))\" y2=\"\(format(bottom))\" \(style)/>"
    }

    private static let palette = [
        "#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22",
    ]

    private func marker(policy: String, index: Int, cx: Double, cy: Double) -> String {
        if policy == PruningPolicy.random.rawValue {
            return
                "<circle cx=\"\(format(cx))\" cy=\"\(format(cy))\" r=\"4\" fill=\"none\" stroke=\"#888\" "
                + "stroke-width=\"1.5\"/>"
        }
        let color = Self.palette[index % Self.palette.count]
        return "<circle cx=\"\(format(cx))\" cy=\"\(format(cy))\" r=\"3.5\" fill=\"\(color)\" fill-opacity=\"0.8\"/>"
    }

    private func format(_ value: Double) -> String {
        String(format: "%.1f", value)
    }

    private func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}

/// A group's identity in charts: attribute and group label.
struct GroupKey: Hashable {
    var attribute: String
    var group: String
}
