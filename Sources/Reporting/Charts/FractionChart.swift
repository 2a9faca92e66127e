/// A chart of small multiples against the pruned fraction: a heading, one
/// ``FractionPanel`` per policy in a grid of one or two columns, a legend.
struct FractionChart {
    var title: String
    var subtitle: String
    var description: String
    var panels: [FractionPanel]
    var axes: FractionAxes
    var legend: ChartLegend
    /// Makes the ids inside the document unique when inlined beside others.
    var idPrefix: String

    static let width = 760.0

    /// The SVG document.
    func svg() -> String {
        var canvas = SVGCanvas(width: Self.width)
        let top = canvas.heading(title: title, subtitle: subtitle)
        let columns = panels.count > 1 ? 2 : 1, gap = 24.0
        let panelWidth = (Self.width - 32 - gap * Double(columns - 1)) / Double(columns)
        let panelHeight = columns == 1 ? 320.0 : 270.0
        for (position, panel) in panels.enumerated() {
            panel.draw(
                into: &canvas, axes: axes, left: 16 + Double(position % columns) * (panelWidth + gap),
                top: top + Double(position / columns) * (panelHeight + 12), width: panelWidth, height: panelHeight)
        }
        let rows = (panels.count + columns - 1) / columns
        let legendTop = top + Double(rows) * (panelHeight + 12) + 4
        let bottom = legend.draw(into: &canvas, top: legendTop, width: Self.width - 32)
        return canvas.document(height: bottom + 8, title: title, description: description, idPrefix: idPrefix)
    }
}
