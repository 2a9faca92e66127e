import Foundation

/// Marker shapes, one per series, so series differ by shape as well as colour.
enum MarkerShape: CaseIterable {
    case circle, square, triangleUp, diamond, triangleDown, plus, cross, star

    /// The marker centred at (`x`, `y`) with half-size `radius`: filled in
    /// `color`, or `hollow` (outline only, for the random baseline).
    func svg(x: Double, y: Double, radius r: Double, color: SeriesColor, hollow: Bool = false) -> String {
        let paint = hollow ? "fill=\"none\" \(color.stroke) stroke-width=\"1.5\"" : color.fillAndStroke
        let n = SVGText.number
        switch self {
        case .circle:
            return "<circle cx=\"\(n(x))\" cy=\"\(n(y))\" r=\"\(n(r))\" \(paint)/>"
        case .square:
            let side = r * 1.7
            return "<rect x=\"\(n(x - side / 2))\" y=\"\(n(y - side / 2))\" width=\"\(n(side))\" "
                + "height=\"\(n(side))\" \(paint)/>"
        case .plus, .cross:
            let (dx, dy) = self == .plus ? (r * 1.2, 0.0) : (r * 0.9, r * 0.9)
            let path =
                self == .plus
                ? "M\(n(x - dx)) \(n(y))H\(n(x + dx))M\(n(x)) \(n(y - dx))V\(n(y + dx))"
                : "M\(n(x - dx)) \(n(y - dy))L\(n(x + dx)) \(n(y + dy))"
                    + "M\(n(x - dx)) \(n(y + dy))L\(n(x + dx)) \(n(y - dy))"
            return "<path d=\"\(path)\" fill=\"none\" \(color.stroke) stroke-width=\"2\"/>"
        default:
            return "<path d=\"\(polygon(x: x, y: y, r: r))\" \(paint)/>"
        }
    }

    private func polygon(x: Double, y: Double, r: Double) -> String {
        let points: [(Double, Double)]
        switch self {
        case .triangleUp: points = [(0, -1.2), (1.1, 0.8), (-1.1, 0.8)]
        case .triangleDown: points = [(0, 1.2), (1.1, -0.8), (-1.1, -0.8)]
        case .diamond: points = [(0, -1.3), (1.1, 0), (0, 1.3), (-1.1, 0)]
        default:
            points = (0..<10).map { k in
                let angle = Double(k) * Double.pi / 5 - Double.pi / 2, radius = k % 2 == 0 ? 1.35 : 0.6
                return (radius * cos(angle), radius * sin(angle))
            }
        }
        let corners = points.map { "\(SVGText.number(x + $0.0 * r)) \(SVGText.number(y + $0.1 * r))" }
        return "M" + corners.joined(separator: "L") + "Z"
    }
}
