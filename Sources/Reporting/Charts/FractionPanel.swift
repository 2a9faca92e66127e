/// One point of a series: a value `y` at fraction `x`, with an optional
/// interval [`low`, `high`].
struct ChartPoint: Equatable {
    var x: Double
    var y: Double
    var low: Double? = nil
    var high: Double? = nil
}

/// One group's points in a panel, drawn in series `index`'s style.
struct ChartSeries {
    var index: Int
    var points: [ChartPoint]
}

/// One panel of a chart against the pruned fraction (one plan's policy):
/// group lines with markers and interval bars, the random baseline behind
/// them (per-group translucent bars for the random band, or hollow markers
/// for the single random plan), a grey band spanning the summarised groups,
/// and optionally the diagonal y = x (the overall removal rate R/N).
struct FractionPanel {
    var title: String
    var series: [ChartSeries] = []
    /// Per-group random bands (each point's `low`…`high`).
    var bands: [ChartSeries] = []
    /// Hollow markers: the single random plan's value per group.
    var references: [ChartSeries] = []
    /// The summarised groups' range (`low`…`high`) at each x.
    var others: [ChartPoint] = []
    var diagonal = false
}

/// The axes shared by every panel of a chart.
struct FractionAxes {
    var x: ClosedRange<Double>
    var y: ClosedRange<Double>
    var xTicks: [Double]
    var yTicks: [Double]
    var xLabel: String
    var yLabel: String
    /// How many series are dodged sideways at each x.
    var seriesCount: Int

    /// A fraction or rate as a percentage with no decimals (`30%`), or one
    /// when needed (`12.5%`).
    static func percent(_ value: Double) -> String {
        let scaled = value * 100
        return abs(scaled - scaled.rounded()) < 1e-9
            ? "\(Int(scaled.rounded()))%" : SVGText.number(scaled) + "%"
    }
}

extension FractionPanel {
    /// Draws the panel with its top-left corner at (`left`, `top`).
    func draw(
        into canvas: inout SVGCanvas, axes: FractionAxes, left: Double, top: Double, width: Double,
        height: Double
    ) {
        let plotLeft = left + 52, plotTop = top + 32, plotRight = left + width - 8, plotBottom = top + height - 40
        let xScale = LinearScale(domain: axes.x, start: plotLeft, end: plotRight)
        let yScale = LinearScale(domain: axes.y, start: plotBottom, end: plotTop)
        canvas.text(
            SVGText.truncated(title, limit: Int(width / 7)), x: left, y: top + 12,
            attributes: "font-weight=\"bold\" font-size=\"13\"")
        drawGrid(into: &canvas, axes: axes, xScale: xScale, yScale: yScale)
        let dodge = min(3.5, (plotRight - plotLeft) / Double(max(1, axes.seriesCount)) / 12)
        func px(_ series: ChartSeries, _ point: ChartPoint) -> Double {
            xScale.position(point.x) + (Double(series.index) - Double(axes.seriesCount - 1) / 2) * dodge
        }
        if others.count > 0 {
            let upper = others.map { (x: xScale.position($0.x), y: yScale.position($0.high ?? $0.y)) }
            let lower = others.reversed().map { (x: xScale.position($0.x), y: yScale.position($0.low ?? $0.y)) }
            let shape = others.count == 1 ? widened(upper + lower) : upper + lower
            canvas.polygon(shape, style: "fill=\"\(ChartStyle.otherColor)\" fill-opacity=\"0.25\"")
        }
        if diagonal {
            let end = min(axes.x.upperBound, axes.y.upperBound)
            canvas.line(
                x1: xScale.position(0), y1: yScale.position(0), x2: xScale.position(end), y2: yScale.position(end),
                style: "stroke=\"\(ChartStyle.axisColor)\" stroke-width=\"1.5\" stroke-dasharray=\"5 4\"")
        }
        for band in bands {
            for point in band.points {
                guard let low = point.low, let high = point.high else { continue }
                let top = yScale.position(high), bottom = yScale.position(low)
                canvas.rect(
                    x: px(band, point) - 3, y: top, width: 6, height: max(1.5, bottom - top),
                    style: "\(ChartStyle.color(band.index).fill) fill-opacity=\"0.3\"")
            }
        }
        for reference in references {
            for point in reference.points {
                canvas.append(
                    ChartStyle.marker(reference.index).svg(
                        x: px(reference, point), y: yScale.position(point.y), radius: 4.5,
                        color: ChartStyle.color(reference.index), hollow: true))
            }
        }
        for line in series { drawSeries(line, into: &canvas, yScale: yScale, x: { px(line, $0) }) }
    }

    private func drawSeries(
        _ line: ChartSeries, into canvas: inout SVGCanvas, yScale: LinearScale, x: (ChartPoint) -> Double
    ) {
        let color = ChartStyle.color(line.index), dash = ChartStyle.dash(line.index)
        let dashAttribute = dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\""
        canvas.polyline(
            line.points.map { (x: x($0), y: yScale.position($0.y)) },
            style: "\(color.stroke) stroke-width=\"1.8\"\(dashAttribute)")
        for point in line.points {
            if let low = point.low, let high = point.high {
                let position = x(point)
                canvas.line(
                    x1: position, y1: yScale.position(low), x2: position, y2: yScale.position(high),
                    style: "\(color.stroke) stroke-width=\"1.2\" stroke-opacity=\"0.6\"")
            }
            canvas.append(
                ChartStyle.marker(line.index).svg(
                    x: x(point), y: yScale.position(point.y), radius: 3.5, color: color))
        }
    }

    private func widened(_ points: [(x: Double, y: Double)]) -> [(x: Double, y: Double)] {
        guard points.count == 2 else { return points }
        return [
            (points[0].x - 10, points[0].y), (points[0].x + 10, points[0].y),
            (points[1].x + 10, points[1].y), (points[1].x - 10, points[1].y),
        ]
    }

    private func drawGrid(
        into canvas: inout SVGCanvas, axes: FractionAxes, xScale: LinearScale, yScale: LinearScale
    ) {
        let grid = "stroke=\"\(ChartStyle.axisColor)\" stroke-opacity=\"0.3\""
        for tick in axes.yTicks {
            let y = yScale.position(tick)
            canvas.line(x1: xScale.start, y1: y, x2: xScale.end, y2: y, style: grid)
            canvas.text(FractionAxes.percent(tick), x: xScale.start - 6, y: y + 4, anchor: "end")
        }
        for tick in axes.xTicks {
            let x = xScale.position(tick)
            canvas.line(x1: x, y1: yScale.start, x2: x, y2: yScale.end, style: grid)
            canvas.text(FractionAxes.percent(tick), x: x, y: yScale.start + 15, anchor: "middle")
        }
        let axis = "stroke=\"\(ChartStyle.axisColor)\""
        canvas.line(x1: xScale.start, y1: yScale.start, x2: xScale.end, y2: yScale.start, style: axis)
        canvas.line(x1: xScale.start, y1: yScale.start, x2: xScale.start, y2: yScale.end, style: axis)
        canvas.text(axes.xLabel, x: (xScale.start + xScale.end) / 2, y: yScale.start + 32, anchor: "middle")
        let middle = (yScale.start + yScale.end) / 2, labelX = xScale.start - 40
        canvas.text(
            axes.yLabel, x: labelX, y: middle, anchor: "middle",
            attributes: "transform=\"rotate(-90 \(SVGText.number(labelX)) \(SVGText.number(middle)))\"")
    }
}
