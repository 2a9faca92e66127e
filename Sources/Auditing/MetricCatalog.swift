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

    /// The catalog for a terminal: one entry per metric, its name and short
    /// facts on the first line (an ideal or edge cases of "—" are left out),
    /// then its definition and edge cases indented
    /// and wrapped so no line is longer than `width` (a word longer than that
    /// stands alone on its line).
    ///
    /// ```
    /// retention_ratio — group · range [0, ∞) · ideal 1 · better toward 1 · can be undefined
    ///     share_after / share_before …
    ///     Edge cases: …
    /// ```
    public static func renderedTable(width: Int = 100) -> String {
        let entries = all.map { definition -> String in
            var facts = [definition.level.rawValue, "range " + definition.range]
            if definition.ideal != "—" { facts.append("ideal " + definition.ideal) }
            facts.append("better " + (definition.better?.summary ?? "— (no compare_to rule)"))
            if definition.canBeUndefined { facts.append("can be undefined") }
            var lines =
                wrap(definition.name + " — " + facts.joined(separator: " · "), width: width, indent: "")
                + wrap(definition.definition, width: width, indent: "    ")
            if definition.edgeCases != "—" {
                lines += wrap("Edge cases: " + definition.edgeCases, width: width, indent: "    ")
            }
            return lines.joined(separator: "\n")
        }
        return entries.joined(separator: "\n\n") + "\n"
    }

    /// `text` broken at spaces into lines of at most `width` characters, each
    /// starting with `indent`; later lines start with `continuation` (by
    /// default `indent`, or four spaces when `indent` is empty).
    public static func wrap(_ text: String, width: Int, indent: String, continuation: String? = nil) -> [String] {
        let continuation = continuation ?? (indent.isEmpty ? "    " : indent)
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            let prefix = lines.isEmpty ? indent : continuation
            if !current.isEmpty, prefix.count + current.count + 1 + word.count > width {
                lines.append(prefix + current)
                current = ""
            }
            current += (current.isEmpty ? "" : " ") + word
        }
        if !current.isEmpty { lines.append((lines.isEmpty ? indent : continuation) + current) }
        return lines
    }
}
