import DietAuditCore

extension ScoreDistributionChart {
    static let width = 760.0

    /// The SVG document: heading, one box row per entry of `rows`, the value
    /// axis, a legend of what the box parts mean.
    func svg(rows: [Row], title: String, description: String, idPrefix: String, ranked: Bool) -> String {
        var canvas = SVGCanvas(width: Self.width)
        let subtitle =
            "Seed-averaged \(score.name) of each training example (\(directionText)). Box: quartiles; "
            + "thick line: median; whiskers: 5th to 95th percentile; n: examples."
            + (ranked ? " Groups ranked by how unevenly pruning on this score removes them." : "")
        let top = canvas.heading(title: title, subtitle: subtitle)
        let labelRight = 198.0, plotLeft = 216.0, plotRight = Self.width - 86, rowHeight = 28.0
        let plotTop = top + 6, plotBottom = plotTop + Double(rows.count) * rowHeight
        let domain = LinearScale.niceDomain(rows.flatMap { [$0.summary.p05, $0.summary.p95] })
        let scale = LinearScale(domain: domain, start: plotLeft, end: plotRight)
        let grid = "stroke=\"\(ChartStyle.axisColor)\" stroke-opacity=\"0.3\""
        for tick in scale.ticks() {
            let x = scale.position(tick)
            canvas.line(x1: x, y1: plotTop, x2: x, y2: plotBottom, style: grid)
            canvas.text(NumberFormatting.metric(tick), x: x, y: plotBottom + 15, anchor: "middle")
        }
        canvas.line(
            x1: plotLeft, y1: plotBottom, x2: plotRight, y2: plotBottom,
            style: "stroke=\"\(ChartStyle.axisColor)\"")
        let direction = score.direction == .harder ? "higher is harder" : "higher is easier"
        canvas.text(
            "\(score.name), seed mean (\(direction))", x: (plotLeft + plotRight) / 2, y: plotBottom + 34,
            anchor: "middle")
        for (index, row) in rows.enumerated() {
            let middle = plotTop + (Double(index) + 0.5) * rowHeight
            canvas.append("<g>")
            canvas.append("<title>\(SVGText.escape(row.label))</title>")
            canvas.text(SVGText.truncated(row.label, limit: 32), x: labelRight, y: middle + 4, anchor: "end")
            drawBox(row, into: &canvas, scale: scale, middle: middle)
            canvas.text("n = \(row.summary.count)", x: plotRight + 8, y: middle + 4, attributes: "class=\"muted\"")
            canvas.append("</g>")
        }
        return canvas.document(height: plotBottom + 50, title: title, description: description, idPrefix: idPrefix)
    }

    private func drawBox(_ row: Row, into canvas: inout SVGCanvas, scale: LinearScale, middle: Double) {
        let color = row.series.map(ChartStyle.color) ?? .hex(ChartStyle.otherColor)
        let s = row.summary, half = 8.0
        let stroke = "\(color.stroke) stroke-width=\"1.5\""
        canvas.line(x1: scale.position(s.p05), y1: middle, x2: scale.position(s.q1), y2: middle, style: stroke)
        canvas.line(x1: scale.position(s.q3), y1: middle, x2: scale.position(s.p95), y2: middle, style: stroke)
        for end in [s.p05, s.p95] {
            let x = scale.position(end)
            canvas.line(x1: x, y1: middle - half / 2, x2: x, y2: middle + half / 2, style: stroke)
        }
        let fill = row.series.map { ChartStyle.color($0).fill } ?? "fill=\"\(ChartStyle.otherColor)\""
        canvas.rect(
            x: scale.position(s.q1), y: middle - half, width: scale.position(s.q3) - scale.position(s.q1),
            height: 2 * half, style: "\(fill) fill-opacity=\"0.35\"")
        canvas.rect(
            x: scale.position(s.q1), y: middle - half, width: scale.position(s.q3) - scale.position(s.q1),
            height: 2 * half, style: "fill=\"none\" \(stroke)")
        let median = scale.position(s.median)
        canvas.line(
            x1: median, y1: middle - half, x2: median, y2: middle + half, style: "\(color.stroke) stroke-width=\"3\"")
        if let series = row.series {
            canvas.append(ChartStyle.marker(series).svg(x: scale.start - 8, y: middle, radius: 3.5, color: color))
        }
    }
}
