/// One chart of a report: an SVG document written beside the Markdown report
/// (and inlined in HTML), with what a reader needs to refer to it.
public struct ReportChart: Sendable, Equatable {
    /// The file name beside the report: the audit's file name, the chart's
    /// kind and, for per-score charts, the score — safe characters only
    /// (letters, digits, `-`, `_`, `.`), unique within a run.
    public let fileName: String
    /// The chart's title as it is drawn (plain text, not escaped).
    public let title: String
    /// One sentence of alternative text: what the chart shows and its most
    /// striking value.
    public let description: String
    /// Which section of the report the chart belongs to.
    public let placement: ChartPlacement
    /// The SVG document (UTF-8 XML, ending in a line break).
    public let svg: String

    public init(fileName: String, title: String, description: String, placement: ChartPlacement, svg: String) {
        self.fileName = fileName
        self.title = title
        self.description = description
        self.placement = placement
        self.svg = svg
    }
}

/// The report section a chart belongs to.
public enum ChartPlacement: String, Sendable {
    /// "Who gets removed": removal rates and retention ratios.
    case composition
    /// "Who pays for it": accuracy of retrained models.
    case errorRisk
    /// The scores themselves: their distributions by group.
    case scores
}
