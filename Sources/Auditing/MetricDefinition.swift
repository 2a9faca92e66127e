/// The one declaration of a metric: its contract name (DESIGN.md), the row it
/// lives on, what it means, and how to read it from that row. The
/// ``MetricCatalog`` collects them; rule evaluation, storage, the JSON and
/// Markdown reports and the metric listing all read this declaration.
public struct MetricDefinition: Sendable {
    /// The contract name, as used in rules, JSON keys and database columns.
    public let name: String
    /// The row the metric lives on.
    public let level: MetricLevel
    /// Formula or definition, in plain notation.
    public let definition: String
    /// The values it can take.
    public let range: String
    /// The value a fair plan would give ("—" when there is none).
    public let ideal: String
    /// Edge cases: when it is undefined or set by convention.
    public let edgeCases: String
    /// Which way the metric improves, read by `compare_to: previous` rules;
    /// `nil` for metrics that are evidence (p-, q-values, χ²) or describe the
    /// data (sizes, shares, interval ends), which a regression rule refuses.
    public let better: BetterDirection?
    /// Where the value lives.
    let accessor: Accessor

    /// How a definition reads its row.
    enum Accessor: Sendable {
        case composition(MetricField<CompositionRow>)
        case attribute(MetricField<AttributeRow>)
        case errorRisk(ErrorRiskMetric, canBeUndefined: Bool)
    }

    /// Whether a row can have no value for the metric (`null` in JSON and SQL).
    public var canBeUndefined: Bool {
        switch accessor {
        case .composition(let field): field.canBeUndefined
        case .attribute(let field): field.canBeUndefined
        case .errorRisk(_, let canBeUndefined): canBeUndefined
        }
    }

    /// Whether the metric is an integer count (`n`, `removed`, `kept`).
    public var isCount: Bool {
        switch accessor {
        case .composition(let field): field.isCount
        case .attribute(let field): field.isCount
        case .errorRisk: false
        }
    }

    /// The error-risk metric this definition declares, if it is one.
    public var errorRiskMetric: ErrorRiskMetric? {
        if case .errorRisk(let metric, _) = accessor { return metric }
        return nil
    }

    /// The names a report or rule may use: the name itself, and for a seed
    /// summary also `_std`, `_ci_low` and `_ci_high`.
    public var reportedNames: [String] {
        level.isSeedSummary ? SeedSummary.Field.allCases.map { $0.reportedName(of: name) } : [name]
    }

    /// The value on a composition row; `nil` when undefined or of another level.
    public func value(in row: CompositionRow) -> Double? {
        guard case .composition(let field) = accessor else { return nil }
        return field.get(row)
    }

    /// The value on an attribute row; `nil` when undefined or of another level.
    public func value(in row: AttributeRow) -> Double? {
        guard case .attribute(let field) = accessor else { return nil }
        return field.get(row)
    }

    /// One field of the seed summary on an error-risk row's metrics; `nil`
    /// when absent, undefined or of another level.
    public func value(in metrics: ErrorMetricSummaries, field: SeedSummary.Field) -> Double? {
        guard case .errorRisk(let metric, _) = accessor else { return nil }
        return metrics.value(metric, field)
    }
}

extension MetricDefinition {
    init(
        _ name: String, _ field: MetricField<CompositionRow>, definition: String, range: String, ideal: String,
        edgeCases: String = "—", better: BetterDirection?
    ) {
        self.init(
            name: name, level: .group, definition: definition, range: range, ideal: ideal,
            edgeCases: edgeCases, better: better, accessor: .composition(field))
    }

    init(
        _ name: String, _ field: MetricField<AttributeRow>, definition: String, range: String, ideal: String,
        edgeCases: String = "—", better: BetterDirection?
    ) {
        self.init(
            name: name, level: .attribute, definition: definition, range: range, ideal: ideal,
            edgeCases: edgeCases, better: better, accessor: .attribute(field))
    }

    init(
        _ metric: ErrorRiskMetric, definition: String, range: String, ideal: String, edgeCases: String = "—",
        better: BetterDirection?, canBeUndefined: Bool
    ) {
        self.init(
            name: metric.rawValue, level: metric.level, definition: definition, range: range, ideal: ideal,
            edgeCases: edgeCases, better: better, accessor: .errorRisk(metric, canBeUndefined: canBeUndefined))
    }
}
