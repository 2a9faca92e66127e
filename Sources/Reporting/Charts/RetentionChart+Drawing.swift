import Auditing
import DietAuditCore

extension RetentionChart {
    /// The SVG document, or `nil` when there is nothing to draw.
    public func svg() -> String? {
        let rows = self.rows
        let groups = chartUnique(rows.map { GroupKey(attribute: $0.attribute, group: $0.group) })
        guard !groups.isEmpty else { return nil }
        let significant = Set(
            rows.filter { $0.qValue < 0.05 }.map { GroupKey(attribute: $0.attribute, group: $0.group) })
        let ranking = GroupRanking(groups, tier: { significant.contains($0) ? 1 : 0 }) { key in
            rows.filter { $0.attribute == key.attribute && $0.group == key.group }
                .compactMap { $0.retentionRatio.map { abs($0 - 1) } }.max()
        }
        let scores = chartUnique(rows.compactMap(\.score))
        let policies = chartUnique(rows.map(\.policy))
        let maximum = max(2, (rows.compactMap(\.retentionRatio).max() ?? 1).rounded(.up))
        var canvas = SVGCanvas(width: 760)
        let subtitle =
            "Kept share of each group divided by the kept share overall: 1 is proportional, below 0.8 fails the "
            + "four-fifths rule. One marker per policy; hollow ring: random pruning of the same size."
            + (ranking.others.isEmpty
                ? "" : " Drawn: the groups furthest from 1, significant ones (q < 0.05) first.")
        var top = canvas.heading(title: title, subtitle: subtitle)
        let scale = LinearScale(domain: 0...maximum, start: 230, end: 730)
        let rowCount = ranking.shown.count + (ranking.others.isEmpty ? 0 : 1)
        for score in scores.isEmpty ? [nil] : scores.map(Optional.some) {
            canvas.text(
                score.map { "by \($0)" } ?? "random pruning", x: 16, y: top + 12,
                attributes: "font-weight=\"bold\" font-size=\"13\"")
            let panelTop = top + 22, bottom = panelTop + Double(rowCount) * 20
            drawAxis(into: &canvas, scale: scale, top: panelTop, bottom: bottom, maximum: maximum)
            let panelRows = rows.filter { $0.score == score || $0.score == nil }
            for (index, key) in ranking.shown.enumerated() {
                let y = panelTop + (Double(index) + 0.5) * 20
                drawGroupRow(
                    into: &canvas, key: key, rows: panelRows, policies: policies, scale: scale, y: y)
            }
            if !ranking.others.isEmpty {
                let others = Set(ranking.others)
                let ratios = panelRows.filter { others.contains(GroupKey(attribute: $0.attribute, group: $0.group)) }
                    .compactMap(\.retentionRatio)
                let y = panelTop + (Double(rowCount) - 0.5) * 20
                canvas.text(
                    ranking.othersLabel() + " (range)", x: 222, y: y + 4, anchor: "end", attributes: "class=\"muted\"")
                if let low = ratios.min(), let high = ratios.max() {
                    canvas.rect(
                        x: scale.position(low) - 2, y: y - 5, width: scale.position(high) - scale.position(low) + 4,
                        height: 10, style: "fill=\"\(ChartStyle.otherColor)\" fill-opacity=\"0.35\"")
                }
            }
            top = bottom + 40
        }
        var legend = ChartLegend()
        for (index, policy) in policies.enumerated() where policy != PruningPolicy.random.rawValue {
            legend.add(.marker(index), "policy \(policy)")
        }
        if policies.contains(PruningPolicy.random.rawValue) { legend.add(.hollow, "random pruning (chance)") }
        legend.add(.line("stroke=\"\(ChartStyle.axisColor)\" stroke-width=\"1.5\""), "1: proportional")
        legend.add(.line("stroke=\"#D55E00\" stroke-width=\"1.5\" stroke-dasharray=\"5 3\""), "0.8: four-fifths rule")
        let bottom = legend.draw(into: &canvas, top: top - 4, width: 728)
        return canvas.document(
            height: bottom + 8, title: title, description: description,
            idPrefix: Self.fileName(audit: stored.run.audit))
    }

    private func drawAxis(
        into canvas: inout SVGCanvas, scale: LinearScale, top: Double, bottom: Double, maximum: Double
    ) {
        let grid = "stroke=\"\(ChartStyle.axisColor)\" stroke-opacity=\"0.3\""
        for tick in stride(from: 0.0, through: maximum, by: maximum > 4 ? 1 : 0.5) {
            let x = scale.position(tick)
            canvas.line(x1: x, y1: top, x2: x, y2: bottom, style: grid)
            canvas.text(NumberFormatting.metric(tick), x: x, y: bottom + 14, anchor: "middle")
        }
        canvas.text("Retention ratio", x: (scale.start + scale.end) / 2, y: bottom + 28, anchor: "middle")
        canvas.line(
            x1: scale.position(1), y1: top, x2: scale.position(1), y2: bottom,
            style: "stroke=\"\(ChartStyle.axisColor)\" stroke-width=\"1.5\"")
        canvas.line(
            x1: scale.position(0.8), y1: top, x2: scale.position(0.8), y2: bottom,
            style: "stroke=\"#D55E00\" stroke-width=\"1.5\" stroke-dasharray=\"5 3\"")
    }

    private func drawGroupRow(
        into canvas: inout SVGCanvas, key: GroupKey, rows: [CompositionRow], policies: [String],
        scale: LinearScale, y: Double
    ) {
        canvas.append("<g>")
        canvas.append("<title>\(SVGText.escape(key.label))</title>")
        canvas.text(SVGText.truncated(key.label, limit: 34), x: 222, y: y + 4, anchor: "end")
        for (index, policy) in policies.enumerated() {
            guard
                let ratio = rows.first(where: {
                    $0.attribute == key.attribute && $0.group == key.group && $0.policy == policy
                })?.retentionRatio
            else { continue }
            let isRandom = policy == PruningPolicy.random.rawValue
            canvas.append(
                (isRandom ? MarkerShape.circle : ChartStyle.marker(index)).svg(
                    x: scale.position(ratio), y: y, radius: isRandom ? 5.5 : 4,
                    color: isRandom ? .hex(ChartStyle.otherColor) : ChartStyle.color(index), hollow: isRandom))
        }
        canvas.append("</g>")
    }
}
