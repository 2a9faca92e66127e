/// A chart legend: entries laid out in columns below the plots, each a small
/// swatch (the series' marker and dash, a band, a reference line) and its
/// label, cut to fit with the full label as a tooltip.
struct ChartLegend {
    /// What an entry's swatch shows.
    enum Swatch {
        /// A series: its colour, marker and dash.
        case series(Int)
        /// A series' colour and marker alone (points not joined by lines).
        case marker(Int)
        /// A hollow grey marker (the random plan's points).
        case hollow
        /// A translucent band in a grey (summarised groups, chance ranges).
        case band
        /// Translucent bars in the series' colours (per-group random bands).
        case groupBands
        /// A reference line with a raw stroke style.
        case line(String)
    }

    struct Entry {
        var swatch: Swatch
        var label: String
    }

    var entries: [Entry] = []

    mutating func add(_ swatch: Swatch, _ label: String) {
        entries.append(Entry(swatch: swatch, label: label))
    }

    /// Draws the legend from `top` across `width` pixels in columns of about
    /// 240 pixels; returns the y below it.
    func draw(into canvas: inout SVGCanvas, top: Double, left: Double = 16, width: Double) -> Double {
        guard !entries.isEmpty else { return top }
        let columns = max(1, Int(width / 240)), columnWidth = width / Double(columns), rowHeight = 18.0
        let characters = Int((columnWidth - 40) / 6.2)
        canvas.text("Legend", x: left, y: top + 10, attributes: "font-weight=\"bold\"")
        for (position, entry) in entries.enumerated() {
            let x = left + Double(position % columns) * columnWidth
            let y = top + 28 + Double(position / columns) * rowHeight
            canvas.append("<g>")
            canvas.append("<title>\(SVGText.escape(entry.label))</title>")
            drawSwatch(entry.swatch, into: &canvas, x: x, y: y - 4)
            canvas.text(SVGText.truncated(entry.label, limit: characters), x: x + 32, y: y)
            canvas.append("</g>")
        }
        let rows = (entries.count + columns - 1) / columns
        return top + 28 + Double(rows) * rowHeight
    }

    private func drawSwatch(_ swatch: Swatch, into canvas: inout SVGCanvas, x: Double, y: Double) {
        switch swatch {
        case .series(let index):
            let color = ChartStyle.color(index)
            let dash = ChartStyle.dash(index)
            let dashAttribute = dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\""
            canvas.line(x1: x, y1: y, x2: x + 24, y2: y, style: "\(color.stroke) stroke-width=\"2\"\(dashAttribute)")
            canvas.append(ChartStyle.marker(index).svg(x: x + 12, y: y, radius: 4, color: color))
        case .marker(let index):
            canvas.append(ChartStyle.marker(index).svg(x: x + 12, y: y, radius: 4, color: ChartStyle.color(index)))
        case .hollow:
            canvas.append(
                MarkerShape.circle.svg(x: x + 12, y: y, radius: 4, color: .hex(ChartStyle.otherColor), hollow: true))
        case .band:
            canvas.rect(
                x: x, y: y - 6, width: 24, height: 12, style: "fill=\"\(ChartStyle.otherColor)\" fill-opacity=\"0.3\"")
        case .groupBands:
            for k in 0..<3 {
                canvas.rect(
                    x: x + 4 + Double(k) * 7, y: y - 7, width: 4, height: 14,
                    style: "\(ChartStyle.color(k).fill) fill-opacity=\"0.35\"")
            }
        case .line(let style):
            canvas.line(x1: x, y1: y, x2: x + 24, y2: y, style: style)
        }
    }
}
