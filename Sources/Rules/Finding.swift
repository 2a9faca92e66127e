import DietAuditCore

/// One breach of one rule on one row: what the report lists and the gate counts.
public struct Finding: Sendable, Equatable, Codable {
    public var ruleId: String
    public var severity: Severity
    /// Score that ranked the examples; `nil` for the `random` policy.
    public var score: String?
    public var policy: String
    /// The pruned fraction; `nil` for the `full` baseline of the error-risk audit.
    public var fraction: Double?
    public var attribute: String
    /// The group; `nil` for an attribute-level metric.
    public var group: String?
    public var metric: String
    public var value: Double
    /// The limit that was crossed.
    public var threshold: Double
    /// `below` or `above`: the side of ``threshold`` the value fell on.
    public var comparison: String
    /// One plain sentence.
    public var message: String

    /// Column and JSON names.
    enum CodingKeys: String, CodingKey {
        case ruleId = "rule_id", severity, score, policy, fraction, attribute, group, metric, value, threshold
        case comparison, message
    }

    public init(
        ruleId: String, severity: Severity, score: String?, policy: String, fraction: Double?,
        attribute: String, group: String?, metric: String, value: Double, threshold: Double,
        comparison: String, message: String
    ) {
        self.ruleId = ruleId
        self.severity = severity
        self.score = score
        self.policy = policy
        self.fraction = fraction
        self.attribute = attribute
        self.group = group
        self.metric = metric
        self.value = value
        self.threshold = threshold
        self.comparison = comparison
        self.message = message
    }
}
