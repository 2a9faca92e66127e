/// The look shared by every chart: a colour-blind-safe palette (Okabe & Ito
/// 2008) of mid-tone colours that read on GitHub's light and dark themes,
/// with a distinct marker and dash per series so no series depends on colour
/// alone, and the text colour set by an internal style sheet that follows
/// `prefers-color-scheme`. Backgrounds stay transparent.
enum ChartStyle {
    /// The class on every chart's root element; the style sheet's selectors
    /// start with it, so charts inlined in one HTML page style only themselves.
    static let rootClass = "dietaudit-chart"

    /// The style sheet: ink (text, axes, the eighth series) dark on light
    /// themes and light on dark ones; grid lines and muted text in a mid grey.
    static let styleSheet = """
        .\(rootClass) text { fill: #24292f; }
        .\(rootClass) .muted { fill: #57606a; }
        .\(rootClass) .ink-stroke { stroke: #24292f; }
        .\(rootClass) .ink-fill { fill: #24292f; }
        @media (prefers-color-scheme: dark) {
          .\(rootClass) text { fill: #e6edf3; }
          .\(rootClass) .muted { fill: #9198a1; }
          .\(rootClass) .ink-stroke { stroke: #e6edf3; }
          .\(rootClass) .ink-fill { fill: #e6edf3; }
        }
        """

    /// Axis lines and reference lines: a grey readable on white and on black.
    static let axisColor = "#8c959f"
    /// The colour of summarised groups ("12 other groups") and of chance.
    static let otherColor = "#8c959f"

    /// Okabe–Ito: vermillion, blue, bluish green, orange, reddish purple, sky
    /// blue; then olive (Paul Tol's muted palette) in place of Okabe–Ito's
    /// yellow, which is unreadable on white; the eighth series is drawn in
    /// ink (Okabe–Ito's black, which follows the theme).
    static let palette = ["#D55E00", "#0072B2", "#009E73", "#E69F00", "#CC79A7", "#56B4E9", "#999933"]

    /// The most series a chart draws one by one; more are summarised.
    static let maximumSeries = 8

    /// Groups smaller than this (the default rules' `min_group_size`) are
    /// ranked after larger ones and left out of the grey "other groups"
    /// range, whose extremes they would otherwise set by chance alone.
    static let minimumGroupSize = 20

    /// Dash patterns cycled per series (solid first).
    static let dashes = ["", "6 3", "2 3", "8 3 2 3"]

    /// The colour of series `index`.
    static func color(_ index: Int) -> SeriesColor {
        index % maximumSeries < palette.count ? .hex(palette[index % maximumSeries]) : .ink
    }

    /// The marker of series `index`.
    static func marker(_ index: Int) -> MarkerShape {
        MarkerShape.allCases[index % MarkerShape.allCases.count]
    }

    /// The dash pattern of series `index` (`""` for solid).
    static func dash(_ index: Int) -> String { dashes[index % dashes.count] }
}

/// A series colour: a palette colour, or ink that follows the theme.
enum SeriesColor: Equatable {
    case hex(String)
    case ink

    /// Attributes stroking with this colour.
    var stroke: String {
        switch self {
        case .hex(let value): "stroke=\"\(value)\""
        case .ink: "class=\"ink-stroke\""
        }
    }

    /// Attributes filling and stroking with this colour.
    var fillAndStroke: String {
        switch self {
        case .hex(let value): "fill=\"\(value)\" stroke=\"\(value)\""
        case .ink: "class=\"ink-fill ink-stroke\""
        }
    }

    /// Attributes filling with this colour.
    var fill: String {
        switch self {
        case .hex(let value): "fill=\"\(value)\""
        case .ink: "class=\"ink-fill\""
        }
    }
}
