import Foundation

/// Every metric DietAudit reports, each declared once as a
/// ``MetricDefinition`` (names exactly as DESIGN.md). Rule loading and
/// evaluation, the rows' storage encoding, the JSON and Markdown reports and
/// the metric listing all read this catalog.
public enum MetricCatalog {
    /// Every definition: composition per group, per attribute, then error risk.
    public static var all: [MetricDefinition] { composition + attribute + errorRisk }

    /// The definitions of one level, in report order.
    public static func definitions(at level: MetricLevel) -> [MetricDefinition] {
        all.filter { $0.level == level }
    }

    /// The definition of an error-risk metric.
    public static func definition(of metric: ErrorRiskMetric) -> MetricDefinition {
        errorRisk.first { $0.errorRiskMetric == metric }!
    }

    /// Every name a rule may use, including the `_std`, `_ci_low` and
    /// `_ci_high` fields of the error-risk metrics.
    public static var allMetrics: [String] { all.flatMap(\.reportedNames) }

    /// Resolves a name a rule or report uses: the definition and, for an
    /// error-risk metric, which field of its seed summary (`.mean` otherwise).
    public static func resolve(_ name: String) -> (definition: MetricDefinition, field: SeedSummary.Field)? {
        for definition in all {
            if definition.name == name { return (definition, .mean) }
            guard definition.level.isSeedSummary, name.hasPrefix(definition.name) else { continue }
            let suffix = String(name.dropFirst(definition.name.count))
            if let field = SeedSummary.Field(rawValue: suffix) { return (definition, field) }
        }
        return nil
    }

    /// The level of `metric`, or `nil` when the name is unknown.
    public static func level(of metric: String) -> MetricLevel? {
        resolve(metric)?.definition.level
    }

    /// The listing's column headings.
    public static let tableHeader = [
        "name", "level", "definition", "range", "ideal", "edge cases", "can be undefined", "better",
    ]

    /// The catalog as printable rows, one per metric, matching ``tableHeader``
    /// (`better` is "—" for a metric a `compare_to: previous` rule refuses).
    public static func printableRows() -> [[String]] {
        all.map { definition in
            [
                definition.name, definition.level.rawValue, definition.definition, definition.range, definition.ideal,
                definition.edgeCases, definition.canBeUndefined ? "yes" : "no", definition.better?.summary ?? "—",
            ]
        }
    }

    /// The catalog as a plain-text table with aligned columns (for a terminal).
    public static func renderedTable() -> String {
        let rows = [tableHeader] + printableRows()
        let widths = tableHeader.indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            zip(cells, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }
                .joined(separator: "  ").trimmingTrailingSpaces()
        }
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
        return ([line(tableHeader), rule] + printableRows().map(line)).joined(separator: "\n") + "\n"
    }
}

private extension String {
    func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
