/// An SVG document under construction: elements appended in drawing order,
/// every text escaped by ``SVGText/escape(_:)`` and every coordinate printed by
/// ``SVGText/number(_:)``, so equal inputs give byte-identical documents.
struct SVGCanvas {
    /// The document's width in pixels.
    let width: Double
    /// The elements so far, one per line.
    private(set) var elements: [String] = []

    init(width: Double) {
        self.width = width
    }

    /// Appends raw markup (already escaped).
    mutating func append(_ markup: String) {
        elements.append(markup)
    }

    /// Appends a text element; `anchor` is `start`, `middle` or `end`;
    /// `attributes` are extra raw attributes (e.g. `font-weight="bold"`).
    mutating func text(
        _ content: String, x: Double, y: Double, anchor: String = "start", attributes: String = ""
    ) {
        let extra = attributes.isEmpty ? "" : " " + attributes
        elements.append(
            "<text x=\"\(SVGText.number(x))\" y=\"\(SVGText.number(y))\" text-anchor=\"\(anchor)\"\(extra)>"
                + SVGText.escape(content) + "</text>")
    }

    /// Appends a straight line; `style` holds its raw stroke attributes.
    mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, style: String) {
        let n = SVGText.number
        elements.append("<line x1=\"\(n(x1))\" y1=\"\(n(y1))\" x2=\"\(n(x2))\" y2=\"\(n(y2))\" \(style)/>")
    }

    /// Appends a polyline through `points`; `style` holds its raw attributes.
    mutating func polyline(_ points: [(x: Double, y: Double)], style: String) {
        guard points.count > 1 else { return }
        let list = points.map { "\(SVGText.number($0.x)),\(SVGText.number($0.y))" }.joined(separator: " ")
        elements.append("<polyline points=\"\(list)\" fill=\"none\" \(style)/>")
    }

    /// Appends a closed polygon through `points`; `style` holds its raw attributes.
    mutating func polygon(_ points: [(x: Double, y: Double)], style: String) {
        guard points.count > 2 else { return }
        let list = points.map { "\(SVGText.number($0.x)),\(SVGText.number($0.y))" }.joined(separator: " ")
        elements.append("<polygon points=\"\(list)\" \(style)/>")
    }

    /// Appends a rectangle; `style` holds its raw attributes.
    mutating func rect(x: Double, y: Double, width: Double, height: Double, style: String) {
        let n = SVGText.number
        elements.append(
            "<rect x=\"\(n(x))\" y=\"\(n(y))\" width=\"\(n(max(0, width)))\" height=\"\(n(max(0, height)))\" \(style)/>"
        )
    }

    /// Draws the title (bold) and the subtitle (wrapped, muted) from the top
    /// left; returns the y below them.
    mutating func heading(title: String, subtitle: String) -> Double {
        text(title, x: 16, y: 24, attributes: "font-size=\"16\" font-weight=\"bold\"")
        var y = 24.0
        for line in SVGText.wrapped(subtitle, width: Int((width - 32) / 6.2)) {
            y += 16
            text(line, x: 16, y: y, attributes: "class=\"muted\"")
        }
        return y + 14
    }

    /// The finished document of height `height`: root element with its
    /// accessible title and description (`idPrefix` makes their ids unique
    /// when several charts are inlined in one page), style sheet, elements.
    func document(height: Double, title: String, description: String, idPrefix: String) -> String {
        let width = SVGText.number(width), heightText = SVGText.number(height.rounded(.up))
        let titleId = SVGText.escape(idPrefix + "-title"), descriptionId = SVGText.escape(idPrefix + "-desc")
        let header = [
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"\(ChartStyle.rootClass)\" width=\"\(width)\" "
                + "height=\"\(heightText)\" viewBox=\"0 0 \(width) \(heightText)\" role=\"img\" "
                + "aria-labelledby=\"\(titleId) \(descriptionId)\" font-family=\"Helvetica, Arial, sans-serif\" "
                + "font-size=\"12\">",
            "<title id=\"\(titleId)\">\(SVGText.escape(title))</title>",
            "<desc id=\"\(descriptionId)\">\(SVGText.escape(description))</desc>",
            "<style>", ChartStyle.styleSheet, "</style>",
        ]
        return (header + elements + ["</svg>"]).joined(separator: "\n") + "\n"
    }
}
