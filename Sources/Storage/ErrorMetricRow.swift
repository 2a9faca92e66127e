import Auditing
import DietAuditCore

/// One error-risk metric of one scope (table `error_risk`), in long form: a
/// row per (score, policy, fraction, attribute, group, metric) with the mean
/// over retraining seeds and its spread. Attribute-level metrics
/// (`worst_group_accuracy`, …) have a null `group` and `n`.
public struct ErrorMetricRow: RunScopedContent, Equatable {
    public static var tableName: String { "error_risk" }
    public var score: String?
    /// The pruning policy, or `full` for the model trained on all the data.
    public var policy: String
    public var fraction: Double?
    public var attribute: String
    public var attributeKind: GroupingKind
    public var group: String?
    /// Test examples in the group.
    public var n: Int?
    public var metric: String
    public var mean: Double
    public var std: Double?
    public var ciLow: Double?
    public var ciHigh: Double?
    /// Whether the metric is a rate without its base in the group (no positive
    /// test example for `true_positive_rate`, no negative one for
    /// `false_positive_rate`): `mean` holds Fairlearn's value 0, but rules
    /// treat the rate as undefined (``ErrorRiskRow/undefinedRates``).
    public var undefined: Bool

    enum CodingKeys: String, CodingKey {
        case score, policy, fraction, attribute
        case attributeKind = "attribute_kind"
        case group, n, metric, mean, std
        case ciLow = "ci_low"
        case ciHigh = "ci_high"
        case undefined
    }

    /// The rows of every metric of one group row.
    public static func rows(of row: ErrorRiskRow) -> [ErrorMetricRow] {
        ErrorRiskMetric.metrics(at: .errorGroup).compactMap { metric in
            row.metrics[metric].map {
                ErrorMetricRow(
                    score: row.score, policy: row.policy, fraction: row.fraction, attribute: row.attribute,
                    attributeKind: row.attributeKind, group: row.group, n: row.n, metric: metric.rawValue,
                    summary: $0, undefined: row.undefinedRates.contains(metric))
            }
        }
    }

    /// The rows of every metric of one attribute row.
    public static func rows(of row: ErrorRiskAttributeRow) -> [ErrorMetricRow] {
        ErrorRiskMetric.metrics(at: .errorAttribute).compactMap { metric in
            row.metrics[metric].map {
                ErrorMetricRow(
                    score: row.score, policy: row.policy, fraction: row.fraction, attribute: row.attribute,
                    attributeKind: row.attributeKind, group: nil, n: nil, metric: metric.rawValue,
                    summary: $0)
            }
        }
    }

    init(
        score: String?, policy: String, fraction: Double?, attribute: String, attributeKind: GroupingKind,
        group: String?, n: Int?, metric: String, summary: SeedSummary, undefined: Bool = false
    ) {
        self.score = score
        self.policy = policy
        self.fraction = fraction
        self.attribute = attribute
        self.attributeKind = attributeKind
        self.group = group
        self.n = n
        self.metric = metric
        mean = summary.mean
        std = summary.std
        ciLow = summary.ciLow
        ciHigh = summary.ciHigh
        self.undefined = undefined
    }

    /// The summary this row holds.
    public var summary: SeedSummary {
        var summary = SeedSummary(values: [mean])
        summary.std = std
        summary.ciLow = ciLow
        summary.ciHigh = ciHigh
        return summary
    }
}

extension ErrorRiskAudit {
    /// Rebuilds the audit from its stored long-form rows, in stored order; a
    /// metric name this version does not know is skipped.
    public init(storedRows: [ErrorMetricRow]) {
        var rows: [ErrorRiskRow] = [], attributes: [ErrorRiskAttributeRow] = []
        var rowIndex: [String: Int] = [:], attributeIndex: [String: Int] = [:]
        for stored in storedRows {
            guard let metric = ErrorRiskMetric(rawValue: stored.metric) else { continue }
            let scope = [stored.score ?? "", stored.policy, stored.fraction.map { "\($0)" } ?? "", stored.attribute]
                .joined(separator: "\u{0}")
            if let group = stored.group {
                let key = scope + "\u{0}" + group
                if rowIndex[key] == nil {
                    rowIndex[key] = rows.count
                    rows.append(
                        ErrorRiskRow(
                            score: stored.score, policy: stored.policy, fraction: stored.fraction,
                            attribute: stored.attribute, attributeKind: stored.attributeKind, group: group,
                            n: stored.n ?? 0, metrics: [:]))
                }
                rows[rowIndex[key]!].metrics[metric] = stored.summary
                if stored.undefined { rows[rowIndex[key]!].undefinedRates.insert(metric) }
            } else {
                if attributeIndex[scope] == nil {
                    attributeIndex[scope] = attributes.count
                    attributes.append(
                        ErrorRiskAttributeRow(
                            score: stored.score, policy: stored.policy, fraction: stored.fraction,
                            attribute: stored.attribute, attributeKind: stored.attributeKind, metrics: [:]))
                }
                attributes[attributeIndex[scope]!].metrics[metric] = stored.summary
            }
        }
        self.init(rows: rows, attributes: attributes)
    }
}
